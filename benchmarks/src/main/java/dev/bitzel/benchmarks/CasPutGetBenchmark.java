package dev.bitzel.benchmarks;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Put and get throughput of the local store for small (1 KiB) and large (100 MiB) blobs, in /tmp. {@code putNew}
 * stores content not seen before (hash, write, fsync, rename, fsync the directory); {@code putExisting} is the
 * deduplicated path (hash and one stat); {@code get} reads a stored blob to the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CasPutGetBenchmark {

    /** Blob size in bytes: 1 KiB and 100 MiB. */
    @Param({"1024", "104857600"})
    public int size;

    /** Whether writes are fsync'ed (the default) or not. */
    @Param({"true", "false"})
    public boolean fsync;

    private Path dir;
    private ContentStore cas;
    private byte[] blob;
    private byte[] original;
    private Digest stored;
    private long counter;
    private final byte[] buffer = new byte[1 << 20];

    /** Opens a fresh store and stores one blob for the read benchmarks. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("bitzel-cas-bench");
        cas = Cas.open(dir, CasOptions.builder().fsync(fsync).build());
        blob = new byte[size];
        new Random(42).nextBytes(blob);
        original = blob.clone();
        stored = cas.put(original);
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cas.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Stores a blob the store has not seen. */
    @Benchmark
    public Digest putNew() throws IOException {
        ByteBuffer.wrap(blob).putLong(0, ++counter);
        return cas.put(blob);
    }

    /** Stores a blob the store already holds. */
    @Benchmark
    public Digest putExisting() throws IOException {
        return cas.put(original);
    }

    /** Reads a stored blob to its end. */
    @Benchmark
    public void get(Blackhole bh) throws IOException {
        try (InputStream in = cas.open(stored)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                bh.consume(n);
            }
        }
    }
}
