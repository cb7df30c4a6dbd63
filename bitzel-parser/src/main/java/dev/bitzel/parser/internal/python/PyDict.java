package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An insertion-ordered Python dict with Python key semantics ({@code 1}, {@code 1.0} and {@code True} are the
 * same key). Also the type of global scopes. Not thread-safe.
 */
public final class PyDict {
    /** The entries; null while this is a copy of {@link #template} not yet changed or walked. */
    private LinkedHashMap<Object, Object> map;
    /**
     * For a lazy copy ({@link #copyOfFrozen}): the frozen dict this one equals until its entries are first needed;
     * null once they are its own.
     */
    private PyDict template;
    /**
     * For a small frozen dict ({@link #freeze}) and its lazy copies: the keys and values, alternating, so that a
     * lookup reads one array instead of walking a hash table's nodes (create-spdx looks up one key in each of 600
     * such dicts for every recipe); null otherwise.
     */
    private Object[] frozenEntries;
    private static final int FROZEN_ARRAY_MAX = 16;
    /** Canonical key to the original key object, only where they differ (True vs 1, 1.0 vs 1). */
    private HashMap<Object, Object> originals;

    /**
     * For a global scope: where names missing here are looked up before the builtins (an embedding's shared
     * context under a per-evaluation scope), or null.
     */
    PyDict fallback;

    /**
     * Makes this dict, used as a global scope, read names it lacks from {@code shared} (which must not be changed
     * while code runs in this scope).
     */
    public PyDict withFallback(PyDict shared) {
        this.fallback = shared;
        return this;
    }

    /**
     * For a global scope: computes names missing here, in the fallback and among the builtins' competitors (like
     * BitBake's {@code DataContext.__missing__}, which reads variables of the datastore); returns null for none.
     */
    java.util.function.Function<String, Object> missing;

    /** Makes this dict, used as a global scope, compute names it lacks with {@code missing} (null: none). */
    public PyDict withMissing(java.util.function.Function<String, Object> missing) {
        this.missing = missing;
        return this;
    }

    /** An empty dict. */
    public PyDict() {
        map = new LinkedHashMap<>();
    }

    PyDict(int capacity) {
        map = new LinkedHashMap<>(capacity);
    }

    /** The key under which Java's map stores a Python key. */
    static Object canon(Object k) {
        if (k instanceof String || k instanceof Long) {
            return k;
        }
        if (k instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (k instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 9.0e18) {
                return (long) v;
            }
            return d;
        }
        if (k instanceof Integer i) {
            return (long) i;
        }
        if (k instanceof PyList || k instanceof PyDict || (k instanceof PySet s && !s.frozen)) {
            throw Errors.typeError("unhashable type: '" + Ops.typeName(k) + "'");
        }
        if (k instanceof PyInstance i) {
            if (i.builtinValue instanceof Long && i.type().lookup("__hash__") == Builtins.INT.dict.get("__hash__")
                    && i.type().lookup("__eq__") == Builtins.INT.dict.get("__eq__")) {
                return i.builtinValue; // an IntEnum member is the same key as its value
            }
            k.hashCode(); // raises for unhashable instances
        }
        return k;
    }

    /** The entries, made this dict's own first if it is a lazy copy. */
    LinkedHashMap<Object, Object> map() {
        LinkedHashMap<Object, Object> m = map;
        if (m == null) {
            PyDict from = template;
            m = new LinkedHashMap<>(from.map.size() * 4 / 3 + 1);
            for (Map.Entry<Object, Object> e : from.map.entrySet()) {
                m.put(e.getKey(), copyOfFrozen(e.getValue()));
            }
            if (from.originals != null) {
                originals = new HashMap<>(from.originals);
            }
            map = m;
            template = null;
            frozenEntries = null;
        }
        return m;
    }

    /**
     * Prepares a value that will never be changed again for {@link #copyOfFrozen}: each small dict in it keeps its
     * entries in an array as well. Call before the value is shared between threads.
     */
    static void freeze(Object o) {
        if (o instanceof PyDict d && d.map != null) {
            if (d.map.size() <= FROZEN_ARRAY_MAX) {
                Object[] kv = new Object[d.map.size() * 2];
                int i = 0;
                for (Map.Entry<Object, Object> e : d.map.entrySet()) {
                    kv[i++] = e.getKey();
                    kv[i++] = e.getValue();
                }
                d.frozenEntries = kv;
            }
            for (Object v : d.map.values()) {
                freeze(v);
            }
        } else if (o instanceof PyList l) {
            for (Object x : l.list) {
                freeze(x);
            }
        }
    }

    /**
     * A copy of a value that is never changed again (a parsed document kept for reuse): dicts are copied lazily,
     * sharing the frozen entries until the copy is changed or its entries are walked, and reading a key whose value
     * is immutable does not copy; lists are copied one level (their items lazily); other values are immutable and
     * shared.
     */
    static Object copyOfFrozen(Object o) {
        if (o instanceof PyDict d) {
            PyDict r = new PyDict((Void) null);
            r.template = d.template != null ? d.template : d;
            r.frozenEntries = r.template.frozenEntries;
            return r;
        }
        if (o instanceof PyList l) {
            ArrayList<Object> items = new ArrayList<>(l.list.size());
            for (Object x : l.list) {
                items.add(copyOfFrozen(x));
            }
            return new PyList(items, true);
        }
        return o;
    }

    private PyDict(Void lazy) {
        // map stays null: see template
    }

    /** The value for a Python key, or null when absent. */
    public Object get(Object key) {
        if (map == null) {
            Object c = canon(key);
            Object v = frozenEntries != null ? frozenGet(frozenEntries, c) : template.map.get(c);
            if (!(v instanceof PyDict || v instanceof PyList)) {
                return v; // immutable: no copy needed to hand it out
            }
        }
        return map().get(canon(key));
    }

    /** A lookup in {@link #frozenEntries}: by identity first (keys and constants are mostly interned), then equals. */
    private static Object frozenGet(Object[] kv, Object key) {
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i] == key) {
                return kv[i + 1];
            }
        }
        for (int i = 0; i < kv.length; i += 2) {
            if (key.equals(kv[i])) {
                return kv[i + 1];
            }
        }
        return null;
    }

    /** Sets a key. */
    public void put(Object key, Object value) {
        Object c = canon(key);
        if (c != key && !(key instanceof Integer)) {
            if (!map().containsKey(c)) {
                if (originals == null) {
                    originals = new HashMap<>();
                }
                originals.put(c, key);
            }
        }
        map().put(c, value);
    }

    /** Removes a key and returns its value, or null when absent. */
    public Object remove(Object key) {
        Object c = canon(key);
        LinkedHashMap<Object, Object> m = map(); // a lazy copy takes its template's originals here
        if (originals != null) {
            originals.remove(c);
        }
        return m.remove(c);
    }

    /** Whether the key is present. */
    public boolean containsKey(Object key) {
        return (map == null ? template.map : map).containsKey(canon(key));
    }

    /** The number of entries. */
    public int size() {
        return (map == null ? template.map : map).size();
    }

    void clear() {
        map().clear();
        originals = null;
    }

    Object original(Object canonKey) {
        if (originals == null) {
            return canonKey;
        }
        Object o = originals.get(canonKey);
        return o == null ? canonKey : o;
    }

    /** The keys, as Python sees them, in insertion order (a snapshot). */
    public List<Object> keys() {
        List<Object> r = new ArrayList<>(map().size());
        for (Object k : map().keySet()) {
            r.add(original(k));
        }
        return r;
    }

    /** A snapshot of the entries with Python keys. */
    public List<Map.Entry<Object, Object>> entries() {
        List<Map.Entry<Object, Object>> r = new ArrayList<>(map().size());
        for (Map.Entry<Object, Object> e : map().entrySet()) {
            r.add(Map.entry(original(e.getKey()), e.getValue()));
        }
        return r;
    }

    PyDict copy() {
        if (map == null) {
            return (PyDict) copyOfFrozen(template); // still equal to its frozen template: share that too
        }
        PyDict d = new PyDict(map.size() * 2);
        d.map.putAll(map);
        if (originals != null) {
            d.originals = new HashMap<>(originals);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyDict d) || d.map().size() != map().size()) {
            return false;
        }
        for (Map.Entry<Object, Object> e : map().entrySet()) {
            Object v = d.map().get(e.getKey());
            if (v == null || !Ops.eq(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        throw Errors.typeError("unhashable type: 'dict'");
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
