package dev.bitzel.benchmarks;

import dev.bitzel.cas.Digest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** How fast a blob's content digest (SHA-256, the CAS key) is computed. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {

    /** Blob size in bytes. */
    @Param({"4096", "1048576"})
    public int size;

    private byte[] blob;

    /** Fills the blob with fixed pseudo-random bytes. */
    @Setup
    public void setUp() {
        blob = new byte[size];
        new Random(42).nextBytes(blob);
    }

    /** Digests the blob. */
    @Benchmark
    public Digest digest() {
        return Digest.of(blob);
    }
}
