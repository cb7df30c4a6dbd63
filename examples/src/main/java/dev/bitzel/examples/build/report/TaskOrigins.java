package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;

/**
 * Tells where the result of an executed or cached task came from: the spawner knows whether it ran a task locally
 * or remotely, and the action cache whether a hit was local or remote (its hit handle can say so).
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TaskOrigins {

    /**
     * Returns the origin of a task's result.
     *
     * @param outcome an outcome with status {@link TaskStatus#EXECUTED} or {@link TaskStatus#CACHED}, or a
     *     {@link TaskStatus#FAILED} one whose task ran (exit code {@code >= 0})
     */
    TaskOrigin of(TaskOutcome outcome);

    /** Everything local: tasks that ran did so in the sandbox, cached ones came from the local store. */
    static TaskOrigins local() {
        return outcome -> outcome.status() == TaskStatus.CACHED ? TaskOrigin.DISK_CACHE_HIT : TaskOrigin.SANDBOX;
    }
}
