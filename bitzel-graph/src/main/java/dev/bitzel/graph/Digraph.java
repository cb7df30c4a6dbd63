package dev.bitzel.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An immutable directed graph of named nodes with constant-time forward and reverse adjacency: the shape under
 * every recipe and task graph, and what the query language and the scheduler walk.
 *
 * <p>Nodes are numbered {@code 0..size()-1} in insertion order and carry unique names. An edge {@code a → b}
 * reads "{@code a} depends on {@code b}", as in BitBake's {@code task-depends.dot}: {@link #successors} are
 * what a node needs, {@link #predecessors} what needs it. Adjacency is stored compressed (one {@code int[]}
 * per direction), sorted by node number and free of duplicate edges, so walking it allocates nothing.
 *
 * <p>Thread-safe (immutable).
 *
 * <pre>{@code
 * Digraph g = Digraph.builder().edge("app", "lib").edge("lib", "libc").build();
 * g.successors(g.indexOf("app")).mapToObj(g::name).toList();   // [lib]
 * }</pre>
 */
public final class Digraph {
    private final String[] names;
    private final Map<String, Integer> index;
    private final int[] outStart;
    private final int[] out;
    private final int[] inStart;
    private final int[] in;

    private Digraph(String[] names, Map<String, Integer> index, int[] outStart, int[] out, int[] inStart,
            int[] in) {
        this.names = names;
        this.index = index;
        this.outStart = outStart;
        this.out = out;
        this.inStart = inStart;
        this.in = in;
    }

    /** A builder for a new graph. */
    public static Builder builder() {
        return new Builder();
    }

    /** The number of nodes. */
    public int size() {
        return names.length;
    }

    /** The number of distinct edges. */
    public int edgeCount() {
        return out.length;
    }

    /**
     * The name of a node.
     *
     * @throws IndexOutOfBoundsException if {@code node} is not in {@code 0..size()-1}
     */
    public String name(int node) {
        return names[Objects.checkIndex(node, names.length)];
    }

    /** The number of a node by name, or {@code -1} when there is none. */
    public int indexOf(String name) {
        Integer i = index.get(Objects.requireNonNull(name, "name"));
        return i == null ? -1 : i;
    }

    /** Whether a node of this name exists. */
    public boolean contains(String name) {
        return index.containsKey(Objects.requireNonNull(name, "name"));
    }

    /** How many nodes {@code node} depends on. */
    public int outDegree(int node) {
        Objects.checkIndex(node, names.length);
        return outStart[node + 1] - outStart[node];
    }

    /** The {@code k}-th node (in node-number order) that {@code node} depends on. */
    public int successor(int node, int k) {
        return out[outStart[node] + Objects.checkIndex(k, outDegree(node))];
    }

    /** How many nodes depend on {@code node}. */
    public int inDegree(int node) {
        Objects.checkIndex(node, names.length);
        return inStart[node + 1] - inStart[node];
    }

    /** The {@code k}-th node (in node-number order) that depends on {@code node}. */
    public int predecessor(int node, int k) {
        return in[inStart[node] + Objects.checkIndex(k, inDegree(node))];
    }

    /** The nodes {@code node} depends on, in node-number order. */
    public IntStream successors(int node) {
        Objects.checkIndex(node, names.length);
        return Arrays.stream(out, outStart[node], outStart[node + 1]);
    }

    /** The nodes that depend on {@code node}, in node-number order. */
    public IntStream predecessors(int node) {
        Objects.checkIndex(node, names.length);
        return Arrays.stream(in, inStart[node], inStart[node + 1]);
    }

    /** Calls {@code action} for every node {@code node} depends on, without allocating. */
    public void forEachSuccessor(int node, IntConsumer action) {
        Objects.checkIndex(node, names.length);
        for (int i = outStart[node], end = outStart[node + 1]; i < end; i++) {
            action.accept(out[i]);
        }
    }

    /** Calls {@code action} for every node that depends on {@code node}, without allocating. */
    public void forEachPredecessor(int node, IntConsumer action) {
        Objects.checkIndex(node, names.length);
        for (int i = inStart[node], end = inStart[node + 1]; i < end; i++) {
            action.accept(in[i]);
        }
    }

    /** Whether {@code from} depends directly on {@code to} (binary search, O(log degree)). */
    public boolean hasEdge(int from, int to) {
        Objects.checkIndex(from, names.length);
        Objects.checkIndex(to, names.length);
        return Arrays.binarySearch(out, outStart[from], outStart[from + 1], to) >= 0;
    }

    /**
     * A cycle of this graph, as the node sequence {@code a, b, …, a} (first node repeated at the end), or an
     * empty list when the graph is acyclic. Deterministic: the cycle found first when visiting nodes in number
     * order.
     */
    public List<Integer> findCycle() {
        int n = names.length;
        byte[] state = new byte[n]; // 0 new, 1 on stack, 2 done
        int[] parent = new int[n];
        int[] stackNode = new int[n];
        int[] stackEdge = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            stackNode[0] = root;
            stackEdge[0] = outStart[root];
            state[root] = 1;
            parent[root] = -1;
            while (depth >= 0) {
                int node = stackNode[depth];
                if (stackEdge[depth] < outStart[node + 1]) {
                    int next = out[stackEdge[depth]++];
                    if (state[next] == 1) {
                        List<Integer> cycle = new ArrayList<>();
                        for (int at = node; at != next; at = parent[at]) {
                            cycle.add(at);
                        }
                        cycle.add(next);
                        Collections.reverse(cycle);
                        cycle.add(next);
                        return List.copyOf(cycle);
                    }
                    if (state[next] == 0) {
                        state[next] = 1;
                        parent[next] = node;
                        depth++;
                        stackNode[depth] = next;
                        stackEdge[depth] = outStart[next];
                    }
                } else {
                    state[node] = 2;
                    depth--;
                }
            }
        }
        return List.of();
    }

    /**
     * The nodes in an order where every node comes after all nodes it depends on (dependencies first); ties are
     * broken by node number, so the order is deterministic.
     *
     * @throws IllegalStateException naming the nodes of a cycle when the graph has one
     */
    public int[] topologicalOrder() {
        int n = names.length;
        int[] remaining = new int[n];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            remaining[i] = outDegree(i);
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int node = ready.poll();
            order[count++] = node;
            for (int i = inStart[node], end = inStart[node + 1]; i < end; i++) {
                if (--remaining[in[i]] == 0) {
                    ready.add(in[i]);
                }
            }
        }
        if (count != n) {
            throw new IllegalStateException("dependency cycle: " + describeCycle(findCycle()));
        }
        return order;
    }

    /** Names the nodes of a cycle as {@code a -> b -> a}. */
    public String describeCycle(List<Integer> cycle) {
        StringBuilder text = new StringBuilder();
        for (int node : cycle) {
            if (text.length() > 0) {
                text.append(" -> ");
            }
            text.append(name(node));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "Digraph[" + names.length + " nodes, " + out.length + " edges]";
    }

    /** Collects nodes and edges; not thread-safe. Adding an edge adds its missing end nodes. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        private int[] from = new int[16];
        private int[] to = new int[16];
        private int edges;

        private Builder() {
        }

        /** Adds a node (no-op when it exists) and returns its number. */
        public int node(String name) {
            Objects.requireNonNull(name, "name");
            Integer existing = index.get(name);
            if (existing != null) {
                return existing;
            }
            int i = names.size();
            names.add(name);
            index.put(name, i);
            return i;
        }

        /** Adds the edge {@code from → to} ("from depends on to"), adding missing nodes; duplicates collapse. */
        public Builder edge(String from, String to) {
            return edge(node(from), node(to));
        }

        /** Adds the edge between two nodes already added, by number. */
        public Builder edge(int fromNode, int toNode) {
            Objects.checkIndex(fromNode, names.size());
            Objects.checkIndex(toNode, names.size());
            if (edges == from.length) {
                from = Arrays.copyOf(from, edges * 2);
                to = Arrays.copyOf(to, edges * 2);
            }
            from[edges] = fromNode;
            to[edges] = toNode;
            edges++;
            return this;
        }

        /** The number of a node added before, or {@code -1}. */
        public int indexOf(String name) {
            Integer i = index.get(Objects.requireNonNull(name, "name"));
            return i == null ? -1 : i;
        }

        /** The number of nodes added so far. */
        public int size() {
            return names.size();
        }

        /** Builds the immutable graph. */
        public Digraph build() {
            int n = names.size();
            int[] outStart = new int[n + 1];
            int[] out = compress(from, to, n, outStart);
            int[] inStart = new int[n + 1];
            int[] in = compress(to, from, n, inStart);
            return new Digraph(names.toArray(String[]::new), Map.copyOf(index), outStart, out, inStart, in);
        }

        /** Counting sort of (key, value) pairs by key, then by value, dropping duplicates. */
        private int[] compress(int[] keys, int[] values, int n, int[] start) {
            int[] count = new int[n + 1];
            for (int i = 0; i < edges; i++) {
                count[keys[i] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                count[i + 1] += count[i];
            }
            int[] sorted = new int[edges];
            int[] fill = Arrays.copyOf(count, n + 1);
            for (int i = 0; i < edges; i++) {
                sorted[fill[keys[i]]++] = values[i];
            }
            int written = 0;
            for (int node = 0; node < n; node++) {
                Arrays.sort(sorted, count[node], count[node + 1]);
                start[node] = written;
                int previous = -1;
                for (int i = count[node]; i < count[node + 1]; i++) {
                    if (sorted[i] != previous) {
                        sorted[written++] = sorted[i];
                        previous = sorted[i];
                    }
                }
            }
            start[n] = written;
            return written == edges ? sorted : Arrays.copyOf(sorted, written);
        }
    }
}
