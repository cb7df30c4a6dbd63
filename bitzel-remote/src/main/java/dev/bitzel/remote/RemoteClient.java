package dev.bitzel.remote;

import com.github.luben.zstd.ZstdInputStream;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.remote.internal.CompressingInputStream;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.ResourceName;
import dev.bitzel.remote.internal.client.HeadersInterceptor;
import dev.bitzel.remote.internal.client.Retrier;
import dev.bitzel.remote.internal.client.Transfers;
import dev.bitzel.remote.internal.proto.bytestream.ByteStreamGrpc;
import dev.bitzel.remote.internal.proto.bytestream.QueryWriteStatusRequest;
import dev.bitzel.remote.internal.proto.bytestream.QueryWriteStatusResponse;
import dev.bitzel.remote.internal.proto.bytestream.ReadRequest;
import dev.bitzel.remote.internal.proto.bytestream.ReadResponse;
import dev.bitzel.remote.internal.proto.bytestream.WriteRequest;
import dev.bitzel.remote.internal.proto.bytestream.WriteResponse;
import dev.bitzel.remote.internal.proto.longrunning.Operation;
import dev.bitzel.remote.internal.proto.reapi.ActionCacheGrpc;
import dev.bitzel.remote.internal.proto.reapi.BatchReadBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.BatchReadBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.BatchUpdateBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.BatchUpdateBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.CapabilitiesGrpc;
import dev.bitzel.remote.internal.proto.reapi.Compressor;
import dev.bitzel.remote.internal.proto.reapi.ContentAddressableStorageGrpc;
import dev.bitzel.remote.internal.proto.reapi.DigestFunction;
import dev.bitzel.remote.internal.proto.reapi.Directory;
import dev.bitzel.remote.internal.proto.reapi.ExecuteRequest;
import dev.bitzel.remote.internal.proto.reapi.ExecuteResponse;
import dev.bitzel.remote.internal.proto.reapi.ExecutionGrpc;
import dev.bitzel.remote.internal.proto.reapi.FindMissingBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.GetActionResultRequest;
import dev.bitzel.remote.internal.proto.reapi.GetCapabilitiesRequest;
import dev.bitzel.remote.internal.proto.reapi.OutputDirectory;
import dev.bitzel.remote.internal.proto.reapi.OutputFile;
import dev.bitzel.remote.internal.proto.reapi.Tree;
import dev.bitzel.remote.internal.proto.reapi.UpdateActionResultRequest;
import dev.bitzel.remote.internal.proto.reapi.WaitExecutionRequest;
import dev.bitzel.remote.internal.proto.rpc.PreconditionFailure;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A REAPI v2 client: capabilities, the CAS (batched within the server's limits, ByteStream with resumable writes and
 * optional zstd for large blobs), the action cache and remote execution with re-attach after a dropped stream.
 *
 * <pre>{@code
 * try (RemoteClient remote = RemoteClient.connect(RemoteOptions.builder(Endpoint.parse("grpc://cache:9092")).build())) {
 *     remote.upload(List.of(digest), store::open);          // sends only what the server lacks
 *     Optional<ActionResult> hit = remote.getActionResult(actionKey);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every call carries RequestMetadata (tool, invocation id, and the action and target given to
 * {@link #withAction}), the bearer token and headers of the options, and the instance name. Calls failing with
 * UNAVAILABLE, RESOURCE_EXHAUSTED, ABORTED, DEADLINE_EXCEEDED or CANCELLED (a server shutting down under a stream)
 * are retried with exponential backoff and jitter;
 * other failures throw {@link RemoteException} at once, naming the blob or action. A miss (a blob or action result
 * the server lacks) is an empty answer, not an exception. Downloads are verified against their digest
 * ({@link DigestMismatchException}); the empty blob is never sent or fetched.
 */
public final class RemoteClient implements AutoCloseable {

    private static final int CHUNK = 1 << 20;
    /** Per-entry overhead of a batch request beyond the data (digest and framing). */
    private static final int BATCH_ENTRY_OVERHEAD = 100;
    private static final int FIND_MISSING_CHUNK = 10_000;
    private static final String TREE = "reapi.tree.";
    /** Batches and streams of one upload or download in flight at once (also bounded by maxConcurrentCalls). */
    private static final int MAX_TRANSFER_THREADS = 8;

    private final RemoteOptions options;
    private final ManagedChannel managed;
    private final Channel channel;
    private final Retrier retrier;
    private final String instance;
    private final Transfers transfers;
    private volatile ServerCapabilities capabilities;

    private RemoteClient(RemoteOptions options, ManagedChannel managed) {
        this.options = options;
        this.managed = managed;
        this.channel = ClientInterceptors.intercept(managed, new HeadersInterceptor(options.toolName(),
                options.toolVersion(), options.invocationId(), options.bearerToken().orElse(null), options.headers()));
        this.retrier = new Retrier(options.endpoint().toString(), options.maxAttempts(), options.initialBackoff(),
                options.maxBackoff(), options.maxConcurrentCalls());
        this.instance = options.endpoint().instanceName();
        this.transfers = new Transfers(Math.min(MAX_TRANSFER_THREADS, options.maxConcurrentCalls()));
    }

    /**
     * Connects (lazily: the first call dials) to the options' endpoint.
     *
     * @param options where and how, not null
     * @return the client; never null
     * @throws IOException if the TLS files cannot be read
     */
    public static RemoteClient connect(RemoteOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        Endpoint e = options.endpoint();
        ChannelCredentials credentials = InsecureChannelCredentials.create();
        if (e.tls()) {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
            if (options.trustCertificates().isPresent()) {
                tls.trustManager(options.trustCertificates().get().toFile());
            }
            if (options.clientCertificate().isPresent()) {
                tls.keyManager(options.clientCertificate().get().toFile(), options.clientKey().orElseThrow().toFile());
            }
            credentials = tls.build();
        }
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(e.host(), e.port(), credentials)
                .maxInboundMessageSize(64 << 20).build();
        return new RemoteClient(options, channel);
    }

    /** For tests: a client on an existing channel (in-process servers). */
    static RemoteClient forChannel(ManagedChannel channel, RemoteOptions options) {
        return new RemoteClient(options, channel);
    }

    /** Returns the options; never null. */
    public RemoteOptions options() {
        return options;
    }

    /**
     * Runs {@code body} with calls carrying this action and target in their RequestMetadata.
     *
     * @param actionId the action's id (its digest's hash, usually), not null
     * @param targetId the target or task the action belongs to, not null
     * @param mnemonic the kind of action, not null
     * @param body what to run
     * @return what {@code body} returns
     * @throws IOException from {@code body}
     * @throws InterruptedException from {@code body}
     */
    public <T> T withAction(String actionId, String targetId, String mnemonic, Work<T> body)
            throws IOException, InterruptedException {
        Context previous = Context.current().withValues(HeadersInterceptor.ACTION_ID, actionId,
                HeadersInterceptor.TARGET_ID, targetId, HeadersInterceptor.MNEMONIC, mnemonic).attach();
        try {
            return body.run();
        } finally {
            Context.current().detach(previous);
        }
    }

    /**
     * Work done with {@link #withAction}.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @return its result
         * @throws IOException when it fails
         * @throws InterruptedException when interrupted
         */
        T run() throws IOException, InterruptedException;
    }

    /** A BES stream for one invocation over this client's connection (headers and retries included). */
    dev.bitzel.remote.internal.client.BesStream besStream(String invocationId, java.time.Duration timeout) {
        return new dev.bitzel.remote.internal.client.BesStream(channel, invocationId, timeout, retrier,
                options.maxAttempts());
    }

    // ---------------------------------------------------------------- capabilities

    /**
     * Asks the server what it supports (once; later calls return the same answer) and checks that it speaks SHA-256
     * and a REAPI 2.x version.
     *
     * @return what was negotiated; never null
     * @throws RemoteException if the server cannot be reached or speaks no common digest function or version
     */
    public ServerCapabilities capabilities() throws IOException, InterruptedException {
        ServerCapabilities c = capabilities;
        if (c != null) {
            return c;
        }
        var caps = retrier.call("GetCapabilities", () -> CapabilitiesGrpc.newBlockingStub(channel)
                .withDeadlineAfter(options.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .getCapabilities(GetCapabilitiesRequest.newBuilder().setInstanceName(instance).build()));
        var cache = caps.getCacheCapabilities();
        if (caps.hasCacheCapabilities() && !cache.getDigestFunctionsList().isEmpty()
                && !cache.getDigestFunctionsList().contains(DigestFunction.Value.SHA256)) {
            throw new RemoteException("FAILED_PRECONDITION", options.endpoint() + " does not offer SHA256 digests (it"
                    + " offers " + cache.getDigestFunctionsList() + ")", null);
        }
        if (caps.hasLowApiVersion() && caps.getLowApiVersion().getMajor() > 2
                || caps.hasHighApiVersion() && caps.getHighApiVersion().getMajor() < 2) {
            throw new RemoteException("FAILED_PRECONDITION", options.endpoint() + " speaks REAPI "
                    + version(caps.getLowApiVersion()) + " to " + version(caps.getHighApiVersion()) + ", not 2.x", null);
        }
        c = new ServerCapabilities(cache.getMaxBatchTotalSizeBytes(), cache.getMaxCasBlobSizeBytes(),
                cache.getSupportedCompressorsList().contains(Compressor.Value.ZSTD),
                cache.getActionCacheUpdateCapabilities().getUpdateEnabled(),
                caps.getExecutionCapabilities().getExecEnabled(), version(caps.getLowApiVersion()),
                version(caps.getHighApiVersion()));
        capabilities = c;
        return c;
    }

    private static String version(dev.bitzel.remote.internal.proto.semver.SemVer v) {
        return v.getMajor() + "." + v.getMinor();
    }

    private long batchLimit() throws IOException, InterruptedException {
        long max = capabilities().maxBatchBytes();
        // Stay under gRPC's usual 4 MiB message limit whatever the server advertises.
        return Math.min(max <= 0 ? 4L << 20 : max, 4L << 20) - (16 << 10);
    }

    private boolean zstd() throws IOException, InterruptedException {
        return options.compression() && capabilities().zstd();
    }

    // ---------------------------------------------------------------- CAS

    /**
     * Returns the blobs the server lacks. The empty blob is never missing.
     *
     * @param digests the blobs to ask about
     * @return the missing ones, in the order given, without duplicates
     * @throws RemoteException if the server refuses or stays unreachable
     */
    public Set<Digest> findMissing(Collection<Digest> digests) throws IOException, InterruptedException {
        List<Digest> asked = new ArrayList<>(new LinkedHashSet<>(digests));
        asked.remove(Digest.EMPTY);
        Set<Digest> missing = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i += FIND_MISSING_CHUNK) {
            List<Digest> chunk = asked.subList(i, Math.min(asked.size(), i + FIND_MISSING_CHUNK));
            FindMissingBlobsRequest.Builder req = FindMissingBlobsRequest.newBuilder().setInstanceName(instance)
                    .setDigestFunction(DigestFunction.Value.SHA256);
            chunk.forEach(d -> req.addBlobDigests(Protos.toProto(d)));
            var resp = retrier.call("FindMissingBlobs of " + chunk.size() + " blobs", () -> cas()
                    .findMissingBlobs(req.build()));
            for (var d : resp.getMissingBlobDigestsList()) {
                missing.add(Protos.fromProto(d, "missing_blob_digests"));
            }
        }
        return missing;
    }

    private ContentAddressableStorageGrpc.ContentAddressableStorageBlockingStub cas() {
        return ContentAddressableStorageGrpc.newBlockingStub(channel)
                .withDeadlineAfter(options.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Uploads those of {@code digests} the server lacks: small ones in batches within the server's limit, large ones
     * through ByteStream (resuming an interrupted write where the server says it stopped).
     *
     * @param digests the blobs to make present
     * @param source where their content is read
     * @return how many blobs were sent
     * @throws RemoteException naming the blob the server refused (a digest mismatch is INVALID_ARGUMENT)
     */
    public int upload(Collection<Digest> digests, BlobSource source) throws IOException, InterruptedException {
        Set<Digest> missing = findMissing(digests);
        uploadUnchecked(missing, source);
        return missing.size();
    }

    /**
     * Uploads blobs without asking first whether the server has them.
     *
     * @param digests the blobs
     * @param source where their content is read
     * @throws RemoteException naming the blob the server refused
     */
    public void uploadUnchecked(Collection<Digest> digests, BlobSource source) throws IOException, InterruptedException {
        List<Transfers.Task> tasks = new ArrayList<>();
        long limit = batchLimit();
        for (List<Digest> batch : batches(digests, limit)) {
            if (batch.size() == 1 && batch.get(0).sizeBytes() + BATCH_ENTRY_OVERHEAD > limit) {
                tasks.add(() -> write(batch.get(0), source));
            } else {
                tasks.add(() -> batchUpdate(batch, source));
            }
        }
        transfers.runAll(tasks);
    }

    /**
     * Splits blobs into batches whose entries fit {@code limit}; a blob too large for any batch is a batch of its
     * own (for ByteStream). The empty blob and duplicates are left out.
     */
    private static List<List<Digest>> batches(Collection<Digest> digests, long limit) {
        List<List<Digest>> out = new ArrayList<>();
        List<Digest> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Digest d : new LinkedHashSet<>(digests)) {
            if (d.equals(Digest.EMPTY)) {
                continue;
            }
            if (d.sizeBytes() + BATCH_ENTRY_OVERHEAD > limit) {
                out.add(List.of(d));
                continue;
            }
            if (batchBytes + d.sizeBytes() + BATCH_ENTRY_OVERHEAD > limit) {
                out.add(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(d);
            batchBytes += d.sizeBytes() + BATCH_ENTRY_OVERHEAD;
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    private void batchUpdate(List<Digest> batch, BlobSource source) throws IOException, InterruptedException {
        BatchUpdateBlobsRequest.Builder req = BatchUpdateBlobsRequest.newBuilder().setInstanceName(instance)
                .setDigestFunction(DigestFunction.Value.SHA256);
        for (Digest d : batch) {
            byte[] data;
            try (InputStream in = source.open(d)) {
                data = in.readAllBytes();
            }
            if (data.length != d.sizeBytes()) {
                throw new DigestMismatchException(d, Digest.of(data), "local source of an upload");
            }
            // The array is ours alone: wrap it rather than copy it.
            req.addRequests(BatchUpdateBlobsRequest.Request.newBuilder().setDigest(Protos.toProto(d))
                    .setData(UnsafeByteOperations.unsafeWrap(data)));
        }
        BatchUpdateBlobsRequest request = req.build();
        List<Digest> pending = new ArrayList<>(batch);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Digest> sent = pending;
            BatchUpdateBlobsResponse resp = retrier.call("BatchUpdateBlobs of " + blobs(sent), () -> cas()
                    .batchUpdateBlobs(subset(request, sent)));
            pending = new ArrayList<>();
            for (BatchUpdateBlobsResponse.Response r : resp.getResponsesList()) {
                if (r.getStatus().getCode() == 0) {
                    continue;
                }
                Digest d = Protos.fromProto(r.getDigest(), "responses.digest");
                Status s = Status.fromCodeValue(r.getStatus().getCode()).withDescription(r.getStatus().getMessage());
                if (!Retrier.isTransient(s) || attempt >= options.maxAttempts()) {
                    throw retrier.failure("upload of blob " + d, s, null, attempt);
                }
                pending.add(d);
            }
            if (!pending.isEmpty()) {
                Thread.sleep(retrier.backoff(attempt));
            }
        }
    }

    /** Names the blobs of a batch for error messages: all of a small batch, the first few of a large one. */
    private static String blobs(List<Digest> batch) {
        int shown = Math.min(3, batch.size());
        return batch.size() + (batch.size() == 1 ? " blob " : " blobs ") + batch.subList(0, shown)
                + (batch.size() > shown ? " and " + (batch.size() - shown) + " more" : "");
    }

    private static BatchUpdateBlobsRequest subset(BatchUpdateBlobsRequest all, List<Digest> wanted) {
        if (wanted.size() == all.getRequestsCount()) {
            return all;
        }
        Set<dev.bitzel.remote.internal.proto.reapi.Digest> keep = new java.util.HashSet<>();
        wanted.forEach(d -> keep.add(Protos.toProto(d)));
        BatchUpdateBlobsRequest.Builder b = all.toBuilder().clearRequests();
        all.getRequestsList().stream().filter(r -> keep.contains(r.getDigest())).forEach(b::addRequests);
        return b.build();
    }

    /** Writes one blob through ByteStream, resuming after transient failures. */
    private void write(Digest d, BlobSource source) throws IOException, InterruptedException {
        long max = capabilities().maxBlobBytes();
        if (max > 0 && d.sizeBytes() > max) {
            throw new RemoteException("INVALID_ARGUMENT", "blob " + d + " exceeds the " + max + " bytes "
                    + options.endpoint() + " accepts", null);
        }
        boolean compressed = zstd();
        String resource = ResourceName.write(instance, UUID.randomUUID().toString(), d, compressed);
        long offset = 0;
        for (int attempt = 1;; attempt++) {
            try {
                long committed = writeOnce(resource, d, source, offset, compressed);
                if (!compressed && committed != d.sizeBytes() || compressed && committed == 0) {
                    throw new RemoteException("DATA_LOSS", "upload of blob " + d + " to " + options.endpoint()
                            + " ended with committed_size " + committed, null);
                }
                return;
            } catch (StatusRuntimeException e) {
                if (!Retrier.isTransient(e.getStatus()) || attempt >= options.maxAttempts()) {
                    throw retrier.failure("upload of blob " + d, e.getStatus(), e, attempt);
                }
                Thread.sleep(retrier.backoff(attempt));
                offset = 0;
                if (!compressed) {
                    try {
                        QueryWriteStatusResponse status = ByteStreamGrpc.newBlockingStub(channel)
                                .withDeadlineAfter(options.deadline().toMillis(), TimeUnit.MILLISECONDS)
                                .queryWriteStatus(QueryWriteStatusRequest.newBuilder().setResourceName(resource).build());
                        if (status.getComplete()) {
                            return;
                        }
                        offset = status.getCommittedSize();
                    } catch (StatusRuntimeException q) {
                        if (q.getStatus().getCode() != Status.Code.NOT_FOUND && !Retrier.isTransient(q.getStatus())) {
                            throw retrier.failure("QueryWriteStatus of blob " + d, q.getStatus(), q, attempt);
                        }
                    }
                }
            }
        }
    }

    /** One Write stream from {@code offset}; returns the committed size. Honours flow control. */
    private long writeOnce(String resource, Digest d, BlobSource source, long offset, boolean compressed)
            throws IOException, InterruptedException {
        CompletableFuture<WriteResponse> result = new CompletableFuture<>();
        Object ready = new Object();
        ClientResponseObserver<WriteRequest, WriteResponse> observer = new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WriteRequest> requests) {
                requests.setOnReadyHandler(() -> {
                    synchronized (ready) {
                        ready.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(WriteResponse value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
                synchronized (ready) {
                    ready.notifyAll();
                }
            }

            @Override
            public void onCompleted() {
                result.completeExceptionally(Status.INTERNAL.withDescription("Write ended without a response")
                        .asRuntimeException());
                synchronized (ready) {
                    ready.notifyAll();
                }
            }
        };
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<WriteRequest> requests = (ClientCallStreamObserver<WriteRequest>) ByteStreamGrpc
                .newStub(channel).withDeadlineAfter(deadlineFor(d), TimeUnit.MILLISECONDS).write(observer);
        try (InputStream raw = source.open(d)) {
            raw.skipNBytes(offset);
            InputStream in = compressed ? new CompressingInputStream(raw) : raw;
            long position = offset;
            byte[] buf = new byte[CHUNK];
            boolean first = true;
            while (true) {
                int n = in.readNBytes(buf, 0, buf.length);
                boolean last = n < buf.length;
                if (!last) {
                    // A full chunk may still be the last one: peek.
                    in.mark(1);
                }
                synchronized (ready) {
                    while (!requests.isReady() && !result.isDone()) {
                        ready.wait(100);
                    }
                }
                if (result.isDone()) {
                    break;
                }
                WriteRequest.Builder w = WriteRequest.newBuilder().setWriteOffset(position)
                        .setData(ByteString.copyFrom(buf, 0, Math.max(0, n))).setFinishWrite(last);
                if (first) {
                    w.setResourceName(resource);
                    first = false;
                }
                requests.onNext(w.build());
                position += Math.max(0, n);
                if (last) {
                    break;
                }
            }
            if (!result.isDone()) {
                requests.onCompleted();
            }
        } catch (IOException | RuntimeException e) {
            requests.cancel("local failure: " + e.getMessage(), e);
            throw e;
        }
        try {
            return result.get(deadlineFor(d), TimeUnit.MILLISECONDS).getCommittedSize();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw s;
            }
            throw Status.fromThrowable(e.getCause()).asRuntimeException();
        } catch (TimeoutException e) {
            throw Status.DEADLINE_EXCEEDED.withDescription("no Write response").asRuntimeException();
        }
    }

    /** A large blob gets its deadline per GiB, on top of the per-call one. */
    private long deadlineFor(Digest d) {
        return options.deadline().toMillis() * (1 + d.sizeBytes() / (1L << 30));
    }

    /**
     * Downloads one blob into memory.
     *
     * @throws RemoteException with code NOT_FOUND naming the blob when the server lacks it
     * @throws DigestMismatchException when what arrived does not hash to {@code digest}
     */
    public byte[] download(Digest digest) throws IOException, InterruptedException {
        if (digest.sizeBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("blob " + digest + " is too large for memory; download it to a file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) digest.sizeBytes());
        download(digest, out);
        return out.toByteArray();
    }

    /**
     * Downloads one blob to a file (written beside it, then moved into place once verified).
     *
     * @throws RemoteException with code NOT_FOUND naming the blob when the server lacks it
     * @throws DigestMismatchException when what arrived does not hash to {@code digest}
     */
    public void download(Digest digest, Path target, boolean executable) throws IOException, InterruptedException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part-" + UUID.randomUUID());
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                download(digest, out);
            }
            if (executable && !tmp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + target + " executable");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Streams one blob to {@code out}, resuming at the byte reached after a transient failure, and checks it.
     *
     * @throws RemoteException with code NOT_FOUND naming the blob when the server lacks it
     * @throws DigestMismatchException when what arrived does not hash to {@code digest}
     */
    public void download(Digest digest, OutputStream out) throws IOException, InterruptedException {
        if (digest.equals(Digest.EMPTY)) {
            return;
        }
        MessageDigest sha = sha256();
        long received = 0;
        boolean compressed = zstd();
        for (int attempt = 1;; attempt++) {
            try {
                long from = received;
                Iterator<ReadResponse> it = ByteStreamGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(deadlineFor(digest), TimeUnit.MILLISECONDS)
                        .read(ReadRequest.newBuilder().setResourceName(ResourceName.read(instance, digest, compressed))
                                .setReadOffset(from).build());
                InputStream in = new ResponseStream(it);
                if (compressed) {
                    in = new ZstdInputStream(in);
                }
                byte[] buf = new byte[CHUNK];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (received + n > digest.sizeBytes()) {
                        throw new DigestMismatchException(digest, new Digest(hex(sha), received + n),
                                "download from " + options.endpoint() + " (too long)");
                    }
                    out.write(buf, 0, n);
                    sha.update(buf, 0, n);
                    received += n;
                }
                break;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    throw new RemoteException("NOT_FOUND", "blob " + digest + " is not in the CAS of "
                            + options.endpoint(), e);
                }
                if (!Retrier.isTransient(e.getStatus()) || attempt >= options.maxAttempts()) {
                    throw retrier.failure("download of blob " + digest, e.getStatus(), e, attempt);
                }
                Thread.sleep(retrier.backoff(attempt));
            }
        }
        Digest actual = new Digest(hex(sha), received);
        if (!actual.equals(digest)) {
            throw new DigestMismatchException(digest, actual, "download from " + options.endpoint());
        }
    }

    /**
     * Downloads many blobs into memory: small ones in batches, large ones through ByteStream.
     *
     * @return each blob's content by digest
     * @throws RemoteException with code NOT_FOUND naming a blob the server lacks
     * @throws DigestMismatchException when a blob does not hash to its digest
     */
    public Map<Digest, byte[]> downloadAll(Collection<Digest> digests) throws IOException, InterruptedException {
        Map<Digest, byte[]> got = new java.util.concurrent.ConcurrentHashMap<>();
        List<Transfers.Task> tasks = new ArrayList<>();
        long limit = batchLimit();
        for (List<Digest> batch : batches(digests, limit)) {
            if (batch.size() == 1 && batch.get(0).sizeBytes() + BATCH_ENTRY_OVERHEAD > limit) {
                tasks.add(() -> got.put(batch.get(0), download(batch.get(0))));
            } else {
                tasks.add(() -> batchRead(batch, got));
            }
        }
        transfers.runAll(tasks);
        Map<Digest, byte[]> out = new LinkedHashMap<>();
        for (Digest d : digests) {
            out.put(d, d.equals(Digest.EMPTY) ? new byte[0] : got.get(d));
        }
        return out;
    }

    private void batchRead(List<Digest> batch, Map<Digest, byte[]> out) throws IOException, InterruptedException {
        Set<Digest> answered = new java.util.HashSet<>();
        BatchReadBlobsRequest.Builder req = BatchReadBlobsRequest.newBuilder().setInstanceName(instance)
                .setDigestFunction(DigestFunction.Value.SHA256);
        batch.forEach(d -> req.addDigests(Protos.toProto(d)));
        if (zstd()) {
            req.addAcceptableCompressors(Compressor.Value.ZSTD);
        }
        BatchReadBlobsResponse resp = retrier.call("BatchReadBlobs of " + blobs(batch),
                () -> cas().batchReadBlobs(req.build()));
        for (BatchReadBlobsResponse.Response r : resp.getResponsesList()) {
            Digest d = Protos.fromProto(r.getDigest(), "responses.digest");
            if (r.getStatus().getCode() == Status.Code.NOT_FOUND.value()) {
                throw new RemoteException("NOT_FOUND", "blob " + d + " is not in the CAS of " + options.endpoint(), null);
            }
            if (r.getStatus().getCode() != 0) {
                Status s = Status.fromCodeValue(r.getStatus().getCode()).withDescription(r.getStatus().getMessage());
                throw retrier.failure("download of blob " + d, s, null, 1);
            }
            byte[] data = r.getData().toByteArray();
            if (r.getCompressor() == Compressor.Value.ZSTD) {
                data = com.github.luben.zstd.Zstd.decompress(data, Math.toIntExact(d.sizeBytes()));
            }
            Digest actual = Digest.of(data);
            if (!actual.equals(d)) {
                throw new DigestMismatchException(d, actual, "batch download from " + options.endpoint());
            }
            out.put(d, data);
            answered.add(d);
        }
        for (Digest d : batch) {
            if (!answered.contains(d)) {
                throw new RemoteException("INTERNAL", options.endpoint() + " left blob " + d + " out of a batch read",
                        null);
            }
        }
    }

    /** Reads the data of a ReadResponse stream as bytes; a failure surfaces as IOException caused by the status. */
    private static final class ResponseStream extends InputStream {
        private final Iterator<ReadResponse> it;
        private ByteString current = ByteString.EMPTY;
        private int pos;

        ResponseStream(Iterator<ReadResponse> it) {
            this.it = it;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.size()) {
                // A failed call surfaces as StatusRuntimeException, which download() retries or reports.
                if (!it.hasNext()) {
                    return -1;
                }
                current = it.next().getData();
                pos = 0;
            }
            int n = Math.min(len, current.size() - pos);
            current.substring(pos, pos + n).copyTo(b, off);
            pos += n;
            return n;
        }
    }

    // ---------------------------------------------------------------- action cache

    /**
     * Looks an action up in the remote action cache.
     *
     * @param actionKey the Action's digest
     * @return the result, empty on a miss; output directories name their root Directory, and the metadata key
     *     {@code reapi.tree.PATH} holds the digest of the REAPI Tree blob
     * @throws RemoteException if the server refuses or stays unreachable
     */
    public Optional<ActionResult> getActionResult(Digest actionKey) throws IOException, InterruptedException {
        dev.bitzel.remote.internal.proto.reapi.ActionResult r;
        try {
            r = retrier.call("GetActionResult of action " + actionKey, () -> ActionCacheGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(options.deadline().toMillis(), TimeUnit.MILLISECONDS)
                    .getActionResult(GetActionResultRequest.newBuilder().setInstanceName(instance)
                            .setDigestFunction(DigestFunction.Value.SHA256).setActionDigest(Protos.toProto(actionKey))
                            .build()));
        } catch (RemoteException e) {
            if (e.code().equals("NOT_FOUND")) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(fromReapi(r));
    }

    /** Converts a result a server sent; a malformed one (a bad path or digest) is DATA_LOSS naming the field. */
    private ActionResult fromReapi(dev.bitzel.remote.internal.proto.reapi.ActionResult r)
            throws IOException, InterruptedException {
        try {
            return convert(r);
        } catch (IllegalArgumentException e) {
            throw new RemoteException("DATA_LOSS", "action result from " + options.endpoint() + " is malformed: "
                    + e.getMessage(), e);
        }
    }

    private ActionResult convert(dev.bitzel.remote.internal.proto.reapi.ActionResult r)
            throws IOException, InterruptedException {
        List<ActionResult.OutputFile> files = new ArrayList<>();
        for (OutputFile f : r.getOutputFilesList()) {
            files.add(new ActionResult.OutputFile(f.getPath(), Protos.fromProto(f.getDigest(), "output_files.digest"),
                    f.getIsExecutable()));
        }
        List<ActionResult.OutputDirectory> dirs = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (OutputDirectory od : r.getOutputDirectoriesList()) {
            Digest treeDigest = Protos.fromProto(od.getTreeDigest(), "output_directories.tree_digest");
            Digest root;
            if (od.hasRootDirectoryDigest()) {
                root = Protos.fromProto(od.getRootDirectoryDigest(), "output_directories.root_directory_digest");
            } else {
                root = Digest.of(tree(treeDigest).getRoot().toByteArray());
            }
            dirs.add(new ActionResult.OutputDirectory(od.getPath(), root));
            metadata.put(TREE + od.getPath(), treeDigest.toString());
        }
        if (!r.getExecutionMetadata().getWorker().isEmpty()) {
            metadata.put("reapi.worker", r.getExecutionMetadata().getWorker());
        }
        Digest stdout = r.hasStdoutDigest() ? Protos.fromProto(r.getStdoutDigest(), "stdout_digest")
                : Digest.of(r.getStdoutRaw().toByteArray());
        Digest stderr = r.hasStderrDigest() ? Protos.fromProto(r.getStderrDigest(), "stderr_digest")
                : Digest.of(r.getStderrRaw().toByteArray());
        return new ActionResult(r.getExitCode(), files, dirs, stdout, stderr, metadata);
    }

    private Tree tree(Digest treeDigest) throws IOException, InterruptedException {
        try {
            return Tree.parseFrom(download(treeDigest));
        } catch (InvalidProtocolBufferException e) {
            throw new RemoteException("DATA_LOSS", "blob " + treeDigest + " from " + options.endpoint()
                    + " is not a Tree: " + e.getMessage(), e);
        }
    }

    /**
     * Records an action's result remotely, first uploading whatever it references that the server lacks (files,
     * stdout, stderr, each output tree's directories and its REAPI Tree blob) from {@code local}, then checking that
     * all of it is there: an entry is never written that points at a missing blob.
     *
     * @param actionKey the Action's digest
     * @param result the result; output directories name their root Directory, readable from {@code local}
     * @param local where referenced blobs are read
     * @throws RemoteException naming the action (or the blob) when the server refuses
     */
    public void updateActionResult(Digest actionKey, ActionResult result, BlobSource local)
            throws IOException, InterruptedException {
        Set<Digest> needed = new LinkedHashSet<>();
        Map<Digest, byte[]> generated = new LinkedHashMap<>();
        dev.bitzel.remote.internal.proto.reapi.ActionResult.Builder r = dev.bitzel.remote.internal.proto.reapi
                .ActionResult.newBuilder().setExitCode(result.exitCode())
                .setStdoutDigest(Protos.toProto(result.stdoutDigest()))
                .setStderrDigest(Protos.toProto(result.stderrDigest()));
        needed.add(result.stdoutDigest());
        needed.add(result.stderrDigest());
        for (ActionResult.OutputFile f : result.outputFiles()) {
            r.addOutputFiles(OutputFile.newBuilder().setPath(f.path()).setDigest(Protos.toProto(f.digest()))
                    .setIsExecutable(f.executable()));
            needed.add(f.digest());
        }
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            Tree.Builder tree = Tree.newBuilder();
            Set<Digest> seen = new LinkedHashSet<>();
            collectTree(d.rootDigest(), local, tree, seen, true, needed);
            byte[] bytes = tree.build().toByteArray();
            Digest treeDigest = Digest.of(bytes);
            generated.put(treeDigest, bytes);
            needed.add(treeDigest);
            r.addOutputDirectories(OutputDirectory.newBuilder().setPath(d.path())
                    .setTreeDigest(Protos.toProto(treeDigest)).setRootDirectoryDigest(Protos.toProto(d.rootDigest())));
        }
        BlobSource source = digest -> generated.containsKey(digest)
                ? new java.io.ByteArrayInputStream(generated.get(digest)) : local.open(digest);
        upload(needed, source);
        Set<Digest> stillMissing = findMissing(needed);
        if (!stillMissing.isEmpty()) {
            throw new RemoteException("FAILED_PRECONDITION", "not recording action " + actionKey + " at "
                    + options.endpoint() + ": blobs " + stillMissing + " are missing there after upload", null);
        }
        retrier.call("UpdateActionResult of action " + actionKey, () -> ActionCacheGrpc.newBlockingStub(channel)
                .withDeadlineAfter(options.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .updateActionResult(UpdateActionResultRequest.newBuilder().setInstanceName(instance)
                        .setDigestFunction(DigestFunction.Value.SHA256).setActionDigest(Protos.toProto(actionKey))
                        .setActionResult(r).build()));
    }

    private static void collectTree(Digest dir, BlobSource local, Tree.Builder tree, Set<Digest> seen, boolean root,
            Set<Digest> needed) throws IOException {
        Directory d;
        try (InputStream in = local.open(dir)) {
            d = Directory.parseFrom(in.readAllBytes());
        }
        needed.add(dir);
        if (root) {
            tree.setRoot(d);
        } else {
            tree.addChildren(d);
        }
        d.getFilesList().forEach(f -> needed.add(Protos.fromProto(f.getDigest(), "file " + f.getName())));
        for (Digest child : Protos.childDirectories(d)) {
            if (seen.add(child)) {
                collectTree(child, local, tree, seen, false, needed);
            }
        }
    }

    /**
     * Fetches an action's outputs into {@code dir}: each output file, and each output directory from its Tree.
     *
     * @param result a result from {@link #getActionResult} or {@link #execute}
     * @param dir where output paths are resolved
     * @throws RemoteException with code NOT_FOUND naming a blob the server lacks
     */
    public void downloadOutputs(ActionResult result, Path dir) throws IOException, InterruptedException {
        for (ActionResult.OutputFile f : result.outputFiles()) {
            downloadOutput(result, f.path(), dir.resolve(f.path()));
        }
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            downloadOutput(result, d.path(), dir.resolve(d.path()));
        }
    }

    /**
     * Fetches one output of an action on demand: an output file, or an output directory from its Tree.
     *
     * @param result a result from {@link #getActionResult} or {@link #execute}
     * @param outputPath the output's path in {@code result}
     * @param target where to write it
     * @throws IllegalArgumentException if {@code result} has no such output
     * @throws RemoteException with code NOT_FOUND naming a blob the server lacks
     */
    public void downloadOutput(ActionResult result, String outputPath, Path target)
            throws IOException, InterruptedException {
        for (ActionResult.OutputFile f : result.outputFiles()) {
            if (f.path().equals(outputPath)) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                download(f.digest(), target, f.executable());
                return;
            }
        }
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            if (!d.path().equals(outputPath)) {
                continue;
            }
            String tree = result.metadata().get(TREE + d.path());
            if (tree == null) {
                throw new IllegalArgumentException("output directory '" + d.path() + "' has no reapi.tree metadata;"
                        + " pass a result that came from this client");
            }
            Tree t = tree(Digest.parse(tree));
            Map<Digest, Directory> byDigest = new LinkedHashMap<>();
            for (Directory c : t.getChildrenList()) {
                byDigest.put(Digest.of(c.toByteArray()), c);
            }
            writeDirectory(t.getRoot(), byDigest, target);
            return;
        }
        throw new IllegalArgumentException("the action produced no output '" + outputPath + "'");
    }

    private void writeDirectory(Directory d, Map<Digest, Directory> children, Path target)
            throws IOException, InterruptedException {
        Files.createDirectories(target);
        for (var f : d.getFilesList()) {
            dev.bitzel.cas.Directory.checkName(f.getName());
            download(Protos.fromProto(f.getDigest(), "file " + f.getName()), target.resolve(f.getName()),
                    f.getIsExecutable());
        }
        for (var s : d.getSymlinksList()) {
            dev.bitzel.cas.Directory.checkName(s.getName());
            if (s.getTarget().startsWith("/")) {
                throw new IOException("output symlink " + target.resolve(s.getName()) + " is absolute");
            }
            Files.createSymbolicLink(target.resolve(s.getName()), Path.of(s.getTarget()));
        }
        for (var sub : d.getDirectoriesList()) {
            dev.bitzel.cas.Directory.checkName(sub.getName());
            Directory child = children.get(Protos.fromProto(sub.getDigest(), "directory " + sub.getName()));
            if (child == null) {
                throw new RemoteException("DATA_LOSS", "tree from " + options.endpoint() + " lacks directory '"
                        + sub.getName() + "' (" + Protos.fromProto(sub.getDigest(), "digest") + ")", null);
            }
            writeDirectory(child, children, target.resolve(sub.getName()));
        }
    }

    /**
     * Makes everything an action result references present in a local store, fetching only what the store lacks:
     * its output files, stdout and stderr, and for each output directory its REAPI Tree, whose directories are
     * stored one by one (so the store can later {@link ContentStore#materializeTree materialise} them) together
     * with the files they name. Every blob is verified against its digest before it is stored; a tree whose root does
     * not match the result's {@code root_directory_digest}, or that lacks a directory it names, is refused. After
     * this returns, the store's action cache accepts {@code result}.
     *
     * @param result a result from {@link #getActionResult} or {@link #execute}
     * @param local the store to fill, not null
     * @throws RemoteException with code NOT_FOUND naming a blob the server lacks, or DATA_LOSS naming a malformed
     *     tree
     * @throws DigestMismatchException when a blob does not hash to its digest (nothing of it is stored)
     */
    public void fetchIntoStore(ActionResult result, ContentStore local) throws IOException, InterruptedException {
        Objects.requireNonNull(local, "local");
        Set<Digest> files = new LinkedHashSet<>();
        files.add(result.stdoutDigest());
        files.add(result.stderrDigest());
        result.outputFiles().forEach(f -> files.add(f.digest()));
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            String tree = result.metadata().get(TREE + d.path());
            if (tree == null) {
                throw new IllegalArgumentException("output directory '" + d.path() + "' has no reapi.tree metadata;"
                        + " pass a result that came from this client");
            }
            Digest treeDigest = Digest.parse(tree);
            Tree t = tree(treeDigest);
            Map<Digest, byte[]> byDigest = new LinkedHashMap<>();
            byte[] rootBytes = t.getRoot().toByteArray();
            for (Directory c : t.getChildrenList()) {
                byte[] bytes = c.toByteArray();
                byDigest.put(Digest.of(bytes), bytes);
            }
            Digest root = Digest.of(rootBytes);
            if (!root.equals(d.rootDigest())) {
                throw new RemoteException("DATA_LOSS", "tree " + treeDigest + " of output directory '" + d.path()
                        + "' from " + options.endpoint() + " has root " + root + ", but the result names "
                        + d.rootDigest(), null);
            }
            byDigest.put(root, rootBytes);
            storeDirectories(root, byDigest, local, files, treeDigest, new java.util.HashSet<>());
        }
        files.remove(Digest.EMPTY);
        Set<Digest> missing = local.findMissing(files);
        long limit = batchLimit();
        List<Transfers.Task> tasks = new ArrayList<>();
        for (List<Digest> batch : batches(missing, limit)) {
            if (batch.size() == 1 && batch.get(0).sizeBytes() + BATCH_ENTRY_OVERHEAD > limit) {
                tasks.add(() -> downloadInto(batch.get(0), local));
            } else {
                tasks.add(() -> {
                    Map<Digest, byte[]> got = new LinkedHashMap<>();
                    batchRead(batch, got);
                    for (byte[] data : got.values()) {
                        local.put(data);
                    }
                });
            }
        }
        transfers.runAll(tasks);
    }

    /** Stores a tree's directories (already verified by digest) and collects the files they name. */
    private void storeDirectories(Digest dir, Map<Digest, byte[]> byDigest, ContentStore local, Set<Digest> files,
            Digest treeDigest, Set<Digest> done) throws IOException {
        if (!done.add(dir)) {
            return;
        }
        byte[] bytes = byDigest.get(dir);
        if (bytes == null) {
            throw new RemoteException("DATA_LOSS", "tree " + treeDigest + " from " + options.endpoint()
                    + " lacks directory " + dir + " that it names", null);
        }
        dev.bitzel.cas.Directory parsed;
        try {
            parsed = dev.bitzel.cas.Directory.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new RemoteException("DATA_LOSS", "tree " + treeDigest + " from " + options.endpoint()
                    + " holds an invalid directory " + dir + ": " + e.getMessage(), e);
        }
        parsed.files().forEach(f -> files.add(f.digest()));
        for (dev.bitzel.cas.Directory.DirectoryNode child : parsed.directories()) {
            storeDirectories(child.digest(), byDigest, local, files, treeDigest, done);
        }
        // Children first: a directory is stored only once everything below it is known to be there.
        local.put(bytes);
    }

    /** Streams one large blob from ByteStream straight into a local store, which verifies it. */
    private void downloadInto(Digest digest, ContentStore local) throws IOException, InterruptedException {
        boolean compressed = zstd();
        for (int attempt = 1;; attempt++) {
            try {
                Iterator<ReadResponse> it = ByteStreamGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(deadlineFor(digest), TimeUnit.MILLISECONDS)
                        .read(ReadRequest.newBuilder().setResourceName(ResourceName.read(instance, digest, compressed))
                                .build());
                InputStream in = new ResponseStream(it);
                if (compressed) {
                    in = new ZstdInputStream(in);
                }
                try (InputStream data = in) {
                    local.put(data, digest);
                }
                return;
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    throw new RemoteException("NOT_FOUND", "blob " + digest + " is not in the CAS of "
                            + options.endpoint(), e);
                }
                if (!Retrier.isTransient(e.getStatus()) || attempt >= options.maxAttempts()) {
                    throw retrier.failure("download of blob " + digest, e.getStatus(), e, attempt);
                }
                Thread.sleep(retrier.backoff(attempt));
            }
        }
    }

    // ---------------------------------------------------------------- execution

    /**
     * What a remote execution returned.
     *
     * @param result the action's result (exit code, outputs, logs)
     * @param cached whether the server answered from its action cache
     * @param message the server's message, possibly empty
     */
    public record Execution(ActionResult result, boolean cached, String message) {
    }

    /**
     * Executes an action whose Action, Command and input tree are already in the remote CAS, following the
     * operation's stream; when the stream drops, re-attaches with WaitExecution (and executes again if the server
     * forgot the operation).
     *
     * @param actionDigest the Action's digest
     * @param skipCacheLookup whether to run even when the server has a cached result
     * @return the outcome
     * @throws RemoteException naming the action; code FAILED_PRECONDITION with the missing blobs when inputs are
     *     absent
     */
    public Execution execute(Digest actionDigest, boolean skipCacheLookup) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.executionDeadline().toNanos();
        String operation = null;
        for (int attempt = 1;; attempt++) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new RemoteException("DEADLINE_EXCEEDED", "execution of action " + actionDigest + " at "
                        + options.endpoint() + " did not finish within " + options.executionDeadline(), null);
            }
            ExecutionGrpc.ExecutionBlockingStub stub = ExecutionGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(left, TimeUnit.MILLISECONDS);
            try {
                Iterator<Operation> ops = operation == null
                        ? stub.execute(ExecuteRequest.newBuilder().setInstanceName(instance)
                                .setDigestFunction(DigestFunction.Value.SHA256)
                                .setActionDigest(Protos.toProto(actionDigest)).setSkipCacheLookup(skipCacheLookup).build())
                        : stub.waitExecution(WaitExecutionRequest.newBuilder().setName(operation).build());
                while (ops.hasNext()) {
                    Operation op = ops.next();
                    operation = op.getName();
                    if (op.getDone()) {
                        return finish(actionDigest, op);
                    }
                }
                throw Status.UNAVAILABLE.withDescription("operation stream ended before the operation was done")
                        .asRuntimeException();
            } catch (StatusRuntimeException e) {
                Status s = e.getStatus();
                if (s.getCode() == Status.Code.NOT_FOUND && operation != null) {
                    operation = null;
                } else if (!Retrier.isTransient(s) || attempt >= options.maxAttempts()) {
                    throw retrier.failure("execution of action " + actionDigest, s, e, attempt);
                }
                Thread.sleep(retrier.backoff(attempt));
            }
        }
    }

    private Execution finish(Digest actionDigest, Operation op) throws IOException, InterruptedException {
        if (op.hasError()) {
            Status s = Status.fromCodeValue(op.getError().getCode()).withDescription(op.getError().getMessage());
            throw retrier.failure("execution of action " + actionDigest, s, null, 1);
        }
        ExecuteResponse response;
        try {
            response = op.getResponse().unpack(ExecuteResponse.class);
        } catch (InvalidProtocolBufferException e) {
            throw new RemoteException("DATA_LOSS", "operation " + op.getName() + " from " + options.endpoint()
                    + " holds no ExecuteResponse: " + e.getMessage(), e);
        }
        if (response.getStatus().getCode() != 0) {
            StringBuilder details = new StringBuilder();
            List<Digest> missing = new ArrayList<>();
            for (var any : response.getStatus().getDetailsList()) {
                if (any.is(PreconditionFailure.class)) {
                    for (var v : any.unpack(PreconditionFailure.class).getViolationsList()) {
                        details.append(details.length() == 0 ? "; " : ", ").append(v.getType()).append(": ")
                                .append(v.getSubject());
                        if (v.getType().equals("MISSING") && v.getSubject().startsWith("blobs/")) {
                            try {
                                missing.add(Digest.parse(v.getSubject().substring("blobs/".length())));
                            } catch (IllegalArgumentException e) {
                                details.append(" (not a digest)");
                            }
                        }
                    }
                }
            }
            Status s = Status.fromCodeValue(response.getStatus().getCode())
                    .withDescription(response.getStatus().getMessage() + details);
            RemoteException e = retrier.failure("execution of action " + actionDigest, s, null, 1);
            throw missing.isEmpty() ? e : new RemoteException(e.code(), e.getMessage(), null, missing);
        }
        return new Execution(fromReapi(response.getResult()), response.getCachedResult(), response.getMessage());
    }

    // ----------------------------------------------------------------

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String hex(MessageDigest sha) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    /** Closes the connection; calls in flight fail. Idempotent. */
    @Override
    public void close() {
        transfers.close();
        managed.shutdownNow();
        try {
            managed.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
