package dev.bitzel.kas.internal.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a configuration tree the way kas' {@code dump} does: PyYAML's block style (with kas' {@code |}
 * style for multi-line strings and empty nulls) or Python's {@code json.dump(indent=N)}.
 */
public final class Emitter {
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
    private static final Pattern OTHER = Pattern.compile("<<|=");

    private Emitter() {
    }

    /** YAML text of {@code root} (a mapping), ending with a newline. */
    public static String yaml(Map<String, Object> root, int indent, boolean sort) {
        StringBuilder sb = new StringBuilder();
        if (root.isEmpty()) {
            return "{}\n";
        }
        yamlMap(sb, root, 0, Math.max(2, Math.min(9, indent)), sort);
        return sb.toString();
    }

    private static void yamlMap(StringBuilder sb, Map<String, Object> map, int col, int indent, boolean sort) {
        Map<String, Object> m = sort ? new TreeMap<>(map) : map;
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!first || col > 0) {
                sb.append(" ".repeat(col));
            }
            first = false;
            sb.append(scalarText(e.getKey(), col, indent, true)).append(':');
            value(sb, e.getValue(), col, indent, sort, true);
        }
    }

    private static void value(StringBuilder sb, Object v, int col, int indent, boolean sort, boolean inMap) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            yamlMap(sb, Values.map(m), col + indent, indent, sort);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            // PyYAML does not indent a sequence below its mapping key
            int itemCol = inMap ? col : col + indent;
            for (Object o : l) {
                sb.append(" ".repeat(itemCol)).append('-');
                listItem(sb, o, itemCol, indent, sort);
            }
        } else if (v == null) {
            sb.append('\n');
        } else {
            sb.append(' ').append(scalarOrEmpty(v, col + indent, indent)).append('\n');
        }
    }

    private static void listItem(StringBuilder sb, Object o, int col, int indent, boolean sort) {
        if (o instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append(" ".repeat(indent - 1));
            Map<String, Object> mm = sort ? new TreeMap<>(Values.map(m)) : Values.map(m);
            boolean first = true;
            for (Map.Entry<String, Object> e : mm.entrySet()) {
                if (!first) {
                    sb.append(" ".repeat(col + indent));
                }
                first = false;
                sb.append(scalarText(e.getKey(), col + indent, indent, true)).append(':');
                value(sb, e.getValue(), col + indent, indent, sort, true);
            }
        } else if (o instanceof List<?> l && !l.isEmpty()) {
            sb.append(" ".repeat(indent - 1));
            boolean first = true;
            for (Object x : l) {
                if (!first) {
                    sb.append(" ".repeat(col + indent));
                }
                first = false;
                sb.append('-');
                listItem(sb, x, col + indent, indent, sort);
            }
        } else if (o == null) {
            sb.append('\n');
        } else {
            sb.append(' ').append(scalarOrEmpty(o, col + indent, indent)).append('\n');
        }
    }

    private static String scalarOrEmpty(Object v, int col, int indent) {
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        return scalarText(v, col, indent, false);
    }

    private static String scalarText(Object v, int col, int indent, boolean key) {
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return pyFloat(d);
        }
        String s = v.toString();
        if (!key && s.indexOf('\n') >= 0) {
            String block = block(s, col);
            if (block != null) {
                return block;
            }
        }
        return quoteIfNeeded(s, key);
    }

    private static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String r = Double.toString(d);
        return r.contains("E") ? r.replace("E", "e+").replace("e+-", "e-") : r;
    }

    /** PyYAML's analyze_scalar, reduced to what choosing plain, single- or double-quoted needs. */
    private static String quoteIfNeeded(String s, boolean key) {
        Analysis a = analyze(s);
        boolean implicitStr = !mayResolveToOtherType(s);
        if (implicitStr && a.allowBlockPlain && !(key && a.multiline)) {
            return s;
        }
        if (a.allowSingleQuoted && !(key && a.multiline)) {
            return "'" + s.replace("'", "''") + "'";
        }
        return doubleQuoted(s);
    }

    /**
     * Whether one of PyYAML's implicit resolvers (bool, float, int, null, timestamp, merge/value) matches: like
     * PyYAML, the candidates are chosen by the first character, which spares the regexes for most strings.
     */
    private static boolean mayResolveToOtherType(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if ("yYnNtTfFoO".indexOf(c) >= 0 && BOOL.matcher(s).matches()) {
            return true;
        }
        if (("-+.".indexOf(c) >= 0 || (c >= '0' && c <= '9')) && (FLOAT.matcher(s).matches()
                || INT.matcher(s).matches() || TIMESTAMP.matcher(s).matches())) {
            return true;
        }
        if ("~nN".indexOf(c) >= 0 && NULL.matcher(s).matches()) {
            return true;
        }
        return (c == '<' || c == '=') && OTHER.matcher(s).matches();
    }

    private static String block(String s, int col) {
        Analysis a = analyze(s);
        if (!a.allowBlock) {
            return null;
        }
        StringBuilder sb = new StringBuilder("|");
        if (s.startsWith(" ") || s.startsWith("\n")) {
            sb.append(2);
        }
        if (!s.endsWith("\n")) {
            sb.append('-');
        } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
            sb.append('+');
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        String pad = " ".repeat(Math.max(col, 2));
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(pad).append(line);
            }
        }
        return sb.toString();
    }

    private record Analysis(boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted,
            boolean allowBlock) {
    }

    private static boolean isSpaceOrBreak(char c) {
        return c == '\0' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static Analysis analyze(String s) {
        if (s.isEmpty()) {
            return new Analysis(false, false, true, false);
        }
        boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean previousSpace = false;
        boolean previousBreak = false;
        boolean precededByWs = true;
        boolean followedByWs = s.length() == 1 || isSpaceOrBreak(s.charAt(1));
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    blockIndicators = true;
                }
                if ((ch == '?' || ch == ':') && followedByWs) {
                    blockIndicators = true;
                }
                if (ch == '-' && followedByWs) {
                    blockIndicators = true;
                }
            } else {
                if (ch == ':' && followedByWs) {
                    blockIndicators = true;
                }
                if (ch == '#' && precededByWs) {
                    blockIndicators = true;
                }
            }
            if (isBreak(ch)) {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                // kas dumps with allow_unicode off: everything outside printable ASCII is escaped
                special = true;
            }
            if (ch == ' ') {
                if (i == 0) {
                    leadingSpace = true;
                }
                if (i == n - 1) {
                    trailingSpace = true;
                }
                if (previousBreak) {
                    breakSpace = true;
                }
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(ch)) {
                if (i == 0) {
                    leadingBreak = true;
                }
                if (i == n - 1) {
                    trailingBreak = true;
                }
                if (previousSpace) {
                    spaceBreak = true;
                }
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWs = isSpaceOrBreak(ch);
            followedByWs = i + 2 >= n || isSpaceOrBreak(s.charAt(i + 2));
        }
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || special) {
            blockPlain = false;
            single = false;
            block = false;
        }
        if (lineBreaks) {
            blockPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new Analysis(lineBreaks, blockPlain, single, block);
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        sb.append(c);
                    } else if (c <= 0xff) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Python's {@code json.dump(obj, indent=N)} plus a final newline. */
    public static String json(Map<String, Object> root, int indent, boolean sort) {
        StringBuilder sb = new StringBuilder();
        json(sb, root, 0, indent, sort);
        return sb.append('\n').toString();
    }

    private static void json(StringBuilder sb, Object v, int level, int indent, boolean sort) {
        if (v instanceof Map<?, ?> m0) {
            Map<String, Object> m = sort ? new TreeMap<>(Values.map(m0)) : Values.map(m0);
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                sb.append(first ? "" : ",").append('\n').append(" ".repeat((level + 1) * indent));
                first = false;
                jsonString(sb, e.getKey());
                sb.append(": ");
                json(sb, e.getValue(), level + 1, indent, sort);
            }
            sb.append('\n').append(" ".repeat(level * indent)).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object o : l) {
                sb.append(first ? "" : ",").append('\n').append(" ".repeat((level + 1) * indent));
                first = false;
                json(sb, o, level + 1, indent, sort);
            }
            sb.append('\n').append(" ".repeat(level * indent)).append(']');
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : Double.toString(d).replace("E", "e+").replace("e+-", "e-"));
        } else {
            jsonString(sb, v.toString());
        }
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
