package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a build ended: one {@link TaskOutcome} per task of the build and the {@link BuildSummary} counts.
 *
 * <p>Immutable and thread-safe. Holds no timings: builds of the same request whose ports answer the same way have
 * equal results (with one worker always; with several, whenever keep-going is on and nothing is cancelled, as which
 * tasks start before a stop depends on timing).
 */
public final class BuildResult {
    private final TaskGraph graph;
    private final int[] nodes;
    private final List<TaskOutcome> outcomes;
    private final BuildSummary summary;
    private final boolean cancelled;

    BuildResult(TaskGraph graph, int[] nodes, List<TaskOutcome> outcomes, boolean cancelled) {
        this.graph = graph;
        this.nodes = nodes;
        this.outcomes = List.copyOf(outcomes);
        this.cancelled = cancelled;
        int[] counts = new int[TaskStatus.values().length];
        for (TaskOutcome outcome : this.outcomes) {
            counts[outcome.status().ordinal()]++;
        }
        this.summary = new BuildSummary(this.outcomes.size(), counts[TaskStatus.EXECUTED.ordinal()],
                counts[TaskStatus.NOEXEC.ordinal()], counts[TaskStatus.CACHED.ordinal()],
                counts[TaskStatus.FAILED.ordinal()], counts[TaskStatus.SKIPPED.ordinal()],
                counts[TaskStatus.NOT_STARTED.ordinal()], counts[TaskStatus.CANCELLED.ordinal()]);
    }

    /** Returns the outcome of every task of the build, in node-number order; never null. */
    public List<TaskOutcome> outcomes() {
        return outcomes;
    }

    /** Returns the outcome of one task, empty when the task was not part of the build. */
    public Optional<TaskOutcome> outcome(TaskId task) {
        int node = graph.indexOf(Objects.requireNonNull(task, "task"));
        int at = node < 0 ? -1 : Arrays.binarySearch(nodes, node);
        return at < 0 ? Optional.empty() : Optional.of(outcomes.get(at));
    }

    /** Returns the outcomes with this status, in node-number order. */
    public List<TaskOutcome> withStatus(TaskStatus status) {
        Objects.requireNonNull(status, "status");
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** Returns the counts per status; never null. */
    public BuildSummary summary() {
        return summary;
    }

    /** Returns whether every task succeeded (executed, noexec or cached). */
    public boolean success() {
        return summary.executed() + summary.noexec() + summary.cached() == summary.tasks();
    }

    /** Returns whether the build was cancelled (by {@link Build#cancel()}, an interrupt, or a cancelled spawn). */
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuildResult other && cancelled == other.cancelled && outcomes.equals(other.outcomes);
    }

    @Override
    public int hashCode() {
        return outcomes.hashCode() * 31 + Boolean.hashCode(cancelled);
    }

    @Override
    public String toString() {
        return "BuildResult[" + summary + (cancelled ? ", cancelled" : "") + "]";
    }
}
