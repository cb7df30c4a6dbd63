package dev.bitzel.benchmarks;

import dev.bitzel.kas.KasConfig;
import dev.bitzel.kas.KasDumpOptions;
import dev.bitzel.kas.KasRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * How fast a kas include tree of 20 files (top file → 4 includes → 15 leaves, each with repos, layers and
 * local_conf_header blocks) is read, schema-checked, merged and dumped as YAML: {@link #loadMergeDump} as
 * {@code kas dump} does before touching any repository, {@link #runnerDump} as the whole {@code bitzel kas dump}
 * command does it (its setup steps included) for a tree whose repos are local directories (no url), in a
 * directory outside any VCS.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KasDumpBenchmark {
    private Path dir;
    private Path top;
    private Path localDir;
    private KasRunner runner;

    /** Writes the 20 files into a temp dir. */
    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("kas-bench");
        int leaf = 0;
        StringBuilder topIncludes = new StringBuilder();
        for (int mid = 0; mid < 4; mid++) {
            StringBuilder includes = new StringBuilder();
            int leaves = mid < 3 ? 4 : 3;
            for (int l = 0; l < leaves; l++, leaf++) {
                includes.append("    - leaf").append(leaf).append(".yml\n");
                Files.writeString(dir.resolve("leaf" + leaf + ".yml"), file(leaf, ""));
            }
            topIncludes.append("    - mid").append(mid).append(".yml\n");
            Files.writeString(dir.resolve("mid" + mid + ".yml"), file(100 + mid, includes.toString()));
        }
        top = dir.resolve("kas.yml");
        Files.writeString(top, file(1000, topIncludes.toString()));

        localDir = Files.createTempDirectory("kas-bench-local");
        Path project = Files.createDirectories(localDir.resolve("project"));
        Path work = Files.createDirectories(localDir.resolve("work"));
        for (Path f : List.of(dir.toFile().list()).stream().map(dir::resolve).toList()) {
            // the same tree with url-less repos: dump then needs no repository operation
            Files.writeString(project.resolve(f.getFileName()), Files.readString(f)
                    .replaceAll("url: https://git.example.com/(repo-\\d).git\n    branch: main",
                            "path: ../project/$1"));
        }
        runner = KasRunner.builder().workingDirectory(work).environment(Map.of("PATH", System.getenv("PATH")))
                .progress(new PrintStream(OutputStream.nullOutputStream())).build();
    }

    private static String file(int n, String includes) {
        StringBuilder sb = new StringBuilder("header:\n  version: 23\n");
        if (!includes.isEmpty()) {
            sb.append("  includes:\n").append(includes);
        }
        sb.append("machine: machine-").append(n).append('\n');
        sb.append("local_conf_header:\n  block-").append(n).append(": |\n    VAR_").append(n)
                .append(" = \"1\"\n    OTHER_").append(n).append(" = \"2\"\n  shared: |\n    SHARED = \"")
                .append(n).append("\"\n");
        sb.append("repos:\n");
        for (int r = 0; r < 3; r++) {
            sb.append("  repo-").append((n + r) % 10).append(":\n    url: https://git.example.com/repo-")
                    .append((n + r) % 10).append(".git\n    branch: main\n    layers:\n      meta-")
                    .append(n).append(":\n      meta-common:\n");
        }
        return sb.toString();
    }

    /** Removes the temp dirs. */
    @TearDown
    public void tearDown() throws IOException {
        for (Path d : List.of(dir, localDir)) {
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Loads, validates and merges the 20 files and renders the result as YAML. */
    @Benchmark
    public String loadMergeDump() {
        return KasConfig.load(dir, List.of(top)).toYaml();
    }

    /** The whole {@code kas dump} command on the tree with local repos: setup steps, merge, repos, YAML. */
    @Benchmark
    public String runnerDump() {
        return runner.dump("../project/kas.yml", KasDumpOptions.defaults());
    }
}
