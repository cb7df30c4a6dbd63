package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * {@code inherit CLASSES} or {@code inherit_defer CLASSES} (recipe dialect only).
 *
 * @param range where it lies
 * @param text its exact text
 * @param deferred whether it is {@code inherit_defer}
 * @param classes everything after the keyword and its whitespace, raw and unexpanded
 */
public record InheritStatement(SourceRange range, String text, boolean deferred, String classes)
        implements Statement {

    /** Validates the components. */
    public InheritStatement {
        Checks.node(range, text);
        Checks.nonEmpty(classes, "classes");
    }
}
