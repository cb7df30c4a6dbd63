package dev.bitzel.query;

/**
 * A query text that is not well formed: an unexpected or missing token, an unknown function, a wrong number of
 * arguments, a bad regular expression or depth, an undefined {@code $variable}. Thrown by {@link Query#parse}.
 */
public final class QuerySyntaxException extends QueryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for the character at {@code offset} (0-based) of {@code query}.
     *
     * @param query the whole query text
     * @param offset the 0-based offset of the offending character, {@code query.length()} for its end
     * @param message what is wrong, without position
     */
    public QuerySyntaxException(String query, int offset, String message) {
        super(query, offset, message);
    }

    /**
     * Creates the exception with a cause (for example a {@link java.util.regex.PatternSyntaxException}).
     *
     * @param query the whole query text
     * @param offset the 0-based offset of the offending character
     * @param message what is wrong, without position
     * @param cause the underlying failure
     */
    public QuerySyntaxException(String query, int offset, String message, Throwable cause) {
        super(query, offset, message, cause);
    }
}
