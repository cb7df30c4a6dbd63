package dev.bitzel.parser.internal.python;

/** {@code slice(start, stop, step)}; members are Python values (None when absent). */
final class PySlice {
    final Object start;
    final Object stop;
    final Object step;

    PySlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public String toString() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }

    /** Resolves against a sequence length: {start, stop, step, count}, as CPython's PySlice_GetIndicesEx. */
    long[] indices(long len) {
        long st = step == PyNone.NONE ? 1 : Ints.toLong(Ops.index(step));
        if (st == 0) {
            throw Errors.valueError("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (start == PyNone.NONE) {
            lo = st < 0 ? len - 1 : 0;
        } else {
            lo = clampIndex(Ops.index(start), len, st);
        }
        if (stop == PyNone.NONE) {
            hi = st < 0 ? -1 : len;
        } else {
            hi = clampIndex(Ops.index(stop), len, st);
        }
        long count;
        if (st > 0) {
            count = hi > lo ? (hi - lo + st - 1) / st : 0;
        } else {
            count = lo > hi ? (lo - hi - st - 1) / -st : 0;
        }
        return new long[] {lo, hi, st, count};
    }

    private static long clampIndex(Object o, long len, long step) {
        long i = o instanceof java.math.BigInteger b ? (b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2)
                : Ints.toLong(o);
        if (i < 0) {
            i += len;
            if (i < 0) {
                i = step < 0 ? -1 : 0;
            }
        } else if (i >= len) {
            i = step < 0 ? len - 1 : len;
        }
        return i;
    }
}
