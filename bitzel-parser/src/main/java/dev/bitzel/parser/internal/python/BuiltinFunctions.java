package dev.bitzel.parser.internal.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The built-in functions, bound to one runtime (print's sink, import). */
final class BuiltinFunctions {
    private BuiltinFunctions() {}

    static PyDict create(PythonRuntime rt) {
        PyDict b = new PyDict();
        for (PyType t : new PyType[] {Builtins.OBJECT, Builtins.TYPE, Builtins.INT, Builtins.BOOL, Builtins.FLOAT,
            Builtins.STR, Builtins.BYTES, Builtins.BYTEARRAY, Builtins.LIST, Builtins.TUPLE, Builtins.DICT, Builtins.SET, Builtins.FROZENSET,
            Builtins.RANGE, Builtins.SLICE, Builtins.PROPERTY, Builtins.STATICMETHOD, Builtins.CLASSMETHOD}) {
            b.put(t.name(), t);
        }
        for (PyType t : Exceptions.ALL) {
            b.put(t.name(), t);
        }
        b.put("EnvironmentError", Exceptions.OS_ERROR);
        b.put("IOError", Exceptions.OS_ERROR);
        b.put("None", PyNone.NONE);
        b.put("True", Boolean.TRUE);
        b.put("False", Boolean.FALSE);
        b.put("Ellipsis", Builtins.ELLIPSIS);
        b.put("NotImplemented", Builtins.NOT_IMPLEMENTED);
        b.put("__debug__", Boolean.TRUE);
        def(b, "len", (a, kw) -> {
            Args.count("len", a, 1, 1);
            return (long) Ops.len(a[0]);
        });
        def(b, "repr", (a, kw) -> {
            Args.count("repr", a, 1, 1);
            return Ops.repr(a[0]);
        });
        def(b, "ascii", (a, kw) -> Builtins.ascii(Ops.repr(a[0])));
        def(b, "abs", (a, kw) -> {
            Args.count("abs", a, 1, 1);
            Object x = a[0];
            if (x instanceof Double d) {
                return Math.abs(d);
            }
            if (Ints.isInt(x)) {
                return Ints.compare(x, 0L) < 0 ? Ints.neg(x) : Ops.pos(x);
            }
            if (x instanceof PyInstance i && i.type().lookup("__abs__") != null) {
                return Ops.call(i.type().lookup("__abs__"), new Object[] {x}, null);
            }
            throw Errors.typeError("bad operand type for abs(): '" + Ops.typeName(x) + "'");
        });
        def(b, "enumerate", (a, kw) -> {
            Object[] p = Args.bind("enumerate", a, kw, new String[] {"iterable", "start"}, 1);
            Iterator<Object> it = Ops.iter(p[0]);
            Object start = p[1] == null ? 0L : p[1];
            return new PyIterator() {
                Object i = start;

                @Override
                Object advance() {
                    if (!it.hasNext()) {
                        return null;
                    }
                    Object r = PyTuple.of(i, it.next());
                    i = Ints.add(i, 1L);
                    return r;
                }

                @Override
                String typeName() {
                    return "enumerate";
                }
            };
        });
        def(b, "zip", (a, kw) -> {
            boolean strict = kw != null && Ops.isTrue(kw.getOrDefault("strict", false));
            List<Iterator<Object>> its = new ArrayList<>();
            for (Object o : a) {
                its.add(Ops.iter(o));
            }
            return new PyIterator() {
                @Override
                Object advance() {
                    if (its.isEmpty()) {
                        return null;
                    }
                    Object[] r = new Object[its.size()];
                    for (int i = 0; i < r.length; i++) {
                        if (!its.get(i).hasNext()) {
                            if (strict && (i > 0 || its.stream().anyMatch(Iterator::hasNext))) {
                                throw Errors.valueError("zip() argument " + (i + 1) + " is shorter than argument 1");
                            }
                            return null;
                        }
                        r[i] = its.get(i).next();
                    }
                    return new PyTuple(r);
                }

                @Override
                String typeName() {
                    return "zip";
                }
            };
        });
        def(b, "map", (a, kw) -> {
            Args.count("map", a, 2, Integer.MAX_VALUE);
            Object f = a[0];
            List<Iterator<Object>> its = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                its.add(Ops.iter(a[i]));
            }
            return new PyIterator() {
                @Override
                Object advance() {
                    Object[] args = new Object[its.size()];
                    for (int i = 0; i < args.length; i++) {
                        if (!its.get(i).hasNext()) {
                            return null;
                        }
                        args[i] = its.get(i).next();
                    }
                    return Ops.call(f, args, null);
                }

                @Override
                String typeName() {
                    return "map";
                }
            };
        });
        def(b, "filter", (a, kw) -> {
            Args.count("filter", a, 2, 2);
            Object f = a[0];
            Iterator<Object> it = Ops.iter(a[1]);
            return new PyIterator() {
                @Override
                Object advance() {
                    while (it.hasNext()) {
                        Object v = it.next();
                        if (Ops.isTrue(f == PyNone.NONE ? v : Ops.call(f, new Object[] {v}, null))) {
                            return v;
                        }
                    }
                    return null;
                }

                @Override
                String typeName() {
                    return "filter";
                }
            };
        });
        def(b, "sorted", (a, kw) -> {
            Args.count("sorted", a, 1, 1);
            Object[] p = Args.bind("sorted", new Object[0], kw, new String[] {"key", "reverse"}, 0);
            ArrayList<Object> l = Ops.toList(a[0]);
            Builtins.sort(l, p[0], p[1] != null && Ops.isTrue(p[1]));
            return new PyList(l, true);
        });
        def(b, "reversed", (a, kw) -> {
            Args.count("reversed", a, 1, 1);
            Object o = a[0];
            if (o instanceof PyInstance i && i.type().lookup("__reversed__") != null) {
                return Ops.call(i.type().lookup("__reversed__"), new Object[] {o}, null);
            }
            Object classReversed = Ops.callMeta(o, "__reversed__");
            if (classReversed != null) {
                return classReversed;
            }
            if (o instanceof PyDict || o instanceof DictView || o instanceof PyList || o instanceof PyTuple
                    || o instanceof String || o instanceof PyRange || o instanceof PyBytes
                    || (o instanceof PyInstance i && i.builtinValue != null)) {
                ArrayList<Object> l = Ops.toList(o);
                java.util.Collections.reverse(l);
                return PyIterator.of(l.iterator());
            }
            if (o instanceof PyInstance i && i.type().lookup("__len__") != null && i.type().lookup("__getitem__") != null) {
                int n = Ops.len(o);
                ArrayList<Object> l = new ArrayList<>();
                for (int k = n - 1; k >= 0; k--) {
                    l.add(Ops.getitem(o, (long) k));
                }
                return PyIterator.of(l.iterator());
            }
            throw Errors.typeError("'" + Ops.typeName(o) + "' object is not reversible");
        });
        def(b, "min", (a, kw) -> minmax(a, kw, "min", true));
        def(b, "max", (a, kw) -> minmax(a, kw, "max", false));
        def(b, "sum", (a, kw) -> {
            Object[] p = Args.bind("sum", a, kw, new String[] {"iterable", "start"}, 1);
            Object acc = p[1] == null ? 0L : p[1];
            if (acc instanceof String) {
                throw Errors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
            }
            Iterator<Object> it = Ops.iter(p[0]);
            while (it.hasNext()) {
                acc = Ops.binary(Ops.ADD, acc, it.next());
            }
            return acc;
        });
        def(b, "any", (a, kw) -> {
            Args.count("any", a, 1, 1);
            Iterator<Object> it = Ops.iter(a[0]);
            while (it.hasNext()) {
                if (Ops.isTrue(it.next())) {
                    return true;
                }
            }
            return false;
        });
        def(b, "all", (a, kw) -> {
            Args.count("all", a, 1, 1);
            Iterator<Object> it = Ops.iter(a[0]);
            while (it.hasNext()) {
                if (!Ops.isTrue(it.next())) {
                    return false;
                }
            }
            return true;
        });
        def(b, "round", (a, kw) -> {
            Object[] p = Args.bind("round", a, kw, new String[] {"number", "ndigits"}, 1);
            if (p[0] instanceof PyInstance i && i.type().lookup("__round__") != null) {
                return Ops.call(i.type().lookup("__round__"), p[1] == null ? new Object[] {p[0]}
                        : new Object[] {p[0], p[1]}, null);
            }
            return Builtins.round(p[0], p[1]);
        });
        def(b, "divmod", (a, kw) -> {
            Args.count("divmod", a, 2, 2);
            return PyTuple.of(Ops.binary(Ops.FLOORDIV, a[0], a[1]), Ops.binary(Ops.MOD, a[0], a[1]));
        });
        def(b, "pow", (a, kw) -> {
            Args.count("pow", a, 2, 3);
            if (a.length == 3 && a[2] != PyNone.NONE) {
                BigInteger m = Ints.big(a[2]);
                if (m.signum() == 0) {
                    throw Errors.valueError("pow() 3rd argument cannot be 0");
                }
                BigInteger r = Ints.big(a[0]).modPow(Ints.big(a[1]), m.abs());
                if (m.signum() < 0 && r.signum() != 0) {
                    r = r.add(m);
                }
                return Ints.normalize(r);
            }
            return Ops.binary(Ops.POW, a[0], a[1]);
        });
        def(b, "isinstance", (a, kw) -> {
            Args.count("isinstance", a, 2, 2);
            return isInstance(a[0], a[1]);
        });
        def(b, "issubclass", (a, kw) -> {
            Args.count("issubclass", a, 2, 2);
            if (!(a[0] instanceof PyType t)) {
                throw Errors.typeError("issubclass() arg 1 must be a class");
            }
            return isSubclass(t, a[1]);
        });
        def(b, "hasattr", (a, kw) -> {
            Args.count("hasattr", a, 2, 2);
            try {
                return Ops.getattrOrNull(a[0], Args.str(a[1], "attribute name")) != null;
            } catch (PythonError e) {
                if (e.isInstance(Exceptions.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
        });
        def(b, "getattr", (a, kw) -> {
            Args.count("getattr", a, 2, 3);
            String n = Args.str(a[1], "attribute name");
            if (a.length == 3) {
                try {
                    Object v = Ops.getattrOrNull(a[0], n);
                    return v == null ? a[2] : v;
                } catch (PythonError e) {
                    if (e.isInstance(Exceptions.ATTRIBUTE_ERROR)) {
                        return a[2];
                    }
                    throw e;
                }
            }
            return Ops.getattr(a[0], n);
        });
        def(b, "setattr", (a, kw) -> {
            Args.count("setattr", a, 3, 3);
            Ops.setattr(a[0], Args.str(a[1], "attribute name"), a[2]);
            return PyNone.NONE;
        });
        def(b, "delattr", (a, kw) -> {
            Args.count("delattr", a, 2, 2);
            Ops.delattr(a[0], Args.str(a[1], "attribute name"));
            return PyNone.NONE;
        });
        def(b, "callable", (a, kw) -> Ops.isCallable(a[0]));
        def(b, "iter", (a, kw) -> {
            Args.count("iter", a, 1, 2);
            if (a.length == 2) {
                Object f = a[0];
                Object sentinel = a[1];
                return new PyIterator() {
                    @Override
                    Object advance() {
                        Object v = Ops.call(f, new Object[0], null);
                        return Ops.eq(v, sentinel) ? null : v;
                    }
                };
            }
            Iterator<Object> it = Ops.iter(a[0]);
            return it instanceof PyIterator ? it : PyIterator.of(it);
        });
        def(b, "next", (a, kw) -> {
            Args.count("next", a, 1, 2);
            Object o = a[0];
            if (o instanceof Iterator<?> it) {
                if (it.hasNext()) {
                    return it.next();
                }
                if (a.length > 1) {
                    return a[1];
                }
                throw it instanceof PyIterator pi ? pi.exhausted() : Errors.stopIteration();
            }
            Object nx = Ops.getattrOrNull(o, "__next__");
            if (nx == null) {
                throw Errors.typeError("'" + Ops.typeName(o) + "' object is not an iterator");
            }
            try {
                return Ops.call(nx, new Object[0], null);
            } catch (PythonError e) {
                if (a.length > 1 && e.isInstance(Exceptions.STOP_ITERATION)) {
                    return a[1];
                }
                throw e;
            }
        });
        def(b, "id", (a, kw) -> (long) System.identityHashCode(a[0]));
        def(b, "hash", (a, kw) -> {
            Args.count("hash", a, 1, 1);
            Object o = a[0];
            if (o instanceof PyInstance inst) {
                // a user __hash__'s value (Java's hashCode keeps 32 bits of it)
                Object h = inst.type().lookup("__hash__");
                if (h != null && h != PyNone.NONE && h != Builtins.OBJECT.dict.get("__hash__")) {
                    o = Ops.call(h, new Object[] {inst}, null);
                    if (!Ints.isInt(o)) {
                        throw Errors.typeError("__hash__ method should return an integer");
                    }
                    if (!(o instanceof java.math.BigInteger)) {
                        // a value that fits a machine word is the hash as it is (but -1, which CPython reserves)
                        long v = Ints.toLong(o);
                        return v == -1 ? -2L : v;
                    }
                }
            }
            if (Ints.isInt(o)) {
                return Ints.hash(o);
            }
            if (o instanceof Double d && !d.isNaN()) {
                return Ints.floatHash(d);
            }
            PyDict.canon(o);
            return (long) Ops.hash(o);
        });
        def(b, "ord", (a, kw) -> {
            Args.count("ord", a, 1, 1);
            if (a[0] instanceof PyBytes by && by.bytes.length == 1) {
                return (long) (by.bytes[0] & 0xff);
            }
            String s = Args.str(a[0], "ord() argument");
            if (s.codePointCount(0, s.length()) != 1) {
                throw Errors.typeError("ord() expected a character, but string of length " + s.length() + " found");
            }
            return (long) s.codePointAt(0);
        });
        def(b, "chr", (a, kw) -> {
            Args.count("chr", a, 1, 1);
            long c = Ints.toLong(Ops.index(a[0]));
            if (c < 0 || c > 0x10ffff) {
                throw Errors.valueError("chr() arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) c));
        });
        def(b, "hex", (a, kw) -> radix(a[0], 16, "0x"));
        def(b, "oct", (a, kw) -> radix(a[0], 8, "0o"));
        def(b, "bin", (a, kw) -> radix(a[0], 2, "0b"));
        def(b, "format", (a, kw) -> {
            Args.count("format", a, 1, 2);
            return Formatter.format(a[0], a.length > 1 ? Args.str(a[1], "format spec") : "");
        });
        def(b, "print", (a, kw) -> {
            Object[] p = Args.bind("print", new Object[0], kw, new String[] {"sep", "end", "file", "flush"}, 0);
            String sep = Args.isNone(p[0]) ? " " : Args.str(p[0], "sep");
            String end = Args.isNone(p[1]) ? "\n" : Args.str(p[1], "end");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(Ops.str(a[i]));
            }
            sb.append(end);
            if (!Args.isNone(p[2])) {
                Ops.callMethod(p[2], "write", new Object[] {sb.toString()}, null);
            } else {
                rt.stdout.accept(sb.toString());
            }
            return PyNone.NONE;
        });
        def(b, "vars", (a, kw) -> {
            Args.count("vars", a, 1, 1);
            Object d = Ops.getattrOrNull(a[0], "__dict__");
            if (d == null) {
                throw Errors.typeError("vars() argument must have __dict__ attribute");
            }
            return d;
        });
        def(b, "dir", (a, kw) -> {
            Args.count("dir", a, 1, 1);
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            Object o = a[0];
            if (o instanceof PyInstance i) {
                for (Object k : i.dict.keys()) {
                    names.add((String) k);
                }
            }
            if (o instanceof PyModule m) {
                for (Object k : m.dict().keys()) {
                    names.add((String) k);
                }
            } else {
                PyType t = o instanceof PyType pt ? pt : Ops.typeOf(o);
                for (PyType x : t.mro) {
                    names.addAll(x.dict.keySet());
                }
            }
            ArrayList<Object> l = new ArrayList<>(names);
            return new PyList(l, true);
        });
        def(b, "open", (a, kw) -> openForReading(rt, a, kw));
        def(b, "input", (a, kw) -> {
            throw Errors.notImplemented("input()");
        });
        def(b, "__import__", (a, kw) -> rt.importModule(Ops.str(a[0])));
        def(b, "super", (a, kw) -> {
            Args.count("super", a, 2, 2);
            if (!(a[0] instanceof PyType t)) {
                throw Errors.typeError("super() argument 1 must be a type, not " + Ops.typeName(a[0]));
            }
            return new PySuper(t, a[1]);
        });
        def(b, "compile", (a, kw) -> {
            Object[] p = Args.bind("compile", a, kw, new String[] {"source", "filename", "mode", "flags",
                "dont_inherit", "optimize"}, 3);
            String mode = Ops.str(p[2]);
            if (!mode.equals("exec") && !mode.equals("eval") && !mode.equals("single")) {
                throw Errors.valueError("compile() mode must be 'exec', 'eval' or 'single'");
            }
            return compile(rt, Args.str(p[0], "compile() arg 1"), Ops.str(p[1]),
                    mode.equals("eval") ? PythonRuntime.Mode.EVAL : PythonRuntime.Mode.EXEC);
        });
        def(b, "eval", (a, kw) -> {
            Args.count("eval", a, 1, 3);
            PyDict g = a.length > 1 && a[1] instanceof PyDict d ? d : rt.newGlobals("__main__");
            if (a.length > 2 && a[2] instanceof PyDict l && l != g) {
                PyDict merged = g.copy();
                Builtins.updateDict(merged, l, null);
                g = merged;
            }
            Code c = a[0] instanceof Code code ? code : compile(rt, Args.str(a[0], "eval() arg 1"), "<string>",
                    PythonRuntime.Mode.EVAL);
            return rt.eval(c, g);
        });
        def(b, "exec", (a, kw) -> {
            Args.count("exec", a, 1, 3);
            PyDict g = a.length > 1 && a[1] instanceof PyDict d ? d : rt.newGlobals("__main__");
            Code c = a[0] instanceof Code code ? code : compile(rt, Args.str(a[0], "exec() arg 1"), "<string>",
                    PythonRuntime.Mode.EXEC);
            rt.eval(c, g);
            return PyNone.NONE;
        });
        def(b, "globals", (a, kw) -> {
            throw Errors.notImplemented("globals() called indirectly");
        });
        def(b, "locals", (a, kw) -> {
            throw Errors.notImplemented("locals() called indirectly");
        });
        return b;
    }

    /** Compiles for eval/exec/compile(), turning Java syntax errors into Python's SyntaxError. */
    private static Code compile(PythonRuntime rt, String src, String file, PythonRuntime.Mode mode) {
        try {
            return rt.compile(src, file, 1, mode);
        } catch (PythonSyntaxError e) {
            PyInstance err = Exceptions.create(Exceptions.SYNTAX_ERROR, e.reason());
            err.setAttr("filename", e.file());
            err.setAttr("lineno", (long) e.line());
            err.setAttr("offset", (long) e.column());
            err.setAttr("msg", e.reason());
            throw new PythonError(err);
        }
    }

    /** The built-in functions that never use their runtime (abs, divmod, iter, len, reversed, round, ...). */
    private static volatile PyDict runtimeFree;

    /** Calls one of the built-in functions that never use their runtime, by name. */
    static Object call(String name, Object... args) {
        PyDict functions = runtimeFree;
        if (functions == null) {
            functions = create(null);
            runtimeFree = functions;
        }
        return Ops.call(functions.get(name), args, null);
    }

    private static void def(PyDict b, String name, NativeFunction f) {
        b.put(name, new PyBuiltin(name, f));
    }

    static boolean isInstance(Object o, Object cls) {
        if (cls instanceof PyTuple t) {
            for (Object c : t.items) {
                if (isInstance(o, c)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType t)) {
            throw Errors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
        }
        if (Ops.typeOf(o).isSubtypeOf(t)) {
            return true;
        }
        Object hook = t.dict.get("__bitzel_instancecheck__");
        return hook instanceof PyStaticMethod sm && Ops.isTrue(Ops.call(sm.function, new Object[] {o}, null));
    }

    static boolean isSubclass(PyType t, Object cls) {
        if (cls instanceof PyTuple tu) {
            for (Object c : tu.items) {
                if (isSubclass(t, c)) {
                    return true;
                }
            }
            return false;
        }
        if (!(cls instanceof PyType c)) {
            throw Errors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        return t.isSubtypeOf(c);
    }

    private static Object radix(Object v, int radix, String prefix) {
        Object i = Ops.index(v);
        BigInteger b = Ints.big(i);
        return (b.signum() < 0 ? "-" : "") + prefix + b.abs().toString(radix);
    }

    private static Object minmax(Object[] a, Map<String, Object> kw, String name, boolean min) {
        Object key = kw == null ? null : kw.get("key");
        Object dflt = kw == null ? null : kw.get("default");
        if (a.length == 0) {
            throw Errors.typeError(name + " expected at least 1 argument, got 0");
        }
        Iterator<Object> it = a.length == 1 ? Ops.iter(a[0]) : java.util.Arrays.asList(a).iterator();
        Object best = null;
        Object bestKey = null;
        while (it.hasNext()) {
            Object v = it.next();
            Object k = key == null || key == PyNone.NONE ? v : Ops.call(key, new Object[] {v}, null);
            if (best == null || (min ? Ops.compare(k, bestKey, "<") : Ops.compare(k, bestKey, ">"))) {
                best = v;
                bestKey = k;
            }
        }
        if (best == null) {
            if (dflt != null) {
                return dflt;
            }
            throw Errors.valueError(name + "() arg is an empty sequence");
        }
        return best;
    }

    /** A file's text (newlines translated) as read when the file had this size, time and identity. */
    private record FileText(long size, java.nio.file.attribute.FileTime modified, Object key, String text) {
    }

    /**
     * Texts of files {@code open()} read, by path, used again while the file's size, modification time and
     * identity (inode) are unchanged: every recipe's parse opens the same files (create-spdx's 210 kB license list),
     * and one String for one text also lets {@code json.load} find its parse of it without comparing the text.
     */
    private static final java.util.concurrent.ConcurrentHashMap<java.nio.file.Path, FileText> FILE_TEXTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FILE_TEXTS_MAX = 256;
    private static final long FILE_TEXT_MAX_SIZE = 8L << 20;

    private static String readText(java.nio.file.Path path) throws java.io.IOException {
        java.nio.file.attribute.BasicFileAttributes attributes = java.nio.file.Files.readAttributes(path,
                java.nio.file.attribute.BasicFileAttributes.class);
        FileText known = FILE_TEXTS.get(path);
        if (known != null && attributes.isRegularFile() && known.size() == attributes.size()
                && known.modified().equals(attributes.lastModifiedTime())
                && Objects.equals(known.key(), attributes.fileKey())) {
            return known.text();
        }
        String text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (attributes.isRegularFile() && attributes.size() <= FILE_TEXT_MAX_SIZE && attributes.fileKey() != null
                && (FILE_TEXTS.size() < FILE_TEXTS_MAX || FILE_TEXTS.containsKey(path))) {
            FileText fresh = new FileText(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey(),
                    text);
            // keep the text another thread stored first for the same file state: one String per text
            FileText kept = FILE_TEXTS.merge(path, fresh, (old, mine) -> old.size() == mine.size()
                    && old.modified().equals(mine.modified()) && Objects.equals(old.key(), mine.key())
                    && old.text().equals(mine.text()) ? old : mine);
            return kept.text();
        }
        return text;
    }

    /** {@code open(file, mode='r')} for reading text: parsing reads files (e.g. /etc/os-release), never writes. */
    private static Object openForReading(PythonRuntime rt, Object[] a, java.util.Map<String, Object> kw) {
        Object[] b = Args.bind("open", a, kw, new String[] {"file", "mode", "buffering", "encoding", "errors",
            "newline"}, 1);
        String mode = b[1] == null ? "r" : Ops.str(b[1]);
        if (!(mode.equals("r") || mode.equals("rt"))) {
            throw Errors.notImplemented("open() with mode '" + mode + "' at parse time");
        }
        String name = OsModule.fs(b[0]);
        java.nio.file.Path path = java.nio.file.Path.of(OsModule.abspath(rt, name));
        HostAccess.fileRead(path.toString());
        String text;
        try {
            text = readText(path);
        } catch (java.nio.file.NoSuchFileException e) {
            throw PythonError.of(Exceptions.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + name + "'");
        } catch (java.nio.file.AccessDeniedException e) {
            throw PythonError.of(Exceptions.PERMISSION_ERROR, "[Errno 13] Permission denied: '" + name + "'");
        } catch (java.io.IOException e) {
            if (java.nio.file.Files.isDirectory(path)) {
                throw PythonError.of(Exceptions.IS_A_DIRECTORY_ERROR, "[Errno 21] Is a directory: '" + name + "'");
            }
            throw PythonError.of(Exceptions.OS_ERROR, "cannot read '" + name + "': " + e.getMessage());
        }
        String content = text;
        int[] pos = {0};
        NativeFunction readline = (x, k) -> {
            if (pos[0] >= content.length()) {
                return "";
            }
            int nl = content.indexOf('\n', pos[0]);
            int end = nl < 0 ? content.length() : nl + 1;
            String line = content.substring(pos[0], end);
            pos[0] = end;
            return line;
        };
        NativeFunction readlines = (x, k) -> {
            PyList lines = new PyList();
            while (pos[0] < content.length()) {
                lines.list.add(readline.call(new Object[0], null));
            }
            return lines;
        };
        NativeObject[] self = new NativeObject[1];
        self[0] = NativeObject.builder("TextIOWrapper")
                .attribute("name", name)
                .attribute("mode", mode)
                .method("read", (x, k) -> {
                    String r = content.substring(Math.min(pos[0], content.length()));
                    pos[0] = content.length();
                    return r;
                })
                .method("readline", readline)
                .method("seek", (x, k) -> {
                    // offsets are characters; equal to bytes for the ASCII files metadata reads
                    pos[0] = (int) Math.max(0, Math.min(content.length(), Ints.toLong(x[0])));
                    return (long) pos[0];
                })
                .method("tell", (x, k) -> (long) pos[0])
                .method("readlines", readlines)
                .method("__iter__", (x, k) -> Ops.iter(readlines.call(new Object[0], null)))
                .method("__enter__", (x, k) -> self[0])
                .method("__exit__", (x, k) -> Boolean.FALSE)
                .method("close", (x, k) -> PyNone.NONE)
                .build();
        return self[0];
    }
}
