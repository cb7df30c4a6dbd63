package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.List;

/**
 * {@code addhandler HANDLERS}.
 *
 * @param range where it lies
 * @param text its exact text
 * @param handlers the handler names, split at whitespace and unexpanded, as BitBake uses them
 */
public record AddHandlerStatement(SourceRange range, String text, List<String> handlers) implements Statement {

    /** Validates and copies the components. */
    public AddHandlerStatement {
        Checks.node(range, text);
        handlers = List.copyOf(handlers);
    }
}
