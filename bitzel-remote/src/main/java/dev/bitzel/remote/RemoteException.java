package dev.bitzel.remote;

import dev.bitzel.cas.Digest;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A remote call failed for good: the server answered with an error, or transient errors outlasted the retries.
 * The message names the server, the call and the blob or action concerned.
 *
 * <p>Immutable; {@link #code()} is never null.
 */
public final class RemoteException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    /** The gRPC status code name, e.g. {@code NOT_FOUND}, {@code UNAVAILABLE}. */
    private final String code;
    /** Blobs the server said an execution lacks. */
    private final transient Set<Digest> missingBlobs;

    /**
     * Creates the exception.
     *
     * @param code the gRPC status code name, not null
     * @param message what failed, naming the blob or action, not null
     * @param cause the underlying failure, or null
     */
    public RemoteException(String code, String message, Throwable cause) {
        this(code, message, cause, Set.of());
    }

    /**
     * Creates the exception for an execution refused because inputs are missing.
     *
     * @param code the gRPC status code name, not null
     * @param message what failed, naming the action and the blobs, not null
     * @param cause the underlying failure, or null
     * @param missingBlobs the blobs the server said it lacks, not null
     */
    public RemoteException(String code, String message, Throwable cause, Collection<Digest> missingBlobs) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.missingBlobs = Set.copyOf(missingBlobs);
    }

    /**
     * Returns the blobs the server said an execution lacks (a FAILED_PRECONDITION with MISSING violations); empty
     * for every other failure, never null.
     */
    public Set<Digest> missingBlobs() {
        return missingBlobs == null ? Set.of() : missingBlobs;
    }

    /** Returns the gRPC status code name ({@code NOT_FOUND}, {@code FAILED_PRECONDITION}, ...); never null. */
    public String code() {
        return code;
    }
}
