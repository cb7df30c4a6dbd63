package dev.bitzel.examples.build.report;

/**
 * Where a task's result came from, as the summary and the Build Event Protocol's runner counts tell it. The names
 * are Bazel's runner names, so tools that read Bazel's {@code runnerCount} read Bitzel's.
 */
public enum TaskOrigin {
    /** Run on this machine in the sandbox. */
    SANDBOX("sandbox", true),
    /** Run by a remote executor. */
    REMOTE("remote", true),
    /** Restored from the local store (or up to date by its stamp). */
    DISK_CACHE_HIT("disk cache hit", false),
    /** Restored from a remote cache. */
    REMOTE_CACHE_HIT("remote cache hit", false);

    private final String runnerName;
    private final boolean ran;

    TaskOrigin(String runnerName, boolean ran) {
        this.runnerName = runnerName;
        this.ran = ran;
    }

    /** Returns Bazel's runner name for it ({@code "sandbox"}, {@code "remote cache hit"}, ...). */
    public String runnerName() {
        return runnerName;
    }

    /** Returns whether the task really ran (locally or remotely) rather than coming from a cache. */
    public boolean ran() {
        return ran;
    }
}
