package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * A python {@code def name(...):} block at top level (recipe dialect only).
 *
 * <p>The block is the {@code def} line and every following line that is empty, starts with whitespace or
 * starts with {@code #} ({@code BBHandler.__python_func_regexp__}); so trailing blank and comment lines
 * belong to it, as they do in BitBake.
 *
 * @param range where it lies
 * @param text its exact text
 * @param name the function name (the {@code \w+} after {@code def})
 * @param source the block as BitBake collects it: the (joined) {@code def} line and the body lines, each
 *     right-stripped, joined with {@code \n}
 * @param line the line BitBake gives the statement: the first line after the block (at end of file, the
 *     number of lines plus one)
 */
public record PythonDefStatement(SourceRange range, String text, String name, String source, int line)
        implements Statement {

    /** Validates the components. */
    public PythonDefStatement {
        Checks.node(range, text);
        Checks.nonEmpty(name, "name");
        Checks.nonEmpty(source, "source");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
    }

    /**
     * Returns the line BitBake records in the function's {@code lineno} flag and gives the method pool:
     * {@code line - len(body) - 1}, which is one less than the {@code def} line.
     */
    public int recordedLine() {
        int entries = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                entries++;
            }
        }
        return line - entries - 1;
    }
}
