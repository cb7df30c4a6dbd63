package dev.bitzel.kas.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the plain Java tree (maps, lists, scalars) that project files are read into. */
public final class Values {
    private Values() {
    }

    /**
     * Deep copy with mapping keys as strings (YAML allows {@code 42:} keys; kas' dump prints them back as
     * written, JSON turns them into strings, so keeping the text is what both need).
     */
    public static Map<String, Object> stringKeys(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
            out.put(keyText(e.getKey()), deepCopy(e.getValue()));
        }
        return out;
    }

    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return key.toString();
    }

    public static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            return stringKeys(m);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(deepCopy(o));
            }
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : null;
    }

    public static Map<String, Object> mapOrEmpty(Object o) {
        Map<String, Object> m = map(o);
        return m != null ? m : new LinkedHashMap<>();
    }

    /** Walks a key path, answering null when a step is missing or not a mapping. */
    public static Object get(Map<String, Object> root, String... path) {
        Object cur = root;
        for (String p : path) {
            Map<String, Object> m = map(cur);
            if (m == null) {
                return null;
            }
            cur = m.get(p);
        }
        return cur;
    }

    /** Python's str() of a scalar, as kas uses it when it formats a value into text. */
    public static String pyStr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v.toString();
    }

    /** Python's {@code str()} of a value as kas prints it in text output ({@code repr} inside containers). */
    public static String pyStrDeep(Object v) {
        return v instanceof String s ? s : pyRepr(v);
    }

    /** Python's {@code repr()} of a tree value. */
    public static String pyRepr(Object v) {
        if (v instanceof String s) {
            boolean single = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
            char q = single ? '"' : '\'';
            StringBuilder sb = new StringBuilder().append(q);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c == q) {
                            sb.append('\\').append(c);
                        } else if (c < 0x20 || c == 0x7f) {
                            sb.append(String.format("\\x%02x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append(q).toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(pyRepr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(pyRepr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return pyStr(v);
    }
}
