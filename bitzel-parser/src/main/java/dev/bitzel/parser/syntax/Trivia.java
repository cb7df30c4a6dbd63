package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * Text BitBake skips: a blank line, or a comment line together with the lines a trailing {@code \}
 * joins to it.
 *
 * @param range where it lies
 * @param text its exact text
 */
public record Trivia(SourceRange range, String text) implements Node {

    /** Validates the components. */
    public Trivia {
        Checks.node(range, text);
    }
}
