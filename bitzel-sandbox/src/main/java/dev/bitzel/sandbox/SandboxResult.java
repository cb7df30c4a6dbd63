package dev.bitzel.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a sandboxed command ended. Immutable.
 *
 * @param exitCode the exit code, or -1 when a signal ended the command
 * @param signal the signal that ended the command, or 0
 * @param wallTime wall-clock time of the command (set-up excluded)
 * @param userTime user CPU time of the whole tree
 * @param systemTime system CPU time of the whole tree
 * @param peakMemoryBytes peak memory: of the cgroup when a memory limit was set, else the largest process's RSS
 * @param stdout the file holding stdout, if any
 * @param stderr the file holding stderr, if any
 * @param limitsHit the limits that stopped the command
 * @param notEnforced limits or isolation that were asked for but could not be enforced here, each with the reason
 * @param setupTime time spent setting up the sandbox (launching the helper, namespaces, mounts, cgroups)
 * @param sandboxed false only when the command ran unsandboxed because {@link SandboxSpec#allowUnsandboxed()} allowed it
 * @param removedLinks symbolic links the command created in its writable paths that led out of them (to host files,
 *     or up through {@code ..}, also through other links), removed after it ended so that nothing collecting the
 *     outputs follows them; one {@code "PATH -> TARGET: why"} each
 */
public record SandboxResult(int exitCode, int signal, Duration wallTime, Duration userTime, Duration systemTime,
        long peakMemoryBytes, Optional<Path> stdout, Optional<Path> stderr, Set<LimitKind> limitsHit,
        List<String> notEnforced, Duration setupTime, boolean sandboxed, List<String> removedLinks) {

    /** Copies the collections and checks that exactly one of exit code and signal is set. */
    public SandboxResult {
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(userTime, "userTime");
        Objects.requireNonNull(systemTime, "systemTime");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(setupTime, "setupTime");
        limitsHit = Set.copyOf(limitsHit);
        notEnforced = List.copyOf(notEnforced);
        removedLinks = List.copyOf(removedLinks);
        if ((signal == 0) == (exitCode < 0)) {
            throw new IllegalArgumentException("either an exit code or a signal, was exitCode=" + exitCode
                    + " signal=" + signal);
        }
    }

    /** Whether the command exited with 0 and hit no limit. */
    public boolean success() {
        return exitCode == 0 && limitsHit.isEmpty();
    }

    /** The status as a shell reports it: the exit code, or 128 + the signal. */
    public int shellStatus() {
        return signal != 0 ? 128 + signal : exitCode;
    }
}
