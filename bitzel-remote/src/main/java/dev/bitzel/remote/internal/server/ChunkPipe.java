package dev.bitzel.remote.internal.server;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands the chunks of a ByteStream Write from the gRPC thread that receives them to a thread that stores them, as
 * an {@link InputStream}: so that hashing and storing a large upload overlap with receiving it, instead of
 * following it. A bounded queue: when the store falls behind, the receiving thread waits (and gRPC's flow control
 * slows the client). Either side can give up: the writer by {@link #abort}, the reader by {@link #close}.
 */
final class ChunkPipe extends InputStream {

    private static final ByteString END = ByteString.copyFromUtf8("end of upload");
    private static final long POLL_MS = 100;

    private final BlockingQueue<ByteString> queue = new ArrayBlockingQueue<>(16);
    private volatile String aborted;
    private volatile boolean closed;
    private ByteString current = ByteString.EMPTY;
    private int pos;
    private boolean ended;

    /**
     * Passes a chunk on; waits while the queue is full.
     *
     * @return false when the reader has stopped (it failed or finished early): nothing more is wanted
     */
    boolean put(ByteString chunk) throws InterruptedException {
        if (chunk.isEmpty()) {
            return !closed;
        }
        while (!closed) {
            if (queue.offer(chunk, POLL_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Marks the end of the data. */
    boolean end() throws InterruptedException {
        while (!closed) {
            if (queue.offer(END, POLL_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Makes the reader fail with {@code why}: the upload broke off. */
    void abort(String why) {
        aborted = why;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.size()) {
            if (ended) {
                return -1;
            }
            ByteString next;
            try {
                next = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for upload data");
            }
            if (next == null) {
                if (aborted != null) {
                    throw new IOException("upload broke off: " + aborted);
                }
                continue;
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = next;
            pos = 0;
        }
        int n = Math.min(len, current.size() - pos);
        current.substring(pos, pos + n).copyTo(b, off);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
