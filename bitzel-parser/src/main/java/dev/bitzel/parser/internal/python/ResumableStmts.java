package dev.bitzel.parser.internal.python;

import java.util.Iterator;

/**
 * The statement nodes of a generator body that have a yield inside ({@link GeneratorLowering} makes them). Each
 * keeps its position in the generator's slots as it runs, and when the generator is resuming
 * ({@link PyGenerator#resuming}) goes straight back to it: the statement index of a block, a loop's iterator,
 * the handler an exception is being handled by. When the body stops at a yield they return
 * {@link PyGenerator#SUSPENDED} at once, without running else or finally parts or leaving a with block.
 * Statements without a yield inside stay ordinary nodes: these are separate classes so that the ordinary ones carry
 * no check for resumption and code without a yield runs as fast as before.
 */
final class ResumableStmts {
    private ResumableStmts() {}

    /** A statement list with a yield inside; slot: the index of the statement running. */
    static final class Block extends Stmt {
        final Stmt[] body;
        final int slot;

        Block(Stmt[] body, int slot) {
            this.body = body;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object[] slots = g.slots;
            int i = g.resuming ? (Integer) slots[slot] : 0;
            for (; i < body.length; i++) {
                slots[slot] = i;
                Stmt s = body[i];
                f.line = s.line;
                Object r = s.exec(f);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
    }

    /** A statement list without a yield inside, as a part of a resumable statement. */
    static final class Plain extends Stmt {
        final Stmt[] body;

        Plain(Stmt[] body) {
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            return run(body, f);
        }
    }

    /**
     * {@code yield value}, {@code target = yield value} and their {@code yield from} forms, the value without a
     * yield inside: the common case, which needs no log. Slot (for yield from): the sub-iterator.
     */
    static final class YieldStatement extends Stmt {
        final Expr[] targets;
        final Expr value;
        final boolean from;
        final int slot;

        YieldStatement(Expr[] targets, Expr value, boolean from, int slot) {
            this.targets = targets;
            this.value = value;
            this.from = from;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object v;
            if (from) {
                Object sub;
                if (g.resuming) {
                    sub = g.slots[slot];
                    v = g.resumeDelegation(sub);
                } else {
                    sub = PyGenerator.subIterator(value.eval(f));
                    g.slots[slot] = sub;
                    v = g.delegate(sub, PyNone.NONE, null);
                }
                if (v == PyGenerator.SUSPENDED) {
                    return v;
                }
                g.slots[slot] = null;
            } else if (g.resuming) {
                v = g.received();
            } else {
                g.suspend(value == null ? PyNone.NONE : value.eval(f));
                return PyGenerator.SUSPENDED;
            }
            for (Expr t : targets) {
                t.assign(f, v);
            }
            return null;
        }
    }

    /** A simple statement with a yield inside: the unit whose log of evaluated operands survives suspensions. */
    static final class Simple extends Stmt {
        final Stmt statement;

        Simple(Stmt statement) {
            this.statement = statement;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            g.beginStatement();
            Object r;
            try {
                r = statement.exec(f);
            } catch (PyGenerator.Suspension s) {
                return PyGenerator.SUSPENDED;
            }
            g.endStatement();
            return r;
        }
    }

    /**
     * Evaluates a compound statement's header expression (wrapped in {@link ReplayedExprs.Header} when it has a
     * yield inside): its value, or {@link PyGenerator#SUSPENDED} when it stopped at a yield.
     */
    private static Object header(Expr e, Frame f) {
        try {
            return e.eval(f);
        } catch (PyGenerator.Suspension s) {
            return PyGenerator.SUSPENDED;
        }
    }

    /** Where a compound statement was: its header, its body or its else part. */
    private static final int HEADER = 0;
    private static final int BODY = 1;
    private static final int ELSE = 2;

    /** Runs a statement list that may be null (an absent else part). */
    private static Object runPart(Stmt block, Frame f) {
        return block == null ? null : block.exec(f);
    }

    /** {@code if}; slot: HEADER, BODY or ELSE. */
    static final class If extends Stmt {
        final Expr test;
        final Stmt body;
        final Stmt orelse;
        final int slot;

        If(Expr test, Stmt body, Stmt orelse, int slot) {
            this.test = test;
            this.body = body;
            this.orelse = orelse;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            int part = g.resuming ? (Integer) g.slots[slot] : HEADER;
            if (part == HEADER) {
                g.slots[slot] = HEADER;
                Object t = header(test, f);
                if (t == PyGenerator.SUSPENDED) {
                    return t;
                }
                part = Ops.isTrue(t) ? BODY : ELSE;
                g.slots[slot] = part;
            }
            return runPart(part == BODY ? body : orelse, f);
        }
    }

    /** {@code while}; slot: HEADER (the test), BODY or ELSE. */
    static final class While extends Stmt {
        final Expr test;
        final Stmt body;
        final Stmt orelse;
        final int slot;

        While(Expr test, Stmt body, Stmt orelse, int slot) {
            this.test = test;
            this.body = body;
            this.orelse = orelse;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            int part = g.resuming ? (Integer) g.slots[slot] : HEADER;
            while (part != ELSE) {
                if (part == HEADER) {
                    g.slots[slot] = HEADER;
                    Object t = header(test, f);
                    if (t == PyGenerator.SUSPENDED) {
                        return t;
                    }
                    if (!Ops.isTrue(t)) {
                        break;
                    }
                    g.slots[slot] = BODY;
                }
                part = HEADER;
                Object r = body.exec(f);
                if (r == BREAK) {
                    return null;
                }
                if (r != null && r != CONTINUE) {
                    return r;
                }
            }
            g.slots[slot] = ELSE;
            return runPart(orelse, f);
        }
    }

    /** {@code for}; slot: HEADER, BODY or ELSE; slot + 1: the iterator. */
    static final class For extends Stmt {
        final Expr target;
        final Expr iter;
        final Stmt body;
        final Stmt orelse;
        final int slot;

        For(Expr target, Expr iter, Stmt body, Stmt orelse, int slot) {
            this.target = target;
            this.iter = iter;
            this.body = body;
            this.orelse = orelse;
            this.slot = slot;
        }

        @Override
        @SuppressWarnings("unchecked")
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object[] slots = g.slots;
            int part = g.resuming ? (Integer) slots[slot] : HEADER;
            if (part != ELSE) {
                Iterator<Object> it;
                if (part == HEADER) {
                    slots[slot] = HEADER;
                    Object iterable = header(iter, f);
                    if (iterable == PyGenerator.SUSPENDED) {
                        return iterable;
                    }
                    it = Ops.iter(iterable);
                    slots[slot + 1] = it;
                } else {
                    it = (Iterator<Object>) slots[slot + 1];
                }
                boolean inBody = part == BODY;
                while (inBody || it.hasNext()) {
                    if (!inBody) {
                        target.assign(f, it.next());
                        slots[slot] = BODY;
                    }
                    inBody = false;
                    Object r = body.exec(f);
                    if (r == PyGenerator.SUSPENDED) {
                        return r;
                    }
                    if (r == BREAK) {
                        slots[slot + 1] = null;
                        return null;
                    }
                    if (r != null && r != CONTINUE) {
                        slots[slot + 1] = null;
                        return r;
                    }
                }
                slots[slot] = ELSE;
                slots[slot + 1] = null;
            }
            return runPart(orelse, f);
        }
    }

    /** {@code with} (one context); slot: HEADER or BODY; slot + 1: the context manager's {@code __exit__}. */
    static final class With extends Stmt {
        final Expr context;
        final Expr target;
        final Stmt body;
        final int slot;

        With(Expr context, Expr target, Stmt body, int slot) {
            this.context = context;
            this.target = target;
            this.body = body;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object[] slots = g.slots;
            Object exit;
            Object entered = null;
            if (g.resuming && (Integer) slots[slot] == BODY) {
                exit = slots[slot + 1];
            } else {
                slots[slot] = HEADER;
                Object mgr = header(context, f);
                if (mgr == PyGenerator.SUSPENDED) {
                    return mgr;
                }
                Object[] methods = Stmts.With.managerMethods(mgr);
                exit = methods[1];
                entered = Ops.call(methods[0], new Object[0], null);
                slots[slot] = BODY;
                slots[slot + 1] = exit;
            }
            Object r;
            try {
                if (entered != null && target != null) {
                    target.assign(f, entered);
                }
                r = body.exec(f);
                if (r == PyGenerator.SUSPENDED) {
                    return r;
                }
            } catch (PythonError e) {
                slots[slot + 1] = null;
                if (Stmts.With.exitSuppresses(exit, e)) {
                    return null;
                }
                throw e;
            }
            slots[slot + 1] = null;
            Ops.call(exit, new Object[] {PyNone.NONE, PyNone.NONE, PyNone.NONE}, null);
            return r;
        }
    }

    /**
     * {@code try}; slot: the part running (TRY_BODY, TRY_ELSE, FINALLY, or HANDLER + the handler's index); slot + 1:
     * the exception being handled, or the one pending while the finally block runs; slot + 2 and slot + 3: the
     * control signal and return value pending while it runs.
     */
    static final class Try extends Stmt {
        private static final int TRY_BODY = 0;
        private static final int TRY_ELSE = 1;
        private static final int FINALLY = 2;
        private static final int HANDLER = 3;

        final Stmt body;
        final Stmts.Handler[] handlers;
        final Stmt[] handlerBodies;
        final Stmt orelse;
        final Stmt finalbody;
        final int slot;

        Try(Stmt body, Stmts.Handler[] handlers, Stmt[] handlerBodies, Stmt orelse, Stmt finalbody, int slot) {
            this.body = body;
            this.handlers = handlers;
            this.handlerBodies = handlerBodies;
            this.orelse = orelse;
            this.finalbody = finalbody;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object[] slots = g.slots;
            int part = g.resuming ? (Integer) slots[slot] : TRY_BODY;
            Object r = null;
            Throwable pending = null;
            Object pendingReturn = null;
            if (part != FINALLY) {
                try {
                    r = tryPart(f, g, part);
                    if (r == PyGenerator.SUSPENDED) {
                        return r;
                    }
                    pendingReturn = f.retval;
                } catch (StackOverflowError e) {
                    pending = PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded");
                } catch (RuntimeException | Error e) {
                    pending = e;
                }
                if (finalbody == null) {
                    slots[slot + 1] = null;
                    return rethrow(pending, r);
                }
                slots[slot] = FINALLY;
                slots[slot + 1] = pending;
                slots[slot + 2] = r;
                slots[slot + 3] = pendingReturn;
            } else {
                pending = (Throwable) slots[slot + 1];
                r = slots[slot + 2];
                pendingReturn = slots[slot + 3];
            }
            PythonError outer = f.handling;
            if (pending instanceof PythonError pe) {
                f.handling = pe;
            }
            Object fr;
            try {
                fr = finalbody.exec(f);
            } finally {
                f.handling = outer;
            }
            if (fr == PyGenerator.SUSPENDED) {
                return fr;
            }
            slots[slot + 1] = null;
            slots[slot + 2] = null;
            slots[slot + 3] = null;
            if (fr != null) {
                return fr;
            }
            if (r == RETURN) {
                f.retval = pendingReturn;
            }
            return rethrow(pending, r);
        }

        private static Object rethrow(Throwable pending, Object r) {
            if (pending instanceof RuntimeException e) {
                throw e;
            }
            if (pending instanceof Error e) {
                throw e;
            }
            return r;
        }

        private Object tryPart(Frame f, PyGenerator g, int part) {
            Object[] slots = g.slots;
            if (part >= HANDLER) {
                return runHandler(f, g, part - HANDLER, (PythonError) slots[slot + 1], true);
            }
            if (part == TRY_BODY) {
                slots[slot] = TRY_BODY;
                try {
                    Object r = body.exec(f);
                    if (r != null) {
                        return r;
                    }
                } catch (PythonError e) {
                    return handle(f, g, e);
                } catch (StackOverflowError e) {
                    return handle(f, g, PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded"));
                }
            }
            slots[slot] = TRY_ELSE;
            return runPart(orelse, f);
        }

        private Object handle(Frame f, PyGenerator g, PythonError e) {
            for (int i = 0; i < handlers.length; i++) {
                Stmts.Handler h = handlers[i];
                if (h.type == null || Stmts.Try.matches(e, h.type.eval(f))) {
                    g.slots[slot] = HANDLER + i;
                    g.slots[slot + 1] = e;
                    return runHandler(f, g, i, e, false);
                }
            }
            throw e;
        }

        /**
         * Runs handler {@code i} for {@code e}, or goes on running it; its name is unbound when it ends, not when it
         * yields.
         */
        private Object runHandler(Frame f, PyGenerator g, int i, PythonError e, boolean resumed) {
            Stmts.Handler h = handlers[i];
            PythonError outer = f.handling;
            f.handling = e;
            boolean suspended = false;
            try {
                if (!resumed && h.name != null) {
                    h.name.assign(f, e.exception());
                }
                Object r = handlerBodies[i].exec(f);
                suspended = r == PyGenerator.SUSPENDED;
                return r;
            } finally {
                f.handling = outer;
                if (!suspended) {
                    g.slots[slot + 1] = null;
                    if (h.name != null) {
                        h.name.assign(f, PyNone.NONE);
                        try {
                            h.name.delete(f);
                        } catch (PythonError ignored) {
                            // already unbound
                        }
                    }
                }
            }
        }
    }

    /** {@code match}; slot: HEADER, GUARD + a case's index, or BODY + its index; slot + 1: the subject. */
    static final class MatchStmt extends Stmt {
        private static final int GUARD = 1;
        final Expr subject;
        final Match.Case[] cases;
        final Stmt[] bodies;
        final int slot;

        MatchStmt(Expr subject, Match.Case[] cases, Stmt[] bodies, int slot) {
            this.subject = subject;
            this.cases = cases;
            this.bodies = bodies;
            this.slot = slot;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            Object[] slots = g.slots;
            int part = g.resuming ? (Integer) slots[slot] : HEADER;
            int bodyBase = GUARD + cases.length;
            if (part >= bodyBase) {
                return bodies[part - bodyBase].exec(f);
            }
            Object s;
            int first = 0;
            if (part == HEADER) {
                slots[slot] = HEADER;
                s = header(subject, f);
                if (s == PyGenerator.SUSPENDED) {
                    return s;
                }
            } else {
                s = slots[slot + 1];
                first = part - GUARD;
            }
            slots[slot + 1] = s;
            for (int i = first; i < cases.length; i++) {
                Match.Case c = cases[i];
                boolean resumingGuard = i == first && part != HEADER;
                if (!resumingGuard && !c.pattern().match(s, f)) {
                    continue;
                }
                if (c.guard() != null) {
                    slots[slot] = GUARD + i;
                    Object holds = header(c.guard(), f);
                    if (holds == PyGenerator.SUSPENDED) {
                        return holds;
                    }
                    if (!Ops.isTrue(holds)) {
                        continue;
                    }
                }
                slots[slot] = bodyBase + i;
                slots[slot + 1] = null;
                return bodies[i].exec(f);
            }
            slots[slot + 1] = null;
            return null;
        }
    }
}
