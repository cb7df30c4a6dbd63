package dev.bitzel.examples.build;

import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The digests of a build's input files, known by their stat data: a file whose inode, size, modification and change
 * time are those seen when it was last hashed is not read again. Files are hashed where they are, not copied: when
 * one is uploaded, {@link #open} checks that it still has the content its digest names (another task may have
 * rewritten it meanwhile) and fails with {@link InputChangedException} otherwise, so that the action is prepared again
 * rather than run on inputs that were never there. Thread-safe.
 */
final class InputDigests {
    /** What identifies a file's content without reading it. */
    private record Stamp(Object inode, Object ctime, long mtime, long size) {
    }

    private record Known(Stamp stamp, Digest digest) {
    }

    /** An input file whose content changed between hashing and upload. */
    static final class InputChangedException extends IOException {
        private static final long serialVersionUID = 1L;

        InputChangedException(Path file, Digest expected) {
            super("input " + file + " changed while it was uploaded (it was " + expected + ")");
        }
    }

    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong hashed = new AtomicLong();

    /**
     * Returns the digest of a regular file, hashing it unless its stat data are unchanged since the last time.
     *
     * @throws java.nio.file.NoSuchFileException if it is gone
     */
    Digest digest(Path file) throws IOException {
        Stamp before = stamp(file);
        Known k = known.get(file);
        if (k != null && k.stamp().equals(before)) {
            return k.digest();
        }
        Digest d = Digest.ofFile(file);
        hashed.incrementAndGet();
        if (stamp(file).equals(before)) { // else it changed while being read: its next use reads it again
            known.put(file, new Known(before, d));
        }
        return d;
    }

    /**
     * Opens an input file for upload; reading it to its end fails with {@link InputChangedException} when its content
     * no longer hashes to {@code expected}.
     */
    static InputStream open(Path file, Digest expected) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        return new DigestInputStream(Files.newInputStream(file), sha) {
            private long size;
            private boolean checked;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    check();
                } else {
                    size++;
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    check();
                } else {
                    size += n;
                }
                return n;
            }

            private void check() throws InputChangedException {
                if (!checked) {
                    checked = true;
                    if (size != expected.sizeBytes()
                            || !HexFormat.of().formatHex(sha.digest()).equals(expected.hash())) {
                        throw new InputChangedException(file, expected);
                    }
                }
            }
        };
    }

    /** Records the digest of a file just written from the store. */
    void remember(Path file, Digest digest) throws IOException {
        known.put(file, new Known(stamp(file), digest));
    }

    /** Returns the digest of a local file, to compare it with an output; null when it is not a regular file. */
    Digest peek(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? digest(file) : null;
    }

    /** Returns how many files were hashed so far. */
    long hashed() {
        return hashed.get();
    }

    private static Stamp stamp(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:ino,ctime,lastModifiedTime,size",
                LinkOption.NOFOLLOW_LINKS);
        return new Stamp(a.get("ino"), a.get("ctime"), ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"))
                .toMillis(), (Long) a.get("size"));
    }
}
