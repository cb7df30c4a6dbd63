package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.List;

/**
 * {@code deltask TASKS}.
 *
 * @param range where it lies
 * @param text its exact text
 * @param tasks the raw text after the keyword split at whitespace; BitBake expands the text first and
 *     splits afterwards, which differs only when an expression such as {@code ${@...}} contains whitespace
 */
public record DelTaskStatement(SourceRange range, String text, List<String> tasks) implements Statement {

    /** Validates and copies the components. */
    public DelTaskStatement {
        Checks.node(range, text);
        tasks = List.copyOf(tasks);
    }
}
