package dev.bitzel.remote.internal;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Compresses a stream with zstd as it is read, a frame per stream (what REAPI's compressed-blobs carry). */
public final class CompressingInputStream extends InputStream {
    private final InputStream raw;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ZstdOutputStream zstd;
    private byte[] pending = new byte[0];
    private int pos;
    private boolean eof;

    public CompressingInputStream(InputStream raw) throws IOException {
        this.raw = raw;
        this.zstd = new ZstdOutputStream(buffer);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (pos == pending.length) {
            if (eof) {
                return -1;
            }
            byte[] chunk = raw.readNBytes((1 << 20));
            if (chunk.length == 0) {
                zstd.close();
                eof = true;
            } else {
                zstd.write(chunk);
                zstd.flush();
            }
            pending = buffer.toByteArray();
            buffer.reset();
            pos = 0;
        }
        int n = Math.min(len, pending.length - pos);
        System.arraycopy(pending, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
