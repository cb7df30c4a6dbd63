package dev.bitzel.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several processes writing the same and different objects, with a collector running beside them. */
class MultiProcessIT {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentWritersInSeveralProcessesLoseAndCorruptNothing() throws Exception {
        Path dir = tmp.resolve("store");
        Cas.open(dir).close();
        List<Process> children = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            children.add(ChildJvm.start(tmp.resolve("w" + id), "share", dir.toString(), Integer.toString(id)));
        }
        children.add(ChildJvm.start(tmp.resolve("gc"), "gc", dir.toString(), "8000"));
        for (Process p : children) {
            assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        for (int id = 0; id < 4; id++) {
            assertThat(Files.readString(tmp.resolve("w" + id))).contains("done");
        }
        try (ContentStore cas = Cas.open(dir, CasOptions.builder().verifyOnRead(true).build())) {
            for (int i = 0; i < 200; i++) {
                assertThat(cas.get(Digest.of(CasWriterMain.shared(i)))).isEqualTo(CasWriterMain.shared(i));
            }
            for (int id = 0; id < 4; id++) {
                for (int i = 0; i < 50; i++) {
                    assertThat(cas.contains(Digest.of(StoreFixture.bytes(5_000, id * 1000 + i)))).isTrue();
                }
            }
            assertThat(cas.actionCache().get(Digest.ofUtf8("shared"))).hasValueSatisfying(
                    r -> assertThat(r.outputFiles()).hasSize(10));
            CasStats stats = cas.stats();
            assertThat(stats.blobs()).isEqualTo(400);
            assertThat(stats.leftoversRemovedOnOpen()).isZero();
            assertThat(cas.fsck().clean()).isTrue();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theQuotaHoldsForProcessesThatEachStayUnderItButTogetherExceedIt() throws Exception {
        Path dir = tmp.resolve("quota");
        long quota = 4L << 20;
        Cas.open(dir).close();
        List<Process> children = new ArrayList<>();
        for (int id = 0; id < 4; id++) { // 4 x 1.6 MiB = 6.4 MiB
            children.add(ChildJvm.start(tmp.resolve("f" + id), "fill", dir.toString(), Integer.toString(id),
                    Long.toString(quota)));
        }
        for (Process p : children) {
            assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        try (ContentStore cas = Cas.open(dir)) {
            CasStats stats = cas.stats();
            // Writers that evict concurrently overshoot by what they have in flight (seen: 20-30% with four
            // writers on two loaded cores), but the store does not grow without bound. Known gap (issue 11):
            // neither the next eviction nor gc() is guaranteed to bring such an overshoot back under the quota.
            assertThat(stats.totalBytes()).isLessThan(quota + quota / 2);
            assertThat(stats.blobs()).isLessThan(640);
            assertThat(cas.fsck().clean()).isTrue();
        }
    }
}
