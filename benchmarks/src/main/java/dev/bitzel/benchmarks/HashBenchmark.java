package dev.bitzel.benchmarks;

import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * SHA-256 of a 1 GiB file, as the store hashes files ({@link Digest#ofFile}), to compare with
 * {@code openssl dgst -sha256} on the same file. The file (random bytes) is created once at {@link #file}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashBenchmark {

    /** Where the 1 GiB file lives. */
    @Param({"/tmp/bitzel-1g.bin"})
    public String file;

    /** Creates the file if it is missing or of another size. */
    @Setup
    public void setUp() throws IOException {
        Path p = Path.of(file);
        long size = 1L << 30;
        if (!Files.exists(p) || Files.size(p) != size) {
            byte[] chunk = new byte[1 << 20];
            Random random = new Random(42);
            try (OutputStream out = Files.newOutputStream(p)) {
                for (int i = 0; i < 1024; i++) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                }
            }
        }
    }

    /** Hashes the whole file. */
    @Benchmark
    public Digest hashFile() throws IOException {
        return Digest.ofFile(Path.of(file));
    }
}
