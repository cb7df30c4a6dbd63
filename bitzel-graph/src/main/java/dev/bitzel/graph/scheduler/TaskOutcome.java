package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskId;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one task of a build ended.
 *
 * <p>Immutable and thread-safe. Holds no timings, so two builds of the same graph with ports that answer the same
 * way have equal outcomes.
 *
 * @param task the task
 * @param status how it ended
 * @param exitCode the exit code the spawner reported; {@code 0} for a success without a process, {@code -1} when
 *     there is none (skipped, not started, cancelled, or an environment failure)
 * @param message why it failed, was skipped or cancelled, or the spawner's message; empty when there is nothing to say
 * @param cause for {@link TaskStatus#SKIPPED} the failed task that prevented it (the lowest-numbered one when
 *     several did), for {@link TaskStatus#NOT_STARTED} the failure that stopped the build; empty otherwise
 * @param log the log file the task's run wrote (see {@link TaskLogs}); empty when it did not run or logs are off
 * @param cacheHandle for {@link TaskStatus#CACHED} the handle the action cache returned; empty otherwise
 */
public record TaskOutcome(TaskId task, TaskStatus status, int exitCode, String message, Optional<TaskId> cause,
        Optional<Path> log, Optional<String> cacheHandle) {

    /** Validates the components. */
    public TaskOutcome {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(cacheHandle, "cacheHandle");
    }

    @Override
    public String toString() {
        return task + " " + status + (message.isEmpty() ? "" : ": " + message);
    }
}
