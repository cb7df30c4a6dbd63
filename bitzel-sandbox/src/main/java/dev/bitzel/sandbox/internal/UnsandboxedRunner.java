package dev.bitzel.sandbox.internal;

import dev.bitzel.sandbox.LimitKind;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The degraded mode, only when a spec allows it: a plain child process with the declared environment, the
 * timeout and the output files, and a result that says it was not sandboxed and lists what was not enforced.
 */
public final class UnsandboxedRunner {
    private static final System.Logger LOG = System.getLogger(UnsandboxedRunner.class.getName());

    private UnsandboxedRunner() {
    }

    /** Runs spec without a sandbox; reason says why there is none. */
    public static SandboxResult run(SandboxSpec spec, String reason) throws IOException, InterruptedException {
        if (!spec.scratchPaths().isEmpty()) {
            throw new dev.bitzel.sandbox.SandboxException(spec.command(), "scratch paths " + spec.scratchPaths()
                    + " need the sandbox's mount namespace, which is unavailable (" + reason + "); declare writable"
                    + " host paths instead to run unsandboxed");
        }
        if (!spec.mounts().isEmpty()) {
            throw new dev.bitzel.sandbox.SandboxException(spec.command(), "mounts " + spec.mounts() + " need the "
                    + "sandbox's mount namespace, which is unavailable (" + reason + ")");
        }
        LOG.log(System.Logger.Level.WARNING, () -> "running " + spec.command() + " UNSANDBOXED: " + reason);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        ProcessBuilder pb = new ProcessBuilder(spec.command());
        pb.environment().clear();
        pb.environment().putAll(spec.environment());
        pb.directory(spec.workingDirectory().orElse(Path.of("/")).toFile());
        pb.redirectInput(new File("/dev/null"));
        if (spec.inheritOutput()) {
            pb.inheritIO().redirectInput(new File("/dev/null"));
        } else {
            pb.redirectOutput(spec.stdout().map(p -> ProcessBuilder.Redirect.to(p.toFile()))
                    .orElse(ProcessBuilder.Redirect.DISCARD));
            pb.redirectError(spec.stderr().map(p -> ProcessBuilder.Redirect.to(p.toFile()))
                    .orElse(ProcessBuilder.Redirect.DISCARD));
        }
        Process process = pb.start();
        long setup = System.nanoTime() - start;
        boolean timedOut = false;
        try {
            Duration timeout = spec.limits().timeout();
            if (timeout.isZero()) {
                process.waitFor();
            } else if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
        long wall = System.nanoTime() - start - setup;
        int status = process.exitValue();
        int signal = status > 128 && timedOut ? status - 128 : 0;
        return new SandboxResult(signal != 0 ? -1 : status, signal, Duration.ofNanos(wall), Duration.ZERO, Duration.ZERO,
                0, spec.inheritOutput() ? Optional.empty() : spec.stdout(),
                spec.inheritOutput() ? Optional.empty() : spec.stderr(),
                timedOut ? Set.of(LimitKind.TIMEOUT) : Set.of(),
                List.of("UNSANDBOXED (" + reason + "): no isolation of files, processes, network or environment "
                        + "beyond the declared variables; no memory, process, CPU, output or file-size limit; "
                        + "no syscall filter; only the timeout (daemons may survive it); no CPU times or peak memory"),
                Duration.ofNanos(setup), false, OutputLinks.strip(spec.writablePaths(), startMillis));
    }
}
