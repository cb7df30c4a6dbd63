package dev.bitzel.cas;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A child process for the multi-process tests: {@code crash DIR} writes blobs and action entries until killed,
 * printing each one once it is stored; {@code share DIR ID} writes a fixed set shared with its siblings plus its
 * own; {@code gc DIR MILLIS} collects and counts in a loop; {@code fill DIR ID QUOTA} writes 1.6 MiB under a
 * quota ({@code 0}: none); {@code watch DIR STOPFILE} sums the stored objects' sizes as fast as it can until
 * STOPFILE exists and prints the largest sum seen.
 */
public final class CasWriterMain {

    private CasWriterMain() {
    }

    /**
     * Runs one mode.
     *
     * @param args mode, store directory, then the mode's argument
     * @throws Exception on any failure, which makes the exit code non-zero
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "crash" -> crash(dir);
            case "share" -> share(dir, Integer.parseInt(args[2]));
            case "gc" -> gc(dir, Long.parseLong(args[2]));
            case "fill" -> fill(dir, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "watch" -> watch(dir, Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void crash(Path dir) throws Exception {
        try (ContentStore cas = Cas.open(dir, CasOptions.builder().compression(true).build())) {
            Random random = new Random(ProcessHandle.current().pid());
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; ; i++) {
                byte[] content = new byte[random.nextInt(4 << 20)];
                random.nextBytes(content);
                if (i % 3 == 0) {
                    // compressible content goes through zstd
                    java.util.Arrays.fill(content, 0, content.length / 2, (byte) 'a');
                }
                Digest d = i % 2 == 0 ? cas.put(content) : Digest.of(content);
                if (i % 2 == 1) {
                    cas.put(new ByteArrayInputStream(content), d);
                }
                System.out.println("stored " + d);
                if (i % 4 == 0) {
                    Digest key = Digest.ofUtf8("action " + random.nextLong());
                    cas.actionCache().put(key, ActionResult.of(0, List.of(new ActionResult.OutputFile("out", d, false))));
                    System.out.println("action " + key);
                }
                System.out.flush();
            }
        }
    }

    static byte[] shared(int i) {
        return StoreFixture.bytes(10_000 + i * 37, i);
    }

    private static void share(Path dir, int id) throws Exception {
        try (ContentStore cas = Cas.open(dir)) {
            List<ActionResult.OutputFile> outputs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Digest d = cas.put(shared(i));
                if (i < 10) {
                    outputs.add(new ActionResult.OutputFile("out/" + i, d, false));
                }
                cas.put(StoreFixture.bytes(5_000, id * 1000 + i % 50));
                if (i % 20 == 0) {
                    cas.actionCache().put(Digest.ofUtf8("shared"), new ActionResult(0, outputs, List.of(),
                            Digest.EMPTY, Digest.EMPTY, Map.of("writer", Integer.toString(id))));
                }
            }
            System.out.println("done");
        }
    }

    private static void fill(Path dir, int id, long quota) throws Exception {
        CasOptions.Builder options = CasOptions.builder().fsync(false);
        if (quota > 0) {
            options.quotaBytes(quota);
        }
        try (ContentStore cas = Cas.open(dir, options.build())) {
            for (int i = 0; i < 160; i++) {
                cas.put(StoreFixture.bytes(10 * 1024, id * 10_000 + i));
            }
            System.out.println("done");
        }
    }

    /** Samples the bytes of every stored object (blobs and action entries, as the quota counts them). */
    private static void watch(Path dir, Path stop) throws Exception {
        long max = 0;
        int samples = 0;
        System.out.println("ready");
        System.out.flush();
        while (!java.nio.file.Files.exists(stop)) {
            long sum = 0;
            for (Path base : List.of(dir.resolve("cas/sha256"), dir.resolve("ac"))) {
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(base, 2)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        try {
                            java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(p,
                                    java.nio.file.attribute.BasicFileAttributes.class);
                            if (a.isRegularFile()) {
                                sum += a.size();
                            }
                        } catch (java.nio.file.NoSuchFileException e) {
                            // evicted while listed
                        }
                    }
                } catch (java.io.UncheckedIOException e) {
                    if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                        throw e;
                    }
                }
            }
            max = Math.max(max, sum);
            samples++;
        }
        System.out.println("max " + max + " samples " + samples);
    }

    private static void gc(Path dir, long millis) throws Exception {
        try (ContentStore cas = Cas.open(dir)) {
            long end = System.currentTimeMillis() + millis;
            int runs = 0;
            while (System.currentTimeMillis() < end) {
                cas.gc();
                cas.stats();
                runs++;
            }
            System.out.println("gc runs " + runs);
        }
    }
}
