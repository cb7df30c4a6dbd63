package dev.bitzel.benchmarks;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.CasStats;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times opening a store of a million objects, and the memory it takes. Not JMH: opening is a one-off per process.
 *
 * <pre>
 * java -Xmx100m -cp benchmarks/target/benchmarks.jar dev.bitzel.benchmarks.CasOpenMain /tmp/bitzel-cas-1m 1000000 [--stats|--gc]
 * </pre>
 *
 * The first run fills the store (32-byte blobs, fsync off, which takes minutes); later runs only open it.
 */
public final class CasOpenMain {

    private CasOpenMain() {
    }

    static byte[] content(long i) {
        return ByteBuffer.allocate(32).putLong(i).putLong(i * 31).putLong(~i).putLong(i ^ 0x5DEECE66DL).array();
    }

    /**
     * Fills (once) and opens the store.
     *
     * @param args directory, object count, optionally {@code --stats}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        Path marker = dir.resolve("filled-" + count);
        if (!Files.exists(marker)) {
            long t = System.nanoTime();
            try (ContentStore cas = Cas.open(dir, CasOptions.builder().fsync(false).build())) {
                int threads = 2;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> futures = new ArrayList<>();
                for (int th = 0; th < threads; th++) {
                    int start = th;
                    futures.add(pool.submit(() -> {
                        for (long i = start; i < count; i += threads) {
                            cas.put(content(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                pool.shutdown();
            }
            Files.writeString(marker, "");
            System.out.printf("filled %d objects in %.1f s%n", count, (System.nanoTime() - t) / 1e9);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        try (ContentStore cas = Cas.open(dir)) {
            long t1 = System.nanoTime();
            long heapAfterOpen = memory.getHeapMemoryUsage().getUsed();
            int hits = 0;
            long t2 = System.nanoTime();
            for (long i = 0; i < 10_000; i++) {
                if (cas.contains(Digest.of(content(i * 97 % count)))) {
                    hits++;
                }
            }
            long t3 = System.nanoTime();
            System.out.printf("open: %.1f ms; heap used before %d KiB, after open %d KiB (max heap %d MiB)%n",
                    (t1 - t0) / 1e6, heapBefore >> 10, heapAfterOpen >> 10, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("10,000 contains(): %d hits, %.1f us each%n", hits, (t3 - t2) / 1e3 / 10_000);
            long t5 = System.nanoTime();
            try (ContentStore again = Cas.open(dir)) {
                System.out.printf("second open of %s in the same JVM (classes loaded): %.2f ms%n",
                        again.directory(), (System.nanoTime() - t5) / 1e6);
            }
            if (args.length > 2 && args[2].equals("--gc")) {
                long t4 = System.nanoTime();
                var report = cas.gc();
                System.out.printf("gc(): %s in %.1f s; heap used %d KiB%n", report, (System.nanoTime() - t4) / 1e9,
                        memory.getHeapMemoryUsage().getUsed() >> 10);
            }
            if (args.length > 2 && args[2].equals("--stats")) {
                long t4 = System.nanoTime();
                CasStats stats = cas.stats();
                System.out.printf("stats(): %s in %.1f s; heap used %d KiB%n", stats, (System.nanoTime() - t4) / 1e9,
                        memory.getHeapMemoryUsage().getUsed() >> 10);
            }
        }
    }
}
