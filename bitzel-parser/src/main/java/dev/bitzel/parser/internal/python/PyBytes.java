package dev.bitzel.parser.internal.python;

import java.util.Arrays;

/** An immutable Python bytes object. */
public final class PyBytes {
    final byte[] bytes;

    /** Wraps the array; the caller must not modify it afterwards. */
    public PyBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
