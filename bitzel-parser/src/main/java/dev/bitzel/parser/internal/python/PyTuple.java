package dev.bitzel.parser.internal.python;

import java.util.Arrays;
import java.util.List;

/** An immutable Python tuple. */
public final class PyTuple {
    static final PyTuple EMPTY = new PyTuple(new Object[0]);
    final Object[] items;

    /** Wraps the array; the caller must not modify it afterwards. */
    public PyTuple(Object[] items) {
        this.items = items;
    }

    /** Creates a tuple of the given values. */
    public static PyTuple of(Object... items) {
        return new PyTuple(items.clone());
    }

    /** The number of items. */
    public int size() {
        return items.length;
    }

    /** Item {@code i}. */
    public Object get(int i) {
        return items[i];
    }

    /** An unmodifiable view. */
    public List<Object> asList() {
        return Arrays.asList(items.clone());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyTuple t) || t.items.length != items.length) {
            return false;
        }
        for (int i = 0; i < items.length; i++) {
            if (!Ops.eq(items[i], t.items[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0x345678;
        for (Object o : items) {
            h = h * 1000003 ^ Ops.hash(o);
        }
        return h;
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
