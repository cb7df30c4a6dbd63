package dev.bitzel.benchmarks;

import dev.bitzel.sandbox.Sandbox;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-spawn cost of {@code /bin/true} from a warm JVM: a plain ProcessBuilder child, the Bitzel sandbox, and
 * bubblewrap with equivalent isolation (all namespaces, read-only system directories, fresh /proc, minimal
 * /dev, private /tmp, cleared environment, new session, die with parent) launched the same way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SandboxSpawnBenchmark {
    private static final File DEV_NULL = new File("/dev/null");

    private Sandbox sandbox;
    private SandboxSpec spec;
    private Path work;
    private Path cache;
    private List<String> bwrap;

    /** Extracts the helper and makes a work directory, as a build would have. */
    @Setup
    public void setUp() throws IOException {
        work = Files.createTempDirectory("bitzel-bench");
        cache = Files.createTempDirectory("bitzel-bench-cache");
        sandbox = Sandbox.create(cache);
        spec = SandboxSpec.builder("/bin/true").writable(work).env("PATH", "/usr/bin:/bin").build();
        bwrap = List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin", "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
                "--symlink", "usr/sbin", "/sbin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache", "--proc", "/proc", "--dev", "/dev",
                "--tmpfs", "/tmp", "--bind", work.toString(), work.toString(), "--chdir", work.toString(),
                "--cap-drop", "ALL", "--", "/bin/true");
    }

    /** Removes the work and cache directories. */
    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(work);
        try (var files = Files.walk(cache)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A plain child process, no isolation. */
    @Benchmark
    public int processBuilder() throws IOException, InterruptedException {
        return new ProcessBuilder("/bin/true").redirectInput(DEV_NULL).redirectOutput(DEV_NULL)
                .redirectError(DEV_NULL).start().waitFor();
    }

    /** Through the Bitzel sandbox (also: seccomp, generated /etc, statistics). */
    @Benchmark
    public SandboxResult bitzelSandbox() throws IOException, InterruptedException {
        return sandbox.run(spec);
    }

    /** Through bubblewrap with equivalent isolation. */
    @Benchmark
    public int bubblewrap() throws IOException, InterruptedException {
        return new ProcessBuilder(bwrap).redirectInput(DEV_NULL).redirectOutput(DEV_NULL)
                .redirectError(DEV_NULL).start().waitFor();
    }
}
