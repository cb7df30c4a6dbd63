package dev.bitzel.query.internal;

import dev.bitzel.query.EdgeKind;
import dev.bitzel.graph.Digraph;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Breadth-first walks over the universe's adjacency: recipes follow recipe edges of the chosen kind, tasks follow
 * task edges, files have none. Each node is visited once (a bitset marks it), so walks end on cycles and cost
 * O(visited nodes + their edges). Not thread-safe; one per evaluation.
 */
final class Traversal {
    private final Universe u;
    private final EdgeKind edges;

    private NodeSet visited;
    private NodeSet within;
    private int[] queue;
    private int tail;
    private int current;
    private int[] parent;
    private NodeSet target;
    private int found;

    Traversal(Universe u, EdgeKind edges) {
        this.u = u;
        this.edges = edges;
    }

    /**
     * The nodes reachable from {@code start} in at most {@code maxDepth} steps ({@code -1}: no limit), forward
     * (dependencies) or in reverse (dependents), staying inside {@code within} when it is not null. The start
     * nodes are part of the result (those inside {@code within}).
     */
    NodeSet closure(NodeSet start, boolean reverse, int maxDepth, NodeSet within) {
        this.within = within;
        this.parent = null;
        this.visited = within == null ? start.copy() : start.intersect(within);
        this.queue = visited.toArray();
        this.tail = queue.length;
        int head = 0;
        int depth = 0;
        while (head < tail && (maxDepth < 0 || depth < maxDepth)) {
            int levelEnd = tail;
            while (head < levelEnd) {
                expand(queue[head++], reverse);
            }
            depth++;
        }
        NodeSet result = visited;
        visited = null;
        queue = null;
        return result;
    }

    /**
     * A shortest path (fewest edges) from a node of {@code from} to a node of {@code to}, following dependencies,
     * as universe numbers from start to end; {@code null} when there is none. Deterministic: sources and edges are
     * taken in number order.
     */
    int[] path(NodeSet from, NodeSet to) {
        for (int n = from.next(0); n >= 0; n = from.next(n + 1)) {
            if (to.contains(n)) {
                return new int[] {n};
            }
        }
        this.within = null;
        this.visited = from.copy();
        this.queue = visited.toArray();
        this.tail = queue.length;
        this.parent = new int[u.size];
        this.target = to;
        this.found = -1;
        int head = 0;
        while (head < tail && found < 0) {
            expand(queue[head++], false);
        }
        int end = found;
        int[] parents = parent;
        parent = null;
        visited = null;
        queue = null;
        target = null;
        if (end < 0) {
            return null;
        }
        int length = 1;
        for (int n = end; !from.contains(n); n = parents[n]) {
            length++;
        }
        int[] path = new int[length];
        int n = end;
        for (int i = length - 1; i >= 0; i--) {
            path[i] = n;
            if (i > 0) {
                n = parents[n];
            }
        }
        return path;
    }

    /*
     * Walks adjacency by index (degree, then k-th neighbour) rather than through forEachSuccessor: the call stays
     * monomorphic and inlinable whatever other IntConsumers the JVM has seen at Digraph's call site.
     */
    private void expand(int node, boolean reverse) {
        current = node;
        if (node < u.taskBase) {
            if (edges.build()) {
                visitAll(u.build, node, 0, reverse);
            }
            if (edges.runtime()) {
                visitAll(u.runtime, node, 0, reverse);
            }
        } else if (node < u.fileBase) {
            visitAll(u.taskGraph, node - u.taskBase, u.taskBase, reverse);
        }
    }

    private void visitAll(Digraph graph, int local, int base, boolean reverse) {
        // The hot loop of every walk: bitsets read directly, no call per edge beyond the adjacency accessor.
        long[] seen = visited.words();
        long[] allowed = within == null ? null : within.words();
        int degree = reverse ? graph.inDegree(local) : graph.outDegree(local);
        for (int k = 0; k < degree; k++) {
            int node = (reverse ? graph.predecessor(local, k) : graph.successor(local, k)) + base;
            int w = node >>> 6;
            long bit = 1L << node;
            if ((seen[w] & bit) != 0 || (allowed != null && (allowed[w] & bit) == 0)) {
                continue;
            }
            seen[w] |= bit;
            if (parent != null) {
                parent[node] = current;
                if (found < 0 && target.contains(node)) {
                    found = node;
                }
            }
            if (tail == queue.length) {
                queue = Arrays.copyOf(queue, Math.max(16, tail * 2));
            }
            queue[tail++] = node;
        }
    }

    /** Calls {@code action} with each direct dependency (or, in reverse, dependent) of a node. */
    static void forEachNeighbor(Universe u, EdgeKind edges, int node, boolean reverse, IntConsumer action) {
        if (node < u.taskBase) {
            if (edges.build()) {
                if (reverse) {
                    u.build.forEachPredecessor(node, action);
                } else {
                    u.build.forEachSuccessor(node, action);
                }
            }
            if (edges.runtime()) {
                if (reverse) {
                    u.runtime.forEachPredecessor(node, action);
                } else {
                    u.runtime.forEachSuccessor(node, action);
                }
            }
        } else if (node < u.fileBase) {
            IntConsumer shifted = local -> action.accept(local + u.taskBase);
            if (reverse) {
                u.taskGraph.forEachPredecessor(node - u.taskBase, shifted);
            } else {
                u.taskGraph.forEachSuccessor(node - u.taskBase, shifted);
            }
        }
    }
}
