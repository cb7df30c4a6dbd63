package dev.bitzel.remote.internal.server;

import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.reapi.ActionCacheGrpc;
import dev.bitzel.remote.internal.proto.reapi.ActionResult;
import dev.bitzel.remote.internal.proto.reapi.GetActionResultRequest;
import dev.bitzel.remote.internal.proto.reapi.UpdateActionResultRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/**
 * REAPI's ActionCache on the store's {@link dev.bitzel.cas.ActionCache}. An update whose outputs are not all in the
 * CAS is refused with FAILED_PRECONDITION naming the missing blob, so no entry ever points at nothing; a lookup whose
 * blobs have since gone is a miss (NOT_FOUND).
 */
public final class ActionCacheService extends ActionCacheGrpc.ActionCacheImplBase {

    static final long INLINE_LIMIT = 1 << 20;

    private final ServerConfig config;

    /** Serves {@code config}'s stores. */
    public ActionCacheService(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void getActionResult(GetActionResultRequest request, StreamObserver<ActionResult> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            Digest key = Protos.fromProto(request.getActionDigest(), "action_digest");
            ContentStore store = config.store(request.getInstanceName());
            ResultConverter converter = new ResultConverter(store);
            Optional<dev.bitzel.cas.ActionResult> hit = store.actionCache().get(key);
            if (hit.isEmpty()) {
                throw Status.NOT_FOUND.withDescription("no action result for " + key).asRuntimeException();
            }
            ActionResult result;
            try {
                result = converter.toReapi(hit.get(), request.getInlineStdout(), request.getInlineStderr(),
                        INLINE_LIMIT);
            } catch (BlobNotFoundException e) {
                throw Status.NOT_FOUND.withDescription("action result for " + key + " refers to " + e.digest()
                        + ", which is gone").asRuntimeException();
            }
            response.onNext(result);
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void updateActionResult(UpdateActionResultRequest request, StreamObserver<ActionResult> response) {
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            Digest key = Protos.fromProto(request.getActionDigest(), "action_digest");
            ContentStore store = config.store(request.getInstanceName());
            try {
                store.actionCache().put(key, new ResultConverter(store).toCas(request.getActionResult()));
            } catch (BlobNotFoundException e) {
                throw Status.FAILED_PRECONDITION.withDescription("action result for " + key + " refers to blob "
                        + e.digest() + ", which is not in the CAS; upload outputs before the result")
                        .asRuntimeException();
            }
            response.onNext(request.getActionResult());
            response.onCompleted();
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
        }
    }
}
