package dev.bitzel.cas;

import static dev.bitzel.cas.StoreFixture.age;
import static dev.bitzel.cas.StoreFixture.blobPath;
import static dev.bitzel.cas.StoreFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcTest {

    @TempDir
    Path tmp;

    private CasOptions.Builder options() {
        return CasOptions.builder().accessTimeResolution(Duration.ZERO).gcGracePeriod(Duration.ZERO).fsync(false);
    }

    @Nested
    class Quota {

        @Test
        void evictsTheLeastRecentlyAccessedBlobsFirst() throws Exception {
            Path dir = tmp.resolve("s");
            try (ContentStore cas = Cas.open(dir, options().quotaBytes(10_500).build())) {
                Digest[] d = new Digest[10];
                for (int i = 0; i < 10; i++) {
                    d[i] = cas.put(bytes(1000, i));
                    age(blobPath(dir, d[i]), (20 - i) * 60_000L); // d[0] oldest
                }
                assertThat(cas.get(d[0])).hasSize(1000); // now the most recently used
                for (int i = 10; i < 13; i++) {
                    cas.put(bytes(1000, i)); // crosses the quota
                }
                CasStats stats = cas.stats();
                assertThat(stats.totalBytes()).isLessThanOrEqualTo(10_500);
                assertThat(cas.contains(d[0])).as("recently read").isTrue();
                assertThat(cas.contains(d[1])).as("least recently used").isFalse();
                assertThat(cas.contains(d[9])).isTrue();
                assertThat(cas.contains(Digest.of(bytes(1000, 12)))).isTrue();
            }
        }

        @Test
        void neverEvictsPinnedBlobs() throws Exception {
            Path dir = tmp.resolve("s");
            try (ContentStore cas = Cas.open(dir, options().quotaBytes(5_000).build())) {
                Digest old = cas.put(bytes(1000, 100));
                age(blobPath(dir, old), 3_600_000);
                try (Pin pin = cas.pin(List.of(old))) {
                    assertThat(pin).isNotNull();
                    for (int i = 0; i < 20; i++) {
                        cas.put(bytes(1000, i));
                    }
                    assertThat(cas.contains(old)).isTrue();
                    assertThat(cas.stats().totalBytes()).isLessThanOrEqualTo(5_000);
                }
            }
        }
    }

    @Nested
    class MarkAndSweep {

        @Test
        void keepsWhatActionEntriesReachAndWhatIsPinnedOrYoungAndDeletesTheRest() throws Exception {
            Path dir = tmp.resolve("s");
            try (ContentStore cas = Cas.open(dir, options().gcGracePeriod(Duration.ofMinutes(10)).build())) {
                Digest output = cas.put(bytes(100, 1));
                Path tree = tmp.resolve("tree");
                Files.createDirectories(tree.resolve("sub"));
                Files.write(tree.resolve("sub/f"), bytes(100, 2));
                Digest root = cas.putTree(tree);
                Digest treeFile = Digest.of(bytes(100, 2));
                Digest subDir = cas.getDirectory(root).directories().get(0).digest();
                cas.actionCache().put(Digest.ofUtf8("key"), new ActionResult(0,
                        List.of(new ActionResult.OutputFile("o", output, false)),
                        List.of(new ActionResult.OutputDirectory("t", root)), Digest.EMPTY, Digest.EMPTY,
                        java.util.Map.of()));
                Digest pinned = cas.put(bytes(100, 3));
                Digest garbage = cas.put(bytes(100, 4));
                Digest young = cas.put(bytes(100, 5));
                for (Digest d : List.of(output, treeFile, subDir, root, pinned, garbage)) {
                    age(blobPath(dir, d), 3_600_000);
                }
                try (Pin pin = cas.pin(List.of(pinned))) {
                    assertThat(pin).isNotNull();
                    GcReport report = cas.gc();
                    assertThat(report.actionRoots()).isEqualTo(1);
                    assertThat(report.unreachableDeleted()).isEqualTo(1);
                    assertThat(report.keptYoung()).isEqualTo(1);
                    assertThat(report.bytesAfter()).isEqualTo(report.bytesBefore() - 100);
                }
                assertThat(cas.findMissing(List.of(output, treeFile, subDir, root, pinned, young)))
                        .isEmpty();
                assertThat(cas.contains(garbage)).isFalse();
                assertThat(cas.actionCache().get(Digest.ofUtf8("key"))).isPresent();
            }
        }

        @Test
        void aTreePinCoversEveryBlobOfTheTreeAndDiesWithItsStore() throws Exception {
            Path dir = tmp.resolve("s");
            Path tree = tmp.resolve("tree");
            Files.createDirectories(tree.resolve("a/b"));
            Files.write(tree.resolve("a/b/deep"), bytes(10, 7));
            ContentStore builder = Cas.open(dir, options().build());
            Digest root = builder.putTree(tree);
            builder.pinTree(root);
            try (ContentStore collector = Cas.open(dir, options().build())) {
                for (Path p : List.of(blobPath(dir, root), blobPath(dir, Digest.of(bytes(10, 7))))) {
                    age(p, 3_600_000);
                }
                assertThat(collector.gc().unreachableDeleted()).isZero();
                assertThat(collector.contains(Digest.of(bytes(10, 7)))).isTrue();
                builder.close(); // the build ends: its pins go
                assertThat(collector.gc().unreachableDeleted()).isEqualTo(4); // root, a, a/b, deep
            }
        }
    }
}
