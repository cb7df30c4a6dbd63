package dev.bitzel.graph.scheduler;

import java.util.Objects;

/**
 * What running one task produced: success or failure, with the exit code and a message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param succeeded whether the task succeeded
 * @param exitCode the process's exit code, {@code 0} when no process was involved
 * @param message a short explanation (the failing command, a signal); empty when there is nothing to say
 */
public record SpawnResult(boolean succeeded, int exitCode, String message) {

    private static final SpawnResult SUCCESS = new SpawnResult(true, 0, "");

    /** Validates the components: a success has exit code {@code 0}. */
    public SpawnResult {
        Objects.requireNonNull(message, "message");
        if (succeeded && exitCode != 0) {
            throw new IllegalArgumentException("a success must have exit code 0, was " + exitCode);
        }
    }

    /** Returns a success with exit code {@code 0} and no message. */
    public static SpawnResult success() {
        return SUCCESS;
    }

    /**
     * Returns a failure.
     *
     * @param exitCode the process's exit code (any value, also {@code 0} when the failure was not a process's)
     * @param message why it failed; not null
     */
    public static SpawnResult failure(int exitCode, String message) {
        return new SpawnResult(false, exitCode, message);
    }
}
