package dev.bitzel.query.internal;

import dev.bitzel.query.EdgeKind;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The edges among the members of a result (the induced subgraph), with nodes numbered locally in result order,
 * and what output needs from it: strongly connected components, a dependents-first order, ranks.
 */
public final class Subgraph {
    private final int[] nodes;
    private final int[] start;
    private final int[] targets;
    private final boolean[] runtimeOnly;

    private int[] component;
    private int componentCount;

    /** Builds the subgraph of {@code order} (universe numbers, distinct). */
    public Subgraph(Universe u, EdgeKind edges, int[] order) {
        this.nodes = order;
        int[] local = new int[u.size];
        Arrays.fill(local, -1);
        for (int i = 0; i < order.length; i++) {
            local[order[i]] = i;
        }
        start = new int[order.length + 1];
        Universe.IntList out = new Universe.IntList();
        java.util.List<Boolean> runtime = new java.util.ArrayList<>();
        long[] scratch = new long[16];
        for (int i = 0; i < order.length; i++) {
            start[i] = out.size;
            int node = order[i];
            int[] count = {0};
            long[][] buffer = {scratch};
            if (u.isRecipe(node)) {
                if (edges.build()) {
                    u.build.forEachSuccessor(node, s -> add(buffer, count, local[s], false));
                }
                if (edges.runtime()) {
                    u.runtime.forEachSuccessor(node, s -> {
                        if (!edges.build() || !u.build.hasEdge(node, s)) {
                            add(buffer, count, local[s], edges.build());
                        }
                    });
                }
            } else if (u.isTask(node)) {
                u.taskGraph.forEachSuccessor(node - u.taskBase, s -> add(buffer, count, local[s + u.taskBase],
                        false));
            }
            scratch = buffer[0];
            Arrays.sort(scratch, 0, count[0]);
            for (int k = 0; k < count[0]; k++) {
                out.add((int) (scratch[k] >>> 1));
                runtime.add((scratch[k] & 1) != 0);
            }
        }
        start[order.length] = out.size;
        targets = out.toArray();
        runtimeOnly = new boolean[targets.length];
        for (int e = 0; e < targets.length; e++) {
            runtimeOnly[e] = runtime.get(e);
        }
    }

    private static void add(long[][] buffer, int[] count, int target, boolean runtimeOnly) {
        if (target < 0) {
            return;
        }
        if (count[0] == buffer[0].length) {
            buffer[0] = Arrays.copyOf(buffer[0], count[0] * 2);
        }
        buffer[0][count[0]++] = ((long) target << 1) | (runtimeOnly ? 1 : 0);
    }

    public int size() {
        return nodes.length;
    }

    /** The universe number of a local node. */
    public int node(int local) {
        return nodes[local];
    }

    public int edgeStart(int local) {
        return start[local];
    }

    public int edgeEnd(int local) {
        return start[local + 1];
    }

    /** The local target of an edge. */
    public int target(int edge) {
        return targets[edge];
    }

    /** Whether an edge is a runtime edge only (when both kinds are followed). */
    public boolean runtimeOnly(int edge) {
        return runtimeOnly[edge];
    }

    /** Whether some member has an edge to {@code local}. */
    public boolean[] hasPredecessor() {
        boolean[] has = new boolean[nodes.length];
        for (int t : targets) {
            has[t] = true;
        }
        return has;
    }

    /** Strongly connected components (iterative Tarjan); numbers each node's component. */
    private void components() {
        if (component != null) {
            return;
        }
        int n = nodes.length;
        component = new int[n];
        Arrays.fill(component, -1);
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] stack = new int[n];
        boolean[] onStack = new boolean[n];
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int sp = 0;
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = start[root];
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < start[v + 1]) {
                    int w = targets[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = start[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            component[w] = componentCount;
                        } while (w != v);
                        componentCount++;
                    }
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
    }

    /**
     * Visits components in a dependents-first topological order, ties broken by the smallest local number; returns
     * the local nodes in that order (members of one component in local order), and fills {@code minRank} and
     * {@code maxRank} (per local node) when they are not null.
     */
    public int[] dependentsFirst(int[] minRank, int[] maxRank) {
        components();
        int c = componentCount;
        int n = nodes.length;
        int[] memberStart = new int[c + 1];
        for (int v = 0; v < n; v++) {
            memberStart[component[v] + 1]++;
        }
        for (int i = 0; i < c; i++) {
            memberStart[i + 1] += memberStart[i];
        }
        int[] members = new int[n];
        int[] fill = memberStart.clone();
        for (int v = 0; v < n; v++) {
            members[fill[component[v]]++] = v;
        }
        int[] indegree = new int[c];
        for (int v = 0; v < n; v++) {
            for (int e = start[v]; e < start[v + 1]; e++) {
                if (component[targets[e]] != component[v]) {
                    indegree[component[targets[e]]]++;
                }
            }
        }
        int[] minC = new int[c];
        int[] maxC = new int[c];
        Arrays.fill(minC, Integer.MAX_VALUE);
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> Integer.compare(members[memberStart[a]],
                members[memberStart[b]]));
        for (int i = 0; i < c; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
                minC[i] = 0;
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int comp = ready.poll();
            for (int m = memberStart[comp]; m < memberStart[comp + 1]; m++) {
                int v = members[m];
                order[k++] = v;
                for (int e = start[v]; e < start[v + 1]; e++) {
                    int tc = component[targets[e]];
                    if (tc != comp) {
                        minC[tc] = Math.min(minC[tc], minC[comp] + 1);
                        maxC[tc] = Math.max(maxC[tc], maxC[comp] + 1);
                        if (--indegree[tc] == 0) {
                            ready.add(tc);
                        }
                    }
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (minRank != null) {
                minRank[v] = minC[component[v]];
            }
            if (maxRank != null) {
                maxRank[v] = maxC[component[v]];
            }
        }
        return order;
    }
}
