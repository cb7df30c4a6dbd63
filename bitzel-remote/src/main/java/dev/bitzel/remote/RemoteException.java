package dev.bitzel.remote;

import java.util.Objects;

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

    /**
     * Creates the exception.
     *
     * @param code the gRPC status code name, not null
     * @param message what failed, naming the blob or action, not null
     * @param cause the underlying failure, or null
     */
    public RemoteException(String code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Returns the gRPC status code name ({@code NOT_FOUND}, {@code FAILED_PRECONDITION}, ...); never null. */
    public String code() {
        return code;
    }
}
