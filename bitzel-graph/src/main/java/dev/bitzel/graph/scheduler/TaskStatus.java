package dev.bitzel.graph.scheduler;

/** How one task of a build ended. */
public enum TaskStatus {
    /** The spawner ran the task and it succeeded. */
    EXECUTED,
    /** The task is {@code noexec}: completed without calling the spawner or the action cache. */
    NOEXEC,
    /** The action cache had a result for the task's signature; the spawner was not called. */
    CACHED,
    /** The spawner reported a failure, threw an {@link java.io.IOException}, or the task could not be prepared. */
    FAILED,
    /** Not run because a task it depends on (directly or not) failed; {@link TaskOutcome#cause()} names it. */
    SKIPPED,
    /** Not run because the build stopped after a failure of an unrelated task (no keep-going). */
    NOT_STARTED,
    /** Cancelled while running, or not started because the build was cancelled. */
    CANCELLED;

    /** Returns whether this status means the task's result is available ({@link #EXECUTED}, {@link #NOEXEC}, {@link #CACHED}). */
    public boolean succeeded() {
        return this == EXECUTED || this == NOEXEC || this == CACHED;
    }
}
