package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * {@code export VAR} on its own ({@code ConfHandler.__export_regexp__}; the name may not contain {@code :}).
 *
 * @param range where it lies
 * @param text its exact text
 * @param name the variable name, unexpanded
 */
public record ExportStatement(SourceRange range, String text, String name) implements Statement {

    /** Validates the components. */
    public ExportStatement {
        Checks.node(range, text);
        Checks.nonEmpty(name, "name");
    }
}
