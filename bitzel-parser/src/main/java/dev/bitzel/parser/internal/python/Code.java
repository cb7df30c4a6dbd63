package dev.bitzel.parser.internal.python;

/**
 * Compiled Python source: a module body or a single expression. Immutable and safe to share between
 * threads and runtimes; compile once per distinct text and run many times.
 */
public final class Code {
    final String file;
    final Scope scope;
    final Stmt[] body;
    final Expr expr;

    Code(String file, Scope scope, Stmt[] body, Expr expr) {
        this.file = file;
        this.scope = scope;
        this.body = body;
        this.expr = expr;
    }

    /** The file name given when compiling, used in tracebacks. */
    public String file() {
        return file;
    }

    /** Whether this is an expression (eval mode) rather than statements. */
    public boolean isExpression() {
        return expr != null;
    }
}
