package dev.bitzel.remote.internal.server;

import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.ByteString;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.remote.internal.CompressingInputStream;
import dev.bitzel.remote.internal.ResourceName;
import dev.bitzel.remote.internal.proto.bytestream.ByteStreamGrpc;
import dev.bitzel.remote.internal.proto.bytestream.QueryWriteStatusRequest;
import dev.bitzel.remote.internal.proto.bytestream.QueryWriteStatusResponse;
import dev.bitzel.remote.internal.proto.bytestream.ReadRequest;
import dev.bitzel.remote.internal.proto.bytestream.ReadResponse;
import dev.bitzel.remote.internal.proto.bytestream.WriteRequest;
import dev.bitzel.remote.internal.proto.bytestream.WriteResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ByteStream reads and writes of CAS blobs, plain or zstd-compressed. Writes are resumable: the bytes a broken
 * stream delivered stay in a partial file under the scratch directory, {@code QueryWriteStatus} reports how many,
 * and a new stream for the same resource name continues from there. Nothing reaches the store before the whole
 * blob is there and hashes to the digest in its name.
 */
public final class ByteStreamService extends ByteStreamGrpc.ByteStreamImplBase {

    private static final System.Logger LOG = System.getLogger(ByteStreamService.class.getName());
    static final int CHUNK = 1 << 20;

    private final ServerConfig config;
    private final Path uploads;
    private final Map<String, Upload> inProgress = new ConcurrentHashMap<>();
    /** Threads that store uploads while they arrive (one per upload in progress). */
    private final ExecutorService storers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bitzel-remote-store-upload");
        t.setDaemon(true);
        return t;
    });

    /** Serves {@code config}'s stores, keeping partial uploads under its scratch directory. */
    public ByteStreamService(ServerConfig config) throws IOException {
        this.config = config;
        this.uploads = Files.createDirectories(config.scratch().resolve("uploads"));
    }

    /** Stops storing uploads in progress. */
    void close() {
        storers.shutdownNow();
    }

    /** One resumable upload: the bytes received so far, in a file. */
    private static final class Upload {
        final Path file;
        long committed;
        boolean complete;

        Upload(Path file) {
            this.file = file;
        }
    }

    // ---- Read ----

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> responseObserver) {
        ServerCallStreamObserver<ReadResponse> out = (ServerCallStreamObserver<ReadResponse>) responseObserver;
        InputStream in;
        long limit;
        try {
            ResourceName name = ResourceName.parseRead(request.getResourceName());
            ContentStore store = config.store(name.instanceName());
            Digest digest = name.digest();
            if (digest.sizeBytes() > config.maxBlobBytes()) {
                throw Status.INVALID_ARGUMENT.withDescription("blob " + digest + " exceeds this server's largest blob"
                        + " of " + config.maxBlobBytes() + " bytes").asRuntimeException();
            }
            if (request.getReadOffset() < 0 || request.getReadOffset() > digest.sizeBytes()) {
                throw Status.OUT_OF_RANGE.withDescription("read_offset " + request.getReadOffset() + " is outside blob "
                        + digest).asRuntimeException();
            }
            if (request.getReadLimit() < 0) {
                throw new IllegalArgumentException("read_limit " + request.getReadLimit() + " is negative");
            }
            if (name.compressed() && request.getReadLimit() != 0) {
                throw new IllegalArgumentException("read_limit must be 0 when reading compressed-blobs");
            }
            InputStream raw = store.open(digest);
            skipFully(raw, request.getReadOffset());
            in = name.compressed() ? new CompressingInputStream(raw) : raw;
            limit = request.getReadLimit() == 0 ? Long.MAX_VALUE : request.getReadLimit();
        } catch (Exception e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        Pump pump = new Pump(in, limit, out);
        out.setOnCancelHandler(pump::close);
        out.setOnReadyHandler(pump);
    }

    /** Sends chunks while the transport is ready, so a large blob never sits whole in memory. */
    private static final class Pump implements Runnable {
        private final InputStream in;
        private final ServerCallStreamObserver<ReadResponse> out;
        private long remaining;
        private boolean done;

        Pump(InputStream in, long limit, ServerCallStreamObserver<ReadResponse> out) {
            this.in = in;
            this.remaining = limit;
            this.out = out;
        }

        @Override
        public synchronized void run() {
            try {
                byte[] buf = new byte[CHUNK];
                while (!done && out.isReady()) {
                    int want = (int) Math.min(buf.length, remaining);
                    int n = want == 0 ? -1 : in.readNBytes(buf, 0, want);
                    if (n <= 0) {
                        done = true;
                        in.close();
                        out.onCompleted();
                        return;
                    }
                    remaining -= n;
                    out.onNext(ReadResponse.newBuilder().setData(ByteString.copyFrom(buf, 0, n)).build());
                }
            } catch (Exception e) {
                if (!done) {
                    done = true;
                    close();
                    out.onError(Errors.toStatus(e));
                }
            }
        }

        synchronized void close() {
            done = true;
            try {
                in.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a cancelled read", e);
            }
        }
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("blob ended " + left + " bytes before read_offset " + n);
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    // ---- Write ----

    @Override
    public StreamObserver<WriteRequest> write(StreamObserver<WriteResponse> response) {
        return new StreamObserver<>() {
            private ResourceName name;
            private String resource;
            private ContentStore store;
            private Upload upload;
            private FileChannel channel;
            /** Set when this stream started the upload at offset 0: the store takes the data as it arrives. */
            private ChunkPipe pipe;
            private Future<?> storing;
            private boolean finished;

            @Override
            public void onNext(WriteRequest request) {
                if (finished) {
                    return;
                }
                try {
                    if (name == null) {
                        begin(request);
                        if (finished) {
                            return;
                        }
                    } else if (!request.getResourceName().isEmpty() && !request.getResourceName().equals(resource)) {
                        throw new IllegalArgumentException("resource_name changed within one Write from '" + resource
                                + "' to '" + request.getResourceName() + "'");
                    }
                    synchronized (upload) {
                        if (request.getWriteOffset() != upload.committed) {
                            throw new IllegalArgumentException("write_offset " + request.getWriteOffset() + " of '"
                                    + resource + "' is not the committed size " + upload.committed
                                    + " (ask QueryWriteStatus where to resume)");
                        }
                        ByteString data = request.getData();
                        if (!name.compressed() && upload.committed + data.size() > name.digest().sizeBytes()) {
                            throw new IllegalArgumentException("'" + resource + "' received more than the "
                                    + name.digest().sizeBytes() + " bytes its digest declares");
                        }
                        for (java.nio.ByteBuffer b : data.asReadOnlyByteBufferList()) {
                            while (b.hasRemaining()) {
                                channel.write(b);
                            }
                        }
                        upload.committed += data.size();
                        if (pipe != null && !pipe.put(data)) {
                            // The store gave up early (a disk error, say): finish from the partial file instead.
                            stopPipe("the store stopped reading");
                        }
                        if (request.getFinishWrite()) {
                            finish();
                        }
                    }
                } catch (Exception e) {
                    fail(e);
                }
            }

            private void begin(WriteRequest request) throws IOException {
                resource = request.getResourceName();
                name = ResourceName.parseWrite(resource);
                store = config.store(name.instanceName());
                if (name.digest().sizeBytes() > config.maxBlobBytes()) {
                    throw Status.INVALID_ARGUMENT.withDescription("blob " + name.digest() + " exceeds this server's"
                            + " largest blob of " + config.maxBlobBytes() + " bytes").asRuntimeException();
                }
                if (request.getWriteOffset() == 0 && store.contains(name.digest())) {
                    // Another upload already stored it: REAPI lets the server end the stream at once.
                    finished = true;
                    response.onNext(WriteResponse.newBuilder()
                            .setCommittedSize(name.compressed() ? -1 : name.digest().sizeBytes()).build());
                    response.onCompleted();
                    return;
                }
                upload = inProgress.computeIfAbsent(resource, r -> new Upload(uploads.resolve(fileName(r))));
                synchronized (upload) {
                    if (upload.complete) {
                        throw Status.ALREADY_EXISTS.withDescription("'" + resource + "' was already completed")
                                .asRuntimeException();
                    }
                    if (request.getWriteOffset() == 0) {
                        upload.committed = 0;
                        channel = FileChannel.open(upload.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
                        startPipe();
                    } else {
                        channel = FileChannel.open(upload.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.truncate(upload.committed);
                        channel.position(upload.committed);
                    }
                }
            }

            /**
             * Starts storing while receiving. The partial file is still written, so that a broken stream can
             * resume; a resumed stream stores from that file at its end.
             */
            private void startPipe() {
                ChunkPipe p = new ChunkPipe();
                ContentStore target = store;
                Digest digest = name.digest();
                boolean compressed = name.compressed();
                storing = storers.submit(() -> {
                    try (InputStream in = compressed ? new ZstdInputStream(p) : p) {
                        target.put(in, digest);
                    } finally {
                        p.close();
                    }
                    return null;
                });
                pipe = p;
            }

            private void stopPipe(String why) {
                if (pipe != null) {
                    pipe.abort(why);
                    storing.cancel(true);
                    pipe = null;
                    storing = null;
                }
            }

            private void finish() throws IOException, InterruptedException {
                channel.close();
                Digest digest = name.digest();
                if (!name.compressed() && upload.committed != digest.sizeBytes()) {
                    stopPipe("finished short");
                    throw new IllegalArgumentException("'" + resource + "' finished after " + upload.committed
                            + " bytes but its digest declares " + digest.sizeBytes());
                }
                try {
                    if (pipe != null && pipe.end() && awaitStored()) {
                        // Stored as it arrived.
                    } else {
                        stopPipe("stored from the partial file instead");
                        try (InputStream in = open(upload.file, name.compressed())) {
                            store.put(in, digest);
                        }
                    }
                } finally {
                    inProgress.remove(resource);
                    Files.deleteIfExists(upload.file);
                }
                upload.complete = true;
                finished = true;
                response.onNext(WriteResponse.newBuilder().setCommittedSize(upload.committed).build());
                response.onCompleted();
            }

            /** Waits for the piped store; true when it stored the blob, false when it failed for another reason. */
            private boolean awaitStored() throws IOException, InterruptedException {
                try {
                    storing.get();
                    return true;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof DigestMismatchException mismatch) {
                        throw mismatch;
                    }
                    if (e.getCause() instanceof IllegalArgumentException bad) {
                        throw bad;
                    }
                    LOG.log(System.Logger.Level.WARNING, "storing '" + resource + "' while receiving it failed;"
                            + " storing it from the partial file", e.getCause());
                    return false;
                } catch (java.util.concurrent.CancellationException e) {
                    return false;
                }
            }

            private void fail(Exception e) {
                finished = true;
                stopPipe(String.valueOf(e.getMessage()));
                closeChannel();
                if (upload != null && (e instanceof IllegalArgumentException || e instanceof DigestMismatchException)) {
                    // The data is wrong, not merely interrupted: start such an upload over.
                    discard(resource, upload);
                }
                response.onError(Errors.toStatus(e));
            }

            private void closeChannel() {
                if (channel != null) {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "closing partial upload " + resource, e);
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                // The client went away: keep what arrived (in the partial file) so the upload can resume.
                stopPipe("the client went away: " + t.getMessage());
                closeChannel();
            }

            @Override
            public void onCompleted() {
                if (!finished) {
                    stopPipe("ended without finish_write");
                    closeChannel();
                    finished = true;
                    response.onError(Status.INVALID_ARGUMENT.withDescription("Write of '" + resource
                            + "' ended without finish_write; resume it with the committed size from QueryWriteStatus")
                            .asRuntimeException());
                }
            }
        };
    }

    private void discard(String resource, Upload upload) {
        inProgress.remove(resource, upload);
        try {
            Files.deleteIfExists(upload.file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "removing partial upload " + upload.file, e);
        }
    }

    private static InputStream open(Path file, boolean compressed) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        return compressed ? new ZstdInputStream(in) : in;
    }

    private static String fileName(String resource) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(resource.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public void queryWriteStatus(QueryWriteStatusRequest request, StreamObserver<QueryWriteStatusResponse> response) {
        try {
            ResourceName name = ResourceName.parseWrite(request.getResourceName());
            ContentStore store = config.store(name.instanceName());
            Upload upload = inProgress.get(request.getResourceName());
            QueryWriteStatusResponse status;
            if (store.contains(name.digest())) {
                status = QueryWriteStatusResponse.newBuilder().setCommittedSize(name.digest().sizeBytes())
                        .setComplete(true).build();
            } else if (upload != null) {
                synchronized (upload) {
                    status = QueryWriteStatusResponse.newBuilder().setCommittedSize(upload.committed).build();
                }
            } else {
                throw Status.NOT_FOUND.withDescription("no upload of '" + request.getResourceName()
                        + "' is in progress").asRuntimeException();
            }
            response.onNext(status);
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    /** Used by tests: what a partial upload holds. */
    long committed(String resource) {
        Upload u = inProgress.get(resource);
        return u == null ? -1 : u.committed;
    }
}
