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

    /**
     * The names the code reads from its global scope (or the builtins): free names of the module level and of the
     * functions, lambdas and comprehensions in it, in first-use order.
     */
    public java.util.Set<String> globalNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Scope> todo = new java.util.ArrayDeque<>();
        todo.add(scope);
        while (!todo.isEmpty()) {
            Scope s = todo.removeFirst();
            for (Exprs.Name ref : s.refs) {
                if (ref.kind == Exprs.Name.GLOBAL || ref.kind == Exprs.Name.NAME) {
                    names.add(ref.id);
                }
            }
            todo.addAll(s.children);
        }
        return names;
    }

    /** Whether this is an expression (eval mode) rather than statements. */
    public boolean isExpression() {
        return expr != null;
    }
}
