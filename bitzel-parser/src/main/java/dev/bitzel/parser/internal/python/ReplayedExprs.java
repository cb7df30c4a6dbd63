package dev.bitzel.parser.internal.python;

import java.util.function.UnaryOperator;

/**
 * The expression nodes that make a statement with a yield inside safe to run again. When a generator resumes,
 * the statement it stopped in runs again from its start ({@link PyGenerator}); these nodes hand back what was
 * evaluated before the yield instead of evaluating it (and its side effects) a second time. They record into the
 * generator's log in evaluation order, and replay from it in the same order: evaluation is deterministic once the
 * recorded values are fixed.
 */
final class ReplayedExprs {
    private ReplayedExprs() {}

    /** An operand without a yield inside, in a statement with one: evaluated once, then replayed. */
    static final class Recorded extends Expr {
        final Expr operand;

        Recorded(Expr operand) {
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return f.generator.replayOrRecord(() -> operand.eval(f));
        }
    }

    /** An operand with a yield inside: once it has been evaluated to its end, replayed as a whole. */
    static final class Spanned extends Expr {
        final Expr operand;

        Spanned(Expr operand) {
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            return f.generator.replayOrRecordSpan(() -> operand.eval(f));
        }
    }

    /**
     * What a node does with an operand before it evaluates the next one (a truth test, a conversion, unpacking an
     * iterable): done once, then replayed, so that no {@code __bool__} or {@code __repr__} runs twice.
     */
    static final class Derived extends Expr {
        final Expr operand;
        final UnaryOperator<Object> operation;

        Derived(Expr operand, UnaryOperator<Object> operation) {
            this.operand = operand;
            this.operation = operation;
        }

        @Override
        Object eval(Frame f) {
            Object v = operand.eval(f);
            return f.generator.replayOrRecord(() -> operation.apply(v));
        }
    }

    /**
     * The expression of a compound statement's header (an if or while test, a for loop's iterable, a with
     * statement's context, a match subject) when it has a yield inside: the unit whose log is kept across its
     * suspensions, as a simple statement is.
     */
    static final class Header extends Expr {
        final Expr expr;

        Header(Expr expr) {
            this.expr = expr;
        }

        @Override
        Object eval(Frame f) {
            PyGenerator g = f.generator;
            g.beginStatement();
            Object v = expr.eval(f);
            g.endStatement();
            return v;
        }
    }

    /**
     * {@code a and b} or {@code a or b} with a yield in {@code b}: the truth of {@code a} is tested once. (An
     * {@code and}/{@code or} chain is lowered to nested pairs, which evaluates the same.)
     */
    static final class BoolPair extends Expr {
        final boolean and;
        final Expr left;
        final Expr right;

        BoolPair(boolean and, Expr left, Expr right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object v = left.eval(f);
            Object truth = f.generator.replayOrRecord(() -> Ops.isTrue(v));
            return (Boolean) truth != and ? v : right.eval(f);
        }
    }

    /** A comparison chain with a yield in a later operand: each comparison is done once. */
    static final class Compare extends Expr {
        final Expr first;
        final String[] ops;
        final Expr[] rest;

        Compare(Expr first, String[] ops, Expr[] rest) {
            this.first = first;
            this.ops = ops;
            this.rest = rest;
        }

        @Override
        Object eval(Frame f) {
            Object a = first.eval(f);
            for (int i = 0; i < ops.length; i++) {
                Object left = a;
                Object b = rest[i].eval(f);
                String op = ops[i];
                if (!(Boolean) f.generator.replayOrRecord(() -> Exprs.Compare.compare(op, left, b))) {
                    return Boolean.FALSE;
                }
                a = b;
            }
            return Boolean.TRUE;
        }
    }
}
