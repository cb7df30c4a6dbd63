package dev.bitzel.parser.internal.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The Python operations on values: arithmetic, comparison, attributes, items, iteration and calls. */
public final class Ops {
    private Ops() {}

    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int TRUEDIV = 3;
    static final int FLOORDIV = 4;
    static final int MOD = 5;
    static final int POW = 6;
    static final int LSHIFT = 7;
    static final int RSHIFT = 8;
    static final int AND = 9;
    static final int OR = 10;
    static final int XOR = 11;
    static final int MATMUL = 12;
    static final String[] OP_SYMBOLS = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
    static final String[] OP_NAMES = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
        "and", "or", "xor", "matmul"};

    // ---------------------------------------------------------------- types

    /** The Python type of any value. */
    public static PyType typeOf(Object o) {
        if (o instanceof String) {
            return Builtins.STR;
        }
        if (o instanceof PyInstance i) {
            return i.type();
        }
        if (o instanceof Long || o instanceof BigInteger || o instanceof Integer) {
            return Builtins.INT;
        }
        if (o instanceof Boolean) {
            return Builtins.BOOL;
        }
        if (o instanceof PyNone) {
            return Builtins.NONE_TYPE;
        }
        if (o instanceof PyList) {
            return Builtins.LIST;
        }
        if (o instanceof PyDict) {
            return Builtins.DICT;
        }
        if (o instanceof PyTuple) {
            return Builtins.TUPLE;
        }
        if (o instanceof Double) {
            return Builtins.FLOAT;
        }
        if (o instanceof PySet s) {
            return s.frozen ? Builtins.FROZENSET : Builtins.SET;
        }
        if (o instanceof PyType t) {
            return t.metaclass != null ? t.metaclass : Builtins.TYPE;
        }
        if (o instanceof PyFunction) {
            return Builtins.FUNCTION;
        }
        if (o instanceof PyBuiltin) {
            return Builtins.BUILTIN_FUNCTION;
        }
        if (o instanceof PyBoundMethod) {
            return Builtins.METHOD;
        }
        if (o instanceof PyBytes b) {
            return b.mutable ? Builtins.BYTEARRAY : Builtins.BYTES;
        }
        if (o instanceof PyRange) {
            return Builtins.RANGE;
        }
        if (o instanceof PyModule) {
            return Builtins.MODULE;
        }
        if (o instanceof PyGenerator || o instanceof Exprs.CompIterator) {
            return Builtins.GENERATOR;
        }
        if (o instanceof PyIterator) {
            return Builtins.ITERATOR;
        }
        if (o instanceof PyProperty) {
            return Builtins.PROPERTY;
        }
        if (o instanceof PySlice) {
            return Builtins.SLICE;
        }
        if (o instanceof PyStaticMethod) {
            return Builtins.STATICMETHOD;
        }
        if (o instanceof PyClassMethod) {
            return Builtins.CLASSMETHOD;
        }
        if (o instanceof DictView) {
            return ((DictView) o).type();
        }
        return Builtins.nativeType(o);
    }

    /** The type name used in messages. */
    public static String typeName(Object o) {
        if (o instanceof PyAttributes a) {
            return a.pythonTypeName();
        }
        if (o instanceof PyIterator it) {
            return it.typeName();
        }
        return typeOf(o).name();
    }

    // ---------------------------------------------------------------- truth and conversions

    /** Python truthiness. */
    public static boolean isTrue(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (o == PyNone.NONE) {
            return false;
        }
        if (o instanceof Long l) {
            return l != 0;
        }
        if (o instanceof PyList l) {
            return !l.list.isEmpty();
        }
        if (o instanceof PyDict d) {
            return d.size() != 0;
        }
        if (o instanceof PyTuple t) {
            return t.items.length != 0;
        }
        if (o instanceof Double d) {
            return d != 0.0;
        }
        if (o instanceof PySet s) {
            return s.size() != 0;
        }
        if (o instanceof BigInteger) {
            return true;
        }
        if (o instanceof PyBytes b) {
            return b.bytes.length != 0;
        }
        if (o instanceof PyRange r) {
            return r.length() != 0;
        }
        if (o instanceof DictView v) {
            return v.dict.size() != 0;
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__bool__");
            if (f != null) {
                Object r = call(f, new Object[] {o}, null);
                if (!(r instanceof Boolean b)) {
                    throw Errors.typeError("__bool__ should return bool, returned " + typeName(r));
                }
                return b;
            }
            f = i.type().lookup("__len__");
            if (f != null || i.builtinValue != null) {
                return len(o) != 0;
            }
            return true;
        }
        return true;
    }

    static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (Ints.isInt(o)) {
            return Ints.toDouble(o);
        }
        if (o instanceof PyInstance i && i.type().lookup("__float__") != null) {
            Object f = call(i.type().lookup("__float__"), new Object[] {o}, null);
            if (f instanceof Double d) {
                return d;
            }
            throw Errors.typeError(i.type().name() + ".__float__ returned non-float (type " + typeName(f) + ")");
        }
        throw Errors.typeError("must be real number, not " + typeName(o));
    }

    /** The value as an int index ({@code __index__}). */
    static Object index(Object o) {
        if (o instanceof Long || o instanceof BigInteger) {
            return o;
        }
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (o instanceof Integer i) {
            return (long) i;
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__index__");
            if (f != null) {
                return call(f, new Object[] {o}, null);
            }
        }
        throw Errors.typeError("'" + typeName(o) + "' object cannot be interpreted as an integer");
    }

    static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger
                || o instanceof Integer;
    }

    // ---------------------------------------------------------------- arithmetic

    /** Python's {@code a + b}. */
    public static Object add(Object a, Object b) {
        return binary(ADD, a, b);
    }

    static Object binary(int op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            switch (op) {
                case ADD: {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) >= 0) {
                        return r;
                    }
                    break;
                }
                case SUB: {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) >= 0) {
                        return r;
                    }
                    break;
                }
                default:
                    break;
            }
        } else if (op == ADD && a instanceof String s && b instanceof String t) {
            return s.concat(t);
        }
        Object r = binaryBuiltin(op, a, b);
        if (r != null) {
            return r;
        }
        String name = OP_NAMES[op];
        if (a instanceof PyInstance ia) {
            Object f = ia.type().lookup("__" + name + "__");
            if (f != null) {
                r = call(f, new Object[] {a, b}, null);
                if (r != Builtins.NOT_IMPLEMENTED) {
                    return r;
                }
            }
        }
        if (b instanceof PyInstance ib) {
            Object f = ib.type().lookup("__r" + name + "__");
            if (f != null) {
                r = call(f, new Object[] {b, a}, null);
                if (r != Builtins.NOT_IMPLEMENTED) {
                    return r;
                }
            }
        }
        if (op == MOD && a instanceof String s) {
            return Formatter.percent(s, b);
        }
        if (op == ADD && (a instanceof String || a instanceof PyList || a instanceof PyTuple)) {
            String tn = typeName(a);
            throw Errors.typeError("can only concatenate " + tn + " (not \"" + typeName(b) + "\") to " + tn);
        }
        if (op == ADD && a instanceof PyBytes) {
            throw Errors.typeError("can't concat " + typeName(b) + " to " + typeName(a));
        }
        if (op == MUL && (a instanceof String || a instanceof PyList || a instanceof PyTuple)) {
            throw Errors.typeError("can't multiply sequence by non-int of type '" + typeName(b) + "'");
        }
        if (op == MUL && (b instanceof String || b instanceof PyList || b instanceof PyTuple)) {
            throw Errors.typeError("can't multiply sequence by non-int of type '" + typeName(a) + "'");
        }
        throw Errors.unsupported(op == POW ? "** or pow()" : OP_SYMBOLS[op], a, b);
    }

    /** In-place operator: lists and bytearrays extend in place, other values fall back to the binary operator. */
    static Object inplace(int op, Object a, Object b) {
        if (a instanceof PyBytes x && x.mutable && op == ADD && b instanceof PyBytes y) {
            byte[] r = Arrays.copyOf(x.bytes, x.bytes.length + y.bytes.length);
            System.arraycopy(y.bytes, 0, r, x.bytes.length, y.bytes.length);
            x.bytes = r;
            return a;
        }
        if (a instanceof PyList l && op == ADD) {
            if (b instanceof PyList bl) {
                l.list.addAll(bl.list);
            } else {
                Iterator<Object> it = iter(b);
                while (it.hasNext()) {
                    l.list.add(it.next());
                }
            }
            return a;
        }
        if (a instanceof PyList l && op == MUL) {
            long n = Ints.toLong(index(b));
            List<Object> copy = new ArrayList<>(l.list);
            l.list.clear();
            for (long i = 0; i < n; i++) {
                l.list.addAll(copy);
            }
            return a;
        }
        if (a instanceof PySet s && !s.frozen && b instanceof PySet t) {
            switch (op) {
                case OR:
                    for (Object o : t.elements()) {
                        s.add(o);
                    }
                    return a;
                case AND:
                    s.set.retainAll(t.set);
                    return a;
                case SUB:
                    s.set.removeAll(t.set);
                    return a;
                default:
                    break;
            }
        }
        if (a instanceof PyDict d && op == OR && b instanceof PyDict e) {
            for (Map.Entry<Object, Object> en : e.entries()) {
                d.put(en.getKey(), en.getValue());
            }
            return a;
        }
        if (a instanceof PyInstance ia) {
            Object f = ia.type().lookup("__i" + OP_NAMES[op] + "__");
            if (f != null) {
                Object r = call(f, new Object[] {a, b}, null);
                if (r != Builtins.NOT_IMPLEMENTED) {
                    return r;
                }
            }
            if (ia.builtinValue != null && ia.type().lookup("__" + OP_NAMES[op] + "__") == null) {
                inplace(op, ia.builtinValue, b);
                return a;
            }
        }
        return binary(op, a, b);
    }

    private static Object binaryBuiltin(int op, Object a, Object b) {
        boolean ai = Ints.isInt(a);
        boolean bi = Ints.isInt(b);
        if (ai && bi) {
            switch (op) {
                case ADD: return Ints.add(a, b);
                case SUB: return Ints.sub(a, b);
                case MUL: return Ints.mul(a, b);
                case TRUEDIV: {
                    if (a instanceof Long x && b instanceof Long y && Math.abs(x) <= 1L << 53
                            && Math.abs(y) <= 1L << 53) {
                        if (y == 0) {
                            throw Errors.zeroDiv("division by zero");
                        }
                        return (double) x / y; // both exact doubles: the division rounds correctly
                    }
                    return Ints.trueDivide(Ints.big(a), Ints.big(b));
                }
                case FLOORDIV: return Ints.floordiv(a, b);
                case MOD: return Ints.mod(a, b);
                case POW: return Ints.pow(a, b);
                case LSHIFT: return Ints.shift(a, b, true);
                case RSHIFT: return Ints.shift(a, b, false);
                case AND: return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x & y) : Ints.bitop(a, b, '&');
                case OR: return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x | y) : Ints.bitop(a, b, '|');
                case XOR: return a instanceof Boolean x && b instanceof Boolean y ? (Object) (x ^ y) : Ints.bitop(a, b, '^');
                default: return null;
            }
        }
        if ((ai || a instanceof Double) && (bi || b instanceof Double)) {
            double x = toDouble(a);
            double y = toDouble(b);
            switch (op) {
                case ADD: return x + y;
                case SUB: return x - y;
                case MUL: return x * y;
                case TRUEDIV:
                    if (y == 0) {
                        throw Errors.zeroDiv("float division by zero");
                    }
                    return x / y;
                case FLOORDIV:
                    if (y == 0) {
                        throw Errors.zeroDiv("float floor division by zero");
                    }
                    return Math.floor(x / y);
                case MOD: {
                    if (y == 0) {
                        throw Errors.zeroDiv("float modulo");
                    }
                    double m = x % y;
                    if (m != 0 && ((m < 0) != (y < 0))) {
                        m += y;
                    }
                    return m;
                }
                case POW:
                    if (x == 0 && y < 0) {
                        throw Errors.zeroDiv("0.0 cannot be raised to a negative power");
                    }
                    return Math.pow(x, y);
                default: return null;
            }
        }
        if (a instanceof String s) {
            if (op == ADD && b instanceof String t) {
                return s + t;
            }
            if (op == MUL && bi) {
                long n = Ints.toLong(b);
                return n <= 0 ? "" : s.repeat((int) n);
            }
            if (op == MOD && !(b instanceof PyInstance)) {
                return Formatter.percent(s, b);
            }
            return null;
        }
        if (op == MUL && ai && (b instanceof String || b instanceof PyList || b instanceof PyTuple
                || b instanceof PyBytes)) {
            return binaryBuiltin(op, b, a);
        }
        if (op == MUL && bi && a instanceof PyBytes x) {
            int n = (int) Math.max(0, Ints.toLong(b));
            byte[] r = new byte[x.bytes.length * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x.bytes, 0, r, i * x.bytes.length, x.bytes.length);
            }
            return new PyBytes(r, x.mutable);
        }
        if (a instanceof PyList l) {
            if (op == ADD && b instanceof PyList m) {
                ArrayList<Object> r = new ArrayList<>(l.list.size() + m.list.size());
                r.addAll(l.list);
                r.addAll(m.list);
                return new PyList(r, true);
            }
            if (op == ADD) {
                throw Errors.typeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
            }
            if (op == MUL && bi) {
                long n = Ints.toLong(b);
                ArrayList<Object> r = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    r.addAll(l.list);
                }
                return new PyList(r, true);
            }
            return null;
        }
        if (a instanceof PyTuple t) {
            if (op == ADD && b instanceof PyTuple u) {
                Object[] r = Arrays.copyOf(t.items, t.items.length + u.items.length);
                System.arraycopy(u.items, 0, r, t.items.length, u.items.length);
                return new PyTuple(r);
            }
            if (op == ADD) {
                throw Errors.typeError("can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
            }
            if (op == MUL && bi) {
                long n = Math.max(0, Ints.toLong(b));
                Object[] r = new Object[(int) (t.items.length * n)];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(t.items, 0, r, i * t.items.length, t.items.length);
                }
                return new PyTuple(r);
            }
            return null;
        }
        if (a instanceof PySet s && b instanceof PySet t) {
            PySet r = s.copy(s.frozen);
            switch (op) {
                case OR:
                    for (Object o : t.elements()) {
                        r.add(o);
                    }
                    return r;
                case AND:
                    r.set.retainAll(t.set);
                    return r;
                case SUB:
                    r.set.removeAll(t.set);
                    return r;
                case XOR:
                    for (Object o : t.elements()) {
                        if (!r.remove(o)) {
                            r.add(o);
                        }
                    }
                    return r;
                default:
                    return null;
            }
        }
        if (a instanceof PyDict d && b instanceof PyDict e && op == OR) {
            PyDict r = d.copy();
            for (Map.Entry<Object, Object> en : e.entries()) {
                r.put(en.getKey(), en.getValue());
            }
            return r;
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y && op == ADD) {
            byte[] r = Arrays.copyOf(x.bytes, x.bytes.length + y.bytes.length);
            System.arraycopy(y.bytes, 0, r, x.bytes.length, y.bytes.length);
            return new PyBytes(r, x.mutable);
        }
        if (a instanceof PyBytes x && op == MOD) {
            String s = new String(x.bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            return new PyBytes(Formatter.percent(s, b).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            // subclasses of built-in types: the value's operation, unless the subclass overrides it
            Object va = a instanceof PyInstance ia && ia.builtinValue != null
                    && !overrides(ia.type(), "__" + OP_NAMES[op] + "__") ? ia.builtinValue : a;
            Object vb = b instanceof PyInstance ib && ib.builtinValue != null && Ints.isInt(ib.builtinValue)
                    && !overrides(ib.type(), "__r" + OP_NAMES[op] + "__") ? ib.builtinValue : b;
            if (va != a || vb != b) {
                return binaryBuiltin(op, va, vb);
            }
        }
        if (a instanceof DictView v && b instanceof DictView || a instanceof DictView && b instanceof PySet) {
            return binaryBuiltin(op, Builtins.toSet(a, false), Builtins.toSet(b, false));
        }
        return null;
    }

    /** Whether a subclass of a built-in type defines {@code dunder} itself rather than taking its base's. */
    private static boolean overrides(PyType t, String dunder) {
        Object m = t.lookup(dunder);
        return m != null && (t.solidBase == null || m != t.solidBase.lookup(dunder));
    }

    static Object neg(Object a) {
        if (a instanceof Long || a instanceof Boolean || a instanceof BigInteger) {
            return Ints.neg(a);
        }
        if (a instanceof Double d) {
            return -d;
        }
        return unaryDunder(a, "__neg__", "-");
    }

    static Object pos(Object a) {
        if (a instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (isNumber(a)) {
            return a;
        }
        return unaryDunder(a, "__pos__", "+");
    }

    static Object invert(Object a) {
        if (Ints.isInt(a)) {
            return Ints.sub(Ints.neg(a), 1L);
        }
        return unaryDunder(a, "__invert__", "~");
    }

    private static Object unaryDunder(Object a, String dunder, String sym) {
        if (a instanceof PyInstance i) {
            Object f = i.type().lookup(dunder);
            if (f != null) {
                return call(f, new Object[] {a}, null);
            }
        }
        throw Errors.typeError("bad operand type for unary " + sym + ": '" + typeName(a) + "'");
    }

    // ---------------------------------------------------------------- comparison

    /** Python {@code a == b}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            return !(a instanceof Double d && d.isNaN());
        }
        if (a instanceof String s) {
            if (b instanceof String) {
                return s.equals(b);
            }
            if (!(b instanceof PyInstance)) {
                return false;
            }
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                if (a instanceof BigInteger || b instanceof BigInteger) {
                    double d = a instanceof Double x ? x : (Double) b;
                    Object i = a instanceof Double ? b : a;
                    return d == Math.rint(d) && !Double.isInfinite(d) && new java.math.BigDecimal(d).toBigInteger().equals(i);
                }
                return toDouble(a) == toDouble(b);
            }
            return Ints.compare(a, b) == 0;
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            Object r = richCompare(a, b, "__eq__", "__eq__");
            if (r != null) {
                return isTrue(r);
            }
            if (a instanceof PyInstance ia && ia.builtinValue != null) {
                return eq(ia.builtinValue, b instanceof PyInstance ib && ib.builtinValue != null ? ib.builtinValue : b);
            }
            if (b instanceof PyInstance ib && ib.builtinValue != null) {
                return eq(a, ib.builtinValue);
            }
            return false;
        }
        if (a instanceof DictView v && b instanceof DictView || a instanceof DictView && b instanceof PySet
                || a instanceof PySet && b instanceof DictView) {
            if (a instanceof DictView v && v.kind == DictView.VALUES) {
                return false;
            }
            return Builtins.toSet(a, false).equals(Builtins.toSet(b, false));
        }
        return a.equals(b);
    }

    /** Calls a rich-comparison dunder with reflection; null when neither side implements it. */
    private static Object richCompare(Object a, Object b, String op, String reflected) {
        if (a instanceof PyInstance ia) {
            Object f = ia.type().lookup(op);
            if (f != null && !isObjectDefault(f)) {
                Object r = call(f, new Object[] {a, b}, null);
                if (r != Builtins.NOT_IMPLEMENTED) {
                    return r;
                }
            }
        }
        if (b instanceof PyInstance ib) {
            Object f = ib.type().lookup(reflected);
            if (f != null && !isObjectDefault(f)) {
                Object r = call(f, new Object[] {b, a}, null);
                if (r != Builtins.NOT_IMPLEMENTED) {
                    return r;
                }
            }
        }
        return null;
    }

    private static boolean isObjectDefault(Object f) {
        return Builtins.OBJECT.dict.containsValue(f);
    }

    /** Rich comparison for the ordering operators; op is one of {@code < <= > >=}. */
    static boolean compare(Object a, Object b, String op) {
        if (a instanceof PyInstance || b instanceof PyInstance) {
            String dunder;
            String refl;
            switch (op) {
                case "<": dunder = "__lt__"; refl = "__gt__"; break;
                case "<=": dunder = "__le__"; refl = "__ge__"; break;
                case ">": dunder = "__gt__"; refl = "__lt__"; break;
                default: dunder = "__ge__"; refl = "__le__"; break;
            }
            Object r = richCompare(a, b, dunder, refl);
            if (r != null) {
                return isTrue(r);
            }
            Object ua = a instanceof PyInstance ia && ia.builtinValue != null ? ia.builtinValue : a;
            Object ub = b instanceof PyInstance ib && ib.builtinValue != null ? ib.builtinValue : b;
            if (ua != a || ub != b) {
                return compare(ua, ub, op);
            }
            throw notSupported(op, a, b);
        }
        if (a instanceof PySet s && b instanceof PySet t) {
            switch (op) {
                case "<": return t.set.containsAll(s.set) && s.size() < t.size();
                case "<=": return t.set.containsAll(s.set);
                case ">": return s.set.containsAll(t.set) && s.size() > t.size();
                default: return s.set.containsAll(t.set);
            }
        }
        int c = cmp(a, b, op);
        switch (op) {
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            default: return c >= 0;
        }
    }

    private static PythonError notSupported(String op, Object a, Object b) {
        return Errors.typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /** Three-way comparison of orderable built-in values (NaN compares as unordered: returns 2). */
    static int cmp(Object a, Object b, String op) {
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t);
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                double x = toDouble(a);
                double y = toDouble(b);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return op.startsWith("<") ? 1 : -1;
                }
                return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
            }
            return Ints.compare(a, b);
        }
        if (a instanceof PyList l && b instanceof PyList m) {
            return cmpSeq(l.list.toArray(), m.list.toArray(), op);
        }
        if (a instanceof PyTuple l && b instanceof PyTuple m) {
            return cmpSeq(l.items, m.items, op);
        }
        if (a instanceof PyBytes x && b instanceof PyBytes y) {
            return Arrays.compareUnsigned(x.bytes, y.bytes);
        }
        if (a instanceof PyInstance || b instanceof PyInstance) {
            return compare(a, b, "<") ? -1 : compare(b, a, "<") ? 1 : 0;
        }
        throw notSupported(op, a, b);
    }

    private static int cmpSeq(Object[] x, Object[] y, String op) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!eq(x[i], y[i])) {
                return compare(x[i], y[i], "<") ? -1 : 1;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Whether {@code item in container}. */
    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String t)) {
                throw Errors.typeError("'in <string>' requires string as left operand, not " + typeName(item));
            }
            return s.contains(t);
        }
        if (container instanceof PyDict d) {
            return d.containsKey(item);
        }
        if (container instanceof PySet s) {
            return s.contains(item);
        }
        if (container instanceof PyList l) {
            for (Object o : l.list) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyTuple t) {
            for (Object o : t.items) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyRange r && Ints.isInt(item) && !(item instanceof BigInteger)) {
            long v = Ints.toLong(item);
            if (r.step > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) {
                return false;
            }
            return (v - r.start) % r.step == 0;
        }
        if (container instanceof DictView v) {
            return v.contains(item);
        }
        if (container instanceof PyBytes b) {
            if (Ints.isInt(item)) {
                long v = Ints.toLong(item);
                for (byte x : b.bytes) {
                    if ((x & 0xff) == v) {
                        return true;
                    }
                }
                return false;
            }
            if (item instanceof PyBytes sub) {
                return Builtins.indexOf(b.bytes, sub.bytes, 0) >= 0;
            }
        }
        if (container instanceof PyInstance i) {
            Object f = i.type().lookup("__contains__");
            if (f instanceof PyFunction) {
                return isTrue(call(f, new Object[] {container, item}, null));
            }
            if (i.builtinValue != null) {
                return contains(i.builtinValue, item);
            }
        }
        if (container instanceof PyAttributes a && a.getAttribute("__contains__") != null) {
            return isTrue(call(a.getAttribute("__contains__"), new Object[] {item}, null));
        }
        Object inClass = callMeta(container, "__contains__", item);
        if (inClass != null) {
            return isTrue(inClass);
        }
        Iterator<Object> it = iter(container);
        while (it.hasNext()) {
            if (eq(it.next(), item)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- hashing, length, repr

    /** Python {@code hash(o)} (ints hash to themselves in the long range). */
    public static int hash(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9e18) {
            return Long.hashCode((long) (double) d);
        }
        if (o instanceof Integer i) {
            return Long.hashCode(i);
        }
        return o.hashCode();
    }

    /** Python {@code len(o)}. */
    public static int len(Object o) {
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (o instanceof PyList l) {
            return l.list.size();
        }
        if (o instanceof PyDict d) {
            return d.size();
        }
        if (o instanceof PyTuple t) {
            return t.items.length;
        }
        if (o instanceof PySet s) {
            return s.size();
        }
        if (o instanceof PyBytes b) {
            return b.bytes.length;
        }
        if (o instanceof PyRange r) {
            return (int) r.length();
        }
        if (o instanceof DictView v) {
            return v.dict.size();
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__len__");
            if (f instanceof PyFunction || (f != null && i.builtinValue == null)) {
                Object r = call(f, new Object[] {o}, null);
                long n = Ints.toLong(index(r));
                if (n < 0) {
                    throw Errors.valueError("__len__() should return >= 0");
                }
                return (int) n;
            }
            if (i.builtinValue != null) {
                return len(i.builtinValue);
            }
        }
        if (o instanceof PyAttributes a && a.getAttribute("__len__") != null) {
            return (int) Ints.toLong(call(a.getAttribute("__len__"), new Object[0], null));
        }
        Object classLength = callMeta(o, "__len__");
        if (classLength != null) {
            return (int) Ints.toLong(index(classLength));
        }
        throw Errors.typeError("object of type '" + typeName(o) + "' has no len()");
    }

    /** Python {@code repr(o)}. */
    public static String repr(Object o) {
        return Formatter.repr(o);
    }

    /** Python {@code str(o)}. */
    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__str__");
            if (f != null) {
                Object r = call(f, new Object[] {o}, null);
                if (!(r instanceof String s)) {
                    throw Errors.typeError("__str__ returned non-string (type " + typeName(r) + ")");
                }
                return s;
            }
        }
        if (o instanceof Long || o instanceof Boolean) {
            return o instanceof Boolean b ? (b ? "True" : "False") : o.toString();
        }
        return Formatter.repr(o);
    }

    // ---------------------------------------------------------------- attributes

    /** Python {@code getattr(o, name)}, raising AttributeError when missing. */
    public static Object getattr(Object o, String name) {
        Object v = getattrOrNull(o, name);
        if (v == null) {
            throw noAttribute(o, name);
        }
        return v;
    }

    static PythonError noAttribute(Object o, String name) {
        if (o instanceof PyModule m) {
            return Errors.attributeError("module '" + m.name() + "' has no attribute '" + name + "'");
        }
        if (o instanceof PyType t) {
            return Errors.attributeError("type object '" + t.name() + "' has no attribute '" + name + "'");
        }
        return Errors.attributeError("'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    /** Attribute lookup; null when absent. */
    static Object getattrOrNull(Object o, String name) {
        if (o instanceof PyInstance inst) {
            PyType t = inst.type();
            Object cls = t.lookup(name);
            if (cls instanceof PyProperty p) {
                if (p.fget == null || p.fget == PyNone.NONE) {
                    throw Errors.attributeError("property '" + name + "' of '" + t.name() + "' object has no getter");
                }
                return call(p.fget, new Object[] {o}, null);
            }
            Object getter = cls instanceof PyInstance d ? d.type().lookup("__get__") : null;
            if (getter != null && ((PyInstance) cls).type().lookup("__set__") != null) {
                return call(getter, new Object[] {cls, o, t}, null); // data descriptor wins over the instance dict
            }
            Object v = inst.dict.get(name);
            if (v != null) {
                return v;
            }
            if (getter != null) {
                return call(getter, new Object[] {cls, o, t}, null);
            }
            if (cls != null) {
                return bind(cls, o, t);
            }
            if (name.equals("__class__")) {
                return t;
            }
            if (name.equals("__dict__") && t.slots == null) {
                return inst.dict;
            }
            Object ga = t.lookup("__getattr__");
            if (ga != null) {
                try {
                    return call(ga, new Object[] {o, name}, null);
                } catch (PythonError e) {
                    if (e.isInstance(Exceptions.ATTRIBUTE_ERROR)) {
                        return null;
                    }
                    throw e;
                }
            }
            return null;
        }
        if (o instanceof PyModule m) {
            Object v = m.dict().get(name);
            if (v == null && name.equals("__dict__")) {
                return m.dict();
            }
            if (v == null && m.stub && !name.startsWith("__")) {
                String what = m.name() + "." + name;
                if (Character.isUpperCase(name.charAt(0))) {
                    // a class: definable as a base and catchable, but not instantiable
                    return m.stubClasses.computeIfAbsent(name, n -> {
                        boolean exc = n.endsWith("Error") || n.endsWith("Exception") || n.endsWith("Exit");
                        PyType t = new PyType(n, m.name(), new PyType[] {exc ? Exceptions.EXCEPTION : Builtins.OBJECT},
                                null, false);
                        if (!exc) {
                            t.dict.put("__init__", new PyBuiltin("__init__", (a, kw) -> {
                                throw Errors.notImplemented(what);
                            }));
                        }
                        return t;
                    });
                }
                return new PyBuiltin(name, (a, kw) -> {
                    throw Errors.notImplemented(what);
                });
            }
            return v;
        }
        if (o instanceof PyType t) {
            return typeAttr(t, name);
        }
        if (o instanceof PyAttributes a) {
            return a.getAttribute(name);
        }
        if (o instanceof PyFunction f) {
            return f.getAttr(name);
        }
        if (name.equals("__class__")) {
            return typeOf(o);
        }
        PyType t = typeOf(o);
        Object v = t.lookup(name);
        if (v != null) {
            return bind(v, o, t);
        }
        return Builtins.specialAttr(o, name);
    }

    static Object typeAttr(PyType t, String name) {
        Object v = t.lookup(name);
        if (v != null) {
            if (v instanceof PyClassMethod cm) {
                return new PyBoundMethod(t, cm.function);
            }
            if (v instanceof PyStaticMethod sm) {
                return sm.function;
            }
            return v;
        }
        switch (name) {
            case "__name__":
            case "__qualname__":
                return t.name();
            case "__module__":
                return t.module();
            case "__mro__":
                return new PyTuple(t.mro.clone());
            case "__bases__":
                return new PyTuple(t.bases.length == 0 && t != Builtins.OBJECT ? new Object[] {Builtins.OBJECT}
                        : t.bases.clone());
            case "__base__":
                return t.bases.length == 0 ? (t == Builtins.OBJECT ? PyNone.NONE : Builtins.OBJECT) : t.bases[0];
            case "__dict__": {
                PyDict d = new PyDict();
                for (Map.Entry<String, Object> e : t.dict.entrySet()) {
                    d.put(e.getKey(), e.getValue());
                }
                return d;
            }
            case "__doc__":
                return PyNone.NONE;
            case "__class__":
                return typeOf(t);
            default:
                return metaAttribute(t, name);
        }
    }

    /** An attribute a class lacks, found on its metaclass: a method bound to the class, a property's value for it. */
    private static Object metaAttribute(PyType t, String name) {
        Object v = t.metaMethod(name);
        if (v instanceof PyProperty p) {
            return call(p.fget, new Object[] {t}, null);
        }
        return v == null ? null : bind(v, t, t.metaclass);
    }

    /** Calls the metaclass method {@code name} of class {@code t} when Python code defines one; null otherwise. */
    static Object callMeta(Object o, String name, Object... args) {
        if (!(o instanceof PyType t)) {
            return null;
        }
        Object m = t.metaMethod(name);
        if (m == null) {
            return null;
        }
        Object[] a = new Object[args.length + 1];
        a[0] = t;
        System.arraycopy(args, 0, a, 1, args.length);
        return call(m, a, null);
    }

    private static Object bind(Object cls, Object self, PyType t) {
        if (cls instanceof PyFunction || cls instanceof PyBuiltin) {
            return new PyBoundMethod(self, cls);
        }
        if (cls instanceof PyClassMethod cm) {
            return new PyBoundMethod(t, cm.function);
        }
        if (cls instanceof PyStaticMethod sm) {
            return sm.function;
        }
        return cls;
    }

    /** Python {@code setattr(o, name, v)}. */
    public static void setattr(Object o, String name, Object v) {
        if (o instanceof PyInstance inst) {
            PyType t = inst.type();
            Object cls = t.lookup(name);
            if (cls instanceof PyProperty p) {
                if (p.fset == null || p.fset == PyNone.NONE) {
                    throw Errors.attributeError("property '" + name + "' of '" + t.name() + "' object has no setter");
                }
                call(p.fset, new Object[] {o, v}, null);
                return;
            }
            Object setter = cls instanceof PyInstance d ? d.type().lookup("__set__") : null;
            if (setter != null) {
                call(setter, new Object[] {cls, o, v}, null);
                return;
            }
            Object sa = t.lookup("__setattr__");
            if (sa != null && !isObjectDefault(sa)) {
                call(sa, new Object[] {o, name, v}, null);
                return;
            }
            t.checkSlot(name);
            inst.dict.put(name, v);
            return;
        }
        if (o instanceof PyModule m) {
            m.dict().put(name, v);
            return;
        }
        if (o instanceof PyType t) {
            if (t.builtin) {
                throw Errors.typeError("cannot set '" + name + "' attribute of immutable type '" + t.name() + "'");
            }
            if (name.equals("__name__")) {
                if (!(v instanceof String s)) {
                    throw Errors.typeError("can only assign string to " + t.name() + ".__name__, not '" + typeName(v)
                            + "'");
                }
                t.rename(s);
            }
            t.dict.put(name, v);
            return;
        }
        if (o instanceof PyFunction f) {
            f.setAttr(name, v);
            return;
        }
        if (o instanceof PyAttributes a && a.setAttribute(name, v)) {
            return;
        }
        throw Errors.attributeError("'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    static void delattr(Object o, String name) {
        if (o instanceof PyInstance inst) {
            Object cls = inst.type().lookup(name);
            if (cls instanceof PyProperty p && p.fdel != null && p.fdel != PyNone.NONE) {
                call(p.fdel, new Object[] {o}, null);
                return;
            }
            if (inst.dict.remove(name) == null) {
                throw noAttribute(o, name);
            }
            return;
        }
        if (o instanceof PyModule m) {
            if (m.dict().remove(name) == null) {
                throw noAttribute(o, name);
            }
            return;
        }
        if (o instanceof PyType t && !t.builtin) {
            if (t.dict.remove(name) == null) {
                throw noAttribute(o, name);
            }
            return;
        }
        throw Errors.attributeError("'" + typeName(o) + "' object has no attribute '" + name + "'");
    }

    // ---------------------------------------------------------------- items

    /** Python {@code o[key]}. */
    public static Object getitem(Object o, Object key) {
        if (o instanceof PyDict d) {
            Object v = d.get(key);
            if (v == null) {
                throw Errors.keyError(key);
            }
            return v;
        }
        if (o instanceof PyList l) {
            if (key instanceof Long i) {
                int n = l.list.size();
                long k = i < 0 ? i + n : i;
                if (k < 0 || k >= n) {
                    throw Errors.indexError("list index out of range");
                }
                return l.list.get((int) k);
            }
            if (key instanceof PySlice s) {
                return new PyList(Builtins.sliceList(l.list, s), true);
            }
            return l.list.get(seqIndex(key, l.list.size(), "list"));
        }
        if (o instanceof String s) {
            if (key instanceof PySlice sl) {
                return Builtins.sliceString(s, sl);
            }
            if (!Ints.isInt(key) && !(key instanceof PyInstance)) {
                throw Errors.typeError("string indices must be integers, not '" + typeName(key) + "'");
            }
            if (Builtins.isAscii(s)) {
                int i = seqIndex(key, s.length(), "string");
                return String.valueOf(s.charAt(i));
            }
            int[] cps = s.codePoints().toArray();
            int i = seqIndex(key, cps.length, "string");
            return new String(cps, i, 1);
        }
        if (o instanceof PyTuple t) {
            if (key instanceof PySlice s) {
                return new PyTuple(Builtins.sliceList(Arrays.asList(t.items), s).toArray());
            }
            return t.items[seqIndex(key, t.items.length, "tuple")];
        }
        if (o instanceof PyBytes b) {
            if (key instanceof PySlice s) {
                List<Object> l = new ArrayList<>();
                for (byte x : b.bytes) {
                    l.add((long) (x & 0xff));
                }
                ArrayList<Object> r = Builtins.sliceList(l, s);
                byte[] out = new byte[r.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) (long) (Long) r.get(i);
                }
                return new PyBytes(out, b.mutable);
            }
            return (long) (b.bytes[seqIndex(key, b.bytes.length, "index")] & 0xff);
        }
        if (o instanceof PyRange r) {
            if (key instanceof PySlice s) {
                long[] ix = s.indices(r.length());
                return new PyRange(r.start + ix[0] * r.step, r.start + ix[0] * r.step + ix[3] * ix[2] * r.step,
                        ix[2] * r.step);
            }
            return r.start + r.step * seqIndex(key, (int) r.length(), "range object");
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__getitem__");
            if (f instanceof PyFunction || (f != null && i.builtinValue == null)) {
                return call(f, new Object[] {o, key}, null);
            }
            if (i.builtinValue != null) {
                if (i.builtinValue instanceof PyDict d) {
                    Object v = d.get(key);
                    if (v == null) {
                        Object missing = i.type().lookup("__missing__");
                        if (missing != null) {
                            return call(missing, new Object[] {o, key}, null);
                        }
                        throw Errors.keyError(key);
                    }
                    return v;
                }
                return getitem(i.builtinValue, key);
            }
        }
        if (o instanceof PyType t) {
            Object item = callMeta(t, "__getitem__", key);
            if (item != null) {
                return item;
            }
            if (t.lookup("__class_getitem__") != null) {
                return call(typeAttr(t, "__class_getitem__"), new Object[] {key}, null);
            }
            return t; // generic alias such as list[str] in annotations
        }
        if (o instanceof PyAttributes a) {
            Object f = a.getAttribute("__getitem__");
            if (f != null) {
                return call(f, new Object[] {key}, null);
            }
        }
        throw Errors.typeError("'" + typeName(o) + "' object is not subscriptable");
    }

    static int seqIndex(Object key, int len, String what) {
        if (!Ints.isInt(key)) {
            Object k = key instanceof PyInstance ? index(key) : null;
            if (k == null) {
                throw Errors.typeError(what + " indices must be integers or slices, not " + typeName(key));
            }
            key = k;
        }
        long i = key instanceof BigInteger ? Long.MAX_VALUE : Ints.toLong(key);
        if (i < 0) {
            i += len;
        }
        if (i < 0 || i >= len) {
            throw Errors.indexError(what + " index out of range");
        }
        return (int) i;
    }

    /** Python {@code o[key] = v}. */
    public static void setitem(Object o, Object key, Object v) {
        if (o instanceof PyDict d) {
            d.put(key, v);
            return;
        }
        if (o instanceof PyBytes b && b.mutable) {
            StrMethods.setBytearrayItem(b, key, v);
            return;
        }
        if (o instanceof PyList l) {
            if (key instanceof PySlice s) {
                Builtins.setSlice(l.list, s, v);
                return;
            }
            l.list.set(seqIndex(key, l.list.size(), "list assignment"), v);
            return;
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__setitem__");
            if (f instanceof PyFunction || (f != null && i.builtinValue == null)) {
                call(f, new Object[] {o, key, v}, null);
                return;
            }
            if (i.builtinValue != null) {
                setitem(i.builtinValue, key, v);
                return;
            }
        }
        if (o instanceof PyAttributes a) {
            Object f = a.getAttribute("__setitem__");
            if (f != null) {
                call(f, new Object[] {key, v}, null);
                return;
            }
        }
        throw Errors.typeError("'" + typeName(o) + "' object does not support item assignment");
    }

    static void delitem(Object o, Object key) {
        if (o instanceof PyDict d) {
            if (d.remove(key) == null) {
                throw Errors.keyError(key);
            }
            return;
        }
        if (o instanceof PyList l) {
            if (key instanceof PySlice s) {
                long[] ix = s.indices(l.list.size());
                List<Integer> idx = new ArrayList<>();
                for (long k = 0, p = ix[0]; k < ix[3]; k++, p += ix[2]) {
                    idx.add((int) p);
                }
                idx.sort(null);
                for (int k = idx.size() - 1; k >= 0; k--) {
                    l.list.remove((int) idx.get(k));
                }
                return;
            }
            l.list.remove(seqIndex(key, l.list.size(), "list assignment"));
            return;
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__delitem__");
            if (f instanceof PyFunction || (f != null && i.builtinValue == null)) {
                call(f, new Object[] {o, key}, null);
                return;
            }
            if (i.builtinValue != null) {
                delitem(i.builtinValue, key);
                return;
            }
        }
        if (o instanceof PyAttributes a) {
            Object f = a.getAttribute("__delitem__");
            if (f != null) {
                call(f, new Object[] {key}, null);
                return;
            }
        }
        throw Errors.typeError("'" + typeName(o) + "' object doesn't support item deletion");
    }

    // ---------------------------------------------------------------- iteration

    /** Python {@code iter(o)}. */
    @SuppressWarnings("unchecked")
    public static Iterator<Object> iter(Object o) {
        if (o instanceof PyList l) {
            return new PyIterator() {
                int i;

                @Override
                Object advance() {
                    return i < l.list.size() ? l.list.get(i++) : null;
                }

                @Override
                String typeName() {
                    return "list_iterator";
                }
            };
        }
        if (o instanceof PyTuple t) {
            return PyIterator.of(Arrays.asList(t.items).iterator());
        }
        if (o instanceof String s) {
            return new PyIterator() {
                int i;

                @Override
                Object advance() {
                    if (i >= s.length()) {
                        return null;
                    }
                    int cp = s.codePointAt(i);
                    int n = Character.charCount(cp);
                    String r = s.substring(i, i + n);
                    i += n;
                    return r;
                }
            };
        }
        if (o instanceof PyDict d) {
            return dictKeyIterator(d);
        }
        if (o instanceof PyIterator it) {
            return it;
        }
        if (o instanceof PySet s) {
            Iterator<Object> it = s.set.iterator();
            return new PyIterator() {
                @Override
                Object advance() {
                    try {
                        return it.hasNext() ? s.original(it.next()) : null;
                    } catch (java.util.ConcurrentModificationException e) {
                        throw Errors.runtime("Set changed size during iteration");
                    }
                }
            };
        }
        if (o instanceof PyRange r) {
            return new PyIterator() {
                long cur = r.start;

                @Override
                Object advance() {
                    if (r.step > 0 ? cur >= r.stop : cur <= r.stop) {
                        return null;
                    }
                    long v = cur;
                    cur += r.step;
                    return v;
                }
            };
        }
        if (o instanceof DictView v) {
            return v.iterator();
        }
        if (o instanceof PyBytes b) {
            List<Object> l = new ArrayList<>(b.bytes.length);
            for (byte x : b.bytes) {
                l.add((long) (x & 0xff));
            }
            return PyIterator.of(l.iterator());
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__iter__");
            if (f instanceof PyFunction || (f != null && i.builtinValue == null)) {
                Object it = call(f, new Object[] {o}, null);
                if (it instanceof PyIterator pit) {
                    return pit;
                }
                Object next = getattrOrNull(it, "__next__");
                if (next == null) {
                    throw Errors.typeError("iter() returned non-iterator of type '" + typeName(it) + "'");
                }
                return nextIterator(next);
            }
            if (i.builtinValue != null) {
                return iter(i.builtinValue);
            }
            Object gi = i.type().lookup("__getitem__");
            if (gi != null) {
                return new PyIterator() {
                    long k;

                    @Override
                    Object advance() {
                        try {
                            return call(gi, new Object[] {o, k++}, null);
                        } catch (PythonError e) {
                            if (e.isInstance(Exceptions.INDEX_ERROR) || e.isInstance(Exceptions.STOP_ITERATION)) {
                                return null;
                            }
                            throw e;
                        }
                    }
                };
            }
        }
        if (o instanceof PyAttributes a) {
            Object f = a.getAttribute("__iter__");
            if (f != null) {
                return iter(call(f, new Object[0], null));
            }
        }
        if (o instanceof Iterable<?> it) {
            return PyIterator.of(((Iterable<Object>) it).iterator());
        }
        Object classIterator = callMeta(o, "__iter__");
        if (classIterator != null) {
            return iter(classIterator);
        }
        throw Errors.typeError("'" + typeName(o) + "' object is not iterable");
    }

    static PyIterator dictKeyIterator(PyDict d) {
        Iterator<Object> it = d.map().keySet().iterator();
        return new PyIterator() {
            @Override
            Object advance() {
                try {
                    return it.hasNext() ? d.original(it.next()) : null;
                } catch (java.util.ConcurrentModificationException e) {
                    throw Errors.runtime("dictionary changed size during iteration");
                }
            }

            @Override
            String typeName() {
                return "dict_keyiterator";
            }
        };
    }

    private static PyIterator nextIterator(Object next) {
        return new PyIterator() {
            @Override
            Object advance() {
                try {
                    return call(next, new Object[0], null);
                } catch (PythonError e) {
                    if (e.isInstance(Exceptions.STOP_ITERATION)) {
                        return null;
                    }
                    throw e;
                }
            }
        };
    }

    /** Collects an iterable into a new Java list. */
    public static ArrayList<Object> toList(Object o) {
        if (o instanceof PyList l) {
            return new ArrayList<>(l.list);
        }
        if (o instanceof PyTuple t) {
            return new ArrayList<>(Arrays.asList(t.items));
        }
        ArrayList<Object> r = new ArrayList<>();
        Iterator<Object> it = iter(o);
        while (it.hasNext()) {
            r.add(it.next());
        }
        return r;
    }

    static Object[] toArray(Object o) {
        if (o instanceof PyTuple t) {
            return t.items;
        }
        if (o instanceof PyList l) {
            return l.list.toArray();
        }
        return toList(o).toArray();
    }

    // ---------------------------------------------------------------- calls

    /** Calls any Python callable. */
    public static Object call(Object f, Object[] args, Map<String, Object> kwargs) {
        if (f instanceof PyCallable c) {
            return c.call(args, kwargs);
        }
        if (f instanceof PyInstance i) {
            Object m = i.type().lookup("__call__");
            if (m != null) {
                Object[] a = new Object[args.length + 1];
                a[0] = f;
                System.arraycopy(args, 0, a, 1, args.length);
                return call(m, a, kwargs);
            }
        }
        if (f instanceof PyStaticMethod sm) {
            return call(sm.function, args, kwargs);
        }
        if (f instanceof PyAttributes a) {
            Object m = a.getAttribute("__call__");
            if (m != null) {
                return call(m, args, kwargs);
            }
        }
        throw Errors.typeError("'" + typeName(f) + "' object is not callable");
    }

    public static boolean isCallable(Object f) {
        if (f instanceof PyCallable || f instanceof PyStaticMethod) {
            return true;
        }
        if (f instanceof PyInstance i) {
            return i.type().lookup("__call__") != null;
        }
        return f instanceof PyAttributes a && a.getAttribute("__call__") != null;
    }

    /** {@code o.name(*args, **kwargs)} without materializing a bound method where possible. */
    public static Object callMethod(Object o, String name, Object[] args, Map<String, Object> kwargs) {
        if (!methodTakesSelf(o)) {
            return call(getattr(o, name), args, kwargs);
        }
        Object[] withSelf = new Object[args.length + 1];
        withSelf[0] = o;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return callMethodWithSelf(o, name, withSelf, kwargs);
    }

    /**
     * Whether {@link #callMethodWithSelf} can take arguments with the object already in front: the method is looked
     * up on the object's type (builtin values and class instances), not read from its attributes.
     */
    static boolean methodTakesSelf(Object o) {
        return !(o instanceof PyModule || o instanceof PyType || o instanceof PyAttributes || o instanceof PyFunction);
    }

    /**
     * {@link #callMethod} for an object {@link #methodTakesSelf} accepts, with {@code withSelf[0] == o} and the
     * arguments after it, so that a call on a builtin value does not copy its arguments into a new array.
     */
    static Object callMethodWithSelf(Object o, String name, Object[] withSelf, Map<String, Object> kwargs) {
        if (o instanceof PyInstance inst) {
            Object m = inst.type().lookup(name);
            if ((m instanceof PyFunction || m instanceof PyBuiltin) && !inst.dict.containsKey(name)) {
                return ((PyCallable) m).call(withSelf, kwargs);
            }
        } else if (typeOf(o).lookup(name) instanceof PyBuiltin b) {
            return b.call(withSelf, kwargs);
        }
        return call(getattr(o, name), java.util.Arrays.copyOfRange(withSelf, 1, withSelf.length), kwargs);
    }
}
