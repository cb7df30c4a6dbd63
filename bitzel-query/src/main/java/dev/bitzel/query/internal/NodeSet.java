package dev.bitzel.query.internal;

import java.util.Arrays;

/**
 * A set of universe node numbers as a bitset. Evaluation never changes a set it did not make itself, so sets
 * bound by {@code let} can be shared.
 */
public final class NodeSet {
    private final long[] words;
    private final int capacity;

    private NodeSet(int capacity, long[] words) {
        this.capacity = capacity;
        this.words = words;
    }

    /** An empty set over {@code capacity} nodes. */
    public static NodeSet empty(int capacity) {
        return new NodeSet(capacity, new long[(capacity + 63) >>> 6]);
    }

    /** A set holding {@code from..to-1}. */
    public static NodeSet range(int capacity, int from, int to) {
        NodeSet set = empty(capacity);
        set.addRange(from, to);
        return set;
    }

    /** The backing words, for the traversal's inner loop; callers must not change sets they did not make. */
    long[] words() {
        return words;
    }

    public int capacity() {
        return capacity;
    }

    public boolean contains(int node) {
        return node >= 0 && node < capacity && (words[node >>> 6] & (1L << node)) != 0;
    }

    /** Adds a node; returns whether it was new. */
    public boolean add(int node) {
        int w = node >>> 6;
        long bit = 1L << node;
        if ((words[w] & bit) != 0) {
            return false;
        }
        words[w] |= bit;
        return true;
    }

    public void addRange(int from, int to) {
        for (int i = from; i < to; ) {
            if ((i & 63) == 0 && i + 64 <= to) {
                words[i >>> 6] = -1L;
                i += 64;
            } else {
                words[i >>> 6] |= 1L << i;
                i++;
            }
        }
    }

    /** The first member at or after {@code from}, or {@code -1}. */
    public int next(int from) {
        if (from >= capacity) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    public int size() {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** How many members lie in {@code from..to-1}. */
    public int count(int from, int to) {
        if (from >= to) {
            return 0;
        }
        int first = from >>> 6;
        int last = (to - 1) >>> 6;
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (first == last) {
            return Long.bitCount(words[first] & (-1L << from) & lastMask);
        }
        int count = Long.bitCount(words[first] & (-1L << from));
        for (int w = first + 1; w < last; w++) {
            count += Long.bitCount(words[w]);
        }
        return count + Long.bitCount(words[last] & lastMask);
    }

    public boolean isEmpty() {
        for (long word : words) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    public NodeSet copy() {
        return new NodeSet(capacity, words.clone());
    }

    public NodeSet union(NodeSet other) {
        long[] out = words.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] |= other.words[i];
        }
        return new NodeSet(capacity, out);
    }

    public NodeSet intersect(NodeSet other) {
        long[] out = words.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] &= other.words[i];
        }
        return new NodeSet(capacity, out);
    }

    public NodeSet except(NodeSet other) {
        long[] out = words.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] &= ~other.words[i];
        }
        return new NodeSet(capacity, out);
    }

    /** The members in increasing order. */
    public int[] toArray() {
        int[] out = new int[size()];
        int k = 0;
        for (int i = next(0); i >= 0; i = next(i + 1)) {
            out[k++] = i;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSet && ((NodeSet) o).capacity == capacity && Arrays.equals(((NodeSet) o).words, words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
