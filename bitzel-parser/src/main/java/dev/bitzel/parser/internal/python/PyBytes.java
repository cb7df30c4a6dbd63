package dev.bitzel.parser.internal.python;

import java.util.Arrays;

/**
 * A Python bytes object, or a bytearray: the same content with the mutating methods, whose operations return
 * bytearrays. A bytes object is immutable; a bytearray is not thread-safe (as in CPython, sharing one between
 * threads needs the caller's locking).
 */
public final class PyBytes {
    /** The content; a bytearray's mutations replace or change it. */
    byte[] bytes;
    /** True for a bytearray. */
    final boolean mutable;

    /** Wraps the array as a bytes object; the caller must not modify it afterwards. */
    public PyBytes(byte[] bytes) {
        this(bytes, false);
    }

    PyBytes(byte[] bytes, boolean mutable) {
        this.bytes = bytes;
        this.mutable = mutable;
    }

    /** A new bytearray holding a copy of the array. */
    static PyBytes bytearray(byte[] content) {
        return new PyBytes(content.clone(), true);
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
        if (mutable) {
            throw Errors.typeError("unhashable type: 'bytearray'");
        }
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Ops.repr(this);
    }
}
