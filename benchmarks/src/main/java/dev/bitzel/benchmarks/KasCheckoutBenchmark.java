package dev.bitzel.benchmarks;

import dev.bitzel.kas.KasCheckoutOptions;
import dev.bitzel.kas.KasDumpOptions;
import dev.bitzel.kas.KasRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code kas checkout} and {@code kas dump --resolve-refs} of a project whose 10 git repos (one branch-tracking,
 * nine pinned to commits, like a project with a lock file) are already checked out: no fetch happens (the
 * upstreams are removed after the first checkout, so a network call would fail the benchmark), what remains is
 * the git processes that check the wanted refs, the init script and the two conf files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KasCheckoutBenchmark {
    private static final int REPOS = 10;
    private Path dir;
    private KasRunner runner;

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_NAME", "Bench");
        pb.environment().put("GIT_AUTHOR_EMAIL", "bench@example.com");
        pb.environment().put("GIT_COMMITTER_NAME", "Bench");
        pb.environment().put("GIT_COMMITTER_EMAIL", "bench@example.com");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static String out(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return out;
    }

    /** Creates the upstreams, checks out once, then removes the upstreams. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("kas-bench-checkout");
        Path up = Files.createDirectories(dir.resolve("upstream"));
        Path work = Files.createDirectories(dir.resolve("work"));
        StringBuilder cfg = new StringBuilder("header:\n  version: 23\nrepos:\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < REPOS; i++) {
            String name = "layer-" + i;
            names.add(name);
            Path r = Files.createDirectories(up.resolve(name));
            Files.createDirectories(r.resolve("meta-" + i + "/conf"));
            Files.writeString(r.resolve("meta-" + i + "/conf/layer.conf"), "# " + name + "\n");
            if (i == 0) {
                Files.writeString(r.resolve("oe-init-build-env"), "mkdir -p \"$1/conf\"\nexport BUILDDIR=$1\n");
            }
            run(r, "git", "init", "-q", "-b", "main");
            run(r, "git", "add", "-A");
            run(r, "git", "commit", "-q", "-m", "initial");
            cfg.append("  ").append(name).append(":\n    url: \"").append(r).append("\"\n");
            if (i == 0) {
                cfg.append("    branch: main\n");
            } else {
                cfg.append("    commit: ").append(out(r, "git", "rev-parse", "HEAD")).append('\n');
            }
            cfg.append("    layers:\n      meta-").append(i).append(":\n");
        }
        Files.writeString(dir.resolve("kas.yml"), cfg.toString());
        runner = KasRunner.builder().workingDirectory(work)
                .environment(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()))
                .progress(new PrintStream(OutputStream.nullOutputStream())).build();
        runner.checkout("../kas.yml", KasCheckoutOptions.defaults());
        deleteTree(up);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Removes the temp dir. */
    @TearDown
    public void tearDown() throws IOException {
        deleteTree(dir);
    }

    /** A full checkout of the 10 present repos (refs checked, checked out, init script, conf files). */
    @Benchmark
    public void checkoutPresentRepos() {
        runner.checkout("../kas.yml", KasCheckoutOptions.defaults());
    }

    /** {@code dump --resolve-refs} of the 10 present repos. */
    @Benchmark
    public String dumpResolveRefsPresentRepos() {
        return runner.dump("../kas.yml", new KasDumpOptions(false, 2, false, true, false, false, false));
    }
}
