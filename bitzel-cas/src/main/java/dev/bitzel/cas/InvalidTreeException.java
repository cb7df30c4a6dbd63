package dev.bitzel.cas;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when a directory tree cannot be stored or materialised safely: an entry name with {@code /}, NUL,
 * {@code .} or {@code ..}; a symbolic link whose target is absolute or leaves the tree; a file that is neither
 * regular, directory nor symbolic link; or a stored {@code Directory} blob that does not parse.
 *
 * <p>Immutable. {@link #location()} names the offending path in the tree or the Directory blob; never null.
 */
public final class InvalidTreeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The path inside the tree, or the digest of the directory blob, that is wrong. */
    private final String location;

    /**
     * Creates the exception.
     *
     * @param location the offending path in the tree or directory digest, not null
     * @param problem what is wrong and what to do about it, not null
     */
    public InvalidTreeException(String location, String problem) {
        super(Objects.requireNonNull(location, "location") + ": " + Objects.requireNonNull(problem, "problem"));
        this.location = location;
    }

    /** Returns the offending path in the tree, or the digest of the Directory blob; never null. */
    public String location() {
        return location;
    }
}
