package dev.bitzel.parser.internal.python;

import dev.bitzel.parser.internal.data.PyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code json.dumps} and {@code json.loads}. */
final class Json {
    private Json() {}

    static {
        // JSONDecodeError(msg, doc, pos), as CPython's json.decoder defines it
        Exceptions.JSON_DECODE_ERROR.def("__init__", (a, kw) -> {
            Object[] b = Args.bind("JSONDecodeError", a, kw, new String[] {"self", "msg", "doc", "pos"}, 4);
            PyInstance self = (PyInstance) b[0];
            String doc = Args.str(b[2], "doc");
            int pos = Ints.toInt(b[3]);
            int at = doc.offsetByCodePoints(0, Math.min(pos, doc.codePointCount(0, doc.length())));
            String before = doc.substring(0, at);
            long lineno = before.chars().filter(c -> c == '\n').count() + 1;
            long colno = before.codePointCount(before.lastIndexOf('\n') + 1, at) + 1;
            self.setAttr("args", PyTuple.of(Ops.str(b[1]) + ": line " + lineno + " column " + colno + " (char " + pos
                    + ")"));
            self.setAttr("msg", b[1]);
            self.setAttr("doc", doc);
            self.setAttr("pos", b[3]);
            self.setAttr("lineno", lineno);
            self.setAttr("colno", colno);
            return PyNone.NONE;
        });
    }

    /** {@code JSONDecodeError(msg, doc, pos)} for a parse error at the Java index {@code at} of {@code doc}. */
    static PythonError decodeError(String msg, String doc, int at) {
        long pos = doc.codePointCount(0, Math.min(at, doc.length()));
        return new PythonError((PyInstance) Exceptions.JSON_DECODE_ERROR.call(new Object[] {msg, doc, pos}, null));
    }

    static PyModule create() {
        PyModule m = new PyModule("json");
        m.set("JSONDecodeError", Exceptions.JSON_DECODE_ERROR);
        m.def("dumps", (a, kw) -> {
            Args.count("dumps", a, 1, 1);
            Object[] b = Args.bind("dumps", new Object[0], kw, new String[] {"indent", "sort_keys", "separators",
                "default", "ensure_ascii", "skipkeys", "cls", "allow_nan", "check_circular"}, 0);
            String indent = null;
            if (!Args.isNone(b[0])) {
                indent = b[0] instanceof String s ? s : " ".repeat(Ints.toInt(b[0]));
            }
            String itemSep = indent == null ? ", " : ",";
            String keySep = ": ";
            if (!Args.isNone(b[2])) {
                Object[] seps = Ops.toArray(b[2]);
                itemSep = Ops.str(seps[0]);
                keySep = Ops.str(seps[1]);
            }
            StringBuilder sb = new StringBuilder();
            new Writer(indent, itemSep, keySep, b[1] != null && Ops.isTrue(b[1]), b[3],
                    b[4] == null || Ops.isTrue(b[4])).write(sb, a[0], 0);
            return sb.toString();
        });
        m.def("loads", (a, kw) -> {
            Args.count("loads", a, 1, 1);
            String s = a[0] instanceof PyBytes by ? new String(by.bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : Args.str(a[0], "the JSON object");
            Reader r = new Reader(s);
            if (kw != null) {
                for (Map.Entry<String, Object> e : kw.entrySet()) {
                    if (e.getKey().equals("object_hook")) {
                        r.objectHook = Args.isNone(e.getValue()) ? null : e.getValue();
                    } else if (e.getKey().equals("object_pairs_hook")) {
                        r.pairsHook = Args.isNone(e.getValue()) ? null : e.getValue();
                    } else if (!Args.isNone(e.getValue()) && !e.getKey().equals("strict")) {
                        throw Errors.notImplemented("json.loads(" + e.getKey() + "=...)");
                    }
                }
            }
            r.ws();
            Object v = r.value();
            r.ws();
            if (r.pos < s.length()) {
                throw r.error("Extra data");
            }
            return v;
        });
        m.def("dump", (a, kw) -> {
            throw Errors.notImplemented("json.dump (files)");
        });
        m.def("load", (a, kw) -> {
            Args.count("load", a, 1, 1);
            Object text = Ops.callMethod(a[0], "read", new Object[0], null);
            if (text instanceof String t && t.length() >= LOAD_CACHE_MIN && (kw == null || kw.isEmpty())) {
                // metadata loads the same big files for every recipe (create-spdx: the SPDX license list)
                Object parsed = LOAD_CACHE.getIfPresent(t);
                if (parsed == null) {
                    parsed = Ops.call(m.dict().get("loads"), new Object[] {t}, null);
                    PyDict.freeze(parsed);
                    LOAD_CACHE.put(t, parsed);
                }
                return copy(parsed);
            }
            return Ops.call(m.dict().get("loads"), new Object[] {text}, kw);
        });
        return m;
    }

    private static final int LOAD_CACHE_MIN = 16 * 1024;
    /** Parsed documents by text; never handed out, only copied. */
    private static final com.google.common.cache.Cache<String, Object> LOAD_CACHE =
            com.google.common.cache.CacheBuilder.newBuilder().maximumSize(8).build();

    /** A fresh copy of a parsed document (copied lazily: a dict is copied when first changed or walked). */
    private static Object copy(Object o) {
        return PyDict.copyOfFrozen(o);
    }

    private record Writer(String indent, String itemSep, String keySep, boolean sortKeys, Object dflt, boolean ascii) {
        void write(StringBuilder sb, Object o, int level) {
            if (o == PyNone.NONE) {
                sb.append("null");
            } else if (o instanceof Boolean b) {
                sb.append(b ? "true" : "false");
            } else if (o instanceof String s) {
                string(sb, s);
            } else if (Ints.isInt(o)) {
                sb.append(Ops.str(o));
            } else if (o instanceof Double d) {
                sb.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Formatter.reprFloat(d));
            } else if (o instanceof PyList || o instanceof PyTuple) {
                Object[] items = Ops.toArray(o);
                if (items.length == 0) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        sb.append(itemSep);
                    }
                    newline(sb, level + 1);
                    write(sb, items[i], level + 1);
                }
                newline(sb, level);
                sb.append(']');
            } else if (o instanceof PyDict || o instanceof PyInstance pi && pi.builtinValue instanceof PyDict) {
                PyDict d = o instanceof PyDict pd ? pd : (PyDict) ((PyInstance) o).builtinValue;
                if (d.size() == 0) {
                    sb.append("{}");
                    return;
                }
                List<Map.Entry<Object, Object>> entries = new ArrayList<>(d.entries());
                if (sortKeys) {
                    entries.sort((x, y) -> Builtins.pythonOrder().compare(x.getKey(), y.getKey()));
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<Object, Object> e : entries) {
                    if (!first) {
                        sb.append(itemSep);
                    }
                    first = false;
                    newline(sb, level + 1);
                    Object k = e.getKey();
                    String ks = k instanceof String s ? s : k instanceof Boolean b ? (b ? "true" : "false")
                            : k == PyNone.NONE ? "null" : Ops.isNumber(k) ? Ops.str(k) : null;
                    if (ks == null) {
                        throw Errors.typeError("keys must be str, int, float, bool or None, not " + Ops.typeName(k));
                    }
                    string(sb, ks);
                    sb.append(keySep);
                    write(sb, e.getValue(), level + 1);
                }
                newline(sb, level);
                sb.append('}');
            } else if (dflt != null && dflt != PyNone.NONE) {
                write(sb, Ops.call(dflt, new Object[] {o}, null), level);
            } else {
                throw Errors.typeError("Object of type " + Ops.typeName(o) + " is not JSON serializable");
            }
        }

        private void newline(StringBuilder sb, int level) {
            if (indent != null) {
                sb.append('\n').append(indent.repeat(level));
            }
        }

        private void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\b': sb.append("\\b"); break;
                    case '\f': sb.append("\\f"); break;
                    default:
                        if (c < 0x20 || (ascii && c > 126)) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                }
            }
            sb.append('"');
        }
    }

    private static final class Reader {
        final String s;
        int pos;
        /** {@code object_hook}: called with each decoded object; null when not given. */
        Object objectHook;
        /** {@code object_pairs_hook}: called with each object's (key, value) pairs in order; takes precedence. */
        Object pairsHook;

        Reader(String s) {
            this.s = s;
        }

        PythonError error(String msg) {
            return decodeError(msg, s, pos);
        }

        void ws() {
            while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private Object finish(PyDict d, ArrayList<Object> pairs) {
            if (pairs != null) {
                return Ops.call(pairsHook, new Object[] {new PyList(pairs, true)}, null);
            }
            return objectHook == null ? d : Ops.call(objectHook, new Object[] {d}, null);
        }

        Object value() {
            if (pos >= s.length()) {
                throw error("Expecting value");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{': {
                    pos++;
                    PyDict d = new PyDict();
                    ArrayList<Object> pairs = pairsHook == null ? null : new ArrayList<>();
                    ws();
                    if (pos < s.length() && s.charAt(pos) == '}') {
                        pos++;
                        return finish(d, pairs);
                    }
                    while (true) {
                        ws();
                        if (pos >= s.length() || s.charAt(pos) != '"') {
                            throw error("Expecting property name enclosed in double quotes");
                        }
                        String k = PyStrings.canonical(string());
                        ws();
                        if (pos >= s.length() || s.charAt(pos) != ':') {
                            throw error("Expecting ':' delimiter");
                        }
                        pos++;
                        ws();
                        Object v = value();
                        if (pairs != null) {
                            pairs.add(PyTuple.of(k, v));
                        } else {
                            d.put(k, v);
                        }
                        ws();
                        if (pos < s.length() && s.charAt(pos) == ',') {
                            pos++;
                            continue;
                        }
                        if (pos < s.length() && s.charAt(pos) == '}') {
                            pos++;
                            return finish(d, pairs);
                        }
                        throw error("Expecting ',' delimiter");
                    }
                }
                case '[': {
                    pos++;
                    PyList l = new PyList();
                    ws();
                    if (pos < s.length() && s.charAt(pos) == ']') {
                        pos++;
                        return l;
                    }
                    while (true) {
                        ws();
                        l.list.add(value());
                        ws();
                        if (pos < s.length() && s.charAt(pos) == ',') {
                            pos++;
                            continue;
                        }
                        if (pos < s.length() && s.charAt(pos) == ']') {
                            pos++;
                            return l;
                        }
                        throw error("Expecting ',' delimiter");
                    }
                }
                case '"':
                    return string();
                default:
                    break;
            }
            for (String[] lit : new String[][] {{"null", ""}, {"true", ""}, {"false", ""}, {"NaN", ""},
                {"Infinity", ""}, {"-Infinity", ""}}) {
                if (s.startsWith(lit[0], pos)) {
                    pos += lit[0].length();
                    switch (lit[0]) {
                        case "null": return PyNone.NONE;
                        case "true": return Boolean.TRUE;
                        case "false": return Boolean.FALSE;
                        case "NaN": return Double.NaN;
                        case "Infinity": return Double.POSITIVE_INFINITY;
                        default: return Double.NEGATIVE_INFINITY;
                    }
                }
            }
            int st = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            boolean isFloat = false;
            if (pos < s.length() && s.charAt(pos) == '.') {
                isFloat = true;
                pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                isFloat = true;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
            }
            String num = s.substring(st, pos);
            if (num.isEmpty() || num.equals("-")) {
                pos = st;
                throw error("Expecting value");
            }
            return isFloat ? (Object) Double.parseDouble(num) : Ints.normalize(new java.math.BigInteger(num));
        }

        /** A string at {@code pos}, with CPython's strict decoder's errors and their positions. */
        String string() {
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    pos = start;
                    throw error("Unterminated string starting at");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("Invalid control character at");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    pos = start;
                    throw error("Unterminated string starting at");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case '"': case '\\': case '/': sb.append(e); break;
                    case 'u': {
                        String hex = s.substring(pos, Math.min(pos + 4, s.length()));
                        if (hex.length() < 4 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                            pos--;
                            throw error("Invalid \\uXXXX escape");
                        }
                        sb.append((char) Integer.parseInt(hex, 16));
                        pos += 4;
                        break;
                    }
                    default:
                        pos -= 2;
                        throw error("Invalid \\escape");
                }
            }
        }
    }
}
