package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.util.Objects;

/**
 * One task's time on a worker lane, from the moment a worker took it to its end event, as {@link TaskTimeline}
 * measured it.
 *
 * <p>Immutable.
 *
 * @param node the task's node number
 * @param task the task
 * @param lane the lane it ran on, {@code 0} up to the build's worker count minus one; no two spans of one lane
 *     overlap
 * @param startNanos when a worker took it, on the report's nanosecond clock
 * @param endNanos when it ended, {@code >= startNanos}
 * @param status how it ended
 */
public record TaskSpan(int node, TaskId task, int lane, long startNanos, long endNanos, TaskStatus status) {

    /** Validates the components. */
    public TaskSpan {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        if (lane < 0) {
            throw new IllegalArgumentException("lane must be >= 0, was " + lane);
        }
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("span of " + task + " ends (" + endNanos + ") before it starts ("
                    + startNanos + ")");
        }
    }

    /** Returns how long the task took, in nanoseconds. */
    public long durationNanos() {
        return endNanos - startNanos;
    }
}
