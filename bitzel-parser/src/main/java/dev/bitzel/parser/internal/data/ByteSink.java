package dev.bitzel.parser.internal.data;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link ByteArrayOutputStream} whose writes are not synchronized: the parse caches write their entries a few bytes
 * at a time ({@code DataOutputStream.writeInt} is four single-byte writes), each a monitor enter and exit with the
 * client compiler, from the one thread that owns the buffer. It also shows its array, can drop what was written after
 * a point, and can give a big array back.
 */
public final class ByteSink extends ByteArrayOutputStream {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /**
     * Creates an empty sink.
     *
     * @param capacity the initial capacity in bytes
     */
    public ByteSink(int capacity) {
        super(capacity);
    }

    @Override
    public void write(int b) {
        if (count == buf.length) {
            grow(count + 1);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (count + len > buf.length) {
            grow(count + len);
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void grow(int needed) {
        if (needed < 0) {
            throw new OutOfMemoryError("a byte sink cannot hold more than 2 GB");
        }
        int doubled = buf.length <= MAX_CAPACITY / 2 ? buf.length * 2 : MAX_CAPACITY;
        buf = Arrays.copyOf(buf, Math.max(needed, doubled));
    }

    /**
     * The array the bytes are in; only the first {@link #size()} are written.
     *
     * @return the sink's own array, not a copy
     */
    public byte[] array() {
        return buf;
    }

    /**
     * Drops everything written after the first {@code size} bytes.
     *
     * @param size the number of bytes kept
     */
    public void truncate(int size) {
        count = size;
    }

    /**
     * Empties the sink, and gives the array back to the heap when it is bigger than {@code kept} bytes.
     *
     * @param kept the largest array kept for the next use
     * @param initial the capacity of the new array when the old one is given back
     */
    public void release(int kept, int initial) {
        count = 0;
        if (buf.length > kept) {
            buf = new byte[initial];
        }
    }
}
