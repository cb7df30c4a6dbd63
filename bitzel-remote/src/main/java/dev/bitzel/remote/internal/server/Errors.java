package dev.bitzel.remote.internal.server;

import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.cas.InvalidTreeException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;

/** Maps store and validation failures to the gRPC status REAPI prescribes, keeping the message. */
final class Errors {

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    static StatusRuntimeException toStatus(Throwable t) {
        if (t instanceof StatusRuntimeException s) {
            return s;
        }
        if (t instanceof BlobNotFoundException) {
            return Status.NOT_FOUND.withDescription(t.getMessage()).asRuntimeException();
        }
        if (t instanceof DigestMismatchException || t instanceof InvalidTreeException
                || t instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(t.getMessage()).asRuntimeException();
        }
        if (t instanceof IOException) {
            LOG.log(System.Logger.Level.WARNING, "store failure", t);
            return Status.INTERNAL.withDescription("store failure: " + t.getMessage()).withCause(t).asRuntimeException();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure in a REAPI service", t);
        return Status.INTERNAL.withDescription(t.toString()).withCause(t).asRuntimeException();
    }

    static dev.bitzel.remote.internal.proto.rpc.Status toRpcStatus(Throwable t) {
        Status s = toStatus(t).getStatus();
        return dev.bitzel.remote.internal.proto.rpc.Status.newBuilder().setCode(s.getCode().value())
                .setMessage(s.getDescription() == null ? "" : s.getDescription()).build();
    }

    static dev.bitzel.remote.internal.proto.rpc.Status ok() {
        return dev.bitzel.remote.internal.proto.rpc.Status.getDefaultInstance();
    }
}
