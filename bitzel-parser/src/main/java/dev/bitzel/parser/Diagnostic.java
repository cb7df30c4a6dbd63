package dev.bitzel.parser;

import java.util.Objects;

/**
 * A problem found in user content (a recipe, class, include or configuration file), with its location.
 *
 * <p>Immutable and thread-safe. {@code file} is the path or name the content was read under; {@code line}
 * and {@code column} are 1-based, or 0 when the problem concerns the whole file.
 *
 * @param file the file the problem is in, never null
 * @param line the 1-based line, or 0 for the whole file
 * @param column the 1-based column, or 0 for the whole line
 * @param severity how serious it is, never null
 * @param message what is wrong and, where possible, how to fix it, never null
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message) {

    /** Validates the components. */
    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
        if (column < 0) {
            throw new IllegalArgumentException("column must be >= 0, was " + column);
        }
    }

    /** Creates an {@link Severity#ERROR} diagnostic. */
    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message);
    }

    /** Creates a {@link Severity#WARNING} diagnostic. */
    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, message);
    }

    /** Formats as {@code file:line:column: severity: message}, the shape compilers and editors understand. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT))
                .append(": ").append(message).toString();
    }
}
