package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python's {@code re} on top of java.util.regex, translating the syntax where the two differ. */
final class ReModule {
    private ReModule() {}

    static final long I = 2;
    static final long M = 8;
    static final long S = 16;
    static final long X = 64;
    static final long A = 256;
    static final long U = 32;

    private record Key(String pattern, long flags) {}

    private static final Map<Key, Compiled> CACHE = new ConcurrentHashMap<>();

    static {
        // re.error(msg, pattern=None, pos=None), as CPython's re._constants.error
        Exceptions.RE_ERROR.def("__init__", (a, kw) -> {
            Object[] b = Args.bind("error", a, kw, new String[] {"self", "msg", "pattern", "pos"}, 2);
            PyInstance self = (PyInstance) b[0];
            Object pattern = b[2] == null ? PyNone.NONE : b[2];
            Object pos = b[3] == null ? PyNone.NONE : b[3];
            Object msg = b[1];
            Object lineno = PyNone.NONE;
            Object colno = PyNone.NONE;
            if (pattern instanceof String text && pos != PyNone.NONE) {
                int at = Ints.toInt(pos);
                msg = Ops.str(msg) + " at position " + at;
                lineno = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                colno = (long) (at - text.lastIndexOf('\n', at - 1));
                if (text.indexOf('\n') >= 0) {
                    msg = msg + " (line " + lineno + ", column " + colno + ")";
                }
            }
            self.setAttr("args", PyTuple.of(msg));
            self.setAttr("msg", b[1]);
            self.setAttr("pattern", pattern);
            self.setAttr("pos", pos);
            self.setAttr("lineno", lineno);
            self.setAttr("colno", colno);
            return PyNone.NONE;
        });
    }

    /** {@code re.error(msg, pattern, pos)}; without a position when {@code pos} is negative. */
    static PythonError error(String msg, String pattern, int pos) {
        Object[] args = pos < 0 ? new Object[] {msg} : new Object[] {msg, pattern, (long) pos};
        return new PythonError((PyInstance) Exceptions.RE_ERROR.call(args, null));
    }

    static PyModule create() {
        PyModule m = new PyModule("re");
        m.set("I", I).set("IGNORECASE", I).set("M", M).set("MULTILINE", M).set("S", S).set("DOTALL", S)
                .set("X", X).set("VERBOSE", X).set("A", A).set("ASCII", A).set("U", U).set("UNICODE", U);
        m.set("error", Exceptions.RE_ERROR);
        m.def("compile", (a, kw) -> compile(a, kw));
        m.def("match", (a, kw) -> call("match", a, kw));
        m.def("search", (a, kw) -> call("search", a, kw));
        m.def("fullmatch", (a, kw) -> call("fullmatch", a, kw));
        m.def("findall", (a, kw) -> call("findall", a, kw));
        m.def("finditer", (a, kw) -> call("finditer", a, kw));
        m.def("split", (a, kw) -> {
            Object[] b = Args.bind("split", a, kw, new String[] {"pattern", "string", "maxsplit", "flags"}, 2);
            return get(b[0], b[3]).split(Ops.str(b[1]), b[2] == null ? 0 : Ints.toLong(b[2]));
        });
        m.def("sub", (a, kw) -> {
            Object[] b = Args.bind("sub", a, kw, new String[] {"pattern", "repl", "string", "count", "flags"}, 3);
            return get(b[0], b[4]).sub(b[1], Ops.str(b[2]), b[3] == null ? 0 : Ints.toLong(b[3]), false);
        });
        m.def("subn", (a, kw) -> {
            Object[] b = Args.bind("subn", a, kw, new String[] {"pattern", "repl", "string", "count", "flags"}, 3);
            return get(b[0], b[4]).sub(b[1], Ops.str(b[2]), b[3] == null ? 0 : Ints.toLong(b[3]), true);
        });
        m.def("escape", (a, kw) -> {
            String s = Ops.str(a[0]);
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return sb.toString();
        });
        m.def("purge", (a, kw) -> {
            CACHE.clear();
            return PyNone.NONE;
        });
        return m;
    }

    private static Object compile(Object[] a, Map<String, Object> kw) {
        Object[] b = Args.bind("compile", a, kw, new String[] {"pattern", "flags"}, 1);
        return get(b[0], b[1]);
    }

    private static Object call(String method, Object[] a, Map<String, Object> kw) {
        Object[] b = Args.bind(method, a, kw, new String[] {"pattern", "string", "flags"}, 2);
        return get(b[0], b[2]).method(method).call(new Object[] {b[1]}, null);
    }

    static Compiled get(Object pattern, Object flags) {
        if (pattern instanceof Compiled c) {
            return c;
        }
        long given = flags == null || flags == PyNone.NONE ? 0 : Ints.toLong(flags);
        // a bytes pattern compiles as its Latin-1 text (matching bytes subjects is not supported), with ASCII's
        // character classes
        String p = pattern instanceof PyBytes bytes
                ? new String(bytes.bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                : Args.str(pattern, "first argument");
        long f = pattern instanceof PyBytes ? given | A : given;
        return CACHE.computeIfAbsent(new Key(p, f), k -> new Compiled(p, f));
    }

    /** A compiled pattern object. Immutable and thread-safe. */
    static final class Compiled implements PyAttributes {
        final String pattern;
        final long flags;
        final Pattern regex;
        final Map<String, Integer> names = new HashMap<>();
        int groups;

        Compiled(String pattern, long flags) {
            this.pattern = pattern;
            this.flags = flags;
            if ((flags & X) == 0) {
                validate(pattern); // verbose patterns' comments and spaces would mislead it
            }
            String j = translate(pattern);
            int jf = Pattern.UNIX_LINES;
            if ((flags & I) != 0) {
                jf |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            }
            if ((flags & M) != 0) {
                jf |= Pattern.MULTILINE;
            }
            if ((flags & S) != 0) {
                jf |= Pattern.DOTALL;
            }
            if ((flags & A) == 0) {
                jf |= Pattern.UNICODE_CHARACTER_CLASS; // str patterns' \\w, \\d, \\s and \\b are Unicode's
            }
            try {
                regex = Pattern.compile(j, jf);
            } catch (PatternSyntaxException e) {
                throw error(e.getDescription(), pattern, e.getIndex());
            }
        }

        /**
         * The syntax errors CPython's parser reports, with its messages and positions, found before Java's
         * parser reports them in its own words: unbalanced parentheses, unterminated sets, misplaced
         * repeats and unknown escapes of ASCII letters.
         */
        private static void validate(String p) {
            java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
            boolean canRepeat = false; // an item precedes: a repeat applies to it
            boolean repeated = false; // that item is already repeated
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\') {
                    if (i + 1 < p.length()) {
                        char e = p.charAt(i + 1);
                        if (e < 128 && Character.isLetter(e) && "abBdDfnrsStvwWZAuUxN".indexOf(e) < 0) {
                            throw error("bad escape \\" + e, p, i);
                        }
                    }
                    canRepeat = i + 1 >= p.length() || "AZbB".indexOf(p.charAt(i + 1)) < 0;
                    repeated = false;
                    i++;
                } else if (c == '[') {
                    int j = i + 1;
                    if (j < p.length() && p.charAt(j) == '^') {
                        j++;
                    }
                    if (j < p.length() && p.charAt(j) == ']') {
                        j++;
                    }
                    while (j < p.length() && p.charAt(j) != ']') {
                        j += p.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (j >= p.length()) {
                        throw error("unterminated character set", p, i);
                    }
                    i = j;
                    canRepeat = true;
                    repeated = false;
                } else if (c == '(') {
                    if (p.startsWith("(?#", i)) {
                        int close = p.indexOf(')', i);
                        i = close < 0 ? p.length() : close;
                        continue;
                    }
                    if (p.startsWith("(?P=", i) || inlineFlagsEnd(p, i) > 0 && p.charAt(inlineFlagsEnd(p, i)) == ')') {
                        // a named back-reference, or global flags: one item, not a group
                        canRepeat = p.startsWith("(?P=", i);
                        repeated = false;
                        int close = p.indexOf(')', i);
                        i = close < 0 ? p.length() : close;
                        continue;
                    }
                    open.push(i);
                    canRepeat = false;
                    i = groupBodyStart(p, i) - 1;
                } else if (c == ')') {
                    if (open.isEmpty()) {
                        throw error("unbalanced parenthesis", p, i);
                    }
                    open.pop();
                    canRepeat = true;
                    repeated = false;
                } else if (c == '|') {
                    canRepeat = false;
                } else if (c == '*' || c == '+' || c == '?') {
                    if (repeated) {
                        throw error("multiple repeat", p, i);
                    }
                    if (!canRepeat) {
                        throw error("nothing to repeat", p, i);
                    }
                    repeated = true;
                    if (i + 1 < p.length() && (p.charAt(i + 1) == '?' || p.charAt(i + 1) == '+')) {
                        i++; // lazy or possessive
                    }
                } else {
                    canRepeat = c != '^' && c != '$'; // anchors cannot repeat
                    repeated = false;
                }
            }
            if (!open.isEmpty()) {
                throw error("missing ), unterminated subpattern", p, open.peek());
            }
        }

        /** Where the body of the group opening at {@code i} starts, after its {@code (?...} prefix. */
        private static int groupBodyStart(String p, int i) {
            if (!p.startsWith("(?", i)) {
                return i + 1;
            }
            if (p.startsWith("(?P<", i)) {
                int close = p.indexOf('>', i);
                return close < 0 ? p.length() : close + 1;
            }
            if (p.startsWith("(?<=", i) || p.startsWith("(?<!", i)) {
                return i + 4;
            }
            int flagsEnd = inlineFlagsEnd(p, i);
            if (flagsEnd > 0) {
                return flagsEnd + 1;
            }
            if (p.startsWith("(?(", i)) {
                int close = p.indexOf(')', i + 3);
                return close < 0 ? p.length() : close + 1;
            }
            return Math.min(i + 3, p.length());
        }

        private String translate(String p) {
            StringBuilder sb = new StringBuilder();
            int n = p.length();
            boolean inClass = false;
            int classStart = -1;
            // verbose patterns lose their comments and spaces here, as Python's parser drops them (Java's COMMENTS
            // mode would also drop spaces inside sets, and its comments would still count as groups below)
            int leadingFlags = inlineFlagsEnd(p, 0);
            boolean verbose = (flags & X) != 0 || leadingFlags > 0 && p.substring(2, leadingFlags).indexOf('x') >= 0;
            for (int i = 0; i < n; i++) {
                char c = p.charAt(i);
                if (verbose && !inClass) {
                    if (c == '#') {
                        int eol = p.indexOf('\n', i);
                        i = eol < 0 ? n : eol;
                        continue;
                    }
                    if (Character.isWhitespace(c)) {
                        continue;
                    }
                }
                if (c == '\\' && i + 1 < n) {
                    char e = p.charAt(i + 1);
                    if (e == 'Z') {
                        sb.append("\\z");
                    } else if (!inClass && Character.isDigit(e) && e != '0') {
                        int j = i + 1;
                        while (j < n && j < i + 3 && Character.isDigit(p.charAt(j))) {
                            j++;
                        }
                        sb.append("(?:\\").append(p, i + 1, j).append(')');
                        i = j - 1;
                        continue;
                    } else {
                        sb.append(c).append(e);
                    }
                    i++;
                    continue;
                }
                if (inClass) {
                    if (c == '[') {
                        sb.append("\\[");
                    } else if (c == ']' && i == classStart) {
                        sb.append("\\]");
                    } else if (c == '&' && i + 1 < n && p.charAt(i + 1) == '&') {
                        sb.append("&\\&");
                        i++;
                    } else {
                        if (c == ']') {
                            inClass = false;
                        }
                        sb.append(c);
                    }
                    continue;
                }
                if (c == '[') {
                    inClass = true;
                    sb.append(c);
                    classStart = i + 1;
                    if (classStart < n && p.charAt(classStart) == '^') {
                        sb.append('^');
                        i++;
                        classStart = i + 1;
                    }
                    continue;
                }
                if (c == '(') {
                    if (p.startsWith("(?P<", i)) {
                        int close = p.indexOf('>', i);
                        groups++;
                        names.put(p.substring(i + 4, close), groups);
                        sb.append('(');
                        i = close;
                        continue;
                    }
                    if (p.startsWith("(?P=", i)) {
                        int close = p.indexOf(')', i);
                        Integer g = names.get(p.substring(i + 4, close));
                        if (g == null) {
                            throw error("unknown group name '" + p.substring(i + 4, close) + "'", p, i + 4);
                        }
                        sb.append("(?:\\").append(g).append(')');
                        i = close;
                        continue;
                    }
                    if (p.startsWith("(?#", i)) {
                        i = p.indexOf(')', i);
                        continue;
                    }
                    int flagsEnd = inlineFlagsEnd(p, i);
                    if (flagsEnd > 0) {
                        sb.append(javaInlineFlags(p.substring(i + 2, flagsEnd), p.charAt(flagsEnd)));
                        i = flagsEnd;
                        continue;
                    }
                    if (i + 1 >= n || p.charAt(i + 1) != '?') {
                        groups++;
                    }
                    sb.append(c);
                    continue;
                }
                if (c == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0 || !p.substring(i + 1, close).matches("\\d*(,\\d*)?") || close == i + 1) {
                        sb.append("\\{");
                        continue;
                    }
                    if (p.charAt(i + 1) == ',') {
                        sb.append("{0");
                        continue;
                    }
                }
                if (c == '}') {
                    int open = sb.lastIndexOf("{");
                    if (open < 0 || (open > 0 && sb.charAt(open - 1) == '\\')) {
                        sb.append("\\}");
                        continue;
                    }
                }
                sb.append(c);
            }
            return sb.toString();
        }

        /**
         * Where the flags of an inline flag group ({@code (?aiLmsux-imsx:...)} or a global {@code (?aiLmsux)})
         * that starts at {@code i} end: the index of its {@code :} or {@code )}, or -1 when none starts there.
         */
        private static int inlineFlagsEnd(String p, int i) {
            if (!p.startsWith("(?", i)) {
                return -1;
            }
            int j = i + 2;
            while (j < p.length() && "aiLmsux-".indexOf(p.charAt(j)) >= 0) {
                j++;
            }
            return j > i + 2 && j < p.length() && (p.charAt(j) == ':' || p.charAt(j) == ')') ? j : -1;
        }

        /**
         * Python's inline flags as Java's: {@code a} and {@code u} turn Java's {@code U}
         * (UNICODE_CHARACTER_CLASS) off and on, {@code L} is dropped; the others are the same letters.
         */
        private static String javaInlineFlags(String flags, char end) {
            StringBuilder kept = new StringBuilder();
            for (char c : flags.toCharArray()) {
                if ("auLx".indexOf(c) < 0) { // x: translate() has removed the verbose pattern's spaces and comments
                    kept.append(c);
                }
            }
            String k = kept.toString();
            if (flags.indexOf('u') >= 0) {
                k = "U" + k;
            }
            if (flags.indexOf('a') >= 0) {
                k = k + (k.contains("-") ? "U" : "-U");
            }
            if (k.endsWith("-")) {
                k = k.substring(0, k.length() - 1);
            }
            if (k.isEmpty()) {
                return end == ':' ? "(?:" : "";
            }
            return "(?" + k + end;
        }

        PyBuiltin method(String name) {
            switch (name) {
                case "match": return new PyBuiltin(name, (a, kw) -> run(a, kw, 0));
                case "search": return new PyBuiltin(name, (a, kw) -> run(a, kw, 1));
                case "fullmatch": return new PyBuiltin(name, (a, kw) -> run(a, kw, 2));
                case "findall": return new PyBuiltin(name, (a, kw) -> findall(Ops.str(a[0])));
                case "finditer": return new PyBuiltin(name, (a, kw) -> {
                    String s = Ops.str(a[0]);
                    Matcher m = regex.matcher(s);
                    return new PyIterator() {
                        @Override
                        Object advance() {
                            return m.find() ? new MatchObject(Compiled.this, m.toMatchResult(), s) : null;
                        }
                    };
                });
                case "split": return new PyBuiltin(name, (a, kw) -> {
                    Object[] b = Args.bind("split", a, kw, new String[] {"string", "maxsplit"}, 1);
                    return split(Ops.str(b[0]), b[1] == null ? 0 : Ints.toLong(b[1]));
                });
                case "sub": return new PyBuiltin(name, (a, kw) -> {
                    Object[] b = Args.bind("sub", a, kw, new String[] {"repl", "string", "count"}, 2);
                    return sub(b[0], Ops.str(b[1]), b[2] == null ? 0 : Ints.toLong(b[2]), false);
                });
                case "subn": return new PyBuiltin(name, (a, kw) -> {
                    Object[] b = Args.bind("subn", a, kw, new String[] {"repl", "string", "count"}, 2);
                    return sub(b[0], Ops.str(b[1]), b[2] == null ? 0 : Ints.toLong(b[2]), true);
                });
                default: return null;
            }
        }

        @Override
        public Object getAttribute(String name) {
            switch (name) {
                case "pattern": return pattern;
                case "flags": return flags;
                case "groups": return (long) groups;
                case "groupindex": {
                    PyDict d = new PyDict();
                    names.forEach((k, v) -> d.put(k, (long) v));
                    return d;
                }
                default: return method(name);
            }
        }

        private Object run(Object[] a, Map<String, Object> kw, int mode) {
            Object[] b = Args.bind("match", a, kw, new String[] {"string", "pos", "endpos"}, 1);
            String s = Args.str(b[0], "expected string or bytes-like object, got");
            int pos = b[1] == null ? 0 : Math.max(0, Math.min(s.length(), Ints.toInt(b[1])));
            int end = b[2] == null ? s.length() : Math.max(pos, Math.min(s.length(), Ints.toInt(b[2])));
            Matcher m = regex.matcher(s);
            m.region(pos, end);
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            boolean ok = mode == 0 ? m.lookingAt() : mode == 1 ? m.find() : m.matches();
            return ok ? new MatchObject(this, m.toMatchResult(), s) : PyNone.NONE;
        }

        Object findall(String s) {
            Matcher m = regex.matcher(s);
            ArrayList<Object> r = new ArrayList<>();
            while (m.find()) {
                if (groups == 0) {
                    r.add(m.group());
                } else if (groups == 1) {
                    r.add(m.group(1) == null ? "" : m.group(1));
                } else {
                    Object[] t = new Object[groups];
                    for (int i = 0; i < groups; i++) {
                        t[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
                    }
                    r.add(new PyTuple(t));
                }
            }
            return new PyList(r, true);
        }

        Object split(String s, long max) {
            Matcher m = regex.matcher(s);
            ArrayList<Object> r = new ArrayList<>();
            int last = 0;
            long n = 0;
            while ((max <= 0 || n < max) && m.find()) {
                if (m.end() == 0 && m.start() == 0 && s.isEmpty()) {
                    break;
                }
                r.add(s.substring(last, m.start()));
                for (int i = 1; i <= groups; i++) {
                    r.add(m.group(i) == null ? PyNone.NONE : m.group(i));
                }
                last = m.end();
                n++;
            }
            r.add(s.substring(last));
            return new PyList(r, true);
        }

        Object sub(Object repl, String s, long count, boolean withCount) {
            Matcher m = regex.matcher(s);
            StringBuilder sb = new StringBuilder();
            int last = 0;
            long n = 0;
            List<Object> template = repl instanceof String rs ? parseTemplate(rs) : null;
            while ((count <= 0 || n < count) && m.find()) {
                sb.append(s, last, m.start());
                if (template != null) {
                    for (Object part : template) {
                        if (part instanceof String ps) {
                            sb.append(ps);
                        } else {
                            String g = m.group((Integer) part);
                            if (g != null) {
                                sb.append(g);
                            }
                        }
                    }
                } else {
                    sb.append(Ops.str(Ops.call(repl, new Object[] {new MatchObject(this, m.toMatchResult(), s)}, null)));
                }
                last = m.end();
                n++;
            }
            sb.append(s.substring(last));
            return withCount ? PyTuple.of(sb.toString(), n) : sb.toString();
        }

        List<Object> parseTemplate(String r) {
            List<Object> parts = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            for (int i = 0; i < r.length(); i++) {
                char c = r.charAt(i);
                if (c != '\\' || i + 1 >= r.length()) {
                    lit.append(c);
                    continue;
                }
                char e = r.charAt(++i);
                Integer group = null;
                if (Character.isDigit(e)) {
                    int j = i;
                    while (j < r.length() && j < i + 2 && Character.isDigit(r.charAt(j))) {
                        j++;
                    }
                    group = Integer.parseInt(r.substring(i, j));
                    i = j - 1;
                } else if (e == 'g' && i + 1 < r.length() && r.charAt(i + 1) == '<') {
                    int close = r.indexOf('>', i);
                    String g = r.substring(i + 2, close);
                    group = g.chars().allMatch(Character::isDigit) ? Integer.valueOf(g) : names.get(g);
                    if (group == null) {
                        throw PythonError.of(Exceptions.INDEX_ERROR, "unknown group name '" + g + "'");
                    }
                    i = close;
                } else {
                    switch (e) {
                        case 'n': lit.append('\n'); break;
                        case 't': lit.append('\t'); break;
                        case 'r': lit.append('\r'); break;
                        case '\\': lit.append('\\'); break;
                        case 'f': lit.append('\f'); break;
                        case 'v': lit.append('\u000b'); break;
                        case 'a': lit.append('\u0007'); break;
                        default:
                            if (Character.isLetter(e) && e < 128) {
                                throw error("bad escape \\" + e, null, -1);
                            }
                            lit.append('\\').append(e);
                    }
                    continue;
                }
                if (group > groups) {
                    throw error("invalid group reference " + group, null, -1);
                }
                if (lit.length() > 0) {
                    parts.add(lit.toString());
                    lit.setLength(0);
                }
                parts.add(group);
            }
            if (lit.length() > 0) {
                parts.add(lit.toString());
            }
            return parts;
        }

        @Override
        public String pythonTypeName() {
            return "re.Pattern";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Compiled c && c.pattern.equals(pattern) && c.flags == flags;
        }

        @Override
        public int hashCode() {
            return pattern.hashCode();
        }

        @Override
        public String toString() {
            return "re.compile(" + Formatter.reprStr(pattern) + ")";
        }
    }

    /** A match result. */
    static final class MatchObject implements PyAttributes {
        private final Compiled p;
        private final java.util.regex.MatchResult m;
        private final String string;

        MatchObject(Compiled p, java.util.regex.MatchResult m, String string) {
            this.p = p;
            this.m = m;
            this.string = string;
        }

        private int index(Object g) {
            if (g instanceof String s) {
                Integer i = p.names.get(s);
                if (i == null) {
                    throw Errors.indexError("no such group");
                }
                return i;
            }
            long i = Ints.toLong(g);
            if (i < 0 || i > p.groups) {
                throw Errors.indexError("no such group");
            }
            return (int) i;
        }

        private Object group(int i, Object dflt) {
            String s = m.group(i);
            return s == null ? dflt : s;
        }

        @Override
        public Object getAttribute(String name) {
            switch (name) {
                case "group": return new PyBuiltin(name, (a, kw) -> {
                    if (a.length == 0) {
                        return m.group();
                    }
                    if (a.length == 1) {
                        return group(index(a[0]), PyNone.NONE);
                    }
                    Object[] r = new Object[a.length];
                    for (int i = 0; i < a.length; i++) {
                        r[i] = group(index(a[i]), PyNone.NONE);
                    }
                    return new PyTuple(r);
                });
                case "__getitem__": return new PyBuiltin(name, (a, kw) -> group(index(a[0]), PyNone.NONE));
                case "groups": return new PyBuiltin(name, (a, kw) -> {
                    Object dflt = a.length > 0 ? a[0] : kw != null && kw.containsKey("default") ? kw.get("default")
                            : PyNone.NONE;
                    Object[] r = new Object[p.groups];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = group(i + 1, dflt);
                    }
                    return new PyTuple(r);
                });
                case "groupdict": return new PyBuiltin(name, (a, kw) -> {
                    PyDict d = new PyDict();
                    Object dflt = a.length > 0 ? a[0] : PyNone.NONE;
                    p.names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                            .forEach(e -> d.put(e.getKey(), group(e.getValue(), dflt)));
                    return d;
                });
                case "start": return new PyBuiltin(name, (a, kw) -> (long) m.start(a.length == 0 ? 0 : index(a[0])));
                case "end": return new PyBuiltin(name, (a, kw) -> (long) m.end(a.length == 0 ? 0 : index(a[0])));
                case "span": return new PyBuiltin(name, (a, kw) -> {
                    int i = a.length == 0 ? 0 : index(a[0]);
                    return PyTuple.of((long) m.start(i), (long) m.end(i));
                });
                case "expand": return new PyBuiltin(name, (a, kw) -> {
                    StringBuilder sb = new StringBuilder();
                    for (Object part : p.parseTemplate(Ops.str(a[0]))) {
                        sb.append(part instanceof String s ? s : m.group((Integer) part) == null ? "" : m.group((Integer) part));
                    }
                    return sb.toString();
                });
                case "string": return string;
                case "re": return p;
                case "pos": return 0L;
                case "endpos": return (long) string.length();
                case "lastindex": {
                    int last = -1;
                    int lastEnd = -1;
                    // the group that closed last: the one ending last; of groups ending together, the outermost
                    // (it closes after the groups nested in it), which has the lowest number
                    for (int i = 1; i <= p.groups; i++) {
                        if (m.group(i) != null && m.end(i) > lastEnd) {
                            last = i;
                            lastEnd = m.end(i);
                        }
                    }
                    return last < 0 ? PyNone.NONE : (Object) (long) last;
                }
                default: return null;
            }
        }

        @Override
        public String pythonTypeName() {
            return "re.Match";
        }

        @Override
        public String toString() {
            return "<re.Match object; span=(" + m.start() + ", " + m.end() + "), match=" + Formatter.reprStr(m.group())
                    + ">";
        }
    }
}
