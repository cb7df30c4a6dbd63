package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A mutable Python list backed by an ArrayList. Not thread-safe. */
public final class PyList {
    final ArrayList<Object> list;

    /** An empty list. */
    public PyList() {
        list = new ArrayList<>();
    }

    /** A list holding (a copy of) the given values. */
    public PyList(Collection<?> values) {
        list = new ArrayList<>(values);
    }

    PyList(ArrayList<Object> backing, boolean share) {
        list = share ? backing : new ArrayList<>(backing);
    }

    /** The live backing list. */
    public List<Object> asList() {
        return list;
    }

    /** The number of items. */
    public int size() {
        return list.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyList l) || l.list.size() != list.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!Ops.eq(list.get(i), l.list.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        throw Errors.typeError("unhashable type: 'list'");
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
