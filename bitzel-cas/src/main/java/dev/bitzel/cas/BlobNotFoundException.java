package dev.bitzel.cas;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when a blob that an operation needs is not in the store (never stored, evicted or collected).
 *
 * <p>Immutable; {@link #digest()} is never null. Lookups that may legitimately miss ({@link ContentStore#contains},
 * {@link ActionCache#get}) report a miss without throwing this.
 */
public final class BlobNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The missing blob. */
    private final Digest digest;

    /**
     * Creates the exception.
     *
     * @param digest the missing blob, not null
     */
    public BlobNotFoundException(Digest digest) {
        super("blob " + Objects.requireNonNull(digest, "digest") + " is not in the store");
        this.digest = digest;
    }

    /** Returns the missing blob's digest; never null. */
    public Digest digest() {
        return digest;
    }
}
