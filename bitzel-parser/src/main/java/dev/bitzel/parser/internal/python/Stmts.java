package dev.bitzel.parser.internal.python;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statement node classes. */
final class Stmts {
    private Stmts() {}

    static final class ExprStmt extends Stmt {
        final Expr value;

        ExprStmt(Expr value) {
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            value.eval(f);
            return null;
        }
    }

    static final class Assign extends Stmt {
        final Expr[] targets;
        final Expr value;

        Assign(Expr[] targets, Expr value) {
            this.targets = targets;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            Object v = value.eval(f);
            for (Expr t : targets) {
                t.assign(f, v);
            }
            return null;
        }
    }

    /** {@code name: annotation [= value]} in a module or class body: the annotation goes to {@code __annotations__}. */
    static final class Annotated extends Stmt {
        final Stmt assign;
        final String name;
        final Expr annotation;

        Annotated(Stmt assign, String name, Expr annotation) {
            this.assign = assign;
            this.name = name;
            this.annotation = annotation;
        }

        @Override
        Object exec(Frame f) {
            if (assign != null) {
                assign.exec(f);
            }
            // evaluated after the value, as CPython does; failing as there (a NameError, or what this interpreter lacks)
            Object value = annotation.eval(f);
            PyDict ns = f.ns != null ? f.ns : f.globals;
            Object annotations = ns.get("__annotations__");
            if (!(annotations instanceof PyDict)) {
                annotations = new PyDict();
                ns.put("__annotations__", annotations);
            }
            ((PyDict) annotations).put(name, value);
            return null;
        }
    }

    static final class AugAssign extends Stmt {
        final Expr target;
        final int op;
        final Expr value;

        AugAssign(Expr target, int op, Expr value) {
            this.target = target;
            this.op = op;
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            if (target instanceof Exprs.Attribute a) {
                Object o = a.obj.eval(f);
                Object cur = Ops.getattr(o, a.name);
                Ops.setattr(o, a.name, Ops.inplace(op, cur, value.eval(f)));
            } else if (target instanceof Exprs.Subscript s) {
                Object o = s.obj.eval(f);
                Object k = s.index.eval(f);
                Object cur = Ops.getitem(o, k);
                Ops.setitem(o, k, Ops.inplace(op, cur, value.eval(f)));
            } else {
                Object cur = target.eval(f);
                target.assign(f, Ops.inplace(op, cur, value.eval(f)));
            }
            return null;
        }
    }

    /** Syntax Bitzel parses but does not run (coroutines). */
    static final class Unsupported extends Stmt {
        final String what;

        Unsupported(String what) {
            this.what = what;
        }

        @Override
        Object exec(Frame f) {
            throw Errors.notImplemented(what);
        }
    }

    static final class Pass extends Stmt {
        @Override
        Object exec(Frame f) {
            return null;
        }
    }

    static final class Break extends Stmt {
        @Override
        Object exec(Frame f) {
            return BREAK;
        }
    }

    static final class Continue extends Stmt {
        @Override
        Object exec(Frame f) {
            return CONTINUE;
        }
    }

    static final class Return extends Stmt {
        final Expr value;

        Return(Expr value) {
            this.value = value;
        }

        @Override
        Object exec(Frame f) {
            f.retval = value == null ? PyNone.NONE : value.eval(f);
            return RETURN;
        }
    }

    static final class If extends Stmt {
        final Expr test;
        final Stmt[] body;
        final Stmt[] orelse;

        If(Expr test, Stmt[] body, Stmt[] orelse) {
            this.test = test;
            this.body = body;
            this.orelse = orelse;
        }

        @Override
        Object exec(Frame f) {
            if (Ops.isTrue(test.eval(f))) {
                return run(body, f);
            }
            return orelse == null ? null : run(orelse, f);
        }
    }

    static final class While extends Stmt {
        final Expr test;
        final Stmt[] body;
        final Stmt[] orelse;

        While(Expr test, Stmt[] body, Stmt[] orelse) {
            this.test = test;
            this.body = body;
            this.orelse = orelse;
        }

        @Override
        Object exec(Frame f) {
            while (Ops.isTrue(test.eval(f))) {
                Object r = run(body, f);
                if (r == BREAK) {
                    return null;
                }
                if (r != null && r != CONTINUE) {
                    return r;
                }
            }
            return orelse == null ? null : run(orelse, f);
        }
    }

    static final class For extends Stmt {
        final Expr target;
        final Expr iter;
        final Stmt[] body;
        final Stmt[] orelse;

        For(Expr target, Expr iter, Stmt[] body, Stmt[] orelse) {
            this.target = target;
            this.iter = iter;
            this.body = body;
            this.orelse = orelse;
        }

        @Override
        Object exec(Frame f) {
            Iterator<Object> it = Ops.iter(iter.eval(f));
            while (it.hasNext()) {
                target.assign(f, it.next());
                Object r = run(body, f);
                if (r == BREAK) {
                    return null;
                }
                if (r != null && r != CONTINUE) {
                    return r;
                }
            }
            return orelse == null ? null : run(orelse, f);
        }
    }

    static final class Raise extends Stmt {
        final Expr exc;
        final Expr cause;

        Raise(Expr exc, Expr cause) {
            this.exc = exc;
            this.cause = cause;
        }

        @Override
        Object exec(Frame f) {
            if (exc == null) {
                if (f.handling == null) {
                    throw Errors.runtime("No active exception to reraise");
                }
                throw f.handling;
            }
            PyInstance e = instantiate(exc.eval(f));
            if (cause != null) {
                Object c = cause.eval(f);
                e.setAttr("__cause__", c == PyNone.NONE ? c : instantiate(c));
                e.setAttr("__suppress_context__", true);
            }
            if (f.handling != null && e.getAttr("__context__") == null && f.handling.exception() != e) {
                e.setAttr("__context__", f.handling.exception());
            }
            throw new PythonError(e);
        }

        static PyInstance instantiate(Object o) {
            if (o instanceof PyType t && t.isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
                o = t.call(new Object[0], null);
            }
            if (o instanceof PyInstance i && i.type().isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
                return i;
            }
            throw Errors.typeError("exceptions must derive from BaseException");
        }
    }

    static final class Handler {
        final Expr type;
        final Exprs.Name name;
        final Stmt[] body;

        Handler(Expr type, Exprs.Name name, Stmt[] body) {
            this.type = type;
            this.name = name;
            this.body = body;
        }
    }

    static final class Try extends Stmt {
        final Stmt[] body;
        final Handler[] handlers;
        final Stmt[] orelse;
        final Stmt[] finalbody;

        Try(Stmt[] body, Handler[] handlers, Stmt[] orelse, Stmt[] finalbody) {
            this.body = body;
            this.handlers = handlers;
            this.orelse = orelse;
            this.finalbody = finalbody;
        }

        @Override
        Object exec(Frame f) {
            if (finalbody == null) {
                return tryPart(f);
            }
            Object r = null;
            RuntimeException pending = null;
            Error pendingError = null;
            Object savedRet = null;
            try {
                r = tryPart(f);
                savedRet = f.retval;
            } catch (RuntimeException e) {
                pending = e;
            } catch (StackOverflowError e) {
                pending = PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded");
            } catch (Error e) {
                pendingError = e;
            }
            PythonError savedHandling = f.handling;
            if (pending instanceof PythonError pe) {
                f.handling = pe;
            }
            Object fr;
            try {
                fr = run(finalbody, f);
            } finally {
                f.handling = savedHandling;
            }
            if (fr != null) {
                return fr;
            }
            if (pendingError != null) {
                throw pendingError;
            }
            if (pending != null) {
                throw pending;
            }
            if (r == RETURN) {
                f.retval = savedRet;
            }
            return r;
        }

        private Object tryPart(Frame f) {
            try {
                Object r = run(body, f);
                if (r != null) {
                    return r;
                }
            } catch (PythonError e) {
                return handle(f, e);
            } catch (StackOverflowError e) {
                return handle(f, PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded"));
            }
            return orelse == null ? null : run(orelse, f);
        }

        private Object handle(Frame f, PythonError e) {
            for (Handler h : handlers) {
                if (h.type == null || matches(e, h.type.eval(f))) {
                    PythonError saved = f.handling;
                    f.handling = e;
                    try {
                        if (h.name != null) {
                            h.name.assign(f, e.exception());
                        }
                        return run(h.body, f);
                    } finally {
                        f.handling = saved;
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
            throw e;
        }

        static boolean matches(PythonError e, Object type) {
            if (type instanceof PyType t) {
                if (!t.isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
                    throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
                }
                return e.isInstance(t);
            }
            if (type instanceof PyTuple tu) {
                for (Object o : tu.items) {
                    if (matches(e, o)) {
                        return true;
                    }
                }
                return false;
            }
            throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }

    static final class With extends Stmt {
        final Expr context;
        final Expr target;
        final Stmt[] body;

        With(Expr context, Expr target, Stmt[] body) {
            this.context = context;
            this.target = target;
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            Object[] methods = managerMethods(context.eval(f));
            Object exit = methods[1];
            Object v = Ops.call(methods[0], new Object[0], null);
            Object r;
            try {
                if (target != null) {
                    target.assign(f, v);
                }
                r = run(body, f);
            } catch (PythonError e) {
                if (exitSuppresses(exit, e)) {
                    return null;
                }
                throw e;
            }
            Ops.call(exit, new Object[] {PyNone.NONE, PyNone.NONE, PyNone.NONE}, null);
            return r;
        }

        /** A context manager's bound {@code __enter__} and {@code __exit__}; CPython's TypeError without them. */
        static Object[] managerMethods(Object mgr) {
            Object exit = Ops.getattrOrNull(mgr, "__exit__");
            Object enter = Ops.getattrOrNull(mgr, "__enter__");
            if (enter == null || exit == null) {
                throw Errors.typeError("'" + Ops.typeName(mgr)
                        + "' object does not support the context manager protocol");
            }
            return new Object[] {enter, exit};
        }

        /** Calls {@code __exit__} with the exception the body raised: whether it suppresses it. */
        static boolean exitSuppresses(Object exit, PythonError e) {
            return Ops.isTrue(Ops.call(exit, new Object[] {e.exception().type(), e.exception(), PyNone.NONE}, null));
        }
    }

    static final class Assert extends Stmt {
        final Expr test;
        final Expr msg;

        Assert(Expr test, Expr msg) {
            this.test = test;
            this.msg = msg;
        }

        @Override
        Object exec(Frame f) {
            if (!Ops.isTrue(test.eval(f))) {
                Object[] args = msg == null ? new Object[0] : new Object[] {msg.eval(f)};
                throw new PythonError(Exceptions.createArgs(Exceptions.ASSERTION_ERROR, args));
            }
            return null;
        }
    }

    static final class Del extends Stmt {
        final Expr[] targets;

        Del(Expr[] targets) {
            this.targets = targets;
        }

        @Override
        Object exec(Frame f) {
            for (Expr t : targets) {
                t.delete(f);
            }
            return null;
        }
    }

    static final class Import extends Stmt {
        final String[] modules;
        final Exprs.Name[] targets;
        final boolean[] aliased;

        Import(String[] modules, Exprs.Name[] targets, boolean[] aliased) {
            this.modules = modules;
            this.targets = targets;
            this.aliased = aliased;
        }

        @Override
        Object exec(Frame f) {
            for (int i = 0; i < modules.length; i++) {
                PyModule m = f.rt.importModule(modules[i]);
                if (aliased[i]) {
                    targets[i].assign(f, m);
                } else {
                    int dot = modules[i].indexOf('.');
                    targets[i].assign(f, dot < 0 ? m : f.rt.importModule(modules[i].substring(0, dot)));
                }
            }
            return null;
        }
    }

    static final class ImportFrom extends Stmt {
        final String module;
        final int level;
        final String[] names;
        final Exprs.Name[] targets;

        ImportFrom(String module, int level, String[] names, Exprs.Name[] targets) {
            this.module = module;
            this.level = level;
            this.names = names;
            this.targets = targets;
        }

        @Override
        Object exec(Frame f) {
            String full = f.rt.resolveRelative(module, level, f.globals);
            PyModule m = f.rt.importModule(full);
            if (names == null) {
                PyDict target = f.ns != null ? f.ns : f.globals;
                Object all = m.dict().get("__all__");
                if (all != null) {
                    Iterator<Object> it = Ops.iter(all);
                    while (it.hasNext()) {
                        String n = Ops.str(it.next());
                        target.put(n, Ops.getattr(m, n));
                    }
                } else {
                    for (Map.Entry<Object, Object> e : m.dict().entries()) {
                        if (e.getKey() instanceof String s && !s.startsWith("_")) {
                            target.put(s, e.getValue());
                        }
                    }
                }
                return null;
            }
            for (int i = 0; i < names.length; i++) {
                Object v = m.dict().get(names[i]);
                if (v == null) {
                    v = f.rt.tryImportSubmodule(full + "." + names[i]);
                }
                if (v == null && m.stub) {
                    v = Ops.getattrOrNull(m, names[i]); // a stand-in that fails naming itself when used
                }
                if (v == null) {
                    Object file = m.dict().get("__file__");
                    throw PythonError.of(Exceptions.IMPORT_ERROR, "cannot import name '" + names[i] + "' from '" + full
                            + "' (" + (file == null ? "unknown location" : Ops.str(file)) + ")");
                }
                targets[i].assign(f, v);
            }
            return null;
        }
    }

    static final class FunctionDef extends Stmt {
        final Exprs.Name target;
        final Expr[] decorators;
        final FuncCode code;
        final Expr[] defaults;
        final String[] kwdefaultNames;
        final Expr[] kwdefaults;

        FunctionDef(Exprs.Name target, Expr[] decorators, FuncCode code, Expr[] defaults, String[] kwdefaultNames,
                Expr[] kwdefaults) {
            this.target = target;
            this.decorators = decorators;
            this.code = code;
            this.defaults = defaults;
            this.kwdefaultNames = kwdefaultNames;
            this.kwdefaults = kwdefaults;
        }

        @Override
        Object exec(Frame f) {
            Object[] decs = new Object[decorators.length];
            for (int i = 0; i < decs.length; i++) {
                decs[i] = decorators[i].eval(f);
            }
            Object fn = Exprs.makeFunction(f, code, defaults, kwdefaultNames, kwdefaults);
            for (int i = decs.length - 1; i >= 0; i--) {
                fn = Ops.call(decs[i], new Object[] {fn}, null);
            }
            target.assign(f, fn);
            return null;
        }
    }

    static final class ClassDef extends Stmt {
        final Exprs.Name target;
        final String qualname;
        final Expr[] decorators;
        final Expr[] bases;
        /** The class keywords but {@code metaclass}, handed to {@code __init_subclass__}. */
        final String[] keywordNames;
        final Expr[] keywords;
        /** The {@code metaclass} keyword's value, or null. */
        final Expr metaclass;
        final Scope scope;
        final Stmt[] body;

        ClassDef(Exprs.Name target, String qualname, Expr[] decorators, Expr[] bases, String[] keywordNames,
                Expr[] keywords, Expr metaclass, Scope scope, Stmt[] body) {
            this.target = target;
            this.qualname = qualname;
            this.decorators = decorators;
            this.bases = bases;
            this.keywordNames = keywordNames;
            this.keywords = keywords;
            this.metaclass = metaclass;
            this.scope = scope;
            this.body = body;
        }

        @Override
        Object exec(Frame f) {
            Object[] decs = new Object[decorators.length];
            for (int i = 0; i < decs.length; i++) {
                decs[i] = decorators[i].eval(f);
            }
            List<Object> baseValues = Exprs.evalItems(bases, f);
            PyType[] bs = new PyType[baseValues.size()];
            for (int i = 0; i < bs.length; i++) {
                if (!(baseValues.get(i) instanceof PyType t)) {
                    throw Errors.typeError("bases must be types");
                }
                bs[i] = t;
            }
            if (bs.length == 0) {
                bs = new PyType[] {Builtins.OBJECT};
            }
            Map<String, Object> classKeywords = new LinkedHashMap<>();
            for (int i = 0; i < keywords.length; i++) {
                classKeywords.put(keywordNames[i], keywords[i].eval(f));
            }
            Object meta = metaclass == null ? null : metaclass.eval(f);
            PyDict ns = new PyDict();
            Object modName = f.globals.get("__name__");
            ns.put("__module__", modName == null ? "__main__" : modName);
            ns.put("__qualname__", qualname);
            Frame cf = new Frame(f.rt, f.file, null, scope.newCells(Exprs.captureCells(f, scope)), f.globals, ns,
                    f.function);
            try {
                run(body, cf);
            } catch (PythonError e) {
                e.addTraceback(f.file, cf.line, target.id);
                throw e;
            }
            Map<String, Object> dict = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ns.entries()) {
                dict.put((String) e.getKey(), e.getValue());
            }
            if (dict.containsKey("__eq__") && !dict.containsKey("__hash__")) {
                dict.put("__hash__", PyNone.NONE);
            }
            PyType.implicitClassMethods(dict);
            PyType t = new PyType(target.id, Ops.str(ns.get("__module__")), bs, dict, false);
            if (meta instanceof PyType m && !m.builtin) {
                t.metaclass = m;
            }
            for (Object v : dict.values()) {
                Object fn = v instanceof PyStaticMethod sm ? sm.function : v instanceof PyClassMethod cm ? cm.function
                        : v instanceof PyProperty p ? p.fget : v;
                if (fn instanceof PyFunction pf) {
                    pf.definingClass = t;
                }
                if (v instanceof PyProperty p) {
                    for (Object acc : new Object[] {p.fset, p.fdel}) {
                        if (acc instanceof PyFunction pf) {
                            pf.definingClass = t;
                        }
                    }
                }
            }
            try {
                t.initSubclass(classKeywords);
            } catch (PythonError e) {
                e.addTraceback(f.file, line, target.id);
                throw e;
            }
            Object cls = t;
            for (int i = decs.length - 1; i >= 0; i--) {
                cls = Ops.call(decs[i], new Object[] {cls}, null);
            }
            target.assign(f, cls);
            return null;
        }
    }
}
