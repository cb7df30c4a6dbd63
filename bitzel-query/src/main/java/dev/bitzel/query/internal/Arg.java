package dev.bitzel.query.internal;

/** An argument of a function call: an expression, a word, a regular expression or an integer. */
public sealed interface Arg permits Expr, Expr.Word, Expr.Regex, Expr.Int {
    /** 0-based offset in the query text. */
    int offset();

    /** Appends the canonical text. */
    void render(StringBuilder out);
}
