package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteClientTest {

    @TempDir
    Path tmp;

    Harness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new Harness(tmp, 64 << 10, null, null);
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static BlobSource source(Map<Digest, byte[]> blobs) {
        return d -> {
            byte[] b = blobs.get(d);
            if (b == null) {
                throw new IOException("test source lacks " + d);
            }
            return new ByteArrayInputStream(b);
        };
    }

    @Nested
    class Cas {
        @Test
        void negotiatesTheServersLimitsAndCompression() throws Exception {
            ServerCapabilities caps = harness.client().capabilities();
            assertThat(caps.maxBatchBytes()).isEqualTo(64 << 10);
            assertThat(caps.zstd()).isTrue();
            assertThat(caps.actionCacheUpdate()).isTrue();
            assertThat(caps.execution()).isFalse();
            assertThat(caps.apiLow()).isEqualTo("2.0");
        }

        @Test
        void uploadsSmallBlobsInBatchesAndLargeOnesByByteStreamThenDownloadsThemVerified() throws Exception {
            for (boolean compression : new boolean[] {false, true}) {
                RemoteClient client = harness.client(b -> b.compression(compression));
                Map<Digest, byte[]> blobs = new HashMap<>();
                for (int i = 0; i < 200; i++) {
                    byte[] b = random(1000 + i, i + (compression ? 1000 : 0));
                    blobs.put(Digest.of(b), b);
                }
                byte[] large = random(3 << 20, compression ? 7 : 8);
                blobs.put(Digest.of(large), large);
                long batchesBefore = harness.faults.count("BatchUpdateBlobs");
                assertThat(client.upload(blobs.keySet(), source(blobs))).isEqualTo(201);
                // 200 KB of small blobs cannot fit one 64 KiB batch: several batches, and one Write for the large one.
                assertThat(harness.faults.count("BatchUpdateBlobs") - batchesBefore).isGreaterThan(3);
                assertThat(harness.faults.count("Write")).isGreaterThanOrEqualTo(1);
                assertThat(client.findMissing(blobs.keySet())).isEmpty();
                assertThat(client.upload(blobs.keySet(), source(blobs))).as("nothing resent").isZero();
                Map<Digest, byte[]> back = client.downloadAll(blobs.keySet());
                for (Map.Entry<Digest, byte[]> e : blobs.entrySet()) {
                    assertThat(back.get(e.getKey())).isEqualTo(e.getValue());
                    assertThat(harness.store.get(e.getKey())).isEqualTo(e.getValue());
                }
            }
        }

        @Test
        void theEmptyBlobIsAlwaysPresentAndNeverSent() throws Exception {
            RemoteClient client = harness.client();
            assertThat(client.findMissing(List.of(Digest.EMPTY))).isEmpty();
            assertThat(client.download(Digest.EMPTY)).isEmpty();
            assertThat(client.upload(List.of(Digest.EMPTY), d -> {
                throw new AssertionError("the empty blob must not be read");
            })).isZero();
        }

        @Test
        void aMissingBlobIsNotFoundNamingIt() throws Exception {
            Digest absent = Digest.ofUtf8("never stored");
            assertThatThrownBy(() -> harness.client().download(absent)).isInstanceOf(RemoteException.class)
                    .hasMessageContaining(absent.toString()).extracting(e -> ((RemoteException) e).code())
                    .isEqualTo("NOT_FOUND");
        }
    }

    @Nested
    class DigestMismatches {
        @Test
        void theServerRefusesABatchBlobThatIsNotWhatItsDigestSaysAndStoresNothing() throws Exception {
            Digest claimed = Digest.ofUtf8("what the client claims");
            assertThatThrownBy(() -> harness.client().upload(List.of(claimed),
                    d -> new ByteArrayInputStream("what the client CLAIMS".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(RemoteException.class).hasMessageContaining(claimed.toString())
                    .hasMessageContaining("INVALID_ARGUMENT");
            assertThat(harness.store.contains(claimed)).isFalse();
        }

        @Test
        void aLocalSourceOfTheWrongSizeIsCaughtBeforeSending() {
            Digest claimed = Digest.ofUtf8("what the client claims");
            assertThatThrownBy(() -> harness.client().upload(List.of(claimed),
                    d -> new ByteArrayInputStream("something else entirely".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(DigestMismatchException.class).hasMessageContaining(claimed.toString());
            assertThat(harness.faults.count("BatchUpdateBlobs")).isZero();
        }

        @Test
        void theServerRefusesAByteStreamBlobThatIsNotWhatItsDigestSays() throws Exception {
            byte[] real = random(200_000, 1);
            byte[] forged = real.clone();
            forged[100] ^= 1;
            Digest claimed = Digest.of(real);
            assertThatThrownBy(() -> harness.client().upload(List.of(claimed), d -> new ByteArrayInputStream(forged)))
                    .isInstanceOf(RemoteException.class).hasMessageContaining("INVALID_ARGUMENT")
                    .hasMessageContaining(claimed.toString());
            assertThat(harness.store.contains(claimed)).isFalse();
        }

        @Test
        void theClientRejectsDownloadsThatDoNotMatchTheirDigest() throws Exception {
            byte[] small = random(5000, 2);
            byte[] large = random(300_000, 3);
            Digest ds = harness.store.put(small);
            Digest dl = harness.store.put(large);
            harness.faults.tamper = true;
            RemoteClient client = harness.client();
            assertThatThrownBy(() -> client.download(dl)).isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining(dl.toString());
            assertThatThrownBy(() -> client.downloadAll(List.of(ds))).isInstanceOf(DigestMismatchException.class);
            Path target = tmp.resolve("out.bin");
            assertThatThrownBy(() -> client.download(dl, target, false)).isInstanceOf(DigestMismatchException.class);
            assertThat(target).doesNotExist();
        }
    }

    @Nested
    class Retries {
        @Test
        void transientCodesAreRetriedUntilTheCallSucceeds() throws Exception {
            harness.faults.fail("FindMissingBlobs", 2, Status.UNAVAILABLE);
            harness.faults.fail("BatchUpdateBlobs", 2, Status.RESOURCE_EXHAUSTED);
            byte[] b = random(100, 4);
            Digest d = Digest.of(b);
            assertThat(harness.client().upload(List.of(d), source(Map.of(d, b)))).isEqualTo(1);
            assertThat(harness.faults.count("FindMissingBlobs")).isEqualTo(3);
            assertThat(harness.faults.count("BatchUpdateBlobs")).isEqualTo(3);
            assertThat(harness.store.get(d)).isEqualTo(b);
        }

        @Test
        void otherCodesFailAtOnceAndTooManyTransientOnesFailNamingTheCall() throws Exception {
            harness.faults.fail("FindMissingBlobs", 1, Status.PERMISSION_DENIED);
            Digest d = Digest.ofUtf8("x");
            assertThatThrownBy(() -> harness.client().findMissing(List.of(d))).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("FindMissingBlobs");
            assertThat(harness.faults.count("FindMissingBlobs")).isEqualTo(1);

            harness.faults.fail("GetActionResult", 10, Status.UNAVAILABLE);
            assertThatThrownBy(() -> harness.client(b -> b.maxAttempts(3)).getActionResult(d))
                    .isInstanceOf(RemoteException.class).hasMessageContaining("after 3 attempts")
                    .hasMessageContaining(d.toString());
            assertThat(harness.faults.count("GetActionResult")).isEqualTo(3);
        }

        @Test
        void aWriteBrokenMidwayResumesWhereTheServerSaysItStopped() throws Exception {
            byte[] large = random(5 << 20, 5);
            Digest d = Digest.of(large);
            harness.faults.breakWriteAfter = 2; // two 1 MiB chunks arrive, then the connection "drops"
            harness.client().upload(List.of(d), source(Map.of(d, large)));
            assertThat(harness.faults.writeStarts).containsExactly(0L, 2L << 20);
            assertThat(harness.faults.count("QueryWriteStatus")).isEqualTo(1);
            assertThat(harness.store.get(d)).isEqualTo(large);
        }

        @Test
        void everyCallCarriesRequestMetadataWithTheToolAndInvocation() throws Exception {
            RemoteClient client = harness.client(b -> b.invocationId("inv-1").tool("bitzel", "9.9"));
            Digest d = Digest.ofUtf8("y");
            client.withAction("act-1", "//t:t", "Genrule", () -> client.findMissing(List.of(d)));
            client.getActionResult(d);
            assertThat(harness.faults.calls).isNotEmpty().allSatisfy(c -> {
                assertThat(c.metadata()).as(c.method()).isNotNull();
                assertThat(c.metadata().getToolInvocationId()).isEqualTo("inv-1");
                assertThat(c.metadata().getToolDetails().getToolName()).isEqualTo("bitzel");
                assertThat(c.metadata().getToolDetails().getToolVersion()).isEqualTo("9.9");
            });
            assertThat(harness.faults.calls.stream().filter(c -> c.method().equals("FindMissingBlobs")).findFirst()
                    .orElseThrow().metadata().getActionId()).isEqualTo("act-1");
        }
    }

    @Nested
    class ActionCache {
        @Test
        void aResultWithFilesAndATreeRoundTripsAndItsBlobsAreUploadedFirst() throws Exception {
            try (ContentStore local = dev.bitzel.cas.Cas.open(Files.createDirectories(tmp.resolve("local")))) {
                Path out = Files.createDirectories(tmp.resolve("work/out/sub"));
                Files.writeString(out.resolve("a.txt"), "alpha");
                Files.writeString(out.getParent().resolve("b.txt"), "beta");
                Digest tree = local.putTree(out.getParent());
                Digest file = local.put("file content".getBytes(StandardCharsets.UTF_8));
                Digest stdout = local.put("log".getBytes(StandardCharsets.UTF_8));
                ActionResult result = new ActionResult(0, List.of(new ActionResult.OutputFile("f.txt", file, true)),
                        List.of(new ActionResult.OutputDirectory("out", tree)), stdout, Digest.EMPTY, Map.of());
                Digest key = Digest.ofUtf8("action-1");
                RemoteClient client = harness.client();
                assertThat(client.getActionResult(key)).isEmpty();
                client.updateActionResult(key, result, local::open);

                Optional<ActionResult> hit = client.getActionResult(key);
                assertThat(hit).isPresent();
                assertThat(hit.get().outputFiles()).isEqualTo(result.outputFiles());
                assertThat(hit.get().outputDirectories()).isEqualTo(result.outputDirectories());
                assertThat(hit.get().stdoutDigest()).isEqualTo(stdout);

                Path fetched = tmp.resolve("fetched");
                client.downloadOutputs(hit.get(), fetched);
                assertThat(fetched.resolve("f.txt")).hasContent("file content").isExecutable();
                assertThat(fetched.resolve("out/sub/a.txt")).hasContent("alpha");
                assertThat(fetched.resolve("out/b.txt")).hasContent("beta");
            }
        }

        @Test
        void noEntryIsRecordedWhenAnOutputCannotBeUploaded() throws Exception {
            byte[] present = "present".getBytes(StandardCharsets.UTF_8);
            Digest ok = Digest.of(present);
            Digest lost = Digest.ofUtf8("lost locally");
            ActionResult result = ActionResult.of(0, List.of(new ActionResult.OutputFile("a", ok, false),
                    new ActionResult.OutputFile("b", lost, false)));
            Digest key = Digest.ofUtf8("action-2");
            RemoteClient client = harness.client();
            assertThatThrownBy(() -> client.updateActionResult(key, result, source(Map.of(ok, present))))
                    .isInstanceOf(IOException.class).hasMessageContaining(lost.toString());
            assertThat(harness.faults.count("UpdateActionResult")).isZero();
            assertThat(harness.store.actionCache().get(key)).isEmpty();
        }

        @Test
        void theServerRefusesAnEntryWhoseBlobsItLacks() throws Exception {
            Digest lost = Digest.ofUtf8("never uploaded");
            Digest key = Digest.ofUtf8("action-3");
            var stub = dev.bitzel.remote.internal.proto.reapi.ActionCacheGrpc.newBlockingStub(harness.channel());
            var request = dev.bitzel.remote.internal.proto.reapi.UpdateActionResultRequest.newBuilder()
                    .setActionDigest(dev.bitzel.remote.internal.Protos.toProto(key))
                    .setActionResult(dev.bitzel.remote.internal.proto.reapi.ActionResult.newBuilder().addOutputFiles(
                            dev.bitzel.remote.internal.proto.reapi.OutputFile.newBuilder().setPath("a")
                                    .setDigest(dev.bitzel.remote.internal.Protos.toProto(lost))))
                    .build();
            assertThatThrownBy(() -> stub.updateActionResult(request)).isInstanceOf(io.grpc.StatusRuntimeException.class)
                    .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining(lost.toString());
            assertThat(harness.store.actionCache().get(key)).isEmpty();
        }
    }

    @Nested
    class Auth {
        @Test
        void configuredHeadersAndTheBearerTokenArriveOnEveryCall() throws Exception {
            RemoteClient client = harness.client(b -> b.header("X-Team", "yocto").header("x-build-id", "42")
                    .bearerToken("t0ken"));
            byte[] data = "headers".getBytes(StandardCharsets.UTF_8);
            Digest d = Digest.of(data);
            client.upload(List.of(d), source(Map.of(d, data)));
            client.download(d);
            client.getActionResult(Digest.ofUtf8("no such action"));
            assertThat(harness.faults.calls).extracting(Faults.Call::method)
                    .contains("FindMissingBlobs", "BatchUpdateBlobs", "Read", "GetActionResult");
            assertThat(harness.faults.calls).allSatisfy(c -> {
                assertThat(c.headers().get(io.grpc.Metadata.Key.of("x-team", io.grpc.Metadata.ASCII_STRING_MARSHALLER)))
                        .as(c.method()).isEqualTo("yocto");
                assertThat(c.headers().get(io.grpc.Metadata.Key.of("x-build-id",
                        io.grpc.Metadata.ASCII_STRING_MARSHALLER))).as(c.method()).isEqualTo("42");
                assertThat(c.headers().get(io.grpc.Metadata.Key.of("authorization",
                        io.grpc.Metadata.ASCII_STRING_MARSHALLER))).as(c.method()).isEqualTo("Bearer t0ken");
            });
        }

        @Test
        void aServerWithATokenRefusesCallsWithoutItAndAcceptsThemWithIt() throws Exception {
            try (Harness secured = new Harness(tmp.resolve("secured"), 1 << 20, null, "s3cret")) {
                assertThatThrownBy(() -> secured.client().findMissing(List.of(Digest.ofUtf8("z"))))
                        .isInstanceOf(RemoteException.class).extracting(e -> ((RemoteException) e).code())
                        .isEqualTo("UNAUTHENTICATED");
                assertThatThrownBy(() -> secured.client(b -> b.bearerToken("wrong")).findMissing(List.of(Digest.ofUtf8("z"))))
                        .isInstanceOf(RemoteException.class).hasMessageContaining("rejected");
                assertThat(secured.client(b -> b.bearerToken("s3cret")).findMissing(List.of(Digest.ofUtf8("z"))))
                        .hasSize(1);
            }
        }
    }
}
