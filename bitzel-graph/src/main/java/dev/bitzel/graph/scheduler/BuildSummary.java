package dev.bitzel.graph.scheduler;

/**
 * How many tasks of a build ended in each way; what a build summary line and the Build Event Protocol report.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tasks all tasks of the build
 * @param executed run by the spawner, successfully
 * @param noexec completed without running ({@code noexec})
 * @param cached taken from the action cache
 * @param failed failed
 * @param skipped not run because a dependency failed
 * @param notStarted not run because the build stopped after a failure
 * @param cancelled cancelled while running or before starting
 */
public record BuildSummary(int tasks, int executed, int noexec, int cached, int failed, int skipped,
        int notStarted, int cancelled) {

    /** Validates that the counts add up. */
    public BuildSummary {
        int sum = executed + noexec + cached + failed + skipped + notStarted + cancelled;
        if (executed < 0 || noexec < 0 || cached < 0 || failed < 0 || skipped < 0 || notStarted < 0 || cancelled < 0
                || sum != tasks) {
            throw new IllegalArgumentException("counts must be >= 0 and add up to tasks=" + tasks + ", was " + sum);
        }
    }

    /** Returns the count of one status. */
    public int count(TaskStatus status) {
        return switch (status) {
            case EXECUTED -> executed;
            case NOEXEC -> noexec;
            case CACHED -> cached;
            case FAILED -> failed;
            case SKIPPED -> skipped;
            case NOT_STARTED -> notStarted;
            case CANCELLED -> cancelled;
        };
    }
}
