package dev.bitzel.parser.syntax;

/**
 * A statement BitBake's parser turns into an AST node ({@code bb.parse.ast}).
 */
public sealed interface Statement extends Node
        permits Assignment, ExportStatement, UnsetStatement, IncludeStatement, InheritStatement, FunctionStatement,
                PythonDefStatement, AddTaskStatement, DelTaskStatement, AddHandlerStatement, ExportFunctionsStatement,
                AddPylibStatement {

    /**
     * Returns the line number BitBake gives this statement: the {@code lineno} its handler passes to
     * {@code bb.parse.ast}, which it uses in error messages and variable history.
     *
     * <p>That is the last physical line of the statement: for a statement continued with {@code \} the
     * last continuation line, for a function the line of its closing <code>&#125;</code>. {@link PythonDefStatement}
     * overrides it (BitBake reports the line after the {@code def} block).
     *
     * <p>One deviation: when the last line of a {@code .conf} file ends with {@code \}, {@code ConfHandler}
     * keeps "reading" empty lines past the end and counts them; this returns the real last line instead.
     *
     * @return the 1-based line
     */
    default int line() {
        return range().endLine();
    }
}
