package dev.bitzel.query.internal;

/**
 * One token of a query.
 *
 * @param kind what it is
 * @param text the word (quotes removed) or the operator as written
 * @param offset 0-based offset of its first character in the query
 * @param quoted whether the word was quoted (then it is never a keyword)
 */
record Token(Kind kind, String text, int offset, boolean quoted) {

    enum Kind {
        WORD, LPAREN, RPAREN, COMMA, EQUALS, PLUS, MINUS, CARET, UNION, EXCEPT, INTERSECT, LET, IN, SET, EOF;

        boolean isBinaryOperator() {
            return this == PLUS || this == MINUS || this == CARET || this == UNION || this == EXCEPT
                    || this == INTERSECT;
        }
    }

    /** How the token reads in an error message. */
    String describe() {
        switch (kind) {
            case EOF:
                return "end of query";
            case WORD:
                return quoted ? "quoted word '" + text + "'" : "'" + text + "'";
            default:
                return "'" + text + "'";
        }
    }
}
