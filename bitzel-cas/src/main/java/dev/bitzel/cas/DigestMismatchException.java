package dev.bitzel.cas;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when content does not hash to the digest it was declared or stored under: a put with a wrong declared
 * digest, or an object found corrupt on a verifying read.
 *
 * <p>Immutable; both digests are never null.
 */
public final class DigestMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The digest the caller declared, or the name the object was stored under. */
    private final Digest expected;
    /** The digest the content actually has. */
    private final Digest actual;

    /**
     * Creates the exception.
     *
     * @param expected the declared digest, not null
     * @param actual the digest of the content, not null
     * @param where what was being read or written (a path or "upload"), not null
     */
    public DigestMismatchException(Digest expected, Digest actual, String where) {
        super("content of " + Objects.requireNonNull(where, "where") + " hashes to " + actual + ", not to the declared "
                + expected);
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** Returns the declared digest; never null. */
    public Digest expected() {
        return expected;
    }

    /** Returns the digest the content really has; never null. */
    public Digest actual() {
        return actual;
    }
}
