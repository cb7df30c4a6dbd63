package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The methods of str and bytes. */
final class StrMethods {
    private StrMethods() {}

    static String self(Object o, String m) {
        if (o instanceof String s) {
            return s;
        }
        throw Errors.typeError("descriptor '" + m + "' for 'str' objects doesn't apply to a '" + Ops.typeName(o)
                + "' object");
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85 || (c >= 0x1c && c <= 0x1f);
    }

    static void install() {
        PyType t = Builtins.STR;
        t.def("split", (a, kw) -> split(a, kw, false));
        t.def("rsplit", (a, kw) -> split(a, kw, true));
        t.def("join", (a, kw) -> {
            Args.count("join", a, 2, 2);
            String sep = self(a[0], "join");
            StringBuilder sb = new StringBuilder();
            Iterator<Object> it = Ops.iter(a[1]);
            int i = 0;
            while (it.hasNext()) {
                Object o = it.next();
                if (!(o instanceof String s)) {
                    throw Errors.typeError("sequence item " + i + ": expected str instance, " + Ops.typeName(o) + " found");
                }
                if (i++ > 0) {
                    sb.append(sep);
                }
                sb.append(s);
            }
            return sb.toString();
        });
        t.def("strip", (a, kw) -> strip(a, true, true));
        t.def("lstrip", (a, kw) -> strip(a, true, false));
        t.def("rstrip", (a, kw) -> strip(a, false, true));
        t.def("startswith", (a, kw) -> affix(a, true));
        t.def("endswith", (a, kw) -> affix(a, false));
        t.def("replace", (a, kw) -> {
            Args.count("replace", a, 3, 4);
            String s = self(a[0], "replace");
            String old = Args.str(a[1], "replace() argument 1");
            String nw = Args.str(a[2], "replace() argument 2");
            long count = a.length > 3 ? Ints.toLong(a[3]) : -1;
            if (count < 0) {
                if (old.isEmpty()) {
                    StringBuilder sb = new StringBuilder(nw);
                    s.codePoints().forEach(c -> sb.appendCodePoint(c).append(nw));
                    return sb.toString();
                }
                return s.replace(old, nw);
            }
            StringBuilder sb = new StringBuilder();
            int pos = 0;
            for (long k = 0; k < count; k++) {
                int i = s.indexOf(old, pos);
                if (i < 0) {
                    break;
                }
                sb.append(s, pos, i).append(nw);
                pos = i + old.length();
                if (old.isEmpty()) {
                    if (pos >= s.length()) {
                        pos = s.length() + 1;
                        break;
                    }
                    sb.append(s.charAt(pos));
                    pos++;
                }
            }
            if (pos <= s.length()) {
                sb.append(s.substring(pos));
            }
            return sb.toString();
        });
        t.def("find", (a, kw) -> (long) find(a, "find", false));
        t.def("rfind", (a, kw) -> (long) find(a, "rfind", true));
        t.def("index", (a, kw) -> {
            int i = find(a, "index", false);
            if (i < 0) {
                throw Errors.valueError("substring not found");
            }
            return (long) i;
        });
        t.def("rindex", (a, kw) -> {
            int i = find(a, "rindex", true);
            if (i < 0) {
                throw Errors.valueError("substring not found");
            }
            return (long) i;
        });
        t.def("count", (a, kw) -> {
            Args.count("count", a, 2, 4);
            String s = self(a[0], "count");
            String sub = Args.str(a[1], "must be str, not");
            int[] r = range(s, a, 2);
            String part = s.substring(r[0], Math.max(r[0], r[1]));
            if (sub.isEmpty()) {
                return (long) part.length() + 1;
            }
            long n = 0;
            int i = 0;
            while ((i = part.indexOf(sub, i)) >= 0) {
                n++;
                i += sub.length();
            }
            return n;
        });
        t.def("upper", (a, kw) -> self(a[0], "upper").toUpperCase(Locale.ROOT));
        t.def("lower", (a, kw) -> self(a[0], "lower").toLowerCase(Locale.ROOT));
        // full case folding (ß → ss, ﬁ → fi) is, but for a few scripts, upper case then lower case
        t.def("casefold", (a, kw) -> self(a[0], "casefold").toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        t.def("capitalize", (a, kw) -> {
            String s = self(a[0], "capitalize");
            if (s.isEmpty()) {
                return s;
            }
            int c = s.codePointAt(0);
            int n = Character.charCount(c);
            return new String(Character.toChars(Character.toTitleCase(c))) + s.substring(n).toLowerCase(Locale.ROOT);
        });
        t.def("title", (a, kw) -> {
            String s = self(a[0], "title");
            StringBuilder sb = new StringBuilder();
            boolean prevCased = false;
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                sb.appendCodePoint(prevCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
                prevCased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
            }
            return sb.toString();
        });
        t.def("swapcase", (a, kw) -> {
            String s = self(a[0], "swapcase");
            StringBuilder sb = new StringBuilder();
            s.codePoints().forEach(c -> sb.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                    : Character.isLowerCase(c) ? Character.toUpperCase(c) : c));
            return sb.toString();
        });
        t.def("isdigit", (a, kw) -> all(self(a[0], "isdigit"), c -> Character.isDigit(c)
                || Character.getType(c) == Character.OTHER_NUMBER && Character.getNumericValue(c) >= 0
                && Character.getNumericValue(c) <= 9));
        t.def("isdecimal", (a, kw) -> all(self(a[0], "isdecimal"), Character::isDigit));
        t.def("isnumeric", (a, kw) -> all(self(a[0], "isnumeric"), c -> Character.isDigit(c)
                || Character.getType(c) == Character.OTHER_NUMBER || Character.getType(c) == Character.LETTER_NUMBER));
        t.def("isalpha", (a, kw) -> all(self(a[0], "isalpha"), Character::isLetter));
        t.def("isalnum", (a, kw) -> all(self(a[0], "isalnum"), Character::isLetterOrDigit));
        t.def("isspace", (a, kw) -> all(self(a[0], "isspace"), StrMethods::isSpace));
        t.def("isascii", (a, kw) -> self(a[0], "isascii").chars().allMatch(c -> c < 128));
        t.def("isprintable", (a, kw) -> self(a[0], "isprintable").codePoints().allMatch(Formatter::isPrintable));
        t.def("isidentifier", (a, kw) -> {
            String s = self(a[0], "isidentifier");
            return !s.isEmpty() && (Character.isLetter(s.codePointAt(0)) || s.charAt(0) == '_')
                    && s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        });
        t.def("isupper", (a, kw) -> {
            String s = self(a[0], "isupper");
            boolean cased = false;
            for (int c : s.codePoints().toArray()) {
                if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                    return false;
                }
                cased |= Character.isUpperCase(c);
            }
            return cased;
        });
        t.def("islower", (a, kw) -> {
            String s = self(a[0], "islower");
            boolean cased = false;
            for (int c : s.codePoints().toArray()) {
                if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                    return false;
                }
                cased |= Character.isLowerCase(c);
            }
            return cased;
        });
        t.def("istitle", (a, kw) -> {
            String s = self(a[0], "istitle");
            boolean prevCased = false;
            boolean any = false;
            for (int c : s.codePoints().toArray()) {
                if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                    if (prevCased) {
                        return false;
                    }
                    prevCased = true;
                    any = true;
                } else if (Character.isLowerCase(c)) {
                    if (!prevCased) {
                        return false;
                    }
                    prevCased = true;
                    any = true;
                } else {
                    prevCased = false;
                }
            }
            return any;
        });
        t.def("partition", (a, kw) -> partition(a, false));
        t.def("rpartition", (a, kw) -> partition(a, true));
        t.def("splitlines", (a, kw) -> {
            Object[] b = Args.bind("splitlines", a, kw, new String[] {"self", "keepends"}, 1);
            String s = self(b[0], "splitlines");
            boolean keep = b[1] != null && Ops.isTrue(b[1]);
            ArrayList<Object> r = new ArrayList<>();
            int start = 0;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u001c' || c == '\u001d'
                        || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    int end = i;
                    i++;
                    if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                        i++;
                    }
                    r.add(s.substring(start, keep ? i : end));
                    start = i;
                } else {
                    i++;
                }
            }
            if (start < s.length()) {
                r.add(s.substring(start));
            }
            return new PyList(r, true);
        });
        t.def("zfill", (a, kw) -> {
            String s = self(a[0], "zfill");
            int w = Ints.toInt(a[1]);
            if (s.length() >= w) {
                return s;
            }
            int sign = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            return s.substring(0, sign) + "0".repeat(w - s.length()) + s.substring(sign);
        });
        t.def("ljust", (a, kw) -> just(a, '<'));
        t.def("rjust", (a, kw) -> just(a, '>'));
        t.def("center", (a, kw) -> just(a, '^'));
        t.def("format", (a, kw) -> format(self(a[0], "format"), java.util.Arrays.copyOfRange(a, 1, a.length), kw, null));
        t.def("format_map", (a, kw) -> format(self(a[0], "format_map"), new Object[0], null, a[1]));
        t.def("encode", (a, kw) -> {
            Object[] b = Args.bind("encode", a, kw, new String[] {"self", "encoding", "errors"}, 1);
            return Codecs.encode(self(b[0], "encode"), b[1] == null ? "utf-8" : Ops.str(b[1]),
                    b[2] == null ? "strict" : Ops.str(b[2]));
        });
        t.def("expandtabs", (a, kw) -> {
            Object[] b = Args.bind("expandtabs", a, kw, new String[] {"self", "tabsize"}, 1);
            String s = self(b[0], "expandtabs");
            int ts = b[1] == null ? 8 : Ints.toInt(b[1]);
            StringBuilder sb = new StringBuilder();
            int col = 0;
            for (char c : s.toCharArray()) {
                if (c == '\t') {
                    if (ts > 0) {
                        int n = ts - col % ts;
                        sb.append(" ".repeat(n));
                        col += n;
                    }
                } else {
                    sb.append(c);
                    col = c == '\n' || c == '\r' ? 0 : col + 1;
                }
            }
            return sb.toString();
        });
        t.def("removeprefix", (a, kw) -> {
            String s = self(a[0], "removeprefix");
            String p = Args.str(a[1], "removeprefix() argument");
            return s.startsWith(p) ? s.substring(p.length()) : s;
        });
        t.def("removesuffix", (a, kw) -> {
            String s = self(a[0], "removesuffix");
            String p = Args.str(a[1], "removesuffix() argument");
            return !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
        });
        t.def("translate", (a, kw) -> {
            String s = self(a[0], "translate");
            StringBuilder sb = new StringBuilder();
            for (int c : s.codePoints().toArray()) {
                Object r;
                try {
                    r = Ops.getitem(a[1], (long) c);
                } catch (PythonError e) {
                    if (e.isInstance(Exceptions.LOOKUP_ERROR)) {
                        sb.appendCodePoint(c);
                        continue;
                    }
                    throw e;
                }
                if (r == PyNone.NONE) {
                    continue;
                }
                if (r instanceof String rs) {
                    sb.append(rs);
                } else {
                    sb.appendCodePoint(Ints.toInt(r));
                }
            }
            return sb.toString();
        });
        t.dict.put("maketrans", new PyStaticMethod(new PyBuiltin("maketrans", (a, kw) -> {
            PyDict d = new PyDict();
            if (a.length == 1) {
                for (Map.Entry<Object, Object> e : ((PyDict) a[0]).entries()) {
                    Object k = e.getKey() instanceof String ks ? (Object) (long) ks.codePointAt(0) : e.getKey();
                    d.put(k, e.getValue());
                }
                return d;
            }
            String x = Ops.str(a[0]);
            String y = Ops.str(a[1]);
            if (x.length() != y.length()) {
                throw Errors.valueError("the first two maketrans arguments must have equal length");
            }
            for (int i = 0; i < x.length(); i++) {
                d.put((long) x.charAt(i), (long) y.charAt(i));
            }
            if (a.length > 2) {
                for (char c : Ops.str(a[2]).toCharArray()) {
                    d.put((long) c, PyNone.NONE);
                }
            }
            return d;
        })));
        t.def("__len__", (a, kw) -> (long) Ops.len(a[0]));
        t.def("__contains__", (a, kw) -> Ops.contains(a[0], a[1]));
        t.def("__getitem__", (a, kw) -> Ops.getitem(a[0], a[1]));
        t.def("__add__", (a, kw) -> Ops.binary(Ops.ADD, a[0], a[1]));
        t.def("__mod__", (a, kw) -> Formatter.percent(self(a[0], "__mod__"), a[1]));
        t.def("__format__", (a, kw) -> Formatter.format(a[0], Ops.str(a[1])));
        installBytes();
        installBytearray();
    }

    /**
     * bytearray: bytes' methods, whose bytes results become bytearrays (as CPython's bytearray methods return
     * them), and the mutating methods.
     */
    private static void installBytearray() {
        PyType t = Builtins.BYTEARRAY;
        for (Map.Entry<String, Object> e : Builtins.BYTES.dict.entrySet()) {
            if (e.getValue() instanceof PyBuiltin f) {
                t.dict.put(e.getKey(), new PyBuiltin(e.getKey(), (a, kw) -> asBytearray(f.call(a, kw))));
            } else if (e.getValue() instanceof PyClassMethod) {
                t.dict.put(e.getKey(), e.getValue());
            }
        }
        t.def("append", (a, kw) -> {
            Args.count("append", a, 2, 2);
            PyBytes b = bytearraySelf(a[0], "append");
            byte v = byteValue(a[1]);
            b.bytes = java.util.Arrays.copyOf(b.bytes, b.bytes.length + 1);
            b.bytes[b.bytes.length - 1] = v;
            return PyNone.NONE;
        });
        t.def("extend", (a, kw) -> {
            Args.count("extend", a, 2, 2);
            PyBytes b = bytearraySelf(a[0], "extend");
            byte[] more = ((PyBytes) Builtins.BYTES.constructor.call(new Object[] {a[1]}, null)).bytes;
            byte[] r = java.util.Arrays.copyOf(b.bytes, b.bytes.length + more.length);
            System.arraycopy(more, 0, r, b.bytes.length, more.length);
            b.bytes = r;
            return PyNone.NONE;
        });
        t.def("insert", (a, kw) -> {
            Args.count("insert", a, 3, 3);
            PyBytes b = bytearraySelf(a[0], "insert");
            int n = b.bytes.length;
            long i = Ints.toLong(a[1]);
            int at = (int) Math.max(0, Math.min(n, i < 0 ? i + n : i));
            byte[] r = new byte[n + 1];
            System.arraycopy(b.bytes, 0, r, 0, at);
            r[at] = byteValue(a[2]);
            System.arraycopy(b.bytes, at, r, at + 1, n - at);
            b.bytes = r;
            return PyNone.NONE;
        });
        t.def("pop", (a, kw) -> {
            Args.count("pop", a, 1, 2);
            PyBytes b = bytearraySelf(a[0], "pop");
            if (b.bytes.length == 0) {
                throw PythonError.of(Exceptions.INDEX_ERROR, "pop from empty bytearray");
            }
            long i = a.length > 1 ? Ints.toLong(a[1]) : -1;
            if (i < 0) {
                i += b.bytes.length;
            }
            if (i < 0 || i >= b.bytes.length) {
                throw PythonError.of(Exceptions.INDEX_ERROR, "pop index out of range");
            }
            long v = b.bytes[(int) i] & 0xff;
            removeAt(b, (int) i);
            return v;
        });
        t.def("remove", (a, kw) -> {
            Args.count("remove", a, 2, 2);
            PyBytes b = bytearraySelf(a[0], "remove");
            byte v = byteValue(a[1]);
            for (int i = 0; i < b.bytes.length; i++) {
                if (b.bytes[i] == v) {
                    removeAt(b, i);
                    return PyNone.NONE;
                }
            }
            throw Errors.valueError("value not found in bytearray");
        });
        t.def("clear", (a, kw) -> {
            bytearraySelf(a[0], "clear").bytes = new byte[0];
            return PyNone.NONE;
        });
        t.def("reverse", (a, kw) -> {
            PyBytes b = bytearraySelf(a[0], "reverse");
            byte[] r = new byte[b.bytes.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = b.bytes[r.length - 1 - i];
            }
            b.bytes = r;
            return PyNone.NONE;
        });
        t.def("copy", (a, kw) -> PyBytes.bytearray(bytearraySelf(a[0], "copy").bytes));
        t.def("__setitem__", (a, kw) -> {
            setBytearrayItem(bytearraySelf(a[0], "__setitem__"), a[1], a[2]);
            return PyNone.NONE;
        });
    }

    private static PyBytes bytearraySelf(Object o, String method) {
        if (o instanceof PyBytes b && b.mutable) {
            return b;
        }
        throw Errors.typeError("descriptor '" + method + "' for 'bytearray' objects doesn't apply to a '"
                + Ops.typeName(o) + "' object");
    }

    private static byte byteValue(Object v) {
        long x = Ints.toLong(Ops.index(v));
        if (x < 0 || x > 255) {
            throw Errors.valueError("byte must be in range(0, 256)");
        }
        return (byte) x;
    }

    private static void removeAt(PyBytes b, int i) {
        byte[] r = new byte[b.bytes.length - 1];
        System.arraycopy(b.bytes, 0, r, 0, i);
        System.arraycopy(b.bytes, i + 1, r, i, r.length - i);
        b.bytes = r;
    }

    /** {@code ba[i] = byte} and {@code ba[slice] = iterable of bytes}. */
    static void setBytearrayItem(PyBytes b, Object key, Object v) {
        if (key instanceof PySlice s) {
            List<Object> items = new ArrayList<>();
            for (byte x : b.bytes) {
                items.add((long) (x & 0xff));
            }
            List<Object> values = new ArrayList<>();
            for (byte x : ((PyBytes) Builtins.BYTES.constructor.call(new Object[] {v}, null)).bytes) {
                values.add((long) (x & 0xff));
            }
            Builtins.setSlice(items, s, new PyList(values));
            byte[] r = new byte[items.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (byte) (long) (Long) items.get(i);
            }
            b.bytes = r;
            return;
        }
        b.bytes[Ops.seqIndex(key, b.bytes.length, "bytearray")] = byteValue(v);
    }

    /** A bytes method's result as the bytearray method's: bytes become bytearrays, also inside lists and tuples. */
    private static Object asBytearray(Object r) {
        if (r instanceof PyBytes b && !b.mutable) {
            return PyBytes.bytearray(b.bytes);
        }
        if (r instanceof PyList l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l.list) {
                out.add(asBytearray(x));
            }
            return new PyList(out);
        }
        if (r instanceof PyTuple tuple) {
            Object[] out = new Object[tuple.items.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = asBytearray(tuple.items[i]);
            }
            return new PyTuple(out);
        }
        return r;
    }

    private static boolean all(String s, java.util.function.IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    private static Object split(Object[] a, Map<String, Object> kw, boolean right) {
        Object[] b = Args.bind(right ? "rsplit" : "split", a, kw, new String[] {"self", "sep", "maxsplit"}, 1);
        String s = self(b[0], "split");
        long max = b[2] == null ? -1 : Ints.toLong(b[2]);
        ArrayList<Object> r = new ArrayList<>();
        if (Args.isNone(b[1])) {
            if (!right) {
                int i = 0;
                int n = s.length();
                while (true) {
                    while (i < n && isSpace(s.charAt(i))) {
                        i++;
                    }
                    if (i >= n) {
                        break;
                    }
                    if (max >= 0 && r.size() >= max) {
                        r.add(s.substring(i));
                        break;
                    }
                    int st = i;
                    while (i < n && !isSpace(s.charAt(i))) {
                        i++;
                    }
                    r.add(s.substring(st, i));
                }
            } else {
                int i = s.length();
                while (true) {
                    while (i > 0 && isSpace(s.charAt(i - 1))) {
                        i--;
                    }
                    if (i <= 0) {
                        break;
                    }
                    if (max >= 0 && r.size() >= max) {
                        r.add(s.substring(0, i));
                        break;
                    }
                    int e = i;
                    while (i > 0 && !isSpace(s.charAt(i - 1))) {
                        i--;
                    }
                    r.add(s.substring(i, e));
                }
                java.util.Collections.reverse(r);
            }
            return new PyList(r, true);
        }
        String sep = Args.str(b[1], "must be str or None, not");
        if (sep.isEmpty()) {
            throw Errors.valueError("empty separator");
        }
        if (!right) {
            int pos = 0;
            while (max < 0 || r.size() < max) {
                int i = s.indexOf(sep, pos);
                if (i < 0) {
                    break;
                }
                r.add(s.substring(pos, i));
                pos = i + sep.length();
            }
            r.add(s.substring(pos));
        } else {
            int end = s.length();
            while (max < 0 || r.size() < max) {
                int i = s.lastIndexOf(sep, end - sep.length());
                if (i < 0 || end - sep.length() < 0) {
                    break;
                }
                r.add(s.substring(i + sep.length(), end));
                end = i;
            }
            r.add(s.substring(0, end));
            java.util.Collections.reverse(r);
        }
        return new PyList(r, true);
    }

    private static Object strip(Object[] a, boolean left, boolean right) {
        Args.count("strip", a, 1, 2);
        String s = self(a[0], "strip");
        String chars = a.length > 1 && a[1] != PyNone.NONE ? Args.str(a[1], "strip arg") : null;
        int st = 0;
        int e = s.length();
        if (left) {
            while (st < e && (chars == null ? isSpace(s.charAt(st)) : chars.indexOf(s.charAt(st)) >= 0)) {
                st++;
            }
        }
        if (right) {
            while (e > st && (chars == null ? isSpace(s.charAt(e - 1)) : chars.indexOf(s.charAt(e - 1)) >= 0)) {
                e--;
            }
        }
        return s.substring(st, e);
    }

    static int[] range(String s, Object[] a, int from) {
        int n = s.length();
        long st = a.length > from && a[from] != PyNone.NONE ? Ints.toLong(a[from]) : 0;
        long e = a.length > from + 1 && a[from + 1] != PyNone.NONE ? Ints.toLong(a[from + 1]) : n;
        if (st < 0) {
            st = Math.max(0, st + n);
        }
        if (e < 0) {
            e = Math.max(0, e + n);
        }
        return new int[] {(int) Math.min(st, n + 1), (int) Math.min(e, n)};
    }

    private static Object affix(Object[] a, boolean start) {
        String m = start ? "startswith" : "endswith";
        Args.count(m, a, 2, 4);
        String s = self(a[0], m);
        int[] r = range(s, a, 2);
        if (r[0] > s.length()) {
            return false;
        }
        String part = s.substring(r[0], Math.max(r[0], r[1]));
        if (a[1] instanceof PyTuple t) {
            for (Object o : t.items) {
                String x = Args.str(o, "tuple for " + m + " must only contain str, not");
                if (start ? part.startsWith(x) : part.endsWith(x)) {
                    return true;
                }
            }
            return false;
        }
        if (!(a[1] instanceof String x)) {
            throw Errors.typeError(m + " first arg must be str or a tuple of str, not " + Ops.typeName(a[1]));
        }
        return start ? part.startsWith(x) : part.endsWith(x);
    }

    private static int find(Object[] a, String m, boolean right) {
        Args.count(m, a, 2, 4);
        String s = self(a[0], m);
        String sub = Args.str(a[1], "must be str, not");
        int[] r = range(s, a, 2);
        if (r[0] > s.length() || r[1] - r[0] < sub.length()) {
            return r[0] <= r[1] && sub.isEmpty() && r[0] <= s.length() ? r[0] : -1;
        }
        String part = s.substring(r[0], r[1]);
        int i = right ? part.lastIndexOf(sub) : part.indexOf(sub);
        return i < 0 ? -1 : i + r[0];
    }

    private static Object partition(Object[] a, boolean right) {
        Args.count("partition", a, 2, 2);
        String s = self(a[0], "partition");
        String sep = Args.str(a[1], "must be str, not");
        if (sep.isEmpty()) {
            throw Errors.valueError("empty separator");
        }
        int i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return right ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }

    private static Object just(Object[] a, char align) {
        Args.count("just", a, 2, 3);
        String s = self(a[0], "just");
        int w = Ints.toInt(a[1]);
        String fill = a.length > 2 ? Args.str(a[2], "fill character") : " ";
        if (fill.length() != 1) {
            throw Errors.typeError("The fill character must be exactly one character long");
        }
        int len = s.codePointCount(0, s.length());
        if (w <= len) {
            return s;
        }
        int pad = w - len;
        switch (align) {
            case '<': return s + fill.repeat(pad);
            case '>': return fill.repeat(pad) + s;
            default: {
                int left = pad / 2 + (pad & w & 1);
                return fill.repeat(left) + s + fill.repeat(pad - left);
            }
        }
    }

    /** {@code str.format}; {@code mapping} is used by format_map. */
    static String format(String fmt, Object[] args, Map<String, Object> kw, Object mapping) {
        return format(fmt, args, kw, mapping, new int[1]);
    }

    private static String format(String fmt, Object[] args, Map<String, Object> kw, Object mapping, int[] counter) {
        StringBuilder sb = new StringBuilder();
        int n = fmt.length();
        boolean manual = false;
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                    sb.append('{');
                    i++;
                    continue;
                }
                int depth = 1;
                int j = i + 1;
                while (j < n && depth > 0) {
                    char d = fmt.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    if (depth > 0) {
                        j++;
                    }
                }
                if (j >= n) {
                    throw Errors.valueError("Single '{' encountered in format string");
                }
                String field = fmt.substring(i + 1, j);
                i = j;
                String spec = "";
                char conv = 0;
                int colon = -1;
                int bracket = 0;
                for (int k = 0; k < field.length(); k++) {
                    char d = field.charAt(k);
                    if (d == '[') {
                        bracket++;
                    } else if (d == ']') {
                        bracket--;
                    } else if (bracket == 0 && (d == ':' || d == '!')) {
                        colon = k;
                        break;
                    }
                }
                String name = colon < 0 ? field : field.substring(0, colon);
                if (colon >= 0) {
                    String rest = field.substring(colon);
                    if (rest.startsWith("!")) {
                        if (rest.length() < 2) {
                            throw Errors.valueError("end of string while looking for conversion specifier");
                        }
                        conv = rest.charAt(1);
                        rest = rest.substring(2);
                        if (!rest.isEmpty() && !rest.startsWith(":")) {
                            throw Errors.valueError("expected ':' after conversion specifier");
                        }
                    }
                    if (rest.startsWith(":")) {
                        spec = rest.substring(1);
                    }
                }
                int k = 0;
                while (k < name.length() && name.charAt(k) != '.' && name.charAt(k) != '[') {
                    k++;
                }
                String first = name.substring(0, k);
                Object v;
                if (first.isEmpty()) {
                    if (manual) {
                        throw Errors.valueError("cannot switch from manual field specification to automatic field numbering");
                    }
                    if (counter[0] >= args.length) {
                        throw Errors.indexError("Replacement index " + counter[0] + " out of range for positional args tuple");
                    }
                    v = args[counter[0]++];
                } else if (first.chars().allMatch(Character::isDigit)) {
                    manual = true;
                    int idx = Integer.parseInt(first);
                    if (idx >= args.length) {
                        throw Errors.indexError("Replacement index " + idx + " out of range for positional args tuple");
                    }
                    v = args[idx];
                } else {
                    v = mapping != null ? Ops.getitem(mapping, first) : kw == null ? null : kw.get(first);
                    if (v == null) {
                        throw Errors.keyError(first);
                    }
                }
                while (k < name.length()) {
                    if (name.charAt(k) == '.') {
                        int e = k + 1;
                        while (e < name.length() && name.charAt(e) != '.' && name.charAt(e) != '[') {
                            e++;
                        }
                        v = Ops.getattr(v, name.substring(k + 1, e));
                        k = e;
                    } else {
                        int e = name.indexOf(']', k);
                        String key = name.substring(k + 1, e);
                        v = Ops.getitem(v, key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                                ? (Object) Long.parseLong(key) : key);
                        k = e + 1;
                    }
                }
                if (spec.indexOf('{') >= 0) {
                    spec = format(spec, args, kw, mapping, counter);
                }
                if (conv == 'r') {
                    v = Ops.repr(v);
                } else if (conv == 's') {
                    v = Ops.str(v);
                } else if (conv == 'a') {
                    v = Builtins.ascii(Ops.repr(v));
                } else if (conv != 0) {
                    throw Errors.valueError("Unknown conversion specifier " + conv);
                }
                sb.append(Formatter.format(v, spec));
            } else if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    sb.append('}');
                    i++;
                    continue;
                }
                throw Errors.valueError("Single '}' encountered in format string");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static byte[] bytesSelf(Object o) {
        if (o instanceof PyBytes b) {
            return b.bytes;
        }
        throw Errors.typeError("descriptor requires a 'bytes' object but received a '" + Ops.typeName(o) + "'");
    }

    /**
     * {@code bytes.hex(sep, bytes_per_sep)}: a separator every {@code |perSep|} bytes, counted from the right
     * when positive and from the left when negative, as CPython groups them.
     */
    private static String hex(byte[] data, Object sep, int perSep) {
        String separator = "";
        if (sep != null) {
            separator = sep instanceof PyBytes pb ? new String(pb.bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : Args.str(sep, "sep");
            if (separator.length() != 1) {
                throw Errors.valueError("sep must be length 1.");
            }
            if (separator.charAt(0) > 127) {
                throw Errors.valueError("sep must be ASCII.");
            }
        }
        int group = Math.abs(perSep);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            int fromGroupStart = perSep > 0 ? data.length - i : i;
            if (i > 0 && group > 0 && !separator.isEmpty() && fromGroupStart % group == 0) {
                sb.append(separator);
            }
            sb.append(Character.forDigit((data[i] >> 4) & 0xf, 16)).append(Character.forDigit(data[i] & 0xf, 16));
        }
        return sb.toString();
    }

    /** {@code bytes.fromhex}: pairs of hex digits, with ASCII whitespace allowed between the pairs. */
    private static byte[] fromhex(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() / 2);
        int i = 0;
        while (i < s.length()) {
            if (" \t\n\r\u000b\f".indexOf(s.charAt(i)) >= 0) {
                i++;
                continue;
            }
            int high = hexDigit(s, i);
            int low = hexDigit(s, i + 1);
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexDigit(String s, int i) {
        int d = i < s.length() && s.charAt(i) < 128 ? Character.digit(s.charAt(i), 16) : -1;
        if (d < 0) {
            throw Errors.valueError("non-hexadecimal number found in fromhex() arg at position " + i);
        }
        return d;
    }

    private static void installBytes() {
        PyType t = Builtins.BYTES;
        t.def("decode", (a, kw) -> {
            Object[] b = Args.bind("decode", a, kw, new String[] {"self", "encoding", "errors"}, 1);
            return Codecs.decode(bytesSelf(b[0]), b[1] == null ? "utf-8" : Ops.str(b[1]),
                    b[2] == null ? "strict" : Ops.str(b[2]));
        });
        t.def("hex", (a, kw) -> {
            Object[] b = Args.bind("hex", a, kw, new String[] {"self", "sep", "bytes_per_sep"}, 1);
            return hex(bytesSelf(b[0]), b[1], b[2] == null ? 1 : Ints.toInt(b[2]));
        });
        t.dict.put("fromhex", new PyClassMethod(new PyBuiltin("fromhex", (a, kw) -> {
            Args.count("fromhex", a, 2, 2);
            if (!(a[1] instanceof String s)) {
                throw Errors.typeError("fromhex() argument must be str, not " + Ops.typeName(a[1]));
            }
            PyBytes made = new PyBytes(fromhex(s));
            return a[0] == Builtins.BYTES ? made : Ops.call(a[0], new Object[] {made}, null);
        })));
        t.def("startswith", (a, kw) -> {
            byte[] s = bytesSelf(a[0]);
            byte[] p = bytesSelf(a[1]);
            return s.length >= p.length && java.util.Arrays.equals(s, 0, p.length, p, 0, p.length);
        });
        t.def("endswith", (a, kw) -> {
            byte[] s = bytesSelf(a[0]);
            byte[] p = bytesSelf(a[1]);
            return s.length >= p.length && java.util.Arrays.equals(s, s.length - p.length, s.length, p, 0, p.length);
        });
        t.def("strip", (a, kw) -> latin(StrMethods.strip(new Object[] {latin(a[0]), a.length > 1 ? latin(a[1])
                : PyNone.NONE}, true, true)));
        t.def("lower", (a, kw) -> latin(latin(a[0]).toLowerCase(Locale.ROOT)));
        t.def("upper", (a, kw) -> latin(latin(a[0]).toUpperCase(Locale.ROOT)));
        t.def("find", (a, kw) -> (long) Builtins.indexOf(bytesSelf(a[0]), bytesSelf(a[1]), 0));
        t.def("split", (a, kw) -> {
            Object[] sa = a.clone();
            for (int i = 0; i < sa.length && i < 2; i++) {
                sa[i] = sa[i] == PyNone.NONE ? sa[i] : latin(sa[i]);
            }
            List<Object> parts = ((PyList) split(sa, kw, false)).list;
            ArrayList<Object> r = new ArrayList<>();
            for (Object o : parts) {
                r.add(latin((String) o));
            }
            return new PyList(r, true);
        });
        t.def("join", (a, kw) -> {
            StringBuilder sb = new StringBuilder();
            String sep = latin(a[0]);
            Iterator<Object> it = Ops.iter(a[1]);
            boolean first = true;
            while (it.hasNext()) {
                if (!first) {
                    sb.append(sep);
                }
                first = false;
                sb.append(latin(it.next()));
            }
            return latin(sb.toString());
        });
        t.def("replace", (a, kw) -> latin(latin(a[0]).replace(latin(a[1]), latin(a[2]))));
    }

    private static String latin(Object o) {
        return new String(bytesSelf(o), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static PyBytes latin(String s) {
        return new PyBytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
