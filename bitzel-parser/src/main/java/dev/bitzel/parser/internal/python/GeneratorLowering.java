package dev.bitzel.parser.internal.python;

/**
 * Rewrites the body of a generator function (or generator lambda) so that it can stop at a yield and go on from
 * there later; {@link PyGenerator} describes the scheme. Statements with a yield inside become resumable nodes
 * ({@link ResumableStmts}) numbered with slots for their positions, and within them every operand evaluated
 * before a yield is wrapped so that it is recorded and replayed ({@link ReplayedExprs}). Statements without a
 * yield stay as they are. A yield inside an assignment target or an except clause's type is reported as not
 * supported when the statement runs.
 */
final class GeneratorLowering {
    private int slots;

    private GeneratorLowering() {}

    /** A lowered body and how many slots its resumable nodes use. */
    record Lowered(Stmt[] body, int slots) {}

    /** Lowers the body of a generator function. */
    static Lowered lower(Stmt[] body) {
        GeneratorLowering l = new GeneratorLowering();
        Stmt block = l.block(body);
        return new Lowered(new Stmt[] {block}, l.slots);
    }

    private int slots(int n) {
        int first = slots;
        slots += n;
        return first;
    }

    // ---------------------------------------------------------------- statements

    private Stmt block(Stmt[] body) {
        if (body == null) {
            return null;
        }
        Stmt[] out = body.clone();
        boolean resumable = false;
        for (int i = 0; i < out.length; i++) {
            if (containsYield(out[i])) {
                out[i] = statement(out[i]);
                resumable = true;
            }
        }
        return resumable ? new ResumableStmts.Block(out, slots(1)) : new ResumableStmts.Plain(out);
    }

    private Stmt statement(Stmt s) {
        Stmt r;
        if (s instanceof Stmts.If x) {
            r = new ResumableStmts.If(header(x.test), block(x.body), block(x.orelse), slots(1));
        } else if (s instanceof Stmts.While x) {
            r = new ResumableStmts.While(header(x.test), block(x.body), block(x.orelse), slots(1));
        } else if (s instanceof Stmts.For x) {
            r = containsYield(x.target) ? unsupported("yield inside a for loop's target")
                    : new ResumableStmts.For(x.target, header(x.iter), block(x.body), block(x.orelse), slots(2));
        } else if (s instanceof Stmts.With x) {
            r = x.target != null && containsYield(x.target) ? unsupported("yield inside a with statement's target")
                    : new ResumableStmts.With(header(x.context), x.target, block(x.body), slots(2));
        } else if (s instanceof Stmts.Try x) {
            r = tryStatement(x);
        } else if (s instanceof Match.MatchStmt x) {
            r = matchStatement(x);
        } else {
            r = simple(s);
        }
        r.line = s.line;
        return r;
    }

    private Stmt tryStatement(Stmts.Try x) {
        Stmt[] handlerBodies = new Stmt[x.handlers.length];
        for (int i = 0; i < handlerBodies.length; i++) {
            if (x.handlers[i].type != null && containsYield(x.handlers[i].type)) {
                return unsupported("yield inside an except clause's type");
            }
            handlerBodies[i] = block(x.handlers[i].body);
        }
        return new ResumableStmts.Try(block(x.body), x.handlers, handlerBodies, block(x.orelse), block(x.finalbody),
                slots(4));
    }

    private Stmt matchStatement(Match.MatchStmt x) {
        Match.Case[] cases = x.cases.clone();
        Stmt[] bodies = new Stmt[cases.length];
        for (int i = 0; i < cases.length; i++) {
            Match.Case c = cases[i];
            if (c.guard() != null && containsYield(c.guard())) {
                cases[i] = new Match.Case(c.pattern(), header(c.guard()), c.body());
            }
            bodies[i] = block(c.body());
        }
        return new ResumableStmts.MatchStmt(header(x.subject), cases, bodies, slots(2));
    }

    /** A simple statement with a yield in its expressions: a yield statement, or its operands recorded. */
    private Stmt simple(Stmt s) {
        Stmt r = yieldStatement(s);
        if (r != null) {
            return r;
        }
        r = new ResumableStmts.Simple(operandsRecorded(s));
        r.line = s.line;
        return r;
    }

    /** {@code [targets =] yield [from] value} with no other yield in it, or null. */
    private Stmt yieldStatement(Stmt s) {
        Expr[] targets;
        Expr value;
        if (s instanceof Stmts.ExprStmt x) {
            targets = new Expr[0];
            value = x.value;
        } else if (s instanceof Stmts.Assign x) {
            targets = x.targets;
            value = x.value;
        } else {
            return null;
        }
        if (!(value instanceof Exprs.Yield y) || containsYield(y.value) || anyYield(targets)) {
            return null;
        }
        Stmt r = new ResumableStmts.YieldStatement(targets, y.value, y.from, y.from ? slots(1) : -1);
        r.line = s.line;
        return r;
    }

    private Stmt operandsRecorded(Stmt s) {
        Stmt r;
        if (s instanceof Stmts.ExprStmt x) {
            r = new Stmts.ExprStmt(lowered(x.value));
        } else if (s instanceof Stmts.Assign x) {
            for (Expr t : x.targets) {
                if (containsYield(t)) {
                    return unsupported("yield inside an assignment target");
                }
            }
            r = new Stmts.Assign(x.targets, lowered(x.value));
        } else if (s instanceof Stmts.AugAssign x) {
            r = containsYield(x.target) ? unsupported("yield inside an assignment target") : augAssign(x);
        } else if (s instanceof Stmts.Return x) {
            r = new Stmts.Return(lowered(x.value));
        } else if (s instanceof Stmts.Raise x) {
            Expr exc = x.cause != null && containsYield(x.cause)
                    ? new ReplayedExprs.Derived(operand(x.exc), Stmts.Raise::instantiate) : operand(x.exc);
            r = new Stmts.Raise(exc, operand(x.cause));
        } else if (s instanceof Stmts.Assert x) {
            Expr test = x.msg != null && containsYield(x.msg) ? truth(x.test) : operand(x.test);
            r = new Stmts.Assert(test, operand(x.msg));
        } else if (s instanceof Stmts.Del) {
            r = unsupported("yield inside a del statement's target");
        } else if (s instanceof Stmts.FunctionDef x) {
            r = new Stmts.FunctionDef(x.target, operands(x.decorators), x.code, operands(x.defaults), x.kwdefaultNames,
                    operands(x.kwdefaults));
        } else if (s instanceof Stmts.ClassDef x) {
            r = new Stmts.ClassDef(x.target, x.qualname, operands(x.decorators), operands(x.bases), x.keywordNames,
                    operands(x.keywords), operand(x.metaclass), x.scope, x.body);
        } else {
            throw new IllegalStateException("no generator lowering for " + s.getClass().getSimpleName());
        }
        r.line = s.line;
        return r;
    }

    /** {@code target op= value} with a yield in the value. */
    private Stmt augAssign(Stmts.AugAssign x) {
        return new AugAssignAcrossYield(x.target, x.op, lowered(x.value));
    }

    /**
     * {@code target op= value} with a yield in the value, in CPython's order: the target's object (and key), its
     * current value, the value, the in-place operation and the store. What is read before the yield is recorded, so
     * that the store goes to the object read then.
     */
    static final class AugAssignAcrossYield extends Stmt {
        final Expr target;
        final int op;
        final Expr value;

        AugAssignAcrossYield(Expr target, int op, Expr value) {
            this.target = target;
            this.op = op;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            PyGenerator g = f.generator;
            if (target instanceof Exprs.Attribute a) {
                Object o = g.replayOrRecord(() -> a.obj.eval(f));
                Object cur = g.replayOrRecord(() -> Ops.getattr(o, a.name));
                Ops.setattr(o, a.name, Ops.inplace(op, cur, value.eval(f)));
            } else if (target instanceof Exprs.Subscript s) {
                Object o = g.replayOrRecord(() -> s.obj.eval(f));
                Object k = g.replayOrRecord(() -> s.index.eval(f));
                Object cur = g.replayOrRecord(() -> Ops.getitem(o, k));
                Ops.setitem(o, k, Ops.inplace(op, cur, value.eval(f)));
            } else {
                Object cur = g.replayOrRecord(() -> target.eval(f));
                target.assign(f, Ops.inplace(op, cur, value.eval(f)));
            }
            return null;
        }
    }

    private static Stmt unsupported(String what) {
        return new Stmts.Unsupported(what);
    }

    // ---------------------------------------------------------------- expressions

    /** A compound statement's header expression: its own unit of recording when it has a yield inside. */
    private Expr header(Expr e) {
        return containsYield(e) ? new ReplayedExprs.Header(lowered(e)) : e;
    }

    /** An operand of a node with a yield inside: recorded when it has none itself. */
    private Expr operand(Expr e) {
        if (e == null || e instanceof Exprs.Const) {
            return e;
        }
        return containsYield(e) ? lowered(e) : new ReplayedExprs.Recorded(e);
    }

    private Expr[] operands(Expr[] es) {
        Expr[] r = new Expr[es.length];
        for (int i = 0; i < es.length; i++) {
            r[i] = es[i] instanceof Exprs.Starred s ? new Exprs.Starred(unpacked(s.value)) : operand(es[i]);
        }
        return r;
    }

    /** The value of {@code *x} before a later yield: unpacked once, as CPython does at that point. */
    private Expr unpacked(Expr e) {
        return new ReplayedExprs.Derived(operand(e), v -> new PyTuple(Ops.toList(v).toArray()));
    }

    private Expr truth(Expr e) {
        return new ReplayedExprs.Derived(operand(e), Ops::isTrue);
    }

    /** An expression with a yield inside, lowered and, but for a yield itself, replayed whole once complete. */
    private Expr lowered(Expr e) {
        Expr r = lowerParts(e);
        r.line = e.line;
        r.col = e.col;
        if (r instanceof Exprs.Yield) {
            return r;
        }
        Expr spanned = new ReplayedExprs.Spanned(r);
        spanned.line = e.line;
        spanned.col = e.col;
        return spanned;
    }

    private Expr lowerParts(Expr e) {
        if (e instanceof Exprs.Yield x) {
            return new Exprs.Yield(operand(x.value), x.from);
        }
        if (e instanceof Exprs.Attribute x) {
            return new Exprs.Attribute(lowered(x.obj), x.name);
        }
        if (e instanceof Exprs.Subscript x) {
            return new Exprs.Subscript(operand(x.obj), operand(x.index));
        }
        if (e instanceof Exprs.Slice x) {
            return new Exprs.Slice(operand(x.lo), operand(x.hi), operand(x.step));
        }
        if (e instanceof Exprs.Starred x) {
            return new Exprs.Starred(lowered(x.value));
        }
        if (e instanceof Exprs.TupleExpr x) {
            return new Exprs.TupleExpr(operands(x.items));
        }
        if (e instanceof Exprs.ListExpr x) {
            return new Exprs.ListExpr(operands(x.items));
        }
        if (e instanceof Exprs.SetExpr x) {
            return new Exprs.SetExpr(operands(x.items));
        }
        if (e instanceof Exprs.DictExpr x) {
            Expr[] keys = new Expr[x.keys.length];
            Expr[] values = new Expr[x.values.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = operand(x.keys[i]);
                values[i] = x.keys[i] == null ? mappingOperand(x.values[i], GeneratorLowering::dictCopy)
                        : operand(x.values[i]);
            }
            return new Exprs.DictExpr(keys, values);
        }
        if (e instanceof Exprs.BinOp x) {
            return new Exprs.BinOp(x.op, operand(x.left), operand(x.right));
        }
        if (e instanceof Exprs.Unary x) {
            return new Exprs.Unary(x.op, lowered(x.operand));
        }
        if (e instanceof Exprs.BoolOp x) {
            return boolChain(x.and, x.values, 0);
        }
        if (e instanceof Exprs.Compare x) {
            return compare(x);
        }
        if (e instanceof Exprs.IfExp x) {
            if (!containsYield(x.body) && !containsYield(x.orelse)) {
                return new Exprs.IfExp(lowered(x.test), operand(x.body), operand(x.orelse));
            }
            return new Exprs.IfExp(truth(x.test), operand(x.body), operand(x.orelse));
        }
        if (e instanceof Exprs.NamedExpr x) {
            return new Exprs.NamedExpr(x.target, lowered(x.value));
        }
        if (e instanceof Exprs.Call x) {
            return call(x);
        }
        if (e instanceof Exprs.Lambda x) {
            return new Exprs.Lambda(x.code, operands(x.defaults), x.kwdefaultNames, operands(x.kwdefaults));
        }
        if (e instanceof Exprs.JoinedStr x) {
            return new Exprs.JoinedStr(operands(x.parts));
        }
        if (e instanceof Exprs.FormattedValue x) {
            if (x.conversion != 0 && x.spec != null && containsYield(x.spec)) {
                Expr converted = new ReplayedExprs.Derived(operand(x.value),
                        v -> Exprs.FormattedValue.convert(v, x.conversion));
                return new Exprs.FormattedValue(converted, (char) 0, lowered(x.spec));
            }
            return new Exprs.FormattedValue(operand(x.value), x.conversion, operand(x.spec));
        }
        if (e instanceof Exprs.Comprehension x) {
            Expr[] iters = x.iters.clone();
            iters[0] = lowered(iters[0]);
            return new Exprs.Comprehension(x.kind, x.elt, x.value, x.targets, iters, x.conds, x.scope);
        }
        throw new IllegalStateException("no generator lowering for " + e.getClass().getSimpleName());
    }

    /** {@code v0 and v1 and ...} as nested pairs, so that each truth test is done once. */
    private Expr boolChain(boolean and, Expr[] values, int from) {
        if (from == values.length - 1) {
            return operand(values[from]);
        }
        boolean yieldAfter = false;
        for (int i = from + 1; i < values.length; i++) {
            yieldAfter |= containsYield(values[i]);
        }
        if (!yieldAfter) {
            Expr[] rest = java.util.Arrays.copyOfRange(values, from, values.length);
            return new Exprs.BoolOp(and, lowerFirst(rest));
        }
        return new ReplayedExprs.BoolPair(and, operand(values[from]), boolChain(and, values, from + 1));
    }

    /** A chain whose only yield is in its first operand: what follows runs after it. */
    private Expr[] lowerFirst(Expr[] values) {
        Expr[] r = values.clone();
        r[0] = lowered(r[0]);
        return r;
    }

    private Expr compare(Exprs.Compare x) {
        boolean laterYield = false;
        for (Expr r : x.rest) {
            laterYield |= containsYield(r);
        }
        if (!laterYield) {
            return new Exprs.Compare(lowered(x.first), x.ops, x.rest);
        }
        Expr[] rest = new Expr[x.rest.length];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = operand(x.rest[i]);
        }
        return new ReplayedExprs.Compare(operand(x.first), x.ops, rest);
    }

    private Expr call(Exprs.Call x) {
        Expr func = x.func;
        if (!containsYield(func)) {
            // the bound method is looked up before the arguments are evaluated, as CPython does
            func = new ReplayedExprs.Recorded(func);
        } else {
            func = lowered(func);
        }
        Expr[] kwvalues = new Expr[x.kwvalues.length];
        for (int i = 0; i < kwvalues.length; i++) {
            kwvalues[i] = x.kwnames[i] == null ? mappingOperand(x.kwvalues[i], GeneratorLowering::keywordsCopy)
                    : operand(x.kwvalues[i]);
        }
        return new Exprs.Call(func, operands(x.args), x.kwnames, kwvalues);
    }

    /** A {@code **mapping} operand before a later yield: its items read once, into a copy. */
    private Expr mappingOperand(Expr e, java.util.function.UnaryOperator<Object> copy) {
        return new ReplayedExprs.Derived(operand(e), copy);
    }

    private static Object dictCopy(Object mapping) {
        PyDict d = new PyDict();
        Builtins.updateDict(d, mapping, null);
        return d;
    }

    private static Object keywordsCopy(Object mapping) {
        PyDict items = Exprs.Call.keywordsOf(mapping);
        if (items != mapping) {
            return items;
        }
        PyDict copy = new PyDict();
        for (java.util.Map.Entry<Object, Object> e : items.entries()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }

    // ---------------------------------------------------------------- finding yields

    /** Whether a statement has a yield of its own function inside (not one of a nested function or class). */
    static boolean containsYield(Stmt s) {
        if (s instanceof Stmts.ExprStmt x) {
            return containsYield(x.value);
        }
        if (s instanceof Stmts.Assign x) {
            return containsYield(x.value) || anyYield(x.targets);
        }
        if (s instanceof Stmts.AugAssign x) {
            return containsYield(x.target) || containsYield(x.value);
        }
        if (s instanceof Stmts.Return x) {
            return containsYield(x.value);
        }
        if (s instanceof Stmts.If x) {
            return containsYield(x.test) || anyYield(x.body) || anyYield(x.orelse);
        }
        if (s instanceof Stmts.While x) {
            return containsYield(x.test) || anyYield(x.body) || anyYield(x.orelse);
        }
        if (s instanceof Stmts.For x) {
            return containsYield(x.target) || containsYield(x.iter) || anyYield(x.body) || anyYield(x.orelse);
        }
        if (s instanceof Stmts.Try x) {
            if (anyYield(x.body) || anyYield(x.orelse) || anyYield(x.finalbody)) {
                return true;
            }
            for (Stmts.Handler h : x.handlers) {
                if (containsYield(h.type) || anyYield(h.body)) {
                    return true;
                }
            }
            return false;
        }
        if (s instanceof Stmts.With x) {
            return containsYield(x.context) || containsYield(x.target) || anyYield(x.body);
        }
        if (s instanceof Match.MatchStmt x) {
            if (containsYield(x.subject)) {
                return true;
            }
            for (Match.Case c : x.cases) {
                if (containsYield(c.guard()) || anyYield(c.body())) {
                    return true;
                }
            }
            return false;
        }
        if (s instanceof Stmts.Raise x) {
            return containsYield(x.exc) || containsYield(x.cause);
        }
        if (s instanceof Stmts.Assert x) {
            return containsYield(x.test) || containsYield(x.msg);
        }
        if (s instanceof Stmts.Del x) {
            return anyYield(x.targets);
        }
        if (s instanceof Stmts.FunctionDef x) {
            return anyYield(x.decorators) || anyYield(x.defaults) || anyYield(x.kwdefaults);
        }
        if (s instanceof Stmts.ClassDef x) {
            return anyYield(x.decorators) || anyYield(x.bases) || anyYield(x.keywords) || containsYield(x.metaclass);
        }
        if (s instanceof Stmts.Annotated x) {
            return (x.assign != null && containsYield(x.assign)) || containsYield(x.annotation);
        }
        // import, pass, break, continue, global, unsupported syntax: no expressions
        return false;
    }

    private static boolean anyYield(Stmt[] body) {
        if (body != null) {
            for (Stmt s : body) {
                if (containsYield(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyYield(Expr[] es) {
        for (Expr e : es) {
            if (containsYield(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an expression has a yield of its own function inside (lambda and comprehension bodies excluded). */
    static boolean containsYield(Expr e) {
        if (e == null || e instanceof Exprs.Const || e instanceof Exprs.Name) {
            return false;
        }
        if (e instanceof Exprs.Yield) {
            return true;
        }
        if (e instanceof Exprs.Attribute x) {
            return containsYield(x.obj);
        }
        if (e instanceof Exprs.Subscript x) {
            return containsYield(x.obj) || containsYield(x.index);
        }
        if (e instanceof Exprs.Slice x) {
            return containsYield(x.lo) || containsYield(x.hi) || containsYield(x.step);
        }
        if (e instanceof Exprs.Starred x) {
            return containsYield(x.value);
        }
        if (e instanceof Exprs.SequenceExpr x) {
            return anyYield(x.items);
        }
        if (e instanceof Exprs.SetExpr x) {
            return anyYield(x.items);
        }
        if (e instanceof Exprs.DictExpr x) {
            for (Expr k : x.keys) {
                if (containsYield(k)) {
                    return true;
                }
            }
            return anyYield(x.values);
        }
        if (e instanceof Exprs.BinOp x) {
            return containsYield(x.left) || containsYield(x.right);
        }
        if (e instanceof Exprs.Unary x) {
            return containsYield(x.operand);
        }
        if (e instanceof Exprs.BoolOp x) {
            return anyYield(x.values);
        }
        if (e instanceof Exprs.Compare x) {
            return containsYield(x.first) || anyYield(x.rest);
        }
        if (e instanceof Exprs.IfExp x) {
            return containsYield(x.test) || containsYield(x.body) || containsYield(x.orelse);
        }
        if (e instanceof Exprs.NamedExpr x) {
            return containsYield(x.value);
        }
        if (e instanceof Exprs.Call x) {
            return containsYield(x.func) || anyYield(x.args) || anyYield(x.kwvalues);
        }
        if (e instanceof Exprs.Lambda x) {
            return anyYield(x.defaults) || anyYield(x.kwdefaults);
        }
        if (e instanceof Exprs.JoinedStr x) {
            return anyYield(x.parts);
        }
        if (e instanceof Exprs.FormattedValue x) {
            return containsYield(x.value) || containsYield(x.spec);
        }
        if (e instanceof Exprs.Comprehension x) {
            return containsYield(x.iters[0]);
        }
        // super(), globals()/locals(), await: nothing evaluated in this function's frame can yield
        return false;
    }
}
