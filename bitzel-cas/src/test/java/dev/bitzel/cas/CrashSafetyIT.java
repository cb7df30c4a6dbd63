package dev.bitzel.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A writer JVM killed with SIGKILL at random moments leaves whole objects or nothing, and its leftovers go. */
class CrashSafetyIT {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killingAWriterAnywhereLosesNothingStoredAndCorruptsNothing() throws Exception {
        Path dir = tmp.resolve("store");
        Random random = new Random(7);
        long leftovers = 0;
        int storedSeen = 0;
        // At least 12 kills, and more (up to 40) until one has landed mid-write and left a temporary file.
        for (int round = 0; round < 12 || leftovers == 0 && round < 40; round++) {
            Path out = tmp.resolve("round" + round + ".txt");
            Process child = ChildJvm.start(out, "crash", dir.toString());
            long deadline = System.currentTimeMillis() + 20_000;
            while (!Files.readString(out).contains("ready") && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300 + random.nextInt(1200));
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (ContentStore cas = Cas.open(dir, CasOptions.builder().verifyOnRead(true).build())) {
                leftovers += cas.stats().leftoversRemovedOnOpen();
                List<String> lines = Files.readAllLines(out);
                for (String line : lines) {
                    // the last line may be torn by the kill
                    if (line.startsWith("stored ") && line.length() > 72 && line.matches("stored [0-9a-f]{64}/\\d+")) {
                        Digest d = Digest.parse(line.substring(7));
                        try (var in = cas.open(d)) {
                            in.transferTo(java.io.OutputStream.nullOutputStream()); // verifies
                        }
                        storedSeen++;
                    } else if (line.matches("action [0-9a-f]{64}/\\d+")) {
                        assertThat(cas.actionCache().get(Digest.parse(line.substring(7)))).isPresent();
                    }
                }
                FsckReport fsck = cas.fsck();
                assertThat(fsck.problems()).as("round " + round).isEmpty();
            }
        }
        assertThat(storedSeen).isGreaterThan(12);
        assertThat(leftovers).as("some kills must have landed mid-write").isPositive();
        try (var sessions = Files.list(dir.resolve("sessions"))) {
            assertThat(sessions).isEmpty();
        }
    }
}
