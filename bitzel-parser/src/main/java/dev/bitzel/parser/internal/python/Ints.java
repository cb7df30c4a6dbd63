package dev.bitzel.parser.internal.python;

import java.math.BigInteger;

/** Arbitrary-precision int arithmetic: values are Long when they fit, BigInteger otherwise (never a fitting BigInteger). */
final class Ints {
    private static final BigInteger LMIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LMAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Ints() {}

    static Object normalize(BigInteger b) {
        return b.compareTo(LMIN) >= 0 && b.compareTo(LMAX) <= 0 ? (Object) b.longValue() : b;
    }

    static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Boolean || o instanceof BigInteger || o instanceof Integer;
    }

    /** {@code n / d} correctly rounded to a double (half to even), as CPython's int true division. */
    static double trueDivide(BigInteger n, BigInteger d) {
        if (d.signum() == 0) {
            throw Errors.zeroDiv("division by zero");
        }
        boolean negative = n.signum() * d.signum() < 0;
        n = n.abs();
        d = d.abs();
        if (n.signum() == 0) {
            return negative ? -0.0 : 0.0;
        }
        // a quotient of 55 or 56 bits, its remainder kept as a sticky bit
        int scale = 55 - (n.bitLength() - d.bitLength());
        BigInteger[] qr = scale >= 0 ? n.shiftLeft(scale).divideAndRemainder(d)
                : n.divideAndRemainder(d.shiftLeft(-scale));
        BigInteger q = qr[0];
        boolean inexact = qr[1].signum() != 0;
        // round q * 2**-scale to the double grid: 53 significant bits, or multiples of 2**-1074 below the normals
        int drop = Math.max(q.bitLength() - 53, scale - 1074);
        if (drop > 0) {
            BigInteger kept = q.shiftRight(drop);
            BigInteger rest = q.subtract(kept.shiftLeft(drop));
            BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
            int c = rest.compareTo(half);
            if (c > 0 || c == 0 && (inexact || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            q = kept;
            scale -= drop;
        }
        double r = Math.scalb(q.doubleValue(), -scale);
        if (Double.isInfinite(r)) {
            throw Errors.overflow("integer division result too large for a float");
        }
        return negative ? -r : r;
    }

    /**
     * CPython's {@code hash()} of an int: the value modulo the Mersenne prime 2**61 - 1, keeping the sign; -1 is
     * reserved.
     */
    static long hash(Object o) {
        BigInteger v = big(o);
        long h = v.abs().mod(BigInteger.valueOf((1L << 61) - 1)).longValue();
        h = v.signum() < 0 ? -h : h;
        return h == -1 ? -2L : h;
    }

    /** CPython's {@code hash()} of a float that is not NaN: that of the rational number it is. */
    static long floatHash(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? 314159L : -314159L;
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(d);
        BigInteger modulus = BigInteger.valueOf((1L << 61) - 1);
        BigInteger num = exact.unscaledValue().abs();
        BigInteger den = BigInteger.ONE;
        if (exact.scale() > 0) {
            den = BigInteger.TEN.pow(exact.scale());
        } else {
            num = num.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        long h = num.multiply(den.modInverse(modulus)).mod(modulus).longValue();
        h = d < 0 ? -h : h;
        return h == -1 ? -2L : h;
    }

    static BigInteger big(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(toLong(o));
    }

    static long toLong(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Integer i) {
            return i;
        }
        if (o instanceof PyInstance i && i.builtinValue != null && isInt(i.builtinValue)) {
            return toLong(i.builtinValue); // a subclass of int (an IntEnum member)
        }
        if (!(o instanceof BigInteger)) {
            throw Errors.typeError("'" + Ops.typeName(o) + "' object cannot be interpreted as an integer");
        }
        throw Errors.overflow("Python int too large to convert to C long");
    }

    static int toInt(Object o) {
        long l = toLong(o);
        if (l != (int) l) {
            throw Errors.overflow("Python int too large to convert to C int");
        }
        return (int) l;
    }

    static Object add(Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return normalize(big(a).add(big(b)));
        }
        long x = toLong(a);
        long y = toLong(b);
        long r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            return big(a).add(big(b));
        }
        return r;
    }

    static Object sub(Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return normalize(big(a).subtract(big(b)));
        }
        long x = toLong(a);
        long y = toLong(b);
        long r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
            return big(a).subtract(big(b));
        }
        return r;
    }

    static Object mul(Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return normalize(big(a).multiply(big(b)));
        }
        long x = toLong(a);
        long y = toLong(b);
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return big(a).multiply(big(b));
    }

    static Object floordiv(Object a, Object b) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long x = toLong(a);
            long y = toLong(b);
            if (y == 0) {
                throw Errors.zeroDiv("integer division or modulo by zero");
            }
            if (!(x == Long.MIN_VALUE && y == -1)) {
                return Math.floorDiv(x, y);
            }
        }
        BigInteger y = big(b);
        if (y.signum() == 0) {
            throw Errors.zeroDiv("integer division or modulo by zero");
        }
        BigInteger[] qr = big(a).divideAndRemainder(y);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            q = q.subtract(BigInteger.ONE);
        }
        return normalize(q);
    }

    static Object mod(Object a, Object b) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long y = toLong(b);
            if (y == 0) {
                throw Errors.zeroDiv("integer modulo by zero");
            }
            return Math.floorMod(toLong(a), y);
        }
        BigInteger y = big(b);
        if (y.signum() == 0) {
            throw Errors.zeroDiv("integer modulo by zero");
        }
        BigInteger r = big(a).mod(y.abs());
        if (y.signum() < 0 && r.signum() != 0) {
            r = r.add(y);
        }
        return normalize(r);
    }

    static Object pow(Object a, Object b) {
        BigInteger e = big(b);
        if (e.signum() < 0) {
            if (big(a).signum() == 0) {
                throw Errors.zeroDiv("0.0 cannot be raised to a negative power");
            }
            return Math.pow(Ops.toDouble(a), e.doubleValue());
        }
        if (e.bitLength() > 31) {
            throw Errors.overflow("exponent too large");
        }
        return normalize(big(a).pow(e.intValue()));
    }

    static Object neg(Object a) {
        if (a instanceof BigInteger b) {
            return normalize(b.negate());
        }
        long x = toLong(a);
        return x == Long.MIN_VALUE ? BigInteger.valueOf(x).negate() : (Object) (-x);
    }

    static int compare(Object a, Object b) {
        if (a instanceof BigInteger || b instanceof BigInteger) {
            return big(a).compareTo(big(b));
        }
        return Long.compare(toLong(a), toLong(b));
    }

    static Object shift(Object a, Object b, boolean left) {
        long n = toLong(b);
        if (n < 0) {
            throw Errors.valueError("negative shift count");
        }
        if (left) {
            if (!(a instanceof BigInteger) && n < 62) {
                long x = toLong(a);
                long r = x << n;
                if (r >> n == x) {
                    return r;
                }
            }
            return normalize(big(a).shiftLeft((int) n));
        }
        if (!(a instanceof BigInteger)) {
            return toLong(a) >> Math.min(n, 63);
        }
        return normalize(big(a).shiftRight((int) Math.min(n, Integer.MAX_VALUE)));
    }

    static Object bitop(Object a, Object b, char op) {
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long x = toLong(a);
            long y = toLong(b);
            return op == '&' ? x & y : op == '|' ? x | y : x ^ y;
        }
        BigInteger x = big(a);
        BigInteger y = big(b);
        return normalize(op == '&' ? x.and(y) : op == '|' ? x.or(y) : x.xor(y));
    }

    static double toDouble(Object o) {
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw Errors.overflow("int too large to convert to float");
            }
            return d;
        }
        return toLong(o);
    }
}
