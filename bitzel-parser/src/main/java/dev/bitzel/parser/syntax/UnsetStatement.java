package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * {@code unset VAR} or {@code unset VAR[flag]}.
 *
 * <p>BitBake's flag pattern here needs at least two characters ({@code unset FOO[a]} is an unparsed line).
 *
 * @param range where it lies
 * @param text its exact text
 * @param name the variable name, unexpanded
 * @param flag the flag name, or null when the whole variable is unset
 */
public record UnsetStatement(SourceRange range, String text, String name, String flag) implements Statement {

    /** Validates the components. */
    public UnsetStatement {
        Checks.node(range, text);
        Checks.nonEmpty(name, "name");
    }
}
