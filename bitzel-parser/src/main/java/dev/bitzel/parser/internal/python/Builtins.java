package dev.bitzel.parser.internal.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Built-in types, constants and functions. Types are shared and never mutated after initialization. */
public final class Builtins {
    private Builtins() {}

    /** {@code object}. */
    public static final PyType OBJECT = new PyType("object", "builtins", new PyType[0], null, true);
    public static final PyType TYPE = PyType.builtin("type", OBJECT);
    public static final PyType INT = PyType.builtin("int", OBJECT);
    public static final PyType BOOL = PyType.builtin("bool", INT);
    public static final PyType FLOAT = PyType.builtin("float", OBJECT);
    public static final PyType STR = PyType.builtin("str", OBJECT);
    public static final PyType BYTES = PyType.builtin("bytes", OBJECT);
    public static final PyType BYTEARRAY = PyType.builtin("bytearray", OBJECT);
    public static final PyType LIST = PyType.builtin("list", OBJECT);
    public static final PyType TUPLE = PyType.builtin("tuple", OBJECT);
    public static final PyType DICT = PyType.builtin("dict", OBJECT);
    public static final PyType SET = PyType.builtin("set", OBJECT);
    public static final PyType FROZENSET = PyType.builtin("frozenset", OBJECT);
    public static final PyType NONE_TYPE = PyType.builtin("NoneType", OBJECT);
    public static final PyType FUNCTION = PyType.builtin("function", OBJECT);
    public static final PyType BUILTIN_FUNCTION = PyType.builtin("builtin_function_or_method", OBJECT);
    public static final PyType METHOD = PyType.builtin("method", OBJECT);
    public static final PyType MODULE = PyType.builtin("module", OBJECT);
    public static final PyType RANGE = PyType.builtin("range", OBJECT);

    /** The position of an int in a range, or -1 (anything else, e.g. a float, is looked for by equality: absent). */
    private static long rangePosition(PyRange r, Object o) {
        if (!(o instanceof Long || o instanceof Boolean)) {
            return -1;
        }
        long v = o instanceof Boolean b ? (b ? 1 : 0) : (Long) o;
        long offset = v - r.start;
        if (offset % r.step != 0) {
            return -1;
        }
        long i = offset / r.step;
        return i >= 0 && i < r.length() ? i : -1;
    }
    public static final PyType SLICE = PyType.builtin("slice", OBJECT);
    public static final PyType ITERATOR = PyType.builtin("iterator", OBJECT);
    public static final PyType GENERATOR = PyType.builtin("generator", OBJECT);
    public static final PyType PROPERTY = PyType.builtin("property", OBJECT);
    public static final PyType STATICMETHOD = PyType.builtin("staticmethod", OBJECT);
    public static final PyType CLASSMETHOD = PyType.builtin("classmethod", OBJECT);
    public static final PyType DICT_KEYS = PyType.builtin("dict_keys", OBJECT);
    public static final PyType DICT_VALUES = PyType.builtin("dict_values", OBJECT);
    public static final PyType DICT_ITEMS = PyType.builtin("dict_items", OBJECT);
    public static final PyType ELLIPSIS_TYPE = PyType.builtin("ellipsis", OBJECT);
    public static final PyType NOT_IMPLEMENTED_TYPE = PyType.builtin("NotImplementedType", OBJECT);

    static final Object ELLIPSIS = new Object() {
        @Override
        public String toString() {
            return "Ellipsis";
        }
    };
    static final Object NOT_IMPLEMENTED = new Object() {
        @Override
        public String toString() {
            return "NotImplemented";
        }
    };

    private static final ClassValue<PyType> NATIVE_TYPES = new ClassValue<>() {
        @Override
        protected PyType computeValue(Class<?> c) {
            return PyType.builtin(c.getSimpleName(), OBJECT);
        }
    };

    static PyType nativeType(Object o) {
        if (o == ELLIPSIS) {
            return ELLIPSIS_TYPE;
        }
        if (o == NOT_IMPLEMENTED) {
            return NOT_IMPLEMENTED_TYPE;
        }
        return NATIVE_TYPES.get(o.getClass());
    }

    static {
        installConstructors();
        installObject();
        installIntForSubclasses();
        StrMethods.install();
        CollectionMethods.install();
        BuiltinDunders.install();
    }

    // ---------------------------------------------------------------- constructors

    private static void installConstructors() {
        OBJECT.constructor = (a, kw) -> {
            Args.count("object", a, 0, 0);
            return new PyInstance(OBJECT);
        };
        INT.constructor = (a, kw) -> {
            Object[] b = Args.bind("int", a, kw, new String[] {"x", "base"}, 0);
            if (b[0] == null) {
                return 0L;
            }
            return toInt(b[0], b[1]);
        };
        BOOL.constructor = (a, kw) -> {
            Args.count("bool", a, 0, 1);
            return a.length == 0 ? Boolean.FALSE : Ops.isTrue(a[0]);
        };
        FLOAT.constructor = (a, kw) -> {
            Args.count("float", a, 0, 1);
            return a.length == 0 ? 0.0 : toFloat(a[0]);
        };
        STR.constructor = (a, kw) -> {
            Object[] b = Args.bind("str", a, kw, new String[] {"object", "encoding", "errors"}, 0);
            if (b[0] == null) {
                return "";
            }
            if (b[1] != null && b[0] instanceof PyBytes by) {
                return Codecs.decode(by.bytes, Ops.str(b[1]), b[2] == null ? "strict" : Ops.str(b[2]));
            }
            return Ops.str(b[0]);
        };
        BYTES.constructor = (a, kw) -> {
            Object[] b = Args.bind("bytes", a, kw, new String[] {"source", "encoding", "errors"}, 0);
            if (b[0] == null) {
                return new PyBytes(new byte[0]);
            }
            if (b[0] instanceof String s) {
                if (b[1] == null) {
                    throw Errors.typeError("string argument without an encoding");
                }
                return Codecs.encode(s, Ops.str(b[1]), b[2] == null ? "strict" : Ops.str(b[2]));
            }
            if (b[1] != null || b[2] != null) {
                throw Errors.typeError((b[1] != null ? "encoding" : "errors") + " without a string argument");
            }
            if (Ints.isInt(b[0])) {
                return new PyBytes(new byte[Ints.toInt(b[0])]);
            }
            if (b[0] instanceof PyInstance i && i.type().lookup("__bytes__") != null) {
                Object r = Ops.call(i.type().lookup("__bytes__"), new Object[] {b[0]}, null);
                if (!(r instanceof PyBytes rb) || rb.mutable) {
                    throw Errors.typeError("__bytes__ returned non-bytes (type " + Ops.typeName(r) + ")");
                }
                return r;
            }
            List<Object> l = Ops.toList(b[0]);
            byte[] r = new byte[l.size()];
            for (int i = 0; i < r.length; i++) {
                long v = Ints.toLong(l.get(i));
                if (v < 0 || v > 255) {
                    throw Errors.valueError("bytes must be in range(0, 256)");
                }
                r[i] = (byte) v;
            }
            return new PyBytes(r);
        };
        BYTEARRAY.constructor = (a, kw) -> {
            Object[] b = Args.bind("bytearray", a, kw, new String[] {"source", "encoding", "errors"}, 0);
            if (b[0] == null) {
                return new PyBytes(new byte[0], true);
            }
            if (b[0] instanceof String && b[1] == null) {
                throw Errors.typeError("string argument without an encoding");
            }
            PyBytes made = (PyBytes) BYTES.constructor.call(a, kw);
            return PyBytes.bytearray(made.bytes);
        };
        LIST.constructor = (a, kw) -> {
            Args.count("list", a, 0, 1);
            return a.length == 0 ? new PyList() : new PyList(Ops.toList(a[0]), true);
        };
        TUPLE.constructor = (a, kw) -> {
            Args.count("tuple", a, 0, 1);
            return a.length == 0 ? PyTuple.EMPTY : a[0] instanceof PyTuple t ? t : new PyTuple(Ops.toArray(a[0]).clone());
        };
        DICT.constructor = (a, kw) -> {
            Args.count("dict", a, 0, 1);
            PyDict d = new PyDict();
            updateDict(d, a.length == 0 ? null : a[0], kw);
            return d;
        };
        SET.constructor = (a, kw) -> {
            Args.count("set", a, 0, 1);
            return a.length == 0 ? new PySet(false) : toSet(a[0], false);
        };
        FROZENSET.constructor = (a, kw) -> {
            Args.count("frozenset", a, 0, 1);
            return a.length == 0 ? new PySet(true) : toSet(a[0], true);
        };
        TYPE.constructor = (a, kw) -> {
            if (a.length == 1) {
                return Ops.typeOf(a[0]);
            }
            Args.count("type", a, 3, 3);
            Object[] bases = Ops.toArray(a[1]);
            PyType[] bs = new PyType[bases.length == 0 ? 1 : bases.length];
            if (bases.length == 0) {
                bs[0] = OBJECT;
            }
            for (int i = 0; i < bases.length; i++) {
                bs[i] = (PyType) bases[i];
            }
            Map<String, Object> dict = new java.util.LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((PyDict) a[2]).entries()) {
                dict.put((String) e.getKey(), e.getValue());
            }
            Object mod = dict.get("__module__");
            PyType.implicitClassMethods(dict);
            PyType t = new PyType(Ops.str(a[0]), mod == null ? "__main__" : Ops.str(mod), bs, dict, false);
            t.initSubclass(kw == null ? Map.of() : kw);
            return t;
        };
        RANGE.constructor = (a, kw) -> {
            Args.noKw("range", kw);
            Args.count("range", a, 1, 3);
            if (a.length == 1) {
                return new PyRange(0, Ints.toLong(Ops.index(a[0])), 1);
            }
            return new PyRange(Ints.toLong(Ops.index(a[0])), Ints.toLong(Ops.index(a[1])),
                    a.length == 3 ? Ints.toLong(Ops.index(a[2])) : 1);
        };
        SLICE.constructor = (a, kw) -> {
            Args.count("slice", a, 1, 3);
            if (a.length == 1) {
                return new PySlice(PyNone.NONE, a[0], PyNone.NONE);
            }
            return new PySlice(a[0], a[1], a.length == 3 ? a[2] : PyNone.NONE);
        };
        PROPERTY.constructor = (a, kw) -> {
            Object[] b = Args.bind("property", a, kw, new String[] {"fget", "fset", "fdel", "doc"}, 0);
            return new PyProperty(b[0], b[1], b[2], b[3]);
        };
        PROPERTY.def("setter", (a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            return new PyProperty(p.fget, a[1], p.fdel, p.doc);
        });
        PROPERTY.def("getter", (a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            return new PyProperty(a[1], p.fset, p.fdel, p.doc);
        });
        PROPERTY.def("deleter", (a, kw) -> {
            PyProperty p = (PyProperty) a[0];
            return new PyProperty(p.fget, p.fset, a[1], p.doc);
        });
        STATICMETHOD.constructor = (a, kw) -> new PyStaticMethod(a[0]);
        CLASSMETHOD.constructor = (a, kw) -> new PyClassMethod(a[0]);
        INT.def("bit_length", (a, kw) -> (long) Ints.big(a[0]).abs().bitLength());
        INT.def("to_bytes", (a, kw) -> {
            Object[] b = Args.bind("to_bytes", a, kw, new String[] {"self", "length", "byteorder", "signed"}, 1);
            int len = b[1] == null ? 1 : Ints.toInt(b[1]);
            boolean little = b[2] != null && Ops.str(b[2]).equals("little");
            byte[] raw = Ints.big(b[0]).toByteArray();
            byte[] out = new byte[len];
            for (int i = 0; i < len && i < raw.length; i++) {
                out[len - 1 - i] = raw[raw.length - 1 - i];
            }
            if (little) {
                for (int i = 0; i < len / 2; i++) {
                    byte t = out[i];
                    out[i] = out[len - 1 - i];
                    out[len - 1 - i] = t;
                }
            }
            return new PyBytes(out);
        });
        INT.dict.put("from_bytes", new PyClassMethod(new PyBuiltin("from_bytes", (a, kw) -> {
            Object[] b = Args.bind("from_bytes", a, kw, new String[] {"cls", "bytes", "byteorder", "signed"}, 2);
            byte[] by = ((PyBytes) b[1]).bytes.clone();
            if (b[2] != null && Ops.str(b[2]).equals("little")) {
                for (int i = 0; i < by.length / 2; i++) {
                    byte t = by[i];
                    by[i] = by[by.length - 1 - i];
                    by[by.length - 1 - i] = t;
                }
            }
            boolean signed = b[3] != null && Ops.isTrue(b[3]);
            return Ints.normalize(signed ? new BigInteger(by) : new BigInteger(1, by));
        })));
        RANGE.def("index", (a, kw) -> {
            PyRange r = (PyRange) a[0];
            long i = rangePosition(r, a[1]);
            if (i < 0) {
                throw Errors.valueError(Ops.repr(a[1]) + " is not in range");
            }
            return i;
        });
        RANGE.def("count", (a, kw) -> rangePosition((PyRange) a[0], a[1]) < 0 ? 0L : 1L);
        FLOAT.def("as_integer_ratio", (a, kw) -> {
            double d = (Double) a[0];
            if (Double.isInfinite(d)) {
                throw Errors.overflow("cannot convert Infinity to integer ratio");
            }
            if (Double.isNaN(d)) {
                throw Errors.valueError("cannot convert NaN to integer ratio");
            }
            java.math.BigDecimal exact = new java.math.BigDecimal(d); // a double is a binary fraction: exact
            BigInteger num = exact.unscaledValue();
            BigInteger den = BigInteger.TEN.pow(Math.max(exact.scale(), 0));
            if (exact.scale() < 0) {
                num = num.multiply(BigInteger.TEN.pow(-exact.scale()));
            }
            BigInteger g = num.gcd(den);
            return PyTuple.of(Ints.normalize(num.divide(g)), Ints.normalize(den.divide(g)));
        });
        FLOAT.def("is_integer", (a, kw) -> {
            double d = (Double) a[0];
            return d == Math.rint(d) && !Double.isInfinite(d);
        });
        FUNCTION.def("__get__", (a, kw) -> new PyBoundMethod(a[1], a[0]));
        for (PyType it : new PyType[] {ITERATOR, GENERATOR}) {
            it.def("__next__", (a, kw) -> {
                Iterator<?> i = (Iterator<?>) a[0];
                if (!i.hasNext()) {
                    throw i instanceof PyIterator pi ? pi.exhausted() : Errors.stopIteration();
                }
                return i.next();
            });
            it.def("__iter__", (a, kw) -> a[0]);
        }
        GENERATOR.def("close", (a, kw) -> {
            Args.count("close", a, 1, 1);
            ((PyIterator) a[0]).close();
            return PyNone.NONE;
        });
        GENERATOR.def("send", (a, kw) -> {
            Args.count("send", a, 2, 2);
            if (a[0] instanceof PyGenerator g) {
                return g.send(a[1]);
            }
            return ((Exprs.CompIterator) a[0]).send(a[1]);
        });
        GENERATOR.def("throw", (a, kw) -> {
            Args.count("throw", a, 2, 4);
            PythonError e = thrownException(a);
            if (a[0] instanceof PyGenerator g) {
                return g.throwInto(e);
            }
            // a generator expression has no handler of its own: the exception ends it
            ((PyIterator) a[0]).close();
            throw e;
        });
        BUILTIN_FUNCTION.def("__get__", (a, kw) -> new PyBoundMethod(a[1], a[0]));
    }

    /** The exception {@code generator.throw(type[, value[, traceback]])} raises, as CPython makes it. */
    private static PythonError thrownException(Object[] a) {
        Object type = a[1];
        Object value = a.length > 2 ? a[2] : PyNone.NONE;
        if (type instanceof PyType t && t.isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
            if (value instanceof PyInstance v && v.type().isSubtypeOf(t)) {
                return new PythonError(v);
            }
            Object[] args = value == PyNone.NONE ? new Object[0] : value instanceof PyTuple tu ? tu.items
                    : new Object[] {value};
            return new PythonError(Stmts.Raise.instantiate(t.call(args, null)));
        }
        if (type instanceof PyInstance i && i.type().isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
            if (value != PyNone.NONE) {
                throw Errors.typeError("instance exception may not have a separate value");
            }
            return new PythonError(i);
        }
        throw Errors.typeError("exceptions must be classes or instances deriving from BaseException, not "
                + Ops.typeName(type));
    }

    private static void installObject() {
        OBJECT.def("__init__", (a, kw) -> {
            if (a.length > 1 || (kw != null && !kw.isEmpty())) {
                PyType t = Ops.typeOf(a[0]);
                if (t.lookup("__init__") == OBJECT.dict.get("__init__") && t.lookup("__new__") == OBJECT.dict.get("__new__")) {
                    throw Errors.typeError(t.name() + "() takes no arguments");
                }
            }
            return PyNone.NONE;
        });
        OBJECT.def("__repr__", (a, kw) -> {
            // the built-in types' own reprs ('s'.__repr__(), (5).__repr__(), an int subclass's value)
            if (!(a[0] instanceof PyInstance i)) {
                return Formatter.repr(a[0]);
            }
            if (i.builtinValue != null) {
                return Formatter.repr(i.builtinValue);
            }
            PyType t = Ops.typeOf(a[0]);
            return "<" + t.module() + "." + t.name() + " object at 0x" + Long.toHexString(System.identityHashCode(a[0]))
                    + ">";
        });
        OBJECT.def("__str__", (a, kw) -> Ops.repr(a[0]));
        OBJECT.def("__eq__", (a, kw) -> a[0] == a[1] ? Boolean.TRUE : NOT_IMPLEMENTED);
        OBJECT.def("__ne__", (a, kw) -> {
            // CPython's: the negation of the type's __eq__, unless that is NotImplemented
            Object eq = Ops.typeOf(a[0]).lookup("__eq__");
            Object r = eq == null ? (a[0] == a[1] ? Boolean.TRUE : NOT_IMPLEMENTED)
                    : Ops.call(eq, new Object[] {a[0], a[1]}, null);
            return r == NOT_IMPLEMENTED ? r : (Object) !Ops.isTrue(r);
        });
        // an instance's identity; a built-in value's own hash ('x'.__hash__() == hash('x'))
        OBJECT.def("__hash__", (a, kw) -> a[0] instanceof PyInstance ? (Object) (long) System.identityHashCode(a[0])
                : BuiltinFunctions.call("hash", a[0]));
        OBJECT.def("__format__", (a, kw) -> Formatter.format(a[0], Ops.str(a[1])));
        OBJECT.def("__setattr__", (a, kw) -> {
            if (a[0] instanceof PyInstance i) {
                i.type().checkSlot(Ops.str(a[1]));
                i.dict.put(a[1], a[2]);
                return PyNone.NONE;
            }
            Ops.setattr(a[0], Ops.str(a[1]), a[2]);
            return PyNone.NONE;
        });
        OBJECT.def("__getattribute__", (a, kw) -> Ops.getattr(a[0], Ops.str(a[1])));
        OBJECT.def("__delattr__", (a, kw) -> {
            Ops.delattr(a[0], Ops.str(a[1]));
            return PyNone.NONE;
        });
        OBJECT.dict.put("__new__", new PyStaticMethod(new PyBuiltin("__new__", (a, kw) -> {
            if (!(a[0] instanceof PyType t)) {
                throw Errors.typeError("object.__new__(X): X is not a type object");
            }
            return t.newInstance(Arrays.copyOfRange(a, 1, a.length));
        })));
        OBJECT.dict.put("__init_subclass__", new PyClassMethod(new PyBuiltin("__init_subclass__", (a, kw) -> {
            if (kw != null && !kw.isEmpty()) {
                throw Errors.typeError(((PyType) a[0]).name() + ".__init_subclass__() takes no keyword arguments");
            }
            return PyNone.NONE;
        })));
    }

    /**
     * What instances of Python subclasses of int (IntEnum and IntFlag members) take from int beyond the numeric
     * methods of {@link BuiltinDunders} and object's repr: they hold their value as {@link PyInstance#builtinValue},
     * made by {@code int.__new__}, hash as it and format as it. Plain ints never reach these methods.
     */
    private static void installIntForSubclasses() {
        INT.dict.put("__new__", new PyStaticMethod(new PyBuiltin("__new__", (a, kw) -> {
            if (a.length == 0 || !(a[0] instanceof PyType t) || !t.isSubtypeOf(INT)) {
                throw Errors.typeError("int.__new__(X): X is not a subtype of int");
            }
            Object value = INT.constructor.call(Arrays.copyOfRange(a, 1, a.length), kw);
            if (t.builtin) {
                return value;
            }
            PyInstance i = new PyInstance(t);
            i.builtinValue = value;
            return i;
        })));
        INT.def("__hash__", (a, kw) -> Ints.hash(intValue(a[0])));
        INT.def("__format__", (a, kw) -> Formatter.format(intValue(a[0]), Ops.str(a[1])));
    }

    /** The int an instance of a subclass of int holds; any other value itself. */
    static Object intValue(Object o) {
        return o instanceof PyInstance i && i.builtinValue != null && Ints.isInt(i.builtinValue) ? i.builtinValue : o;
    }

    // ---------------------------------------------------------------- conversions

    static Object toInt(Object v, Object base) {
        if (base != null && !(v instanceof String) && !(v instanceof PyBytes)) {
            throw Errors.typeError("int() can't convert non-string with explicit base");
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                throw Errors.valueError("cannot convert float NaN to integer");
            }
            if (d.isInfinite()) {
                throw Errors.overflow("cannot convert float infinity to integer");
            }
            return Ints.normalize(new BigDecimal(d).toBigInteger());
        }
        if (v instanceof String || v instanceof PyBytes) {
            String s = v instanceof String str ? str : new String(((PyBytes) v).bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            int b = base == null ? 10 : Ints.toInt(base);
            if (b != 0 && (b < 2 || b > 36)) {
                throw Errors.valueError("int() base must be >= 2 and <= 36, or 0");
            }
            return parseInt(s, b);
        }
        if (v instanceof PyInstance i) {
            for (String m : new String[] {"__int__", "__index__"}) {
                Object f = i.type().lookup(m);
                if (f != null) {
                    return Ops.call(f, new Object[] {v}, null);
                }
            }
        }
        throw Errors.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + Ops.typeName(v) + "'");
    }

    static Object parseInt(String orig, int base) {
        String s = orig.strip();
        boolean neg = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            neg = s.startsWith("-");
            s = s.substring(1);
        }
        if (base == 0 || base == 16 || base == 8 || base == 2) {
            String l = s.toLowerCase(java.util.Locale.ROOT);
            int detected = l.startsWith("0x") ? 16 : l.startsWith("0o") ? 8 : l.startsWith("0b") ? 2 : 0;
            if (detected != 0 && (base == 0 || base == detected)) {
                s = s.substring(2);
                if (s.startsWith("_")) {
                    s = s.substring(1);
                }
                base = detected;
            } else if (base == 0) {
                if (s.length() > 1 && s.chars().allMatch(c -> c == '0' || c == '_')) {
                    return 0L;
                }
                if (s.length() > 1 && s.startsWith("0")) {
                    throw invalidLiteral(orig, 0);
                }
                base = 10;
            }
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            throw invalidLiteral(orig, base);
        }
        try {
            BigInteger r = new BigInteger(s.replace("_", ""), base);
            return Ints.normalize(neg ? r.negate() : r);
        } catch (NumberFormatException e) {
            throw invalidLiteral(orig, base);
        }
    }

    private static PythonError invalidLiteral(String s, int base) {
        return Errors.valueError("invalid literal for int() with base " + base + ": " + Formatter.reprStr(s));
    }

    static double toFloat(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (Ints.isInt(v)) {
            return Ints.toDouble(v);
        }
        if (v instanceof String str) {
            String s = str.strip().replace("_", "");
            String l = s.toLowerCase(java.util.Locale.ROOT);
            switch (l) {
                case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
                case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
                case "nan": case "+nan": case "-nan": return Double.NaN;
                default: break;
            }
            if (!s.isEmpty() && s.chars().allMatch(c -> Character.isDigit(c) || ".eE+-".indexOf(c) >= 0)) {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    // fall through
                }
            }
            throw Errors.valueError("could not convert string to float: " + Formatter.reprStr(str));
        }
        if (v instanceof PyInstance i) {
            Object f = i.type().lookup("__float__");
            if (f != null) {
                return (Double) Ops.call(f, new Object[] {v}, null);
            }
        }
        throw Errors.typeError("float() argument must be a string or a real number, not '" + Ops.typeName(v) + "'");
    }

    static PySet toSet(Object o, boolean frozen) {
        PySet s = new PySet(frozen);
        if (o instanceof PySet src) {
            return src.copy(frozen);
        }
        Iterator<Object> it = Ops.iter(o);
        while (it.hasNext()) {
            s.add(it.next());
        }
        return s;
    }

    static void updateDict(PyDict d, Object src, Map<String, Object> kw) {
        if (src != null) {
            if (src instanceof PyInstance pi && pi.builtinValue instanceof PyDict bd && pi.type().lookup("keys") instanceof PyBuiltin) {
                src = bd;
            }
            if (src instanceof PyDict s) {
                for (Map.Entry<Object, Object> e : s.entries()) {
                    d.put(e.getKey(), e.getValue());
                }
            } else if (Ops.getattrOrNull(src, "keys") != null) {
                Iterator<Object> it = Ops.iter(Ops.callMethod(src, "keys", new Object[0], null));
                while (it.hasNext()) {
                    Object k = it.next();
                    d.put(k, Ops.getitem(src, k));
                }
            } else {
                Iterator<Object> it = Ops.iter(src);
                int i = 0;
                while (it.hasNext()) {
                    Object[] kv = Ops.toArray(it.next());
                    if (kv.length != 2) {
                        throw Errors.valueError("dictionary update sequence element #" + i + " has length " + kv.length
                                + "; 2 is required");
                    }
                    d.put(kv[0], kv[1]);
                    i++;
                }
            }
        }
        if (kw != null) {
            for (Map.Entry<String, Object> e : kw.entrySet()) {
                d.put(e.getKey(), e.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- helpers used by Ops

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static ArrayList<Object> sliceList(List<Object> l, PySlice s) {
        long[] ix = s.indices(l.size());
        ArrayList<Object> r = new ArrayList<>((int) ix[3]);
        if (ix[2] == 1) {
            r.addAll(l.subList((int) ix[0], (int) (ix[0] + ix[3])));
            return r;
        }
        for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            r.add(l.get((int) i));
        }
        return r;
    }

    static String sliceString(String str, PySlice s) {
        if (isAscii(str)) {
            long[] ix = s.indices(str.length());
            if (ix[2] == 1) {
                return str.substring((int) ix[0], (int) (ix[0] + ix[3]));
            }
            StringBuilder sb = new StringBuilder();
            for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
                sb.append(str.charAt((int) i));
            }
            return sb.toString();
        }
        int[] cps = str.codePoints().toArray();
        long[] ix = s.indices(cps.length);
        StringBuilder sb = new StringBuilder();
        for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            sb.appendCodePoint(cps[(int) i]);
        }
        return sb.toString();
    }

    static void setSlice(List<Object> l, PySlice s, Object v) {
        List<Object> vals = Ops.toList(v);
        long[] ix = s.indices(l.size());
        if (ix[2] == 1) {
            int lo = (int) ix[0];
            int hi = (int) Math.max(ix[0], ix[1]);
            List<Object> sub = l.subList(lo, hi);
            sub.clear();
            l.addAll(lo, vals);
            return;
        }
        if (vals.size() != ix[3]) {
            throw Errors.valueError("attempt to assign sequence of size " + vals.size() + " to extended slice of size "
                    + ix[3]);
        }
        for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            l.set((int) i, vals.get((int) k));
        }
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String callableName(Expr e) {
        if (e instanceof Exprs.Name n) {
            return n.id;
        }
        if (e instanceof Exprs.Attribute a) {
            return a.name;
        }
        return "function";
    }

    static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128) {
                sb.append((char) c);
            } else if (c <= 0xff) {
                sb.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.toString();
    }

    static Object specialAttr(Object o, String name) {
        if (o instanceof PyBuiltin b && name.equals("__name__")) {
            return b.name();
        }
        if (o instanceof PyBoundMethod m) {
            switch (name) {
                case "__self__": return m.self;
                case "__func__": return m.function;
                case "__name__": return Ops.getattrOrNull(m.function, "__name__");
                default: return Ops.getattrOrNull(m.function, name);
            }
        }
        if (o instanceof PySlice s) {
            switch (name) {
                case "start": return s.start;
                case "stop": return s.stop;
                case "step": return s.step;
                case "indices": return new PyBuiltin("indices", (a, kw) -> {
                    Args.count("indices", a, 1, 1);
                    long len = Ints.toLong(Ops.index(a[0]));
                    if (len < 0) {
                        throw Errors.valueError("length should not be negative");
                    }
                    long[] r = s.indices(len);
                    return PyTuple.of(r[0], r[1], r[2]);
                });
                default: return null;
            }
        }
        if (o instanceof PyRange r) {
            switch (name) {
                case "start": return r.start;
                case "stop": return r.stop;
                case "step": return r.step;
                default: return null;
            }
        }
        if (o instanceof PyProperty p) {
            switch (name) {
                case "fget": return p.fget == null ? PyNone.NONE : p.fget;
                case "fset": return p.fset == null ? PyNone.NONE : p.fset;
                case "__doc__": return p.doc == null ? PyNone.NONE : p.doc;
                default: return null;
            }
        }
        if (o instanceof PyStaticMethod sm && name.equals("__func__")) {
            return sm.function;
        }
        if (o instanceof PyClassMethod cm && name.equals("__func__")) {
            return cm.function;
        }
        if (Ops.isNumber(o)) {
            switch (name) {
                case "real": return o instanceof Boolean b ? (Object) (b ? 1L : 0L) : o;
                case "imag": return o instanceof Double ? (Object) 0.0 : (Object) 0L;
                case "numerator": return Ints.isInt(o) ? o : null;
                case "denominator": return Ints.isInt(o) ? (Object) 1L : null;
                default: return null;
            }
        }
        if (name.equals("__doc__")) {
            return PyNone.NONE;
        }
        return null;
    }

    /** A comparator following Python's {@code <}, for sorting. */
    static Comparator<Object> pythonOrder() {
        return (x, y) -> {
            if (x instanceof String s && y instanceof String t) {
                return s.compareTo(t);
            }
            if (x instanceof Long a && y instanceof Long b) {
                return Long.compare(a, b);
            }
            if (Ops.compare(x, y, "<")) {
                return -1;
            }
            return Ops.compare(y, x, "<") ? 1 : 0;
        };
    }

    static void sort(List<Object> list, Object key, boolean reverse) {
        try {
            if (key == null || key == PyNone.NONE) {
                Comparator<Object> c = pythonOrder();
                if (reverse) {
                    // CPython's way: equal items keep their order
                    java.util.Collections.reverse(list);
                    list.sort(c);
                    java.util.Collections.reverse(list);
                    return;
                }
                list.sort(c);
                return;
            }
            int n = list.size();
            Object[][] pairs = new Object[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new Object[] {Ops.call(key, new Object[] {list.get(i)}, null), list.get(i)};
            }
            Comparator<Object[]> c = (p1, p2) -> pythonOrder().compare(p1[0], p2[0]);
            List<Object[]> pl = Arrays.asList(pairs);
            if (reverse) {
                java.util.Collections.reverse(pl);
                pl.sort(c);
                java.util.Collections.reverse(pl);
            } else {
                pl.sort(c);
            }
            for (int i = 0; i < n; i++) {
                list.set(i, pairs[i][1]);
            }
        } catch (IllegalArgumentException e) {
            throw Errors.valueError("inconsistent comparison during sort");
        }
    }

    static Object round(Object x, Object nd) {
        if (Ints.isInt(x)) {
            if (nd == null || nd == PyNone.NONE) {
                return x instanceof Boolean b ? (Object) (b ? 1L : 0L) : x;
            }
            long n = Ints.toLong(nd);
            if (n >= 0) {
                return x;
            }
            BigDecimal r = new BigDecimal(Ints.big(x)).setScale((int) n, RoundingMode.HALF_EVEN);
            return Ints.normalize(r.toBigInteger());
        }
        double d = Ops.toDouble(x);
        if (nd == null || nd == PyNone.NONE) {
            if (Double.isNaN(d)) {
                throw Errors.valueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw Errors.overflow("cannot convert float infinity to integer");
            }
            return Ints.normalize(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        int n = Ints.toInt(nd);
        return new BigDecimal(d).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
    }
}
