package dev.bitzel.parser.internal.python;

import java.util.Iterator;
import java.util.Map;

/** The live views {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}. */
final class DictView {
    static final int KEYS = 0;
    static final int VALUES = 1;
    static final int ITEMS = 2;

    final PyDict dict;
    final int kind;

    DictView(PyDict dict, int kind) {
        this.dict = dict;
        this.kind = kind;
    }

    PyType type() {
        return kind == KEYS ? Builtins.DICT_KEYS : kind == VALUES ? Builtins.DICT_VALUES : Builtins.DICT_ITEMS;
    }

    Iterator<Object> iterator() {
        if (kind == KEYS) {
            return Ops.dictKeyIterator(dict);
        }
        Iterator<Map.Entry<Object, Object>> it = dict.map().entrySet().iterator();
        return new PyIterator() {
            @Override
            Object advance() {
                try {
                    if (!it.hasNext()) {
                        return null;
                    }
                    Map.Entry<Object, Object> e = it.next();
                    return kind == VALUES ? e.getValue() : PyTuple.of(dict.original(e.getKey()), e.getValue());
                } catch (java.util.ConcurrentModificationException e) {
                    throw Errors.runtime("dictionary changed size during iteration");
                }
            }
        };
    }

    boolean contains(Object item) {
        if (kind == KEYS) {
            return dict.containsKey(item);
        }
        if (kind == ITEMS) {
            if (!(item instanceof PyTuple t) || t.items.length != 2) {
                return false;
            }
            Object v = dict.get(t.items[0]);
            return v != null && Ops.eq(v, t.items[1]);
        }
        for (Object v : dict.map().values()) {
            if (Ops.eq(v, item)) {
                return true;
            }
        }
        return false;
    }

    String repr() {
        StringBuilder sb = new StringBuilder(type().name()).append("([");
        Iterator<Object> it = iterator();
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(Ops.repr(it.next()));
        }
        return sb.append("])").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DictView && Ops.eq(this, o);
    }

    @Override
    public int hashCode() {
        throw Errors.typeError("unhashable type: '" + type().name() + "'");
    }
}
