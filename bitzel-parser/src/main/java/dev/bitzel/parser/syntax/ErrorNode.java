package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.Objects;

/**
 * Lines BitBake would reject; a {@link dev.bitzel.parser.Diagnostic} with the same message is in
 * {@link SyntaxTree#diagnostics()}. Parsing carries on after it.
 *
 * @param range where it lies
 * @param text its exact text
 * @param message what is wrong, never null
 */
public record ErrorNode(SourceRange range, String text, String message) implements Node {

    /** Validates the components. */
    public ErrorNode {
        Checks.node(range, text);
        Objects.requireNonNull(message, "message");
    }
}
