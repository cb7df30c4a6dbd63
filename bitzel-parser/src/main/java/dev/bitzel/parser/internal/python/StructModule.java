package dev.bitzel.parser.internal.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code _struct}, the packing behind {@code struct} (whose Struct class is Python, in struct.py): pack, unpack,
 * calcsize, pack_into, unpack_from and iter_unpack with the byte orders {@code @ = < > !}, the format characters
 * {@code x c b B ? h H i I l L q Q n N e f d s p P}, native sizes and alignment of a 64-bit little-endian
 * machine, and CPython's {@code struct.error} messages.
 */
final class StructModule {
    private StructModule() {}

    static final PyType ERROR = new PyType("error", "struct", new PyType[] {Exceptions.EXCEPTION}, null, false);

    /** One format character with its repeat count ({@code s}, {@code p}: the field length). */
    private record Item(char code, int count, int offset) {}

    /** A parsed format: its items at their offsets, the total size and the byte order. */
    private record Layout(List<Item> items, int size, int values, boolean littleEndian, boolean nativeSizes) {}

    static PyModule create() {
        PyModule m = new PyModule("_struct");
        m.set("error", ERROR);
        m.def("calcsize", (a, kw) -> {
            Args.count("calcsize", a, 1, 1);
            return (long) layout(a[0]).size;
        });
        m.def("pack", (a, kw) -> {
            Args.count("pack", a, 1, Integer.MAX_VALUE);
            Layout l = layout(a[0]);
            byte[] out = new byte[l.size];
            pack(l, out, 0, Arrays.copyOfRange(a, 1, a.length), "pack");
            return new PyBytes(out);
        });
        m.def("pack_into", (a, kw) -> {
            Args.count("pack_into", a, 3, Integer.MAX_VALUE);
            Layout l = layout(a[0]);
            if (!(a[1] instanceof PyBytes buf) || !buf.mutable) {
                throw Errors.typeError("argument must be read-write bytes-like object, not " + Ops.typeName(a[1]));
            }
            long offset = Ints.toLong(Ops.index(a[2]));
            Object[] values = Arrays.copyOfRange(a, 3, a.length);
            if (values.length != l.values) {
                throw error("pack_into expected " + l.values + " items for packing (got " + values.length + ")");
            }
            int at = bufferOffset(offset, buf.bytes.length, l.size, "pack_into", "packing");
            pack(l, buf.bytes, at, values, "pack_into");
            return PyNone.NONE;
        });
        m.def("unpack", (a, kw) -> {
            Args.count("unpack", a, 2, 2);
            Layout l = layout(a[0]);
            byte[] data = buffer(a[1]);
            if (data.length != l.size) {
                throw error("unpack requires a buffer of " + l.size + " bytes");
            }
            return unpack(l, data, 0);
        });
        m.def("unpack_from", (a, kw) -> {
            Object[] b = Args.bind("unpack_from", a, kw, new String[] {"format", "buffer", "offset"}, 2);
            Layout l = layout(b[0]);
            byte[] data = buffer(b[1]);
            long offset = b[2] == null ? 0 : Ints.toLong(Ops.index(b[2]));
            return unpack(l, data, bufferOffset(offset, data.length, l.size, "unpack_from", "unpacking"));
        });
        m.def("iter_unpack", (a, kw) -> {
            Args.count("iter_unpack", a, 2, 2);
            Layout l = layout(a[0]);
            byte[] data = buffer(a[1]);
            if (l.size == 0) {
                throw error("cannot iteratively unpack with a struct of length 0");
            }
            if (data.length % l.size != 0) {
                throw error("iterative unpacking requires a buffer of a multiple of " + l.size + " bytes");
            }
            return new PyIterator() {
                int at;

                @Override
                Object advance() {
                    if (at >= data.length) {
                        return null;
                    }
                    Object r = unpack(l, data, at);
                    at += l.size;
                    return r;
                }

                @Override
                String typeName() {
                    return "unpack_iterator";
                }
            };
        });
        return m;
    }

    private static PythonError error(String message) {
        return PythonError.of(ERROR, message);
    }

    private static byte[] buffer(Object o) {
        if (o instanceof PyBytes b) {
            return b.bytes;
        }
        throw Errors.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
    }

    /** Where a pack_into or unpack_from starts in a buffer; CPython's checks and messages. */
    private static int bufferOffset(long offset, int length, int size, String function, String what) {
        if (offset < 0) {
            if (offset + size > 0) {
                throw error("no space to " + (what.equals("packing") ? "pack" : "unpack") + " " + size
                        + " bytes at offset " + offset);
            }
            if (offset + length < 0) {
                throw error("offset " + offset + " out of range for " + length + "-byte buffer");
            }
            offset += length;
        }
        if (length - offset < size) {
            throw error(function + " requires a buffer of at least " + (size + offset) + " bytes for " + what + " "
                    + size + " bytes at offset " + offset + " (actual buffer size is " + length + ")");
        }
        return (int) offset;
    }

    // ---------------------------------------------------------------- formats

    private static final java.util.concurrent.ConcurrentHashMap<String, Layout> LAYOUTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Layout layout(Object format) {
        String f;
        if (format instanceof String s) {
            f = s;
        } else if (format instanceof PyBytes b) {
            f = new String(b.bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        } else {
            throw Errors.typeError("Struct() argument 1 must be a str or bytes object, not " + Ops.typeName(format));
        }
        Layout l = LAYOUTS.get(f);
        if (l == null) {
            l = parse(f);
            if (LAYOUTS.size() < 1000) {
                LAYOUTS.put(f, l);
            }
        }
        return l;
    }

    private static Layout parse(String f) {
        int i = 0;
        boolean nativeSizes = true;
        boolean little = true;
        if (!f.isEmpty() && "@=<>!".indexOf(f.charAt(0)) >= 0) {
            char c = f.charAt(0);
            nativeSizes = c == '@';
            little = c == '@' || c == '=' || c == '<';
            i = 1;
        }
        List<Item> items = new ArrayList<>();
        int size = 0;
        int values = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int count = 1;
            if (c >= '0' && c <= '9') {
                long n = 0;
                while (i < f.length() && f.charAt(i) >= '0' && f.charAt(i) <= '9') {
                    n = n * 10 + (f.charAt(i) - '0');
                    if (n > Integer.MAX_VALUE) {
                        throw error("total struct size too long");
                    }
                    i++;
                }
                if (i >= f.length()) {
                    throw error("repeat count given without format specifier");
                }
                count = (int) n;
                c = f.charAt(i);
            }
            int itemSize = itemSize(c, nativeSizes);
            if (nativeSizes) {
                int align = c == 's' || c == 'p' || c == 'x' ? 1 : itemSize;
                size = (size + align - 1) / align * align;
            }
            if (c == 's' || c == 'p') {
                items.add(new Item(c, count, size));
                size += count;
                values++;
            } else if (c == 'x') {
                size += count;
            } else {
                for (int k = 0; k < count; k++) {
                    items.add(new Item(c, 1, size));
                    size += itemSize;
                    values++;
                }
            }
            i++;
        }
        return new Layout(List.copyOf(items), size, values, little, nativeSizes);
    }

    private static int itemSize(char c, boolean nativeSizes) {
        switch (c) {
            case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
            case 'h': case 'H': case 'e': return 2;
            case 'i': case 'I': case 'f': return 4;
            case 'l': case 'L': return nativeSizes ? 8 : 4;
            case 'q': case 'Q': case 'd': return 8;
            case 'n': case 'N': case 'P':
                if (!nativeSizes) {
                    throw error("bad char in struct format");
                }
                return 8;
            default: throw error("bad char in struct format");
        }
    }

    // ---------------------------------------------------------------- packing

    private static void pack(Layout l, byte[] out, int base, Object[] values, String function) {
        if (values.length != l.values) {
            throw error(function + " expected " + l.values + " items for packing (got " + values.length + ")");
        }
        for (int k = 0; k < l.items.size(); k++) {
            Item item = l.items.get(k);
            Object v = values[k];
            int at = base + item.offset;
            switch (item.code) {
                case 's':
                case 'p': {
                    if (!(v instanceof PyBytes b)) {
                        throw error("argument for '" + item.code + "' must be a bytes object");
                    }
                    int n = item.code == 's' ? Math.min(b.bytes.length, item.count)
                            : Math.min(b.bytes.length, Math.max(item.count - 1, 0));
                    if (item.code == 'p') {
                        if (item.count > 0) {
                            out[at] = (byte) Math.min(n, 255);
                            System.arraycopy(b.bytes, 0, out, at + 1, n);
                        }
                    } else {
                        System.arraycopy(b.bytes, 0, out, at, n);
                    }
                    break;
                }
                case 'c': {
                    if (!(v instanceof PyBytes b) || b.bytes.length != 1) {
                        throw error("char format requires a bytes object of length 1");
                    }
                    out[at] = b.bytes[0];
                    break;
                }
                case '?':
                    out[at] = (byte) (Ops.isTrue(v) ? 1 : 0);
                    break;
                case 'e':
                    putInt(out, at, 2, halfBits(floatArgument(v)), l.littleEndian);
                    break;
                case 'f': {
                    double d = floatArgument(v);
                    float x = (float) d;
                    if (Float.isInfinite(x) && !Double.isInfinite(d)) {
                        throw Errors.overflow("float too large to pack with f format");
                    }
                    putInt(out, at, 4, Float.floatToIntBits(x) & 0xffffffffL, l.littleEndian);
                    break;
                }
                case 'd':
                    putInt(out, at, 8, Double.doubleToLongBits(floatArgument(v)), l.littleEndian);
                    break;
                default:
                    putInt(out, at, itemSize(item.code, l.nativeSizes), integer(item.code, v, l), l.littleEndian);
            }
        }
    }

    private static double floatArgument(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (Ints.isInt(v) || v instanceof PyInstance i && i.type().lookup("__float__") != null) {
            return Ops.toDouble(Builtins.toFloat(v));
        }
        throw error("required argument is not a float");
    }

    /** An integer argument checked against the code's range, as its bits (two's complement). */
    private static long integer(char code, Object v, Layout l) {
        Object n;
        try {
            n = Ops.index(v);
        } catch (PythonError e) {
            if (e.isInstance(Exceptions.TYPE_ERROR)) {
                throw error("required argument is not an integer");
            }
            throw e;
        }
        BigInteger b = Ints.big(n);
        int size = itemSize(code, l.nativeSizes);
        boolean unsigned = Character.isUpperCase(code) || code == 'P';
        if (code == 'P') {
            return b.longValue();
        }
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(size * 8 - 1).negate();
        BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(size * 8).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(size * 8 - 1).subtract(BigInteger.ONE);
        if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
            if (size == 1 || size == 2) {
                String name = (unsigned ? "u" : "") + (size == 1 ? "byte" : "short");
                throw error(name + " format requires " + min + " <= number <= " + max);
            }
            if (size == 4 && !(unsigned && b.signum() < 0)) {
                throw error("'" + code + "' format requires " + min + " <= number <= " + max);
            }
            throw error("argument out of range");
        }
        return b.longValue();
    }

    private static void putInt(byte[] out, int at, int size, long bits, boolean little) {
        for (int k = 0; k < size; k++) {
            out[at + (little ? k : size - 1 - k)] = (byte) (bits >>> (8 * k));
        }
    }

    /** IEEE 754 binary16 bits of a double, rounded half to even; OverflowError as CPython's. */
    private static long halfBits(double d) {
        long sign = d < 0 || (d == 0 && 1 / d < 0) ? 0x8000 : 0;
        double a = Math.abs(d);
        if (Double.isNaN(d)) {
            return sign | 0x7e00;
        }
        if (Double.isInfinite(d)) {
            return sign | 0x7c00;
        }
        int exp = a == 0 ? -25 : Math.getExponent(a);
        if (exp < -14) {
            // subnormal (rounding up to 1024 units gives the smallest normal value's bits)
            double units = a * 0x1p24;
            return sign | roundHalfEven(Math.floor(units), units - Math.floor(units));
        }
        double scaled = a / Math.scalb(1.0, exp - 10);
        long mant = roundHalfEven(Math.floor(scaled), scaled - Math.floor(scaled));
        if (mant == 2048) {
            mant = 1024;
            exp++;
        }
        if (exp > 15) {
            throw Errors.overflow("float too large to pack with e format");
        }
        return sign | ((long) (exp + 15) << 10) | (mant - 1024);
    }

    private static long roundHalfEven(double floor, double fraction) {
        long f = (long) floor;
        if (fraction > 0.5 || fraction == 0.5 && (f & 1) == 1) {
            return f + 1;
        }
        return f;
    }

    // ---------------------------------------------------------------- unpacking

    private static PyTuple unpack(Layout l, byte[] data, int base) {
        Object[] r = new Object[l.values];
        for (int k = 0; k < l.items.size(); k++) {
            Item item = l.items.get(k);
            int at = base + item.offset;
            switch (item.code) {
                case 's':
                    r[k] = new PyBytes(Arrays.copyOfRange(data, at, at + item.count));
                    break;
                case 'p': {
                    int n = item.count == 0 ? 0 : Math.min(data[at] & 0xff, item.count - 1);
                    r[k] = new PyBytes(Arrays.copyOfRange(data, at + 1, at + 1 + n));
                    break;
                }
                case 'c':
                    r[k] = new PyBytes(new byte[] {data[at]});
                    break;
                case '?':
                    r[k] = data[at] != 0;
                    break;
                case 'e':
                    r[k] = halfValue((int) getInt(data, at, 2, l.littleEndian));
                    break;
                case 'f':
                    r[k] = (double) Float.intBitsToFloat((int) getInt(data, at, 4, l.littleEndian));
                    break;
                case 'd':
                    r[k] = Double.longBitsToDouble(getInt(data, at, 8, l.littleEndian));
                    break;
                default: {
                    int size = itemSize(item.code, l.nativeSizes);
                    long bits = getInt(data, at, size, l.littleEndian);
                    boolean unsigned = Character.isUpperCase(item.code) || item.code == 'P';
                    if (!unsigned && size < 8) {
                        bits = bits << (64 - 8 * size) >> (64 - 8 * size);
                    }
                    r[k] = unsigned && size == 8 && bits < 0
                            ? Ints.normalize(BigInteger.valueOf(bits).add(BigInteger.ONE.shiftLeft(64)))
                            : (Object) bits;
                }
            }
        }
        return new PyTuple(r);
    }

    private static long getInt(byte[] data, int at, int size, boolean little) {
        long v = 0;
        for (int k = 0; k < size; k++) {
            v |= (data[at + (little ? k : size - 1 - k)] & 0xffL) << (8 * k);
        }
        return v;
    }

    private static double halfValue(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
        int exp = (bits >> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exp == 0) {
            return sign * (mant * 0x1p-24);
        }
        return sign * (1024 + mant) * Math.scalb(1.0, exp - 25);
    }
}
