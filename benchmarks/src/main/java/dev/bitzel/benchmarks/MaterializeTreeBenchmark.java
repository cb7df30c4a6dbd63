package dev.bitzel.benchmarks;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The action cache hit path: recreating a stored tree of 10,000 files (100 directories of 100 files of 1-8 KiB)
 * in a work directory, by hard links or by copies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaterializeTreeBenchmark {

    /** Whether materialisation may hard-link (else it copies). */
    @Param({"true", "false"})
    public boolean hardLinks;

    private Path base;
    private ContentStore cas;
    private Digest root;
    private int n;

    /** Stores the tree. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        base = Files.createTempDirectory("bitzel-materialize-bench");
        Path src = base.resolve("src");
        Random random = new Random(42);
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(src.resolve("dir" + d));
            for (int f = 0; f < 100; f++) {
                byte[] content = new byte[1024 + random.nextInt(7 * 1024)];
                random.nextBytes(content);
                Files.write(dir.resolve("file" + f), content);
            }
        }
        cas = Cas.open(base.resolve("store"), CasOptions.builder().hardLinks(hardLinks).build());
        root = cas.putTree(src);
    }

    /** Deletes the trees made during an iteration. */
    @TearDown(Level.Iteration)
    public void deleteOutputs() throws IOException {
        try (Stream<Path> s = Files.list(base)) {
            for (Path out : s.filter(p -> p.getFileName().toString().startsWith("out")).toList()) {
                delete(out);
            }
        }
    }

    /** Deletes everything. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cas.close();
        delete(base);
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Materialises the whole tree into a new directory. */
    @Benchmark
    public Path materializeTree() throws IOException {
        Path out = base.resolve("out" + n++);
        cas.materializeTree(root, out);
        return out;
    }
}
