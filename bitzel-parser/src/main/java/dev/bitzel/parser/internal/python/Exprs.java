package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The expression node classes. */
final class Exprs {
    private Exprs() {}

    static final class Const extends Expr {
        final Object value;

        Const(Object value) {
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }

        @Override
        String describe() {
            return "literal";
        }
    }

    static final class Name extends Expr {
        static final int FAST = 0;
        static final int CELL = 1;
        static final int GLOBAL = 2;
        static final int NAME = 3;
        /** A class body reading a variable of an enclosing function: namespace first, then the cell. */
        static final int CLASSDEREF = 4;

        final String id;
        int kind = NAME;
        int index;
        boolean free;

        Name(String id) {
            this.id = id;
        }

        @Override
        Object eval(Frame f) {
            switch (kind) {
                case FAST: {
                    Object v = f.fast[index];
                    if (v == null) {
                        throw PythonError.of(Exceptions.UNBOUND_LOCAL_ERROR,
                                "cannot access local variable '" + id + "' where it is not associated with a value");
                    }
                    return v;
                }
                case CELL: {
                    Object v = f.cells[index].value;
                    if (v == null) {
                        if (free) {
                            throw PythonError.of(Exceptions.NAME_ERROR, "cannot access free variable '" + id
                                    + "' where it is not associated with a value in enclosing scope");
                        }
                        throw PythonError.of(Exceptions.UNBOUND_LOCAL_ERROR,
                                "cannot access local variable '" + id + "' where it is not associated with a value");
                    }
                    return v;
                }
                case GLOBAL:
                    return f.lookupGlobal(id);
                case CLASSDEREF: {
                    Object v = f.ns.get(id);
                    if (v == null) {
                        v = f.cells[index].value;
                    }
                    if (v == null) {
                        throw Errors.nameError(id);
                    }
                    return v;
                }
                default: {
                    if (f.ns != null && f.ns != f.globals) {
                        Object v = f.ns.get(id);
                        if (v != null) {
                            return v;
                        }
                    }
                    return f.lookupGlobal(id);
                }
            }
        }

        @Override
        void assign(Frame f, Object value) {
            switch (kind) {
                case FAST:
                    f.fast[index] = value;
                    return;
                case CELL:
                    f.cells[index].value = value;
                    return;
                case GLOBAL:
                    f.globals.put(id, value);
                    return;
                default:
                    f.ns.put(id, value);
            }
        }

        @Override
        void delete(Frame f) {
            Object old;
            switch (kind) {
                case FAST:
                    old = f.fast[index];
                    f.fast[index] = null;
                    break;
                case CELL:
                    old = f.cells[index].value;
                    f.cells[index].value = null;
                    break;
                case GLOBAL:
                    old = f.globals.remove(id);
                    break;
                default:
                    old = f.ns.remove(id);
            }
            if (old == null) {
                throw Errors.nameError(id);
            }
        }

        @Override
        boolean isAssignable() {
            return true;
        }

        @Override
        String describe() {
            return "name";
        }
    }

    static final class Attribute extends Expr {
        final Expr obj;
        final String name;

        Attribute(Expr obj, String name) {
            this.obj = obj;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            return Ops.getattr(obj.eval(f), name);
        }

        @Override
        void assign(Frame f, Object value) {
            Ops.setattr(obj.eval(f), name, value);
        }

        @Override
        void delete(Frame f) {
            Ops.delattr(obj.eval(f), name);
        }

        @Override
        boolean isAssignable() {
            return true;
        }

        @Override
        String describe() {
            return "attribute";
        }
    }

    static final class Subscript extends Expr {
        final Expr obj;
        final Expr index;

        Subscript(Expr obj, Expr index) {
            this.obj = obj;
            this.index = index;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            return Ops.getitem(o, index.eval(f));
        }

        @Override
        void assign(Frame f, Object value) {
            Object o = obj.eval(f);
            Ops.setitem(o, index.eval(f), value);
        }

        @Override
        void delete(Frame f) {
            Object o = obj.eval(f);
            Ops.delitem(o, index.eval(f));
        }

        @Override
        boolean isAssignable() {
            return true;
        }

        @Override
        String describe() {
            return "subscript";
        }
    }

    /** Syntax Bitzel parses but does not run (await). */
    static final class Unsupported extends Expr {
        final String what;

        Unsupported(String what) {
            this.what = what;
        }

        @Override
        Object eval(Frame f) {
            throw Errors.notImplemented(what);
        }
    }

    static final class Slice extends Expr {
        final Expr lo;
        final Expr hi;
        final Expr step;

        Slice(Expr lo, Expr hi, Expr step) {
            this.lo = lo;
            this.hi = hi;
            this.step = step;
        }

        @Override
        Object eval(Frame f) {
            return new PySlice(lo == null ? PyNone.NONE : lo.eval(f), hi == null ? PyNone.NONE : hi.eval(f),
                    step == null ? PyNone.NONE : step.eval(f));
        }
    }

    static final class Starred extends Expr {
        final Expr value;

        Starred(Expr value) {
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            throw PythonError.of(Exceptions.SYNTAX_ERROR, "can't use starred expression here");
        }

        @Override
        void assign(Frame f, Object v) {
            value.assign(f, v);
        }

        @Override
        boolean isAssignable() {
            return value.isAssignable();
        }

        @Override
        String describe() {
            return "starred";
        }
    }

    /** Evaluates a display's items, expanding {@code *x}. */
    static ArrayList<Object> evalItems(Expr[] items, Frame f) {
        ArrayList<Object> r = new ArrayList<>(items.length);
        for (Expr e : items) {
            if (e instanceof Starred s) {
                Iterator<Object> it = Ops.iter(s.value.eval(f));
                while (it.hasNext()) {
                    r.add(it.next());
                }
            } else {
                r.add(e.eval(f));
            }
        }
        return r;
    }

    static void unpack(Expr[] targets, Frame f, Object value) {
        int star = -1;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] instanceof Starred) {
                star = i;
            }
        }
        if (star < 0 && value instanceof PyTuple t) {
            if (t.items.length != targets.length) {
                throw unpackError(targets.length, t.items.length);
            }
            for (int i = 0; i < targets.length; i++) {
                targets[i].assign(f, t.items[i]);
            }
            return;
        }
        ArrayList<Object> vals;
        if (value instanceof PyList || value instanceof PyTuple) {
            vals = Ops.toList(value);
        } else {
            Iterator<Object> it;
            try {
                it = Ops.iter(value);
            } catch (PythonError e) {
                if (e.isInstance(Exceptions.TYPE_ERROR)) {
                    throw Errors.typeError("cannot unpack non-iterable " + Ops.typeName(value) + " object");
                }
                throw e;
            }
            vals = new ArrayList<>();
            while (it.hasNext()) {
                vals.add(it.next());
                if (star < 0 && vals.size() > targets.length) {
                    throw Errors.valueError("too many values to unpack (expected " + targets.length + ")");
                }
            }
        }
        if (star < 0) {
            if (vals.size() != targets.length) {
                throw unpackError(targets.length, vals.size());
            }
            for (int i = 0; i < targets.length; i++) {
                targets[i].assign(f, vals.get(i));
            }
            return;
        }
        int after = targets.length - star - 1;
        if (vals.size() < targets.length - 1) {
            throw Errors.valueError("not enough values to unpack (expected at least " + (targets.length - 1)
                    + ", got " + vals.size() + ")");
        }
        for (int i = 0; i < star; i++) {
            targets[i].assign(f, vals.get(i));
        }
        targets[star].assign(f, new PyList(new ArrayList<>(vals.subList(star, vals.size() - after)), true));
        for (int i = 0; i < after; i++) {
            targets[star + 1 + i].assign(f, vals.get(vals.size() - after + i));
        }
    }

    private static PythonError unpackError(int expected, int got) {
        if (got < expected) {
            return Errors.valueError("not enough values to unpack (expected " + expected + ", got " + got + ")");
        }
        return Errors.valueError("too many values to unpack (expected " + expected + ")");
    }

    /** A tuple or list display: both can be assignment and deletion targets, item by item. */
    abstract static class SequenceExpr extends Expr {
        final Expr[] items;

        SequenceExpr(Expr[] items) {
            this.items = items;
        }

        @Override
        void assign(Frame f, Object value) {
            unpack(items, f, value);
        }

        @Override
        void delete(Frame f) {
            for (Expr e : items) {
                e.delete(f);
            }
        }

        @Override
        boolean isAssignable() {
            for (Expr e : items) {
                if (!e.isAssignable()) {
                    return false;
                }
            }
            return true;
        }
    }

    static final class TupleExpr extends SequenceExpr {
        final boolean hasStar;

        TupleExpr(Expr[] items) {
            super(items);
            boolean s = false;
            for (Expr e : items) {
                s |= e instanceof Starred;
            }
            hasStar = s;
        }

        @Override
        Object eval(Frame f) {
            if (!hasStar) {
                Object[] r = new Object[items.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = items[i].eval(f);
                }
                return new PyTuple(r);
            }
            return new PyTuple(evalItems(items, f).toArray());
        }

        @Override
        String describe() {
            return "tuple";
        }
    }

    static final class ListExpr extends SequenceExpr {
        ListExpr(Expr[] items) {
            super(items);
        }

        @Override
        Object eval(Frame f) {
            return new PyList(evalItems(items, f), true);
        }

        @Override
        String describe() {
            return "list";
        }
    }

    static final class SetExpr extends Expr {
        final Expr[] items;

        SetExpr(Expr[] items) {
            this.items = items;
        }

        @Override
        Object eval(Frame f) {
            PySet s = new PySet(false);
            for (Object o : evalItems(items, f)) {
                s.add(o);
            }
            return s;
        }
    }

    static final class DictExpr extends Expr {
        /** Keys; a null key means {@code **values[i]}. */
        final Expr[] keys;
        final Expr[] values;

        DictExpr(Expr[] keys, Expr[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            PyDict d = new PyDict();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == null) {
                    Builtins.updateDict(d, values[i].eval(f), null);
                } else {
                    Object k = keys[i].eval(f);
                    d.put(k, values[i].eval(f));
                }
            }
            return d;
        }

        @Override
        String describe() {
            return "dict literal";
        }
    }

    static final class BinOp extends Expr {
        final int op;
        final Expr left;
        final Expr right;

        BinOp(int op, Expr left, Expr right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Frame f) {
            Object a = left.eval(f);
            return Ops.binary(op, a, right.eval(f));
        }

        @Override
        String describe() {
            return "expression";
        }
    }

    static final class Unary extends Expr {
        final char op;
        final Expr operand;

        Unary(char op, Expr operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(Frame f) {
            Object v = operand.eval(f);
            switch (op) {
                case '!': return !Ops.isTrue(v);
                case '-': return Ops.neg(v);
                case '+': return Ops.pos(v);
                default: return Ops.invert(v);
            }
        }
    }

    static final class BoolOp extends Expr {
        final boolean and;
        final Expr[] values;

        BoolOp(boolean and, Expr[] values) {
            this.and = and;
            this.values = values;
        }

        @Override
        Object eval(Frame f) {
            int last = values.length - 1;
            for (int i = 0; i < last; i++) {
                Object v = values[i].eval(f);
                if (Ops.isTrue(v) != and) {
                    return v;
                }
            }
            // the last operand's truth is not tested (its __bool__ does not run), as in CPython
            return values[last].eval(f);
        }
    }

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
                Object b = rest[i].eval(f);
                if (!compare(ops[i], a, b)) {
                    return Boolean.FALSE;
                }
                a = b;
            }
            return Boolean.TRUE;
        }

        static boolean compare(String op, Object a, Object b) {
            switch (op) {
                case "==": return Ops.eq(a, b);
                case "!=": {
                    if (a instanceof PyInstance || b instanceof PyInstance) {
                        Object ne = a instanceof PyInstance ia ? ia.type().lookup("__ne__") : null;
                        if (ne instanceof PyFunction) {
                            Object r = Ops.call(ne, new Object[] {a, b}, null);
                            if (r != Builtins.NOT_IMPLEMENTED) {
                                return Ops.isTrue(r);
                            }
                        }
                    }
                    return !Ops.eq(a, b);
                }
                case "is": return isSame(a, b);
                case "is not": return !isSame(a, b);
                case "in": return Ops.contains(b, a);
                case "not in": return !Ops.contains(b, a);
                default: return Ops.compare(a, b, op);
            }
        }

        static boolean isSame(Object a, Object b) {
            if (a == b) {
                return true;
            }
            if (a instanceof Boolean || b instanceof Boolean) {
                return a.equals(b);
            }
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue() && x >= -5 && x <= 256;
            }
            if (a instanceof String s && b instanceof String t) {
                return s.equals(t) && s.length() <= 1;
            }
            return a instanceof PyTuple t && t.items.length == 0 && b instanceof PyTuple u && u.items.length == 0;
        }
    }

    static final class IfExp extends Expr {
        final Expr test;
        final Expr body;
        final Expr orelse;

        IfExp(Expr test, Expr body, Expr orelse) {
            this.test = test;
            this.body = body;
            this.orelse = orelse;
        }

        @Override
        Object eval(Frame f) {
            return Ops.isTrue(test.eval(f)) ? body.eval(f) : orelse.eval(f);
        }
    }

    static final class NamedExpr extends Expr {
        final Name target;
        final Expr value;

        NamedExpr(Name target, Expr value) {
            this.target = target;
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            Object v = value.eval(f);
            target.assign(f, v);
            return v;
        }
    }

    static final class Call extends Expr {
        final Expr func;
        final Expr[] args;
        /** Keyword names; null entries are {@code **mapping} arguments. */
        final String[] kwnames;
        final Expr[] kwvalues;
        final boolean simple;

        Call(Expr func, Expr[] args, String[] kwnames, Expr[] kwvalues) {
            this.func = func;
            this.args = args;
            this.kwnames = kwnames;
            this.kwvalues = kwvalues;
            boolean s = kwnames.length == 0;
            for (Expr e : args) {
                s &= !(e instanceof Starred);
            }
            simple = s;
        }

        @Override
        Object eval(Frame f) {
            if (func instanceof Attribute a) {
                Object self = a.obj.eval(f);
                if (simple && Ops.methodTakesSelf(self)) {
                    Object[] withSelf = new Object[args.length + 1];
                    withSelf[0] = self;
                    for (int i = 0; i < args.length; i++) {
                        withSelf[i + 1] = args[i].eval(f);
                    }
                    return Ops.callMethodWithSelf(self, a.name, withSelf, null);
                }
                Object[] argv = evalArgs(f);
                return Ops.callMethod(self, a.name, argv, evalKwargs(f));
            }
            Object fn = func.eval(f);
            Object[] argv = evalArgs(f);
            return Ops.call(fn, argv, evalKwargs(f));
        }

        private Object[] evalArgs(Frame f) {
            if (simple) {
                Object[] r = new Object[args.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = args[i].eval(f);
                }
                return r;
            }
            return evalItems(args, f).toArray();
        }

        private Map<String, Object> evalKwargs(Frame f) {
            if (kwnames.length == 0) {
                return null;
            }
            Map<String, Object> kw = new LinkedHashMap<>();
            for (int i = 0; i < kwnames.length; i++) {
                if (kwnames[i] == null) {
                    for (Map.Entry<Object, Object> e : keywordsOf(kwvalues[i].eval(f)).entries()) {
                        putKw(kw, e.getKey(), e.getValue());
                    }
                } else {
                    putKw(kw, kwnames[i], kwvalues[i].eval(f));
                }
            }
            return kw;
        }

        /** The items of a {@code **mapping} argument: a dict itself, else read through its keys(). */
        static PyDict keywordsOf(Object mapping) {
            if (mapping instanceof PyDict d) {
                return d;
            }
            PyDict r = new PyDict();
            Iterator<Object> it = Ops.iter(Ops.callMethod(mapping, "keys", new Object[0], null));
            while (it.hasNext()) {
                Object k = it.next();
                r.put(k, Ops.getitem(mapping, k));
            }
            return r;
        }

        private void putKw(Map<String, Object> kw, Object k, Object v) {
            if (!(k instanceof String s)) {
                throw Errors.typeError("keywords must be strings");
            }
            if (kw.put(s, v) != null) {
                throw Errors.typeError(Builtins.callableName(func) + "() got multiple values for keyword argument '"
                        + s + "'");
            }
        }

        @Override
        String describe() {
            return "function call";
        }
    }

    static final class SuperCall extends Expr {
        @Override
        Object eval(Frame f) {
            PyFunction fn = f.function;
            if (fn == null || fn.definingClass == null || fn.code.nparams() == 0) {
                throw Errors.runtime("super(): no arguments");
            }
            Object self = fn.code.firstArg(f);
            return new PySuper(fn.definingClass, self);
        }
    }

    /** {@code globals()}, {@code locals()} and {@code vars()}, which need the calling frame. */
    static final class FrameCall extends Expr {
        final Name name;

        FrameCall(Name name) {
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            Object fn = name.eval(f);
            if (!(fn instanceof PyBuiltin b) || !(b.name().equals("globals") || b.name().equals("locals")
                    || b.name().equals("vars"))) {
                return Ops.call(fn, new Object[0], null);
            }
            if (b.name().equals("globals")) {
                return f.globals;
            }
            if (f.ns != null) {
                return f.ns;
            }
            PyDict d = new PyDict();
            if (f.function != null && f.fast != null) {
                Scope s = f.function.code.scope;
                for (Map.Entry<String, Integer> e : s.fastIndex.entrySet()) {
                    Object v = s.cellvars.contains(e.getKey()) ? f.cells[s.cellIndex(e.getKey())].value
                            : e.getValue() < f.fast.length ? f.fast[e.getValue()] : null;
                    if (v != null) {
                        d.put(e.getKey(), v);
                    }
                }
            }
            return d;
        }
    }

    static final class Lambda extends Expr {
        final FuncCode code;
        final Expr[] defaults;
        final String[] kwdefaultNames;
        final Expr[] kwdefaults;

        Lambda(FuncCode code, Expr[] defaults, String[] kwdefaultNames, Expr[] kwdefaults) {
            this.code = code;
            this.defaults = defaults;
            this.kwdefaultNames = kwdefaultNames;
            this.kwdefaults = kwdefaults;
        }

        @Override
        Object eval(Frame f) {
            return makeFunction(f, code, defaults, kwdefaultNames, kwdefaults);
        }
    }

    static PyFunction makeFunction(Frame f, FuncCode code, Expr[] defaults, String[] kwNames, Expr[] kwDefaults) {
        Object[] defs = new Object[defaults.length];
        for (int i = 0; i < defs.length; i++) {
            defs[i] = defaults[i].eval(f);
        }
        Map<String, Object> kwdefs = null;
        if (kwNames.length > 0) {
            kwdefs = new LinkedHashMap<>();
            for (int i = 0; i < kwNames.length; i++) {
                kwdefs.put(kwNames[i], kwDefaults[i].eval(f));
            }
        }
        return new PyFunction(code, defs, kwdefs, captureCells(f, code.scope), f.globals, f.rt);
    }

    static PyCell[] captureCells(Frame f, Scope scope) {
        int[] from = scope.closureFrom;
        if (from.length == 0) {
            return null;
        }
        PyCell[] r = new PyCell[from.length];
        for (int i = 0; i < from.length; i++) {
            r[i] = f.cells[from[i]];
        }
        return r;
    }

    /**
     * {@code yield value} and {@code yield from iterable}. Runs only in the lowered body of a generator function
     * ({@link GeneratorLowering}), whose frame has a {@link PyGenerator}.
     */
    static final class Yield extends Expr {
        final Expr value;
        final boolean from;

        Yield(Expr value, boolean from) {
            this.value = value;
            this.from = from;
        }

        @Override
        Object eval(Frame f) {
            Object v = value == null ? PyNone.NONE : value.eval(f);
            return from ? f.generator.yieldFrom(v) : f.generator.yieldValue(v);
        }
    }

    /** An f-string: literal parts (String) and formatted parts. */
    static final class JoinedStr extends Expr {
        final Expr[] parts;

        JoinedStr(Expr[] parts) {
            this.parts = parts;
        }

        @Override
        Object eval(Frame f) {
            StringBuilder sb = new StringBuilder();
            for (Expr e : parts) {
                sb.append((String) e.eval(f));
            }
            return sb.toString();
        }
    }

    static final class FormattedValue extends Expr {
        final Expr value;
        final char conversion;
        final Expr spec;

        FormattedValue(Expr value, char conversion, Expr spec) {
            this.value = value;
            this.conversion = conversion;
            this.spec = spec;
        }

        @Override
        Object eval(Frame f) {
            Object v = convert(value.eval(f), conversion);
            String sp = spec == null ? "" : (String) spec.eval(f);
            if (sp.isEmpty() && v instanceof String s) {
                return s;
            }
            return Formatter.format(v, sp);
        }

        /** Applies {@code !r}, {@code !s} or {@code !a} (none: the value itself). */
        static Object convert(Object v, char conversion) {
            switch (conversion) {
                case 'r': return Ops.repr(v);
                case 's': return Ops.str(v);
                case 'a': return Builtins.ascii(Ops.repr(v));
                default: return v;
            }
        }
    }

    /** List, set and dict comprehensions and generator expressions. */
    static final class Comprehension extends Expr {
        static final int LIST = 0;
        static final int SET = 1;
        static final int DICT = 2;
        static final int GEN = 3;

        final int kind;
        final Expr elt;
        final Expr value;
        final Expr[] targets;
        final Expr[] iters;
        final Expr[][] conds;
        final Scope scope;

        Comprehension(int kind, Expr elt, Expr value, Expr[] targets, Expr[] iters, Expr[][] conds, Scope scope) {
            this.kind = kind;
            this.elt = elt;
            this.value = value;
            this.targets = targets;
            this.iters = iters;
            this.conds = conds;
            this.scope = scope;
        }

        @Override
        Object eval(Frame f) {
            Object source = iters[0].eval(f);
            Iterator<Object> first = Ops.iter(source);
            Frame cf = new Frame(f.rt, f.file, new Object[scope.nfast], scope.newCells(captureCells(f, scope)),
                    f.globals, null, f.function);
            CompIterator it = new CompIterator(this, cf, first);
            switch (kind) {
                case LIST: {
                    ArrayList<Object> r = new ArrayList<>(Math.max(10, sizeHint(source)));
                    while (it.hasNext()) {
                        r.add(it.next());
                    }
                    return new PyList(r, true);
                }
                case SET: {
                    PySet s = new PySet(false);
                    while (it.hasNext()) {
                        s.add(it.next());
                    }
                    return s;
                }
                case DICT: {
                    int size = sizeHint(source);
                    PyDict d = size > 12 ? new PyDict(size * 4 / 3 + 1) : new PyDict();
                    while (it.hasNext()) {
                        it.next();
                        d.put(it.key, it.val);
                    }
                    return d;
                }
                default:
                    return it;
            }
        }

        /** How many items a comprehension over {@code source} makes, when that is known up front; else -1. */
        private int sizeHint(Object source) {
            if (iters.length != 1 || conds[0].length != 0) {
                return -1;
            }
            if (source instanceof PyList l) {
                return l.size();
            }
            if (source instanceof PyTuple t) {
                return t.size();
            }
            if (source instanceof PyDict d) {
                return d.size();
            }
            return -1;
        }
    }

    /**
     * A comprehension's values one at a time: a generator expression's iterator, lazy as CPython's. It is not a
     * {@link PyGenerator} (a generator expression's only yield is its value, so it needs no resumable frame):
     * {@code send()} ignores the value sent, as CPython's generator expressions do, and {@code throw()} ends it with
     * the exception.
     */
    static final class CompIterator extends PyIterator {
        private final Comprehension c;
        private final Frame f;
        private final List<Iterator<Object>> its = new ArrayList<>();
        private boolean started;
        Object key;
        Object val;

        CompIterator(Comprehension c, Frame f, Iterator<Object> first) {
            this.c = c;
            this.f = f;
            its.add(first);
        }

        @Override
        String typeName() {
            return "generator";
        }

        /**
         * {@code send(value)}: a generator expression discards what is sent, but like any generator refuses a value
         * before it has started.
         */
        Object send(Object value) {
            if (!started && value != PyNone.NONE) {
                throw Errors.typeError("can't send non-None value to a just-started generator");
            }
            if (!hasNext()) {
                throw exhausted();
            }
            return next();
        }

        @Override
        Object advance() {
            started = true;
            int last = c.iters.length - 1;
            while (!its.isEmpty()) {
                int level = its.size() - 1;
                Iterator<Object> it = its.get(level);
                if (!it.hasNext()) {
                    its.remove(level);
                    continue;
                }
                c.targets[level].assign(f, it.next());
                boolean ok = true;
                for (Expr cond : c.conds[level]) {
                    if (!Ops.isTrue(cond.eval(f))) {
                        ok = false;
                        break;
                    }
                }
                if (!ok) {
                    continue;
                }
                if (level == last) {
                    if (c.kind == Comprehension.DICT) {
                        key = c.elt.eval(f);
                        val = c.value.eval(f);
                        return Boolean.TRUE;
                    }
                    return c.elt.eval(f);
                }
                its.add(Ops.iter(c.iters[level + 1].eval(f)));
            }
            return null;
        }
    }
}
