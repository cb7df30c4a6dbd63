package dev.bitzel.remote.internal.server;

import com.github.luben.zstd.Zstd;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.reapi.BatchReadBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.BatchReadBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.BatchUpdateBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.BatchUpdateBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.Compressor;
import dev.bitzel.remote.internal.proto.reapi.ContentAddressableStorageGrpc;
import dev.bitzel.remote.internal.proto.reapi.Directory;
import dev.bitzel.remote.internal.proto.reapi.FindMissingBlobsRequest;
import dev.bitzel.remote.internal.proto.reapi.FindMissingBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.GetTreeRequest;
import dev.bitzel.remote.internal.proto.reapi.GetTreeResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** REAPI's ContentAddressableStorage on a {@link ContentStore}. Every stored blob is verified against its digest. */
public final class CasService extends ContentAddressableStorageGrpc.ContentAddressableStorageImplBase {

    private static final int DEFAULT_TREE_PAGE = 1000;

    private final ServerConfig config;

    /** Serves {@code config}'s stores. */
    public CasService(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void findMissingBlobs(FindMissingBlobsRequest request, StreamObserver<FindMissingBlobsResponse> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            ContentStore store = config.store(request.getInstanceName());
            Set<Digest> asked = new LinkedHashSet<>();
            for (int i = 0; i < request.getBlobDigestsCount(); i++) {
                asked.add(Protos.fromProto(request.getBlobDigests(i), "blob_digests[" + i + "]"));
            }
            FindMissingBlobsResponse.Builder out = FindMissingBlobsResponse.newBuilder();
            for (Digest d : store.findMissing(asked)) {
                out.addMissingBlobDigests(Protos.toProto(d));
            }
            response.onNext(out.build());
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void batchUpdateBlobs(BatchUpdateBlobsRequest request, StreamObserver<BatchUpdateBlobsResponse> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            ContentStore store = config.store(request.getInstanceName());
            long total = 0;
            for (BatchUpdateBlobsRequest.Request r : request.getRequestsList()) {
                total += r.getData().size();
            }
            if (total > config.maxBatchBytes()) {
                throw Status.INVALID_ARGUMENT.withDescription("batch of " + total + " bytes exceeds"
                        + " max_batch_total_size_bytes " + config.maxBatchBytes() + "; use ByteStream").asRuntimeException();
            }
            BatchUpdateBlobsResponse.Builder out = BatchUpdateBlobsResponse.newBuilder();
            for (int i = 0; i < request.getRequestsCount(); i++) {
                BatchUpdateBlobsRequest.Request r = request.getRequests(i);
                out.addResponses(BatchUpdateBlobsResponse.Response.newBuilder().setDigest(r.getDigest())
                        .setStatus(storeOne(store, r, i)));
            }
            response.onNext(out.build());
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    private dev.bitzel.remote.internal.proto.rpc.Status storeOne(ContentStore store, BatchUpdateBlobsRequest.Request r,
            int index) {
        try {
            Digest digest = Protos.fromProto(r.getDigest(), "requests[" + index + "].digest");
            checkSize(digest);
            if (r.getCompressor() == Compressor.Value.IDENTITY && r.getData().size() != digest.sizeBytes()) {
                throw new DigestMismatchException(digest, Digest.of(r.getData().toByteArray()), "uploaded blob");
            }
            byte[] data = decode(r.getData(), r.getCompressor(), digest);
            // Hash first, store after: a blob that is not what its digest says is never stored at all. (For small
            // blobs this beats the store's streaming put, which allocates a 1 MiB buffer per blob.)
            Digest actual = Digest.of(data);
            if (!actual.equals(digest)) {
                throw new DigestMismatchException(digest, actual, "uploaded blob");
            }
            store.put(data);
            return Errors.ok();
        } catch (Exception e) {
            return Errors.toRpcStatus(e);
        }
    }

    private static byte[] decode(ByteString data, Compressor.Value compressor, Digest digest) {
        return switch (compressor) {
            case IDENTITY -> data.toByteArray();
            case ZSTD -> {
                byte[] out = new byte[Math.toIntExact(digest.sizeBytes())];
                long n = Zstd.decompress(out, data.toByteArray());
                if (Zstd.isError(n) || n != digest.sizeBytes()) {
                    throw new IllegalArgumentException("zstd data for " + digest + " does not decompress to "
                            + digest.sizeBytes() + " bytes" + (Zstd.isError(n) ? ": " + Zstd.getErrorName(n) : ""));
                }
                yield out;
            }
            default -> throw new IllegalArgumentException("compressor " + compressor + " is not supported (identity,"
                    + " zstd)");
        };
    }

    void checkSize(Digest digest) {
        if (digest.sizeBytes() > config.maxBlobBytes()) {
            throw Status.INVALID_ARGUMENT.withDescription("blob " + digest + " exceeds this server's largest blob of "
                    + config.maxBlobBytes() + " bytes").asRuntimeException();
        }
    }

    @Override
    public void batchReadBlobs(BatchReadBlobsRequest request, StreamObserver<BatchReadBlobsResponse> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            ContentStore store = config.store(request.getInstanceName());
            boolean zstd = request.getAcceptableCompressorsList().contains(Compressor.Value.ZSTD);
            long total = 0;
            List<Digest> digests = new ArrayList<>();
            for (int i = 0; i < request.getDigestsCount(); i++) {
                Digest d = Protos.fromProto(request.getDigests(i), "digests[" + i + "]");
                digests.add(d);
                total += d.sizeBytes();
            }
            if (total > config.maxBatchBytes()) {
                throw Status.INVALID_ARGUMENT.withDescription("batch read of " + total + " bytes exceeds"
                        + " max_batch_total_size_bytes " + config.maxBatchBytes() + "; use ByteStream").asRuntimeException();
            }
            BatchReadBlobsResponse.Builder out = BatchReadBlobsResponse.newBuilder();
            for (Digest d : digests) {
                BatchReadBlobsResponse.Response.Builder one = BatchReadBlobsResponse.Response.newBuilder()
                        .setDigest(Protos.toProto(d));
                try {
                    byte[] data = store.get(d);
                    if (zstd && data.length > 0) {
                        one.setData(ByteString.copyFrom(Zstd.compress(data))).setCompressor(Compressor.Value.ZSTD);
                    } else {
                        one.setData(ByteString.copyFrom(data));
                    }
                    one.setStatus(Errors.ok());
                } catch (Exception e) {
                    one.setStatus(Errors.toRpcStatus(e));
                }
                out.addResponses(one);
            }
            response.onNext(out.build());
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    /**
     * Streams the tree breadth-first. A page token is the index of the next directory in that order; a missing
     * directory is left out with what lies below it, as REAPI allows.
     */
    @Override
    public void getTree(GetTreeRequest request, StreamObserver<GetTreeResponse> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            ContentStore store = config.store(request.getInstanceName());
            Digest root = Protos.fromProto(request.getRootDigest(), "root_digest");
            int pageSize = request.getPageSize() > 0 ? request.getPageSize() : DEFAULT_TREE_PAGE;
            int start = 0;
            if (!request.getPageToken().isEmpty()) {
                try {
                    start = Integer.parseInt(request.getPageToken());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("page_token '" + request.getPageToken()
                            + "' was not issued by this server", e);
                }
            }
            List<Directory> all = walk(store, root);
            if (all.isEmpty()) {
                throw new BlobNotFoundException(root);
            }
            int i = start;
            do {
                int end = Math.min(all.size(), i + pageSize);
                GetTreeResponse.Builder page = GetTreeResponse.newBuilder().addAllDirectories(all.subList(i, end));
                if (end < all.size()) {
                    page.setNextPageToken(Integer.toString(end));
                }
                response.onNext(page.build());
                i = end;
            } while (i < all.size());
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    private static List<Directory> walk(ContentStore store, Digest root) throws IOException {
        List<Directory> out = new ArrayList<>();
        Set<Digest> seen = new HashSet<>();
        Deque<Digest> queue = new ArrayDeque<>();
        queue.add(root);
        seen.add(root);
        while (!queue.isEmpty()) {
            Digest d = queue.poll();
            byte[] bytes;
            try {
                bytes = store.get(d);
            } catch (BlobNotFoundException e) {
                continue;
            }
            Directory dir;
            try {
                dir = Directory.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("blob " + d + " in the tree is not a Directory: " + e.getMessage(), e);
            }
            out.add(dir);
            for (Digest child : Protos.childDirectories(dir)) {
                if (seen.add(child)) {
                    queue.add(child);
                }
            }
        }
        return out;
    }
}
