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

    /**
     * The bound on the overshoot: every other process's unflushed ledger batch plus the blob each is committing
     * (see UsageLedger and DiskContentStore.wrote). Four writers of 10 KiB blobs under 4 MiB: 4 x (64 + 10) KiB.
     */
    static final long QUOTA = 4L << 20;
    static final long BOUND = QUOTA + 4 * (QUOTA / 64 + 10 * 1024);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theQuotaHoldsWithinTheLedgersBoundForProcessesThatTogetherExceedIt() throws Exception {
        Path dir = tmp.resolve("quota");
        Cas.open(dir).close();
        Path stop = tmp.resolve("stop");
        Process watcher = ChildJvm.start(tmp.resolve("watch"), "watch", dir.toString(), stop.toString());
        while (!Files.readString(tmp.resolve("watch")).contains("ready")) {
            assertThat(watcher.isAlive()).isTrue();
            Thread.sleep(20);
        }
        List<Process> children = new ArrayList<>();
        for (int id = 0; id < 4; id++) { // 4 x 1.6 MiB = 6.4 MiB
            children.add(ChildJvm.start(tmp.resolve("f" + id), "fill", dir.toString(), Integer.toString(id),
                    Long.toString(QUOTA)));
        }
        for (Process p : children) {
            assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        Files.createFile(stop);
        assertThat(watcher.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String watched = Files.readString(tmp.resolve("watch"));
        long peak = Long.parseLong(watched.replaceAll("(?s).*max (\\d+).*", "$1"));
        System.out.printf("quota %d, bound %d, peak seen %d (%+.1f%%), %s%n", QUOTA, BOUND, peak,
                100.0 * (peak - QUOTA) / QUOTA, watched.strip().replace('\n', ' '));
        assertThat(peak).as("peak stored bytes while four processes wrote").isGreaterThan(QUOTA / 2)
                .isLessThanOrEqualTo(BOUND);
        try (ContentStore cas = Cas.open(dir, CasOptions.builder().quotaBytes(QUOTA).build())) {
            assertThat(cas.stats().totalBytes()).isLessThanOrEqualTo(BOUND);
            GcReport report = cas.gc();
            assertThat(report.bytesAfter()).isLessThanOrEqualTo(QUOTA);
            assertThat(cas.stats().totalBytes()).as("one gc brings the store under its quota").isLessThanOrEqualTo(QUOTA);
            assertThat(cas.fsck().clean()).isTrue();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void oneGcBringsAStoreThatConcurrentWritersOverfilledUnderItsQuota() throws Exception {
        Path dir = tmp.resolve("over");
        Cas.open(dir).close();
        List<Process> children = new ArrayList<>();
        for (int id = 0; id < 4; id++) { // no quota while they write: 6.4 MiB
            children.add(ChildJvm.start(tmp.resolve("u" + id), "fill", dir.toString(), Integer.toString(id), "0"));
        }
        for (Process p : children) {
            assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        try (ContentStore cas = Cas.open(dir, CasOptions.builder().quotaBytes(QUOTA).build())) {
            assertThat(cas.stats().totalBytes()).isEqualTo(640L * 10 * 1024);
            GcReport report = cas.gc();
            assertThat(report.bytesAfter()).isLessThanOrEqualTo(QUOTA);
            assertThat(cas.stats().totalBytes()).isLessThanOrEqualTo(QUOTA).isEqualTo(report.bytesAfter());
        }
    }
}
