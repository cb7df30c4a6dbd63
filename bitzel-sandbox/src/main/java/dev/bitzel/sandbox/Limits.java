package dev.bitzel.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits of one sandboxed command. Zero (or {@link Duration#ZERO}) means "no limit". Immutable;
 * build with {@link #none()} and the {@code with…} methods.
 *
 * @param timeout wall-clock time after which the whole process tree gets SIGTERM, then SIGKILL after {@code killGrace}
 * @param killGrace time between SIGTERM and SIGKILL on timeout
 * @param memoryBytes memory of the whole tree (cgroup memory limit; the tree is OOM-killed beyond it)
 * @param maxProcesses processes and threads of the whole tree (cgroup pids limit): contains fork bombs
 * @param cpus CPU bandwidth in CPUs (cgroup CPU quota), e.g. 1.5
 * @param cpuTime CPU time of each process (RLIMIT_CPU, whole seconds; SIGXCPU beyond it)
 * @param outputBytes stdout and stderr together; the tree is killed when it writes more
 * @param fileSizeBytes size of any one file the command writes (RLIMIT_FSIZE)
 * @param tmpBytes size of the private {@code /tmp} and of each scratch path (tmpfs each)
 */
public record Limits(Duration timeout, Duration killGrace, long memoryBytes, int maxProcesses, double cpus,
        Duration cpuTime, long outputBytes, long fileSizeBytes, long tmpBytes) {

    private static final Limits NONE = new Limits(Duration.ZERO, Duration.ofSeconds(2), 0, 0, 0, Duration.ZERO, 0, 0, 0);

    /** Validates every field: durations and sizes must not be negative. */
    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(killGrace, "killGrace");
        Objects.requireNonNull(cpuTime, "cpuTime");
        requireNonNegative("timeout", timeout);
        requireNonNegative("killGrace", killGrace);
        requireNonNegative("cpuTime", cpuTime);
        requireNonNegative("memoryBytes", memoryBytes);
        requireNonNegative("maxProcesses", maxProcesses);
        requireNonNegative("outputBytes", outputBytes);
        requireNonNegative("fileSizeBytes", fileSizeBytes);
        requireNonNegative("tmpBytes", tmpBytes);
        if (!(cpus >= 0) || Double.isInfinite(cpus)) {
            throw new IllegalArgumentException("cpus must be a finite number >= 0, was " + cpus);
        }
    }

    /** No limit at all (a 2 s grace between SIGTERM and SIGKILL once a timeout is set). */
    public static Limits none() {
        return NONE;
    }

    /** A copy with this wall-clock timeout ({@code ZERO}: none). */
    public Limits withTimeout(Duration value) {
        return new Limits(value, killGrace, memoryBytes, maxProcesses, cpus, cpuTime, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this grace between SIGTERM and SIGKILL. */
    public Limits withKillGrace(Duration value) {
        return new Limits(timeout, value, memoryBytes, maxProcesses, cpus, cpuTime, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this memory limit in bytes (0: none). */
    public Limits withMemoryBytes(long value) {
        return new Limits(timeout, killGrace, value, maxProcesses, cpus, cpuTime, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this limit on processes and threads (0: none). */
    public Limits withMaxProcesses(int value) {
        return new Limits(timeout, killGrace, memoryBytes, value, cpus, cpuTime, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this CPU bandwidth in CPUs (0: none). */
    public Limits withCpus(double value) {
        return new Limits(timeout, killGrace, memoryBytes, maxProcesses, value, cpuTime, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this CPU time per process (0: none; rounded up to whole seconds). */
    public Limits withCpuTime(Duration value) {
        return new Limits(timeout, killGrace, memoryBytes, maxProcesses, cpus, value, outputBytes, fileSizeBytes, tmpBytes);
    }

    /** A copy with this cap on stdout and stderr together (0: none). */
    public Limits withOutputBytes(long value) {
        return new Limits(timeout, killGrace, memoryBytes, maxProcesses, cpus, cpuTime, value, fileSizeBytes, tmpBytes);
    }

    /** A copy with this cap on the size of any one written file (0: none). */
    public Limits withFileSizeBytes(long value) {
        return new Limits(timeout, killGrace, memoryBytes, maxProcesses, cpus, cpuTime, outputBytes, value, tmpBytes);
    }

    /** A copy with this size of the private {@code /tmp} and of each scratch path (0: the tmpfs default, half the RAM). */
    public Limits withTmpBytes(long value) {
        return new Limits(timeout, killGrace, memoryBytes, maxProcesses, cpus, cpuTime, outputBytes, fileSizeBytes, value);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
