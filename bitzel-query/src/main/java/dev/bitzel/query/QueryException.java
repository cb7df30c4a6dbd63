package dev.bitzel.query;

import dev.bitzel.parser.Diagnostic;
import java.util.Objects;

/**
 * A query that cannot be answered: its text names something the universe lacks, or (as
 * {@link QuerySyntaxException}) it is not well formed. Carries the query text and the position of the offending
 * word, and its message shows that line of the query with a caret under the column:
 *
 * <pre>
 * query:1:6: error: no recipe 'busybx' in the universe
 * deps(busybx)
 *      ^
 * </pre>
 */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The query text, never null. */
    private final String query;
    /** The problem and where it is, never null. */
    private final transient Diagnostic diagnostic;

    /**
     * Creates the exception for the character at {@code offset} (0-based) of {@code query}.
     *
     * @param query the whole query text
     * @param offset the 0-based offset of the offending character, {@code query.length()} for its end
     * @param message what is wrong, without position
     * @throws IllegalArgumentException if the offset is outside {@code 0..query.length()}
     */
    public QueryException(String query, int offset, String message) {
        this(query, offset, message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param query the whole query text
     * @param offset the 0-based offset of the offending character, {@code query.length()} for its end
     * @param message what is wrong, without position
     * @param cause the underlying failure, or null
     * @throws IllegalArgumentException if the offset is outside {@code 0..query.length()}
     */
    public QueryException(String query, int offset, String message, Throwable cause) {
        this(query, Position.of(query, offset), message, cause);
    }

    private QueryException(String query, Position at, String message, Throwable cause) {
        super(at.render(query, Objects.requireNonNull(message, "message")), cause);
        this.query = query;
        this.diagnostic = Diagnostic.error("query", at.line, at.column, message);
    }

    /** The query text the problem is in. */
    public String query() {
        return query;
    }

    /** The problem as a diagnostic of file {@code query}, with 1-based line and column. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** The 1-based line of the offending word (queries may span lines). */
    public int line() {
        return diagnostic.line();
    }

    /** The 1-based column of the offending word on its line. */
    public int column() {
        return diagnostic.column();
    }

    /** What is wrong, without the position and the caret lines. */
    public String reason() {
        return diagnostic.message();
    }

    /** A 1-based line and column of an offset, and the text of that line. */
    private static final class Position {
        final int line;
        final int column;
        final int lineStart;
        final int lineEnd;

        private Position(int line, int column, int lineStart, int lineEnd) {
            this.line = line;
            this.column = column;
            this.lineStart = lineStart;
            this.lineEnd = lineEnd;
        }

        static Position of(String query, int offset) {
            Objects.requireNonNull(query, "query");
            if (offset < 0 || offset > query.length()) {
                throw new IllegalArgumentException("offset must be in 0.." + query.length() + ", was " + offset);
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (query.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int lineEnd = query.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = query.length();
            }
            return new Position(line, offset - lineStart + 1, lineStart, lineEnd);
        }

        String render(String query, String message) {
            String text = query.substring(lineStart, lineEnd);
            StringBuilder caret = new StringBuilder();
            for (int i = 0; i < column - 1 && i < text.length(); i++) {
                caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            caret.append('^');
            return "query:" + line + ":" + column + ": error: " + message + "\n" + text + "\n" + caret;
        }
    }
}
