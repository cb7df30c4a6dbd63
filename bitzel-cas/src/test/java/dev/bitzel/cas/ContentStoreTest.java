package dev.bitzel.cas;

import static dev.bitzel.cas.StoreFixture.blobPath;
import static dev.bitzel.cas.StoreFixture.bytes;
import static dev.bitzel.cas.StoreFixture.compressedPath;
import static dev.bitzel.cas.StoreFixture.tamper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

    @TempDir
    Path tmp;
    Path dir;
    ContentStore cas;

    @BeforeEach
    void open() throws Exception {
        dir = tmp.resolve("store");
        cas = Cas.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        cas.close();
    }

    @Nested
    class PuttingAndGetting {

        @Test
        void storesUnderTheShardedSha256PathAndReadsBack() throws Exception {
            Digest d = cas.put("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(d).isEqualTo(Digest.ofUtf8("hello"));
            assertThat(blobPath(dir, d)).isRegularFile();
            assertThat(Files.getPosixFilePermissions(blobPath(dir, d))).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
            assertThat(cas.get(d)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
            assertThat(cas.contains(d)).isTrue();
        }

        @Test
        void streamsFilesAndVerifiesDeclaredDigests() throws Exception {
            byte[] content = bytes(3_000_000, 1);
            Path f = tmp.resolve("f");
            Files.write(f, content);
            assertThat(cas.put(f)).isEqualTo(Digest.of(content));
            Digest other = Digest.of(bytes(10, 2));
            cas.put(new ByteArrayInputStream(bytes(10, 2)), other);
            assertThat(cas.get(other)).isEqualTo(bytes(10, 2));
        }

        @Test
        void rejectsAPutWhoseContentDoesNotMatchTheDeclaredDigestAndStoresNothing() throws Exception {
            Digest declared = Digest.ofUtf8("what I claim");
            assertThatThrownBy(() -> cas.put(new ByteArrayInputStream("what I send".getBytes(StandardCharsets.UTF_8)), declared))
                    .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                        assertThat(e.expected()).isEqualTo(declared);
                        assertThat(e.actual()).isEqualTo(Digest.ofUtf8("what I send"));
                    });
            assertThat(cas.contains(declared)).isFalse();
            assertThat(cas.contains(Digest.ofUtf8("what I send"))).isFalse();
        }

        @Test
        void rejectsAWrongDeclaredDigestEvenWhenTheBlobIsAlreadyStored() throws Exception {
            Digest d = cas.put("abc".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> cas.put(new ByteArrayInputStream("abd".getBytes(StandardCharsets.UTF_8)), d))
                    .isInstanceOf(DigestMismatchException.class);
            assertThat(cas.get(d)).asString(StandardCharsets.UTF_8).isEqualTo("abc");
        }

        @Test
        void aMissingBlobIsAMissForLookupsAndANotFoundExceptionCarryingTheDigestForReads() throws Exception {
            Digest absent = Digest.ofUtf8("absent");
            assertThat(cas.contains(absent)).isFalse();
            assertThat(cas.findMissing(List.of(absent, Digest.EMPTY, absent))).containsExactly(absent);
            assertThatThrownBy(() -> cas.get(absent)).isInstanceOfSatisfying(BlobNotFoundException.class,
                    e -> assertThat(e.digest()).isEqualTo(absent));
        }

        @Test
        void theEmptyBlobIsAlwaysPresent() throws Exception {
            assertThat(cas.contains(Digest.EMPTY)).isTrue();
            assertThat(cas.get(Digest.EMPTY)).isEmpty();
        }

        @Test
        void manyThreadsWritingTheSameAndDifferentBlobsLoseNothing() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Digest>> futures = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    int seed = i % 40; // every blob written ten times at once
                    futures.add(pool.submit(() -> cas.put(bytes(1000 + seed * 100, seed))));
                }
                for (Future<Digest> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            for (int seed = 0; seed < 40; seed++) {
                assertThat(cas.get(Digest.of(bytes(1000 + seed * 100, seed)))).isEqualTo(bytes(1000 + seed * 100, seed));
            }
            assertThat(cas.fsck().clean()).isTrue();
        }
    }

    @Nested
    class Readers {

        @Test
        void neverSeeAPartialObjectWhileItIsBeingWritten() throws Exception {
            List<byte[]> blobs = new ArrayList<>();
            List<Digest> digests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                blobs.add(bytes(2 << 20, 500 + i));
                digests.add(Digest.of(blobs.get(i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (ContentStore reader = Cas.open(dir, CasOptions.builder().verifyOnRead(true).build())) {
                Future<?> writer = pool.submit(() -> {
                    for (byte[] b : blobs) {
                        cas.put(new ByteArrayInputStream(b), Digest.of(b));
                    }
                    return null;
                });
                Future<Integer> reads = pool.submit(() -> {
                    int whole = 0;
                    while (!writer.isDone()) {
                        for (Digest d : digests) {
                            if (reader.contains(d)) {
                                assertThat(Digest.of(reader.get(d))).isEqualTo(d);
                                whole++;
                            }
                        }
                    }
                    return whole;
                });
                writer.get();
                assertThat(reads.get()).isPositive();
            } finally {
                pool.shutdown();
            }
        }
    }

    @Nested
    class Compression {

        @Test
        void compressesWhereItPaysAndReadersSeeTheOriginalUnderTheOriginalDigest() throws Exception {
            try (ContentStore z = Cas.open(tmp.resolve("z"), CasOptions.builder().compression(true).build())) {
                byte[] text = "all work and no play ".repeat(10_000).getBytes(StandardCharsets.UTF_8);
                byte[] noise = bytes(100_000, 3);
                byte[] small = "tiny".getBytes(StandardCharsets.UTF_8);
                Digest dt = z.put(text);
                Digest dn = z.put(noise);
                Path big = tmp.resolve("big");
                Files.write(big, "0123456789abcdef".repeat(200_000).getBytes(StandardCharsets.UTF_8));
                Digest db = z.put(big);
                Digest ds = z.put(small);
                assertThat(compressedPath(tmp.resolve("z"), dt)).exists();
                assertThat(compressedPath(tmp.resolve("z"), db)).exists();
                assertThat(blobPath(tmp.resolve("z"), dn)).exists();
                assertThat(blobPath(tmp.resolve("z"), ds)).exists();
                assertThat(Files.size(compressedPath(tmp.resolve("z"), dt))).isLessThan(text.length / 10);
                assertThat(dt).isEqualTo(Digest.of(text));
                assertThat(z.get(dt)).isEqualTo(text);
                assertThat(z.get(db)).isEqualTo(Files.readAllBytes(big));
                z.materialize(dt, tmp.resolve("out"), false);
                assertThat(tmp.resolve("out")).hasBinaryContent(text);
                assertThat(z.stats().compressedBlobs()).isEqualTo(2);
                assertThat(z.fsck().clean()).isTrue();
            }
        }
    }

    @Nested
    class Integrity {

        @Test
        void verifyingReadsDetectAndQuarantineCorruptContent() throws Exception {
            Digest d = cas.put("precious".getBytes(StandardCharsets.UTF_8));
            tamper(blobPath(dir, d), "Precious".getBytes(StandardCharsets.UTF_8));
            try (ContentStore verifying = Cas.open(dir, CasOptions.builder().verifyOnRead(true).build())) {
                assertThatThrownBy(() -> verifying.get(d)).isInstanceOfSatisfying(DigestMismatchException.class,
                        e -> {
                            assertThat(e.expected()).isEqualTo(d);
                            assertThat(e.actual()).isEqualTo(Digest.ofUtf8("Precious"));
                        });
                assertThat(verifying.contains(d)).isFalse();
            }
        }

        @Test
        void aReadWithoutVerificationStillCatchesATruncatedBlob() throws Exception {
            Digest d = cas.put("precious".getBytes(StandardCharsets.UTF_8));
            tamper(blobPath(dir, d), "prec".getBytes(StandardCharsets.UTF_8));
            assertThat(cas.contains(d)).isFalse(); // wrong size: not served
        }

        @Test
        void fsckQuarantinesCorruptAndMisnamedObjectsAndReportsThem() throws Exception {
            Digest good = cas.put("good".getBytes(StandardCharsets.UTF_8));
            Digest bad = cas.put("bad!".getBytes(StandardCharsets.UTF_8));
            tamper(blobPath(dir, bad), "BAD!".getBytes(StandardCharsets.UTF_8));
            Path stray = blobPath(dir, good).resolveSibling("not-a-hash.tmp");
            Files.writeString(stray, "x");
            Path wrongShard = dir.resolve("cas/sha256/00").resolve(good.hash());
            Files.copy(blobPath(dir, good), wrongShard);

            FsckReport report = cas.fsck();

            assertThat(report.blobsChecked()).isEqualTo(2);
            assertThat(report.problems()).extracting(FsckReport.Problem::path).containsExactlyInAnyOrder(
                    "cas/sha256/" + bad.hash().substring(0, 2) + "/" + bad.hash(),
                    "cas/sha256/" + good.hash().substring(0, 2) + "/not-a-hash.tmp",
                    "cas/sha256/00/" + good.hash());
            assertThat(report.problems()).filteredOn(p -> p.path().endsWith(bad.hash()))
                    .singleElement().satisfies(p -> assertThat(p.problem()).contains(Digest.ofUtf8("BAD!").hash()));
            for (FsckReport.Problem p : report.problems()) {
                assertThat(dir.resolve(p.quarantinedAs())).exists();
            }
            assertThat(cas.contains(bad)).isFalse();
            assertThat(cas.get(good)).asString(StandardCharsets.UTF_8).isEqualTo("good");
            assertThat(cas.fsck().clean()).isTrue();
        }
    }

    @Nested
    class Materialisation {

        @Test
        void hardLinksReadOnlyFilesAndSeparatesExecutableOnes() throws Exception {
            Digest d = cas.put("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
            Path plain = tmp.resolve("plain");
            Path exec = tmp.resolve("exec");
            cas.materialize(d, plain, false);
            cas.materialize(d, exec, true);
            assertThat(Files.isSameFile(plain, blobPath(dir, d))).isTrue();
            assertThat(Files.getAttribute(plain, "unix:nlink")).isEqualTo(2);
            assertThat(Files.getPosixFilePermissions(plain)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
            assertThat(Files.getPosixFilePermissions(exec)).isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
            assertThat(Files.isSameFile(plain, exec)).isFalse();
            assertThat(Files.getPosixFilePermissions(blobPath(dir, d))).as("a task cannot write through to the store")
                    .isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
            cas.materialize(d, plain, false); // replaces what is there
            assertThat(plain).hasContent("#!/bin/sh\necho hi");
        }

        @Test
        void copiesWhenHardLinksAreOff() throws Exception {
            try (ContentStore copying = Cas.open(dir, CasOptions.builder().hardLinks(false).build())) {
                Digest d = copying.put("copy me".getBytes(StandardCharsets.UTF_8));
                Path out = tmp.resolve("out");
                copying.materialize(d, out, false);
                assertThat(Files.isSameFile(out, blobPath(dir, d))).isFalse();
                assertThat(out).hasContent("copy me");
                assertThat(Files.getPosixFilePermissions(out)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
                assertThat(Files.getLastModifiedTime(out)).as("copies look like hard links")
                        .isEqualTo(Files.getLastModifiedTime(blobPath(dir, d)));
            }
        }

        /** What protects the store when a process ignores the 0444 mode (root does): the kernel's mtime stamp. */
        @Test
        void aWriteThroughAHardLinkedCopyIsDetectedAndTheDamagedBlobIsNeverHandedOutAgain() throws Exception {
            byte[] original = "the real content".getBytes(StandardCharsets.UTF_8);
            Digest d = cas.put(original);
            Digest key = Digest.ofUtf8("task");
            cas.actionCache().put(key, ActionResult.of(0, List.of(new ActionResult.OutputFile("out", d, false))));
            Path work = tmp.resolve("work");
            cas.materialize(d, work, false);
            assertThat(Files.isSameFile(work, blobPath(dir, d))).isTrue();
            makeWritableUnlessRoot(work);
            Files.write(work, "the fake content".getBytes(StandardCharsets.UTF_8)); // same size, same inode
            assertThat(Files.readAllBytes(blobPath(dir, d))).as("the store's inode was written through")
                    .isNotEqualTo(original);

            assertThat(cas.contains(d)).isFalse();
            assertThat(blobPath(dir, d)).doesNotExist();
            assertThat(Files.list(dir.resolve("quarantine")).toList()).hasSize(1);
            assertThat(cas.actionCache().get(key)).as("an entry whose blob was damaged is a miss").isEmpty();
            assertThatThrownBy(() -> cas.materialize(d, tmp.resolve("again"), false))
                    .isInstanceOf(BlobNotFoundException.class);

            assertThat(cas.put(original)).isEqualTo(d); // the build that missed stores it again
            cas.materialize(d, tmp.resolve("again"), false);
            assertThat(Files.readAllBytes(tmp.resolve("again"))).isEqualTo(original);
            assertThat(cas.get(d)).isEqualTo(original);
        }

        @Test
        void aReadOfABlobWrittenThroughALinkIsANotFoundAndFsckReportsSuchObjects() throws Exception {
            Digest d = cas.put("aaaa".getBytes(StandardCharsets.UTF_8));
            Digest e = cas.put("bbbb".getBytes(StandardCharsets.UTF_8));
            Path work = tmp.resolve("x");
            cas.materialize(e, work, true); // through the executable twin
            cas.materialize(d, tmp.resolve("d"), false);
            makeWritableUnlessRoot(tmp.resolve("d"));
            Files.write(tmp.resolve("d"), "zzzz".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> cas.get(d)).isInstanceOf(BlobNotFoundException.class);

            makeWritableUnlessRoot(work);
            Files.write(work, "cccc".getBytes(StandardCharsets.UTF_8));
            FsckReport report = cas.fsck();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).endsWith(e.hash() + ".x");
                assertThat(p.problem()).contains("modified in place");
            });
            assertThat(cas.get(e)).as("the raw form is intact").isEqualTo("bbbb".getBytes(StandardCharsets.UTF_8));
        }

        private void makeWritableUnlessRoot(Path p) throws Exception {
            if (!"root".equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        @Test
        void materialisingAnAbsentBlobNamesIt() {
            Digest absent = Digest.ofUtf8("nope");
            assertThatThrownBy(() -> cas.materialize(absent, tmp.resolve("x"), false))
                    .isInstanceOfSatisfying(BlobNotFoundException.class, e -> assertThat(e.digest()).isEqualTo(absent));
        }
    }

    @Nested
    class OpeningAfterACrash {

        @Test
        void removesTheTemporaryFilesOfDeadWritersAndCountsThem() throws Exception {
            Path sessions = dir.resolve("sessions");
            Files.writeString(sessions.resolve("999-dead.lock"), "");
            Files.createDirectories(sessions.resolve("999-dead/tmp"));
            Files.writeString(sessions.resolve("999-dead/tmp/1"), "half a blob");
            Files.writeString(sessions.resolve("999-dead/tmp/2"), "half an entry");
            Files.createDirectories(sessions.resolve("998-orphan/tmp"));
            Files.writeString(sessions.resolve("998-orphan/tmp/7"), "x");
            try (ContentStore reopened = Cas.open(dir)) {
                assertThat(reopened.stats().leftoversRemovedOnOpen()).isEqualTo(3);
                assertThat(sessions.resolve("999-dead")).doesNotExist();
                assertThat(sessions.resolve("999-dead.lock")).doesNotExist();
                assertThat(sessions.resolve("998-orphan")).doesNotExist();
                assertThat(reopened.stats().liveSessions()).isEqualTo(2); // this one and the outer one
            }
        }

        @Test
        void refusesADirectoryOfAnotherFormat() throws Exception {
            Path other = tmp.resolve("other");
            Files.createDirectories(other);
            Files.writeString(other.resolve("VERSION"), "something else 7\n");
            assertThatThrownBy(() -> Cas.open(other)).hasMessageContaining("something else 7");
        }

        @Test
        void upgradesAFormat1StoreBySealingEveryObjectAndKeepingItsLastAccess() throws Exception {
            Path old = tmp.resolve("v1");
            Digest d;
            try (ContentStore s = Cas.open(old)) {
                d = s.put("old".getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(old.resolve("VERSION"), "bitzel-cas 1\n");
            java.nio.file.attribute.FileTime lastAccess = java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L);
            Files.setLastModifiedTime(blobPath(old, d), lastAccess); // format 1 kept last access in the mtime
            try (ContentStore s = Cas.open(old)) {
                assertThat(old.resolve("VERSION")).hasContent("bitzel-cas 2");
                assertThat(Files.getLastModifiedTime(blobPath(old, d)).toMillis()).isEqualTo(946_684_800_000L);
                assertThat(Files.getAttribute(blobPath(old, d), "lastAccessTime")).isEqualTo(lastAccess);
                assertThat(s.get(d)).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
            }
        }

        @Test
        void aClosedStoreSaysSo() throws Exception {
            ContentStore s = Cas.open(tmp.resolve("closed"));
            s.close();
            assertThatThrownBy(() -> s.put(new byte[1])).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void optionsAreImmutableValuesWithValidatingBuilders() {
        CasOptions o = CasOptions.builder().quotaBytes(1000).compression(true).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
        assertThat(o.toBuilder().quotaBytes(2000).build()).isNotEqualTo(o);
        assertThatThrownBy(() -> CasOptions.builder().quotaBytes(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> CasOptions.builder().compressionLevel(40)).hasMessageContaining("was 40");
        assertThat(Set.of(CasOptions.defaults().compression(), CasOptions.defaults().fsync())).contains(false, true);
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
