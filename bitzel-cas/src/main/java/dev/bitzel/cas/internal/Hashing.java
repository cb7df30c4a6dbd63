package dev.bitzel.cas.internal;

import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over files and streams with one reused buffer per call. */
public final class Hashing {

    static final int BUFFER = 1 << 20;

    private Hashing() {
    }

    /** Returns a new SHA-256 MessageDigest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Returns the digest {@code md} has accumulated over {@code size} bytes. */
    static Digest finish(MessageDigest md, long size) {
        return new Digest(HexFormat.of().formatHex(md.digest()), size);
    }

    /** Hashes a file's content. */
    public static Digest digestFile(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        long size = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(bb.clear())) != -1) {
                md.update(buf, 0, n);
                size += n;
            }
        }
        return finish(md, size);
    }

    /** Hashes a stream to its end (not closing it). */
    static Digest digestStream(InputStream in) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[BUFFER];
        long size = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            md.update(buf, 0, n);
            size += n;
        }
        return finish(md, size);
    }
}
