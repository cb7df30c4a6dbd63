package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A Python set or frozenset. Iteration follows insertion order (CPython's order is by hash; programs that
 * print unsorted sets of several strings differ from CPython anyway, as string hashing is randomized there).
 */
public final class PySet {
    final LinkedHashSet<Object> set;
    final boolean frozen;
    private HashMap<Object, Object> originals;

    PySet(boolean frozen) {
        this.set = new LinkedHashSet<>();
        this.frozen = frozen;
    }

    /** Whether this is a frozenset. */
    public boolean isFrozen() {
        return frozen;
    }

    void add(Object o) {
        Object c = PyDict.canon(o);
        if (c != o && !(o instanceof Integer) && !set.contains(c)) {
            if (originals == null) {
                originals = new HashMap<>();
            }
            originals.put(c, o);
        }
        set.add(c);
    }

    boolean contains(Object o) {
        return set.contains(PyDict.canon(o));
    }

    boolean remove(Object o) {
        Object c = PyDict.canon(o);
        if (originals != null) {
            originals.remove(c);
        }
        return set.remove(c);
    }

    /** The number of elements. */
    public int size() {
        return set.size();
    }

    Object original(Object c) {
        if (originals == null) {
            return c;
        }
        Object o = originals.get(c);
        return o == null ? c : o;
    }

    /** The elements as Python sees them (a snapshot). */
    public List<Object> elements() {
        List<Object> r = new ArrayList<>(set.size());
        for (Object c : set) {
            r.add(original(c));
        }
        return r;
    }

    PySet copy(boolean asFrozen) {
        PySet s = new PySet(asFrozen);
        s.set.addAll(set);
        if (originals != null) {
            s.originals = new HashMap<>(originals);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PySet s && s.set.equals(set);
    }

    @Override
    public int hashCode() {
        if (!frozen) {
            throw Errors.typeError("unhashable type: 'set'");
        }
        return set.hashCode();
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
