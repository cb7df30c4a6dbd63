package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.List;

/**
 * {@code EXPORT_FUNCTIONS FUNCS} (recipe dialect; meaningful in a {@code .bbclass}, whose base name BitBake
 * uses as the class name).
 *
 * @param range where it lies
 * @param text its exact text
 * @param functions the function names, split at whitespace and unexpanded, as BitBake uses them
 */
public record ExportFunctionsStatement(SourceRange range, String text, List<String> functions)
        implements Statement {

    /** Validates and copies the components. */
    public ExportFunctionsStatement {
        Checks.node(range, text);
        functions = List.copyOf(functions);
    }
}
