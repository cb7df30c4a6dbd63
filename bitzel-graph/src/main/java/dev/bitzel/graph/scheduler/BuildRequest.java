package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * What one build runs: a task graph, the targets within it, each task's signature and estimated duration.
 *
 * <p>Immutable and thread-safe as long as the functions it holds are (they are called from worker threads).
 * Defaults: every task of the graph is a target, every task is estimated at 1 (so the critical path is the longest
 * chain), and the signature function is required.
 *
 * <pre>{@code
 * BuildRequest request = BuildRequest.builder(graph, node -> signatures[node])
 *         .targets(TaskId.parse("busybox:do_build"))
 *         .build();
 * }</pre>
 */
public final class BuildRequest {
    private static final IntToLongFunction UNIT = node -> 1;

    private final TaskGraph graph;
    private final IntFunction<String> signatures;
    private final int[] targets;
    private final IntToLongFunction estimatedDuration;

    private BuildRequest(Builder b) {
        this.graph = b.graph;
        this.signatures = b.signatures;
        this.targets = b.targets;
        this.estimatedDuration = b.estimatedDuration;
    }

    /**
     * Returns a builder for a build of {@code graph}.
     *
     * @param graph the tasks and their dependencies; not null
     * @param signatures a task's signature by node number (thread-safe, called once per task that is looked up
     *     in the cache and run; not for noexec tasks); not null
     */
    public static Builder builder(TaskGraph graph, IntFunction<String> signatures) {
        return new Builder(graph, signatures);
    }

    /** Returns a builder holding this request. */
    public Builder toBuilder() {
        Builder b = new Builder(graph, signatures);
        b.targets = targets;
        b.estimatedDuration = estimatedDuration;
        return b;
    }

    /** Returns the task graph; never null. */
    public TaskGraph graph() {
        return graph;
    }

    /** Returns the signature function; never null. */
    public IntFunction<String> signatures() {
        return signatures;
    }

    /** Returns the target node numbers (a copy), or {@code null} when the whole graph is built. */
    public int[] targets() {
        return targets == null ? null : targets.clone();
    }

    /** Returns the estimated duration of each task by node number, in any consistent unit; never null. */
    public IntToLongFunction estimatedDuration() {
        return estimatedDuration;
    }

    @Override
    public String toString() {
        return "BuildRequest[" + graph + ", targets=" + (targets == null ? "all" : targets.length) + "]";
    }

    /** Collects a request; not thread-safe. */
    public static final class Builder {
        private final TaskGraph graph;
        private final IntFunction<String> signatures;
        private int[] targets;
        private IntToLongFunction estimatedDuration = UNIT;

        private Builder(TaskGraph graph, IntFunction<String> signatures) {
            this.graph = Objects.requireNonNull(graph, "graph");
            this.signatures = Objects.requireNonNull(signatures, "signatures");
        }

        /**
         * Builds only these tasks and what they depend on, directly or not.
         *
         * @throws IllegalArgumentException naming a node that is not in the graph
         */
        public Builder targets(int... nodes) {
            int[] copy = nodes.clone();
            for (int node : copy) {
                if (node < 0 || node >= graph.size()) {
                    throw new IllegalArgumentException("target node " + node + " is not in the graph (0.."
                            + (graph.size() - 1) + ")");
                }
            }
            this.targets = copy;
            return this;
        }

        /**
         * Builds only these tasks and what they depend on, directly or not.
         *
         * @throws IllegalArgumentException naming a task that is not in the graph
         */
        public Builder targets(TaskId... tasks) {
            return targets(Arrays.asList(tasks));
        }

        /**
         * Builds only these tasks and what they depend on, directly or not.
         *
         * @throws IllegalArgumentException naming a task that is not in the graph
         */
        public Builder targets(Collection<TaskId> tasks) {
            int[] nodes = new int[tasks.size()];
            int i = 0;
            for (TaskId task : tasks) {
                int node = graph.indexOf(Objects.requireNonNull(task, "task"));
                if (node < 0) {
                    throw new IllegalArgumentException("target task '" + task + "' is not in the graph");
                }
                nodes[i++] = node;
            }
            this.targets = nodes;
            return this;
        }

        /** Builds every task of the graph (the default). */
        public Builder allTargets() {
            this.targets = null;
            return this;
        }

        /**
         * Sets each task's estimated duration (in any consistent unit, {@code >= 0}); tasks on the longest weighted
         * chain to the end of the build start first. Default: 1 per task.
         */
        public Builder estimatedDuration(IntToLongFunction estimatedDuration) {
            this.estimatedDuration = Objects.requireNonNull(estimatedDuration, "estimatedDuration");
            return this;
        }

        /** Builds the immutable request. */
        public BuildRequest build() {
            return new BuildRequest(this);
        }
    }
}
