package dev.bitzel.parser.internal.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits Python source into tokens, with INDENT/DEDENT/NEWLINE as CPython's tokenizer produces them. */
final class Lexer {
    enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, EOF }

    /**
     * One token. For strings, {@code value} is the decoded text (String, or byte[] for bytes literals) and
     * {@code fstring} tells that the text is the raw body of an f-string.
     */
    record Token(Kind kind, String text, Object value, int line, int col, boolean fstring, boolean raw) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
        }
    }

    private static final String[] OPS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=",
        "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    };

    /** Characters that can follow the first character of a multi-character operator. */
    private static final String OP_SECOND = "*/>=<.-+%&|^@";
    private static final String[] SINGLE_OPS = new String[128];
    private static final boolean[] ASCII_IDENT = new boolean[128];

    static {
        for (char c : "+-*/%@&|^~<>()[]{},:.;=".toCharArray()) {
            SINGLE_OPS[c] = String.valueOf(c).intern();
        }
        for (char c = 0; c < 128; c++) {
            ASCII_IDENT[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    private final String src;
    private final String file;
    private final int lineOffset;
    private int pos;
    private int line;
    private int lineStart;
    private int depth;
    private final List<Integer> indents = new ArrayList<>();
    /** Open brackets as {line, column, char}, innermost last. */
    private final List<int[]> open = new ArrayList<>();
    /** Set when the source ends inside brackets; the parser reports it if it runs into the end. */
    PythonSyntaxError unclosed;
    private final List<Token> out;

    Lexer(String src, String file, int firstLine) {
        this.src = src;
        this.file = file;
        this.lineOffset = firstLine - 1;
        this.line = 1;
        this.out = new ArrayList<>(src.length() / 4 + 16);
        indents.add(0);
    }

    PythonSyntaxError error(String msg, int l, int c) {
        return new PythonSyntaxError(file, l + lineOffset, c, msg);
    }

    List<Token> tokenize() {
        boolean atLineStart = true;
        int n = src.length();
        while (true) {
            if (atLineStart && depth == 0) {
                // measure indentation
                int col = 0;
                int p = pos;
                while (p < n) {
                    char c = src.charAt(p);
                    if (c == ' ') {
                        col++;
                    } else if (c == '\t') {
                        col = (col / 8 + 1) * 8;
                    } else if (c == '\f') {
                        col = 0;
                    } else {
                        break;
                    }
                    p++;
                }
                if (p >= n) {
                    pos = p;
                    break;
                }
                char c = src.charAt(p);
                if (c == '#' || c == '\n' || c == '\r' || (c == '\\' && p + 1 < n && src.charAt(p + 1) == '\n')) {
                    // blank or comment line: no indentation tokens
                    pos = p;
                    if (c == '#') {
                        while (pos < n && src.charAt(pos) != '\n') {
                            pos++;
                        }
                    }
                    if (pos < n && src.charAt(pos) == '\\') {
                        pos++;
                    }
                    if (pos < n && src.charAt(pos) == '\r') {
                        pos++;
                    }
                    if (pos < n && src.charAt(pos) == '\n') {
                        pos++;
                        line++;
                        lineStart = pos;
                    }
                    continue;
                }
                pos = p;
                int cur = indents.get(indents.size() - 1);
                if (col > cur) {
                    indents.add(col);
                    out.add(new Token(Kind.INDENT, "", null, line, 1, false, false));
                } else {
                    while (col < indents.get(indents.size() - 1)) {
                        indents.remove(indents.size() - 1);
                        out.add(new Token(Kind.DEDENT, "", null, line, col + 1, false, false));
                    }
                    if (col != indents.get(indents.size() - 1)) {
                        throw error("unindent does not match any outer indentation level", line, col + 1);
                    }
                }
                atLineStart = false;
            }
            if (pos >= n) {
                break;
            }
            char c = src.charAt(pos);
            int col = pos - lineStart + 1;
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
                continue;
            }
            if (c == '#') {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '\\') {
                int p = pos + 1;
                if (p < n && src.charAt(p) == '\r') {
                    p++;
                }
                if (p < n && src.charAt(p) == '\n') {
                    pos = p + 1;
                    line++;
                    lineStart = pos;
                    continue;
                }
                throw error("unexpected character after line continuation character", line, col);
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    pos++;
                    if (pos < n && src.charAt(pos) == '\n') {
                        pos++;
                    }
                } else {
                    pos++;
                }
                if (depth == 0) {
                    out.add(new Token(Kind.NEWLINE, "\n", null, line, col, false, false));
                    atLineStart = true;
                }
                line++;
                lineStart = pos;
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c > 127 && Character.isJavaIdentifierStart(c)) {
                int start = pos;
                while (pos < n) {
                    char d = src.charAt(pos);
                    boolean part = d < 128 ? ASCII_IDENT[d] : Character.isLetterOrDigit(d) || Character.isJavaIdentifierPart(d);
                    if (!part) {
                        break;
                    }
                    pos++;
                }
                String word = src.substring(start, pos);
                if (pos < n && (src.charAt(pos) == '\'' || src.charAt(pos) == '"') && isPrefix(word)) {
                    lexString(word.toLowerCase(java.util.Locale.ROOT), col);
                } else {
                    out.add(new Token(Kind.NAME, word, null, line, col, false, false));
                }
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(src.charAt(pos + 1)))) {
                lexNumber(col);
                continue;
            }
            if (c == '\'' || c == '"') {
                lexString("", col);
                continue;
            }
            String op = null;
            if (pos + 1 < n && OP_SECOND.indexOf(src.charAt(pos + 1)) >= 0) {
                for (String o : OPS) {
                    if (src.startsWith(o, pos)) {
                        op = o;
                        break;
                    }
                }
            }
            if (op == null && c < 128 && SINGLE_OPS[c] != null) {
                op = SINGLE_OPS[c];
            }
            if (op == null) {
                if (c < 128 && c > ' ' && "+-*/%@&|^~<>()[]{},:.;=!".indexOf(c) < 0) {
                    throw error("invalid syntax", line, col);
                }
                if ("+-*/%@&|^~<>()[]{},:.;=!".indexOf(c) < 0) {
                    throw error("invalid character '" + c + "' (U+" + String.format("%04X", (int) c) + ")", line, col);
                }
                op = String.valueOf(c);
                if (op.equals("!")) {
                    throw error("invalid syntax", line, col);
                }
            }
            if (op.equals("(") || op.equals("[") || op.equals("{")) {
                depth++;
                open.add(new int[] {line, col, op.charAt(0)});
            } else if (op.equals(")") || op.equals("]") || op.equals("}")) {
                if (depth == 0) {
                    throw error("unmatched '" + op + "'", line, col);
                }
                depth--;
                int[] o = open.remove(open.size() - 1);
                char expected = o[2] == '(' ? ')' : o[2] == '[' ? ']' : '}';
                if (op.charAt(0) != expected) {
                    throw error("closing parenthesis '" + op + "' does not match opening parenthesis '" + (char) o[2]
                            + "'" + (o[0] != line ? " on line " + (o[0] + lineOffset) : ""), line, col);
                }
            }
            pos += op.length();
            out.add(new Token(Kind.OP, op, null, line, col, false, false));
        }
        if (depth > 0) {
            int[] o = open.get(open.size() - 1);
            unclosed = error("'" + (char) o[2] + "' was never closed", o[0], o[1]);
            depth = 0;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != Kind.NEWLINE
                && out.get(out.size() - 1).kind() != Kind.DEDENT) {
            out.add(new Token(Kind.NEWLINE, "", null, line, pos - lineStart + 1, false, false));
        }
        while (indents.size() > 1) {
            indents.remove(indents.size() - 1);
            out.add(new Token(Kind.DEDENT, "", null, line, 1, false, false));
        }
        out.add(new Token(Kind.EOF, "", null, line, pos - lineStart + 1, false, false));
        return out;
    }

    private static boolean isPrefix(String w) {
        String l = w.toLowerCase(java.util.Locale.ROOT);
        switch (l) {
            case "r": case "u": case "f": case "b": case "rb": case "br": case "fr": case "rf":
                return true;
            default:
                return false;
        }
    }

    private void lexNumber(int col) {
        int start = pos;
        int n = src.length();
        char c = src.charAt(pos);
        if (c == '0' && pos + 1 < n && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char k = Character.toLowerCase(src.charAt(pos + 1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            pos += 2;
            StringBuilder sb = new StringBuilder();
            while (pos < n && (Character.digit(src.charAt(pos), radix) >= 0 || src.charAt(pos) == '_')) {
                if (src.charAt(pos) != '_') {
                    sb.append(src.charAt(pos));
                }
                pos++;
            }
            if (sb.length() == 0) {
                throw error("invalid " + (radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") + " literal",
                        line, col);
            }
            out.add(new Token(Kind.NUMBER, src.substring(start, pos), Ints.normalize(new BigInteger(sb.toString(), radix)),
                    line, col, false, false));
            return;
        }
        boolean isFloat = false;
        while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < n && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < n && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
                p++;
            }
            if (p < n && Character.isDigit(src.charAt(p))) {
                isFloat = true;
                pos = p;
                while (pos < n && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
            }
        }
        if (pos < n && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
            throw error("bitzel: complex numbers are not supported", line, col);
        }
        String text = src.substring(start, pos);
        String clean = text.replace("_", "");
        Object value;
        if (isFloat) {
            value = Double.parseDouble(clean);
        } else {
            if (clean.length() > 1 && clean.charAt(0) == '0' && !clean.chars().allMatch(ch -> ch == '0')) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        line, col);
            }
            value = clean.length() < 18 ? (Object) Long.parseLong(clean) : Ints.normalize(new BigInteger(clean));
        }
        out.add(new Token(Kind.NUMBER, text, value, line, col, false, false));
    }

    private void lexString(String prefix, int col) {
        boolean raw = prefix.indexOf('r') >= 0;
        boolean bytes = prefix.indexOf('b') >= 0;
        boolean fstr = prefix.indexOf('f') >= 0;
        int n = src.length();
        char q = src.charAt(pos);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), pos);
        int startLine = line;
        pos += triple ? 3 : 1;
        int bodyStart = pos;
        while (true) {
            if (pos >= n) {
                throw error(triple ? "unterminated triple-quoted string literal (detected at line " + (line + lineOffset) + ")"
                        : "unterminated string literal (detected at line " + (line + lineOffset) + ")", startLine, col);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                if (pos - 1 < n && src.charAt(pos - 1) == '\n') {
                    line++;
                    lineStart = pos;
                }
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    throw error("unterminated string literal (detected at line " + (line + lineOffset) + ")", startLine, col);
                }
                line++;
                lineStart = pos + 1;
            }
            if (c == q && (!triple || src.startsWith(String.valueOf(q).repeat(3), pos))) {
                break;
            }
            pos++;
        }
        String body = src.substring(bodyStart, pos);
        pos += triple ? 3 : 1;
        if (fstr) {
            out.add(new Token(Kind.STRING, body, body, startLine, col, true, raw));
            return;
        }
        Object value;
        if (bytes) {
            String s = raw ? body : unescape(body, true, startLine, col);
            byte[] b = new byte[s.length()];
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 255) {
                    throw error("bytes can only contain ASCII literal characters", startLine, col);
                }
                b[i] = (byte) s.charAt(i);
            }
            value = b;
        } else {
            value = raw ? body : unescape(body, false, startLine, col);
        }
        out.add(new Token(Kind.STRING, body, value, startLine, col, false, raw));
    }

    String unescape(String s, boolean bytes, int l, int c) {
        if (s.indexOf('\\') < 0) {
            return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n");
        }
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= n) {
                sb.append(ch);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\n': break;
                case '\\': sb.append('\\'); break;
                case '\'': sb.append('\''); break;
                case '"': sb.append('"'); break;
                case 'a': sb.append('\u0007'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'v': sb.append('\u000b'); break;
                case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    int v = 0;
                    int k = 0;
                    while (k < 3 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                        v = v * 8 + (s.charAt(i) - '0');
                        i++;
                        k++;
                    }
                    i--;
                    sb.append((char) v);
                    break;
                }
                case 'x':
                    sb.appendCodePoint(hex(s, i + 1, 2, l, c));
                    i += 2;
                    break;
                case 'u':
                    if (bytes) {
                        sb.append("\\u");
                    } else {
                        sb.appendCodePoint(hex(s, i + 1, 4, l, c));
                        i += 4;
                    }
                    break;
                case 'U':
                    if (bytes) {
                        sb.append("\\U");
                    } else {
                        sb.appendCodePoint(hex(s, i + 1, 8, l, c));
                        i += 8;
                    }
                    break;
                case 'N': {
                    int close = s.indexOf('}', i);
                    if (bytes || i + 1 >= n || s.charAt(i + 1) != '{' || close < 0) {
                        sb.append("\\N");
                        break;
                    }
                    try {
                        sb.appendCodePoint(Character.codePointOf(s.substring(i + 2, close)));
                    } catch (IllegalArgumentException ex) {
                        throw error("(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name", l, c);
                    }
                    i = close;
                    break;
                }
                default:
                    sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    private int hex(String s, int from, int len, int l, int c) {
        if (from + len > s.length()) {
            throw error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated escape", l, c);
        }
        try {
            return Integer.parseInt(s.substring(from, from + len), 16);
        } catch (NumberFormatException ex) {
            throw error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated escape", l, c);
        }
    }
}
