package dev.bitzel.parser;

import java.util.Objects;

/**
 * Why parsing a file stopped, as BitBake would report it: the kind of error BitBake raises
 * ({@code ParseError}, {@code ExpansionError}, {@code BBHandledException} for its fatal messages, …), where,
 * and what.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the name of the BitBake exception class this corresponds to, never null
 * @param file the file the problem is in, never null (may be a description such as "configuration INHERITs")
 * @param line the 1-based line, or 0 when not tied to a line
 * @param message what went wrong, never null
 */
public record ParseFailure(String kind, String file, int line, String message) {

    /** Validates the components. */
    public ParseFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    /** The failure as an error {@link Diagnostic}. */
    public Diagnostic toDiagnostic() {
        return Diagnostic.error(file, line, 0, kind + ": " + message);
    }

    /** Formats as BitBake does, e.g. {@code ParseError at a.bb:3: unparsed line: 'x'}. */
    @Override
    public String toString() {
        return line > 0 ? kind + " at " + file + ":" + line + ": " + message : kind + " in " + file + ": " + message;
    }
}
