package dev.bitzel.parser.internal.python;

import java.util.Map;

/** Argument checking for native functions. */
final class Args {
    private Args() {}

    static void count(String fname, Object[] a, int min, int max) {
        if (a.length < min || a.length > max) {
            if (min == max) {
                throw Errors.typeError(fname + "() takes exactly " + min + " argument" + (min == 1 ? "" : "s") + " ("
                        + a.length + " given)");
            }
            if (a.length < min) {
                throw Errors.typeError(fname + " expected at least " + min + " argument" + (min == 1 ? "" : "s")
                        + ", got " + a.length);
            }
            throw Errors.typeError(fname + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got "
                    + a.length);
        }
    }

    static void noKw(String fname, Map<String, Object> kw) {
        if (kw != null && !kw.isEmpty()) {
            throw Errors.typeError(fname + "() takes no keyword arguments");
        }
    }

    /**
     * Binds positional and keyword arguments to names; missing ones are null. {@code required} leading names
     * must be present.
     */
    static Object[] bind(String fname, Object[] a, Map<String, Object> kw, String[] names, int required) {
        if (a.length > names.length) {
            throw Errors.typeError(fname + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + a.length + " given)");
        }
        Object[] r = new Object[names.length];
        System.arraycopy(a, 0, r, 0, a.length);
        if (kw != null) {
            for (Map.Entry<String, Object> e : kw.entrySet()) {
                int idx = -1;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(e.getKey())) {
                        idx = i;
                    }
                }
                if (idx < 0) {
                    throw Errors.typeError(fname + "() got an unexpected keyword argument '" + e.getKey() + "'");
                }
                if (r[idx] != null) {
                    throw Errors.typeError("argument for " + fname + "() given by name ('" + e.getKey()
                            + "') and position (" + (idx + 1) + ")");
                }
                r[idx] = e.getValue();
            }
        }
        for (int i = 0; i < required; i++) {
            if (r[i] == null) {
                throw Errors.typeError(fname + "() missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
        return r;
    }

    static String str(Object o, String what) {
        if (o instanceof String s) {
            return s;
        }
        throw Errors.typeError(what + " must be str, not " + Ops.typeName(o));
    }

    static boolean isNone(Object o) {
        return o == null || o == PyNone.NONE;
    }
}
