package dev.bitzel.parser.internal.python;

/**
 * The special methods of the built-in numbers, strings and sequences, for code that calls them by name
 * ({@code x.__add__(y)}, {@code SRCREV.__str__()}, {@code super().__lt__(other)} in a subclass, {@code int.__add__} as
 * a function). Operators do not come here: {@link Ops} evaluates them on built-in values directly. Each method answers
 * as CPython's: {@code NotImplemented} for an operand of a type it does not take ({@code (1).__add__(1.5)},
 * {@code (5).__lt__(5.5)}), the operator's own {@code TypeError} where CPython raises one ({@code 'a'.__add__(5)}).
 */
final class BuiltinDunders {
    private BuiltinDunders() {}

    private static final String[] COMPARISONS = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    private static final int[] NUMBER_OPS = {Ops.ADD, Ops.SUB, Ops.MUL, Ops.TRUEDIV, Ops.FLOORDIV, Ops.MOD, Ops.POW};
    private static final int[] INT_ONLY_OPS = {Ops.LSHIFT, Ops.RSHIFT, Ops.AND, Ops.OR, Ops.XOR};

    /** Which operands a type's methods take. */
    private interface Operand {
        boolean accepts(Object o);
    }

    static void install() {
        Operand integer = Ints::isInt;
        Operand number = Ops::isNumber;
        installNumber(Builtins.INT, integer, true);
        installNumber(Builtins.FLOAT, number, false);
        installComparisons(Builtins.STR, o -> o instanceof String);
        // object's __str__ is the repr; a str's is the string itself
        defIfAbsent(Builtins.STR, "__str__", (a, kw) -> {
            if (a.length == 0 || !(a[0] instanceof String s)) {
                throw Errors.typeError("descriptor '__str__' requires a 'str' object but received a '"
                        + (a.length == 0 ? "nothing" : Ops.typeName(a[0])) + "'");
            }
            slotArity(a, 0);
            return s;
        });
        installComparisons(Builtins.BYTES, o -> o instanceof PyBytes);
        installComparisons(Builtins.LIST, o -> o instanceof PyList);
        installComparisons(Builtins.TUPLE, o -> o instanceof PyTuple);
        for (PyType t : new PyType[] {Builtins.STR, Builtins.LIST, Builtins.TUPLE, Builtins.BYTES}) {
            // the operator's errors are CPython's: 'can only concatenate str (not "int") to str'
            defIfAbsent(t, "__add__", (a, kw) -> {
                slotArity(a, 1);
                return Ops.binary(Ops.ADD, unwrap(a[0]), unwrap(a[1]));
            });
            defIfAbsent(t, "__mul__", (a, kw) -> Ops.binary(Ops.MUL, unwrap(a[0]), count(a)));
            defIfAbsent(t, "__rmul__", (a, kw) -> Ops.binary(Ops.MUL, count(a), unwrap(a[0])));
            defIfAbsent(t, "__iter__", (a, kw) -> {
                slotArity(a, 0);
                return BuiltinFunctions.call("iter", a);
            });
            defIfAbsent(t, "__len__", (a, kw) -> {
                slotArity(a, 0);
                return BuiltinFunctions.call("len", a);
            });
        }
        defIfAbsent(Builtins.LIST, "__reversed__", (a, kw) -> {
            if (a.length != 1) {
                throw Errors.typeError("list.__reversed__() takes no arguments (" + (a.length - 1) + " given)");
            }
            return BuiltinFunctions.call("reversed", a);
        });
        defIfAbsent(Builtins.NONE_TYPE, "__bool__", (a, kw) -> {
            slotArity(a, 0);
            return Boolean.FALSE;
        });
    }

    private static void installNumber(PyType t, Operand operand, boolean integer) {
        installComparisons(t, operand);
        for (int op : NUMBER_OPS) {
            installArithmetic(t, op, operand);
        }
        if (integer) {
            for (int op : INT_ONLY_OPS) {
                installArithmetic(t, op, operand);
            }
            defIfAbsent(t, "__invert__", (a, kw) -> Ops.invert(self(a)));
            defIfAbsent(t, "__index__", (a, kw) -> Ops.pos(self(a)));
        }
        String[] both = {"__divmod__", "__rdivmod__"};
        for (String name : both) {
            boolean reflected = name.startsWith("__r");
            defIfAbsent(t, name, (a, kw) -> {
                slotArity(a, 1);
                Object x = unwrap(a[0]);
                Object y = unwrap(a[1]);
                if (!operand.accepts(y)) {
                    return Builtins.NOT_IMPLEMENTED;
                }
                return reflected ? BuiltinFunctions.call("divmod", y, x) : BuiltinFunctions.call("divmod", x, y);
            });
        }
        defIfAbsent(t, "__neg__", (a, kw) -> Ops.neg(self(a)));
        defIfAbsent(t, "__pos__", (a, kw) -> Ops.pos(self(a)));
        defIfAbsent(t, "__abs__", (a, kw) -> BuiltinFunctions.call("abs", self(a)));
        defIfAbsent(t, "__bool__", (a, kw) -> Ops.isTrue(self(a)));
        defIfAbsent(t, "__int__", (a, kw) -> toInt(self(a)));
        defIfAbsent(t, "__float__", (a, kw) -> Builtins.FLOAT.call(new Object[] {self(a)}, null));
        defIfAbsent(t, "__trunc__", (a, kw) -> toInt(self(a)));
        defIfAbsent(t, "__floor__", (a, kw) -> toInt(Ops.binary(Ops.FLOORDIV, self(a), 1L)));
        defIfAbsent(t, "__ceil__",
                (a, kw) -> toInt(Ops.neg(Ops.binary(Ops.FLOORDIV, Ops.neg(self(a)), 1L))));
        defIfAbsent(t, "__round__", (a, kw) -> {
            if (a.length > 2) {
                throw Errors.typeError("__round__ expected at most 1 argument, got " + (a.length - 1));
            }
            Object x = unwrap(a[0]);
            return a.length == 1 ? BuiltinFunctions.call("round", x) : BuiltinFunctions.call("round", x, a[1]);
        });
    }

    private static void installArithmetic(PyType t, int op, Operand operand) {
        String name = Ops.OP_NAMES[op];
        defIfAbsent(t, "__" + name + "__", (a, kw) -> {
            slotArity(a, 1);
            Object y = unwrap(a[1]);
            return operand.accepts(y) ? Ops.binary(op, unwrap(a[0]), y) : Builtins.NOT_IMPLEMENTED;
        });
        defIfAbsent(t, "__r" + name + "__", (a, kw) -> {
            slotArity(a, 1);
            Object y = unwrap(a[1]);
            return operand.accepts(y) ? Ops.binary(op, y, unwrap(a[0])) : Builtins.NOT_IMPLEMENTED;
        });
    }

    private static void installComparisons(PyType t, Operand operand) {
        for (String name : COMPARISONS) {
            defIfAbsent(t, name, (a, kw) -> {
                slotArity(a, 1);
                Object x = unwrap(a[0]);
                Object y = unwrap(a[1]);
                if (!operand.accepts(y)) {
                    return Builtins.NOT_IMPLEMENTED;
                }
                return switch (name) {
                    case "__eq__" -> Ops.eq(x, y);
                    case "__ne__" -> !Ops.eq(x, y);
                    case "__lt__" -> Ops.compare(x, y, "<");
                    case "__le__" -> Ops.compare(x, y, "<=");
                    case "__gt__" -> Ops.compare(x, y, ">");
                    default -> Ops.compare(x, y, ">=");
                };
            });
        }
    }

    private static Object toInt(Object x) {
        return Builtins.INT.call(new Object[] {x}, null);
    }

    /** A sequence's repeat count: an int, as CPython's {@code sq_repeat} takes it. */
    private static Object count(Object[] a) {
        slotArity(a, 1);
        Object n = unwrap(a[1]);
        if (!Ints.isInt(n)) {
            throw Errors.typeError("'" + Ops.typeName(n) + "' object cannot be interpreted as an integer");
        }
        return n;
    }

    /** The argument count check of CPython's slot wrappers: {@code n} arguments after self. */
    private static void slotArity(Object[] a, int n) {
        if (a.length - 1 != n) {
            throw Errors.typeError("expected " + n + (n == 1 ? " argument" : " arguments") + ", got " + (a.length - 1));
        }
    }

    private static Object self(Object[] a) {
        slotArity(a, 0);
        return unwrap(a[0]);
    }

    /** The built-in value of an instance of a subclass of a built-in type (an IntEnum member, a str subclass). */
    private static Object unwrap(Object o) {
        return o instanceof PyInstance i && i.builtinValue != null ? i.builtinValue : o;
    }

    /** Defines the method unless the type's own installer already has (str's {@code __add__}, list's {@code __iter__}). */
    private static void defIfAbsent(PyType t, String name, NativeFunction f) {
        if (!t.dict.containsKey(name)) {
            t.def(name, f);
        }
    }
}
