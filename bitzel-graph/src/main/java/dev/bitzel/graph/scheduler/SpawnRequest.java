package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One task for the {@link Spawner} to run.
 *
 * <p>Immutable and thread-safe.
 *
 * @param node the task's node number in the build's {@link dev.bitzel.graph.TaskGraph}
 * @param task the task: its name and flags
 * @param signature its signature, as the build request's signature function gave it
 * @param log the file the task's output goes to, as {@link TaskLogs#logFile} named it; empty when logs are off
 * @param cancellation signalled when the build no longer wants this run
 */
public record SpawnRequest(int node, TaskNode task, String signature, Optional<Path> log,
        Cancellation cancellation) {

    /** Validates the components. */
    public SpawnRequest {
        if (node < 0) {
            throw new IllegalArgumentException("node must be >= 0, was " + node);
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(cancellation, "cancellation");
    }
}
