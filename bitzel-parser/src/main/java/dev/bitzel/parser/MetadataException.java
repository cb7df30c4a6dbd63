package dev.bitzel.parser;

import java.util.List;
import java.util.Objects;

/**
 * Thrown in strict use when metadata has errors: carries the {@link ParseFailure} and every {@link Diagnostic}
 * collected so far.
 */
public final class MetadataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The failure, never null. */
    private final transient ParseFailure failure;
    /** All diagnostics, never null. */
    private final transient List<Diagnostic> diagnostics;

    /**
     * Creates the exception.
     *
     * @param failure why parsing stopped
     * @param diagnostics everything reported while parsing
     */
    public MetadataException(ParseFailure failure, List<Diagnostic> diagnostics) {
        super(Objects.requireNonNull(failure, "failure").toString());
        this.failure = failure;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Why parsing stopped. */
    public ParseFailure failure() {
        return failure;
    }

    /** Everything reported while parsing, in order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
