package dev.bitzel.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tasks and the order they must run in: {@code a → b} when task {@code a} runs after task {@code b}
 * (BitBake's {@code task-depends.dot} edge). Node names are {@code recipe:do_task}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TaskGraph {
    private final Digraph graph;
    private final List<TaskNode> tasks;

    private TaskGraph(Digraph graph, List<TaskNode> tasks) {
        this.graph = graph;
        this.tasks = tasks;
    }

    /** A builder for a task graph. */
    public static Builder builder() {
        return new Builder();
    }

    /** The dependency edges; node numbers match {@link #task(int)}. */
    public Digraph graph() {
        return graph;
    }

    /** The number of tasks. */
    public int size() {
        return tasks.size();
    }

    /** The task of a node number. */
    public TaskNode task(int node) {
        return tasks.get(node);
    }

    /** The node number of a task, or {@code -1}. */
    public int indexOf(TaskId id) {
        return graph.indexOf(id.toString());
    }

    /** The task of this name, if the graph has it. */
    public Optional<TaskNode> task(TaskId id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(tasks.get(i));
    }

    /** All tasks, in node-number order. */
    public List<TaskNode> tasks() {
        return tasks;
    }

    @Override
    public String toString() {
        return "TaskGraph[" + tasks.size() + " tasks, " + graph.edgeCount() + " edges]";
    }

    /** Collects tasks and edges; not thread-safe. */
    public static final class Builder {
        private final Digraph.Builder graph = Digraph.builder();
        private final List<TaskNode> tasks = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a task and returns its node number.
         *
         * @throws IllegalArgumentException if the task was added before
         */
        public int task(TaskNode task) {
            Objects.requireNonNull(task, "task");
            String name = task.id().toString();
            if (graph.indexOf(name) >= 0) {
                throw new IllegalArgumentException("task '" + name + "' added twice");
            }
            tasks.add(task);
            return graph.node(name);
        }

        /** The node number of a task added before, or {@code -1}. */
        public int indexOf(TaskId id) {
            return graph.indexOf(id.toString());
        }

        /** Adds "{@code from} runs after {@code to}" between tasks already added. */
        public Builder edge(TaskId from, TaskId to) {
            return edge(require(from), require(to));
        }

        /** Adds "{@code from} runs after {@code to}" by node number. */
        public Builder edge(int from, int to) {
            graph.edge(from, to);
            return this;
        }

        private int require(TaskId id) {
            int i = indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("no task '" + id + "' added before its edge");
            }
            return i;
        }

        /** Builds the immutable graph. */
        public TaskGraph build() {
            return new TaskGraph(graph.build(), List.copyOf(tasks));
        }
    }
}
