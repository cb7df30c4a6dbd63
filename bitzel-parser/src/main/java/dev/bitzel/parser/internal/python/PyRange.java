package dev.bitzel.parser.internal.python;

/** {@code range(start, stop, step)} over longs. */
final class PyRange {
    final long start;
    final long stop;
    final long step;

    PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw Errors.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    long length() {
        if (step > 0) {
            return stop > start ? (stop - start + step - 1) / step : 0;
        }
        return start > stop ? (start - stop - step - 1) / -step : 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange r)) {
            return false;
        }
        long n = length();
        if (n != r.length()) {
            return false;
        }
        return n == 0 || (start == r.start && (n == 1 || step == r.step));
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length()) * 31 + Long.hashCode(start);
    }

    @Override
    public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
