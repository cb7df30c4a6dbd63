package dev.bitzel.parser.internal.syntax;

import dev.bitzel.parser.syntax.AssignOp;

/**
 * Hand-written equivalents of the regular expressions in BitBake 2.8.1's {@code BBHandler.py} and
 * {@code ConfHandler.py}, applied with {@code re.match} to one joined logical line.
 *
 * <p>Each method reproduces the match Python's backtracking engine finds first, including its odd corners,
 * in linear time. The line never contains {@code \n}, so {@code .} matches any char and {@code $} means
 * end of string.
 */
final class Grammar {

    private Grammar() {
    }

    /** A match of {@code __func_start_regexp__}; {@code name} is null when the group did not take part. */
    record FuncStart(String name, boolean python, boolean fakeroot) {
    }

    /**
     * {@code (((?P<py>python(?=(\s|\()))|(?P<fr>fakeroot(?=\s)))\s*)*(?P<func>[\w\.\-\+\{\}\$:]+)?\s*\(\s*\)\s*{$}.
     *
     * <p>The prefix loop is greedy and the rest deterministic, so only the longest prefix needs trying: when
     * the rest fails after it, it fails after every shorter prefix as well.
     */
    static FuncStart funcStart(String s) {
        int n = s.length();
        int p = 0;
        boolean py = false;
        boolean fr = false;
        while (true) {
            if (s.startsWith("python", p) && p + 6 < n
                    && (Py.isSpace(s.charAt(p + 6)) || s.charAt(p + 6) == '(')) {
                py = true;
                p = Py.skipSpace(s, p + 6);
            } else if (s.startsWith("fakeroot", p) && p + 8 < n && Py.isSpace(s.charAt(p + 8))) {
                fr = true;
                p = Py.skipSpace(s, p + 8);
            } else {
                break;
            }
        }
        int q = p;
        while (q < n && isFuncChar(s.charAt(q))) {
            q++;
        }
        String name = q > p ? s.substring(p, q) : null;
        q = Py.skipSpace(s, q);
        if (q >= n || s.charAt(q) != '(') {
            return null;
        }
        q = Py.skipSpace(s, q + 1);
        if (q >= n || s.charAt(q) != ')') {
            return null;
        }
        q = Py.skipSpace(s, q + 1);
        if (q != n - 1 || s.charAt(q) != '{') {
            return null;
        }
        return new FuncStart(name, py, fr);
    }

    private static boolean isFuncChar(char c) {
        return Py.isWord(c) || c == '.' || c == '-' || c == '+' || c == '{' || c == '}' || c == '$' || c == ':';
    }

    /** {@code def\s+(\w+).*:} &mdash; returns group 1 or null. */
    static String def(String s) {
        int n = s.length();
        if (!s.startsWith("def") || n < 4 || !Py.isSpace(s.charAt(3))) {
            return null;
        }
        int p = Py.skipSpace(s, 3);
        int q = p;
        while (q < n && Py.isWord(s.charAt(q))) {
            q++;
        }
        if (q == p || s.indexOf(':', q) < 0) {
            return null;
        }
        return s.substring(p, q);
    }

    /**
     * {@code KEYWORD\s+(.+)} &mdash; returns group 1 or null. When only whitespace follows the keyword (possible
     * on a joined line), {@code \s+} gives its last char back to {@code .+}.
     */
    static String keywordRest(String s, String keyword) {
        int n = s.length();
        int k = keyword.length();
        if (!s.startsWith(keyword) || k >= n || !Py.isSpace(s.charAt(k))) {
            return null;
        }
        int w = Py.skipSpace(s, k);
        if (w < n) {
            return s.substring(w);
        }
        return w - k >= 2 ? s.substring(n - 1) : null;
    }

    /**
     * A match of {@code __addtask_regexp__}: groups {@code func}, {@code before}, {@code after} (null when
     * they did not take part) and the end of the whole match.
     */
    record AddTask(String func, String before, String after, int funcEnd, int matchEnd) {
    }

    /**
     * {@code addtask\s+(?P<func>\w+)\s*((before\s*(?P<before>((.*(?=after))|(.*))))|(after\s*(?P<after>((.*(?=before))|(.*)))))*}.
     *
     * <p>{@code .*(?=after)} is greedy, so {@code before} runs to the last {@code after} in the line; a
     * repeated group keeps the capture of its last iteration.
     */
    static AddTask addTask(String s) {
        int n = s.length();
        if (!s.startsWith("addtask") || n < 8 || !Py.isSpace(s.charAt(7))) {
            return null;
        }
        int p = Py.skipSpace(s, 7);
        int f = p;
        while (f < n && Py.isWord(s.charAt(f))) {
            f++;
        }
        if (f == p) {
            return null;
        }
        String before = null;
        String after = null;
        int q = Py.skipSpace(s, f);
        while (true) {
            if (s.startsWith("before", q)) {
                int r = Py.skipSpace(s, q + 6);
                int last = s.lastIndexOf("after");
                int stop = last >= r ? last : n;
                before = s.substring(r, stop);
                q = stop;
            } else if (s.startsWith("after", q)) {
                int r = Py.skipSpace(s, q + 5);
                int last = s.lastIndexOf("before");
                int stop = last >= r ? last : n;
                after = s.substring(r, stop);
                q = stop;
            } else {
                break;
            }
        }
        return new AddTask(s.substring(p, f), before, after, f, q);
    }

    /** A match of {@code __config_regexp__}. */
    record Config(boolean exported, String var, String flag, AssignOp op, String value) {
    }

    private static final AssignOp[] OPS_IN_REGEX_ORDER = {
        AssignOp.IMMEDIATE, AssignOp.WEAK_DEFAULT, AssignOp.DEFAULT, AssignOp.APPEND, AssignOp.PREPEND,
        AssignOp.PREPEND_NOSPACE, AssignOp.APPEND_NOSPACE, AssignOp.SET,
    };

    /**
     * {@code __config_regexp__}: optional {@code export\s+}, a lazy variable name, an optional {@code [flag]},
     * an operator, and a value in matching quotes that ends the line, unless the value part is a quote
     * followed by exactly two more of the same quote, the last ending the line (the two negative lookaheads).
     */
    static Config config(String s) {
        if (s.startsWith("export") && s.length() > 6 && Py.isSpace(s.charAt(6))) {
            Config c = configFrom(s, Py.skipSpace(s, 6), true);
            if (c != null) {
                return c;
            }
        }
        return configFrom(s, 0, false);
    }

    private static Config configFrom(String s, int start, boolean exported) {
        int n = s.length();
        // The lazy name tries each end in turn; only ends at an operator char or at the end of the run of
        // name chars can succeed, so each try is O(1) apart from the final value check.
        for (int e = start + 1; e <= n && isVarChar(s.charAt(e - 1)); e++) {
            if (e < n) {
                char next = s.charAt(e);
                if (isVarChar(next) && next != ':' && next != '+' && next != '.') {
                    continue;
                }
            }
            Config c = configRest(s, start, e, exported);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Config configRest(String s, int start, int e, boolean exported) {
        int n = s.length();
        int p = e;
        String flag = null;
        if (p < n && s.charAt(p) == '[') {
            int f = p + 1;
            if (f >= n || !isFlagFirst(s.charAt(f))) {
                return null;
            }
            int g = f + 1;
            while (g < n && isFlagChar(s.charAt(g))) {
                g++;
            }
            if (g >= n || s.charAt(g) != ']') {
                return null;
            }
            flag = s.substring(f, g);
            p = g + 1;
        }
        int q = Py.skipSpace(s, p);
        for (AssignOp op : OPS_IN_REGEX_ORDER) {
            if (s.startsWith(op.symbol(), q)) {
                String value = quotedValue(s, q + op.symbol().length());
                if (value != null) {
                    return new Config(exported, s.substring(start, e), flag, op, value);
                }
            }
        }
        return null;
    }

    private static String quotedValue(String s, int from) {
        int n = s.length();
        int t = Py.skipSpace(s, from);
        if (t > n - 2) {
            return null;
        }
        char apo = s.charAt(t);
        if ((apo != '\'' && apo != '"') || s.charAt(n - 1) != apo) {
            return null;
        }
        int quotes = 0;
        for (int i = t; i < n && quotes <= 3; i++) {
            if (s.charAt(i) == apo) {
                quotes++;
            }
        }
        if (quotes == 3) {
            return null;
        }
        return s.substring(t + 1, n - 1);
    }

    private static boolean isVarChar(char c) {
        return isAlnum(c) || c == '-' || c == '_' || c == '+' || c == '.' || c == '$' || c == '{' || c == '}'
                || c == '/' || c == '~' || c == ':';
    }

    private static boolean isExportChar(char c) {
        return c != ':' && isVarChar(c);
    }

    private static boolean isFlagFirst(char c) {
        return isAlnum(c) || c == '-' || c == '_' || c == '+' || c == '.';
    }

    private static boolean isFlagChar(char c) {
        return isFlagFirst(c) || c == '@';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code KEYWORD\s+([a-zA-Z0-9\-_+.${}/~]+)$} for {@code export} and {@code unset}; returns group 1 or null. */
    static String bareName(String s, String keyword) {
        int n = s.length();
        int k = keyword.length();
        if (!s.startsWith(keyword) || k >= n || !Py.isSpace(s.charAt(k))) {
            return null;
        }
        int p = Py.skipSpace(s, k);
        int q = p;
        while (q < n && isExportChar(s.charAt(q))) {
            q++;
        }
        return q > p && q == n ? s.substring(p) : null;
    }

    /**
     * {@code unset\s+([a-zA-Z0-9\-_+.${}/~]+)\[([a-zA-Z0-9\-_+.][a-zA-Z0-9\-_+.@]+)\]$}: note the flag needs two
     * chars or more. Returns {name, flag} or null.
     */
    static String[] unsetFlag(String s) {
        int n = s.length();
        if (!s.startsWith("unset") || n < 6 || !Py.isSpace(s.charAt(5))) {
            return null;
        }
        int p = Py.skipSpace(s, 5);
        int q = p;
        while (q < n && isExportChar(s.charAt(q))) {
            q++;
        }
        if (q == p || q >= n || s.charAt(q) != '[') {
            return null;
        }
        int f = q + 1;
        if (f >= n || !isFlagFirst(s.charAt(f))) {
            return null;
        }
        int g = f + 1;
        while (g < n && isFlagChar(s.charAt(g))) {
            g++;
        }
        if (g == f + 1 || g != n - 1 || s.charAt(g) != ']') {
            return null;
        }
        return new String[] {s.substring(p, q), s.substring(f, g)};
    }

    /**
     * {@code addpylib\s+(.+)\s+(.+)}: the first group is greedy, so the split is at the last whitespace
     * char that still leaves a char for the second group. Returns {directory, namespace} or null.
     */
    static String[] addPylib(String s) {
        int n = s.length();
        int k = 8;
        if (!s.startsWith("addpylib") || k >= n || !Py.isSpace(s.charAt(k))) {
            return null;
        }
        int wsEnd = Py.skipSpace(s, k);
        int lastWs = -1;
        for (int i = n - 2; i > k; i--) {
            if (Py.isSpace(s.charAt(i))) {
                lastWs = i;
                break;
            }
        }
        int a;
        if (lastWs > wsEnd) {
            a = wsEnd;
        } else if (lastWs - 1 >= k + 1) {
            a = lastWs - 1;
        } else {
            return null;
        }
        int w = Py.skipSpace(s, lastWs);
        String second = w < n ? s.substring(w) : s.substring(n - 1);
        return new String[] {s.substring(a, lastWs), second};
    }
}
