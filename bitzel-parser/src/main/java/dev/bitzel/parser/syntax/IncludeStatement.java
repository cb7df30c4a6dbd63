package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.Objects;

/**
 * {@code include FILES} or {@code require FILES}.
 *
 * @param range where it lies
 * @param text its exact text
 * @param kind which directive
 * @param path everything after the keyword and its whitespace, raw and unexpanded; BitBake expands it and
 *     then splits it at whitespace into zero or more file names
 */
public record IncludeStatement(SourceRange range, String text, IncludeKind kind, String path) implements Statement {

    /** Validates the components. */
    public IncludeStatement {
        Checks.node(range, text);
        Objects.requireNonNull(kind, "kind");
        Checks.nonEmpty(path, "path");
    }
}
