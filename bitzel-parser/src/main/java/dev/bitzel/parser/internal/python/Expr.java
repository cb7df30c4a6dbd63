package dev.bitzel.parser.internal.python;

/** An executable expression node. Nodes are immutable after compilation and shared between threads. */
abstract class Expr {
    int line;
    int col;

    abstract Object eval(Frame f);

    void assign(Frame f, Object value) {
        throw new IllegalStateException("not assignable: " + getClass().getSimpleName());
    }

    void delete(Frame f) {
        throw new IllegalStateException("not deletable: " + getClass().getSimpleName());
    }

    /** A description for error messages ("cannot assign to ..."). */
    String describe() {
        return "expression";
    }

    boolean isAssignable() {
        return false;
    }
}
