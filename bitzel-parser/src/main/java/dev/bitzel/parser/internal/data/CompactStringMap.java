package dev.bitzel.parser.internal.data;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable string map in insertion order, kept in three arrays (keys, values and an open-addressing index)
 * instead of an object per entry: a cold parse keeps every recipe's few hundred cache fields until it ends, and the
 * garbage collector copies each object it keeps. Null keys and values are not allowed. Thread-safe.
 */
public final class CompactStringMap extends AbstractMap<String, String> {
    private final String[] keys;
    private final String[] values;
    /** Slot to entry index plus one; 0 marks an empty slot. Its length is a power of two at least twice the size. */
    private final int[] index;

    private CompactStringMap(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
        int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
        this.index = new int[capacity];
        for (int i = 0; i < keys.length; i++) {
            int slot = slotOf(keys[i]);
            if (index[slot] != 0) {
                throw new IllegalArgumentException("duplicate key: " + keys[i]);
            }
            index[slot] = i + 1;
        }
    }

    /**
     * The entries of a map, in its iteration order.
     *
     * @param map the entries; no null keys or values
     * @return an immutable copy ({@code map} itself when it is one already)
     * @throws NullPointerException if a key or value is null
     */
    public static CompactStringMap copyOf(Map<String, String> map) {
        if (map instanceof CompactStringMap c) {
            return c;
        }
        String[] keys = new String[map.size()];
        String[] values = new String[keys.length];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "key");
            values[i] = Objects.requireNonNull(e.getValue(), () -> "value of " + e.getKey());
            i++;
        }
        if (i != keys.length) {
            throw new java.util.ConcurrentModificationException("map changed while copied");
        }
        return new CompactStringMap(keys, values);
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(Object key) {
        int mask = index.length - 1;
        int h = key.hashCode();
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            int at = index[slot];
            if (at == 0) {
                return slot;
            }
            String k = keys[at - 1];
            if (k == key || k.equals(key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String)) {
            return null;
        }
        int at = index[slotOf(key)];
        return at == 0 ? null : values[at - 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && index[slotOf(key)] != 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
