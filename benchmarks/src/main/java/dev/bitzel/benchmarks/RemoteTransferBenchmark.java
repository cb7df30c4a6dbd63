package dev.bitzel.benchmarks;

import com.google.protobuf.ByteString;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.remote.BlobSource;
import dev.bitzel.remote.Endpoint;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteOptions;
import dev.bitzel.remote.RemoteServer;
import dev.bitzel.remote.internal.proto.bytestream.ByteStreamGrpc;
import dev.bitzel.remote.internal.proto.bytestream.ReadRequest;
import dev.bitzel.remote.internal.proto.bytestream.ReadResponse;
import dev.bitzel.remote.internal.proto.bytestream.WriteRequest;
import dev.bitzel.remote.internal.proto.bytestream.WriteResponse;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upload and download through Bitzel's REAPI client and server over localhost TCP (Netty, plain text), against the
 * raw gRPC limit measured in the same JVM: a ByteStream server that discards what it receives and streams zeros,
 * with no hashing and no store. {@code smallBlobs} blobs of {@code smallSize} bytes go by batches; one blob of
 * {@code largeSize} bytes goes by ByteStream. Each upload sends content the server has not seen (fresh per
 * invocation), so it measures transfer, verification and storing, not deduplication. Single-shot: each invocation
 * is one whole transfer; throughput = bytes / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class RemoteTransferBenchmark {

    @Param("10000")
    int smallBlobs;

    @Param("1024")
    int smallSize;

    @Param("268435456")
    long largeSize;

    Path dir;
    ContentStore store;
    RemoteServer server;
    RemoteClient client;
    Server raw;
    ManagedChannel rawChannel;

    Map<Digest, byte[]> small;
    byte[] large;
    Digest largeDigest;
    long seed;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("bitzel-remote-bench");
        store = Cas.open(dir.resolve("cas"), CasOptions.builder().fsync(false).build());
        server = RemoteServer.builder(store).build().start();
        client = RemoteClient.connect(RemoteOptions.builder(Endpoint.parse("grpc://127.0.0.1:" + server.port()))
                .build());
        raw = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new NullByteStream())
                .build().start();
        rawChannel = Grpc.newChannelBuilderForAddress("127.0.0.1", raw.getPort(), InsecureChannelCredentials.create())
                .build();
        large = new byte[Math.toIntExact(largeSize)];
        new Random(1).nextBytes(large);
    }

    /** Fresh content for every invocation, so uploads are never deduplicated away. */
    @Setup(Level.Invocation)
    public void freshContent() {
        seed++;
        Random r = new Random(seed);
        small = new HashMap<>();
        for (int i = 0; i < smallBlobs; i++) {
            byte[] b = new byte[smallSize];
            r.nextBytes(b);
            small.put(Digest.of(b), b);
        }
        for (int i = 0; i < 8; i++) {
            large[i] = (byte) (seed >>> (8 * i));
        }
        largeDigest = Digest.of(large);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        rawChannel.shutdownNow();
        raw.shutdownNow();
        server.close();
        store.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static BlobSource source(Map<Digest, byte[]> blobs) {
        return d -> new ByteArrayInputStream(blobs.get(d));
    }

    @Benchmark
    public int uploadSmall() throws Exception {
        return client.upload(small.keySet(), source(small));
    }

    @Benchmark
    public int uploadThenDownloadSmall() throws Exception {
        client.upload(small.keySet(), source(small));
        return client.downloadAll(small.keySet()).size();
    }

    /** The fresh small blobs, already uploaded (not timed): for download benchmarks. */
    @State(Scope.Benchmark)
    public static class UploadedSmall {
        @Setup(Level.Invocation)
        public void upload(RemoteTransferBenchmark b) throws Exception {
            b.client.upload(b.small.keySet(), source(b.small));
        }
    }

    /** The fresh large blob, already uploaded (not timed): for download benchmarks. */
    @State(Scope.Benchmark)
    public static class UploadedLarge {
        @Setup(Level.Invocation)
        public void upload(RemoteTransferBenchmark b) throws Exception {
            b.client.upload(List.of(b.largeDigest), source(Map.of(b.largeDigest, b.large)));
        }
    }

    /** Downloads the small blobs: concurrent BatchReadBlobs within the server's limit, each blob verified. */
    @Benchmark
    public int downloadSmall(UploadedSmall uploaded) throws Exception {
        return client.downloadAll(small.keySet()).size();
    }

    /** Downloads the large blob by ByteStream, verified. */
    @Benchmark
    public long downloadLarge(UploadedLarge uploaded) throws Exception {
        CountingStream out = new CountingStream();
        client.download(largeDigest, out);
        return out.count;
    }

    /** Raw gRPC limit for downloading the small blobs' bytes: the server streams them in ~4 MiB messages. */
    @Benchmark
    public long rawDownloadSmall() {
        long n = 0;
        long total = (long) smallBlobs * smallSize;
        Iterator<ReadResponse> it = ByteStreamGrpc.newBlockingStub(rawChannel).read(ReadRequest.newBuilder()
                .setReadLimit(total).setResourceName("small").build());
        while (it.hasNext()) {
            n += it.next().getData().size();
        }
        return n;
    }

    @Benchmark
    public int uploadLarge() throws Exception {
        return client.upload(List.of(largeDigest), source(Map.of(largeDigest, large)));
    }

    @Benchmark
    public long uploadThenDownloadLarge() throws Exception {
        client.upload(List.of(largeDigest), source(Map.of(largeDigest, large)));
        CountingStream out = new CountingStream();
        client.download(largeDigest, out);
        return out.count;
    }

    /** Raw gRPC limit: the same bytes in 1 MiB ByteStream messages to a server that only counts them. */
    @Benchmark
    public long rawUploadLarge() throws Exception {
        CompletableFuture<WriteResponse> done = new CompletableFuture<>();
        Object ready = new Object();
        ClientResponseObserver<WriteRequest, WriteResponse> obs = new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WriteRequest> r) {
                r.setOnReadyHandler(() -> {
                    synchronized (ready) {
                        ready.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(WriteResponse v) {
                done.complete(v);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        };
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<WriteRequest> req = (ClientCallStreamObserver<WriteRequest>) ByteStreamGrpc
                .newStub(rawChannel).write(obs);
        int chunk = 1 << 20;
        for (int off = 0; off < large.length; off += chunk) {
            synchronized (ready) {
                while (!req.isReady()) {
                    ready.wait(10);
                }
            }
            int n = Math.min(chunk, large.length - off);
            req.onNext(WriteRequest.newBuilder().setResourceName(off == 0 ? "x" : "").setWriteOffset(off)
                    .setData(ByteString.copyFrom(large, off, n)).setFinishWrite(off + n == large.length).build());
        }
        req.onCompleted();
        return done.get().getCommittedSize();
    }

    /** Raw gRPC limit for downloads: the server streams {@code largeSize} bytes in 1 MiB messages. */
    @Benchmark
    public long rawDownloadLarge() {
        long n = 0;
        Iterator<ReadResponse> it = ByteStreamGrpc.newBlockingStub(rawChannel).read(ReadRequest.newBuilder()
                .setReadLimit(largeSize).build());
        while (it.hasNext()) {
            n += it.next().getData().size();
        }
        return n;
    }

    /** Raw gRPC limit for small blobs: the same number of 1 KiB messages, packed as the client batches them. */
    @Benchmark
    public long rawUploadSmall() throws Exception {
        List<byte[]> all = new ArrayList<>(small.values());
        CompletableFuture<WriteResponse> done = new CompletableFuture<>();
        StreamObserver<WriteRequest> req = ByteStreamGrpc.newStub(rawChannel).write(new StreamObserver<>() {
            @Override
            public void onNext(WriteResponse v) {
                done.complete(v);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        // Batches of ~4 MiB, as the client's BatchUpdateBlobs sends them.
        int perMessage = Math.max(1, (4 << 20) / (smallSize + 100));
        for (int i = 0; i < all.size(); i += perMessage) {
            ByteString.Output data = ByteString.newOutput();
            for (int j = i; j < Math.min(all.size(), i + perMessage); j++) {
                data.write(all.get(j));
            }
            req.onNext(WriteRequest.newBuilder().setData(data.toByteString()).build());
        }
        req.onCompleted();
        return done.get().getCommittedSize();
    }

    /** Counts bytes. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** A ByteStream server that discards writes and streams zeros for reads: gRPC's own cost only. */
    static final class NullByteStream extends ByteStreamGrpc.ByteStreamImplBase {
        private static final ByteString ZEROS = ByteString.copyFrom(new byte[1 << 20]);

        @Override
        public StreamObserver<WriteRequest> write(StreamObserver<WriteResponse> response) {
            return new StreamObserver<>() {
                long n;

                @Override
                public void onNext(WriteRequest r) {
                    n += r.getData().size();
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                    response.onNext(WriteResponse.newBuilder().setCommittedSize(n).build());
                    response.onCompleted();
                }
            };
        }

        /** As large as the client's batches: 4 MiB less the margin it keeps under gRPC's message limit. */
        private static final ByteString BATCH = ByteString.copyFrom(new byte[(4 << 20) - (16 << 10)]);

        @Override
        public void read(ReadRequest request, StreamObserver<ReadResponse> responseObserver) {
            ServerCallStreamObserver<ReadResponse> out = (ServerCallStreamObserver<ReadResponse>) responseObserver;
            long[] left = {request.getReadLimit()};
            ByteString unit = request.getResourceName().equals("small") ? BATCH : ZEROS;
            out.setOnReadyHandler(() -> {
                while (left[0] > 0 && out.isReady()) {
                    int n = (int) Math.min(unit.size(), left[0]);
                    out.onNext(ReadResponse.newBuilder().setData(n == unit.size() ? unit : unit.substring(0, n))
                            .build());
                    left[0] -= n;
                    if (left[0] == 0) {
                        out.onCompleted();
                    }
                }
            });
        }
    }
}
