package dev.bitzel.examples.build;

import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The digests of a build's input files, known by their stat data: a file whose inode, size, modification and change
 * time are those seen when it was last snapshotted is not read again. A snapshot copies the file into the local
 * store, so what a remote action's input tree names stays readable (and unchanged) until it is uploaded, even if a
 * task rewrites the file meanwhile. Thread-safe.
 */
final class InputDigests {
    /** What identifies a file's content without reading it. */
    private record Stamp(Object inode, Object ctime, long mtime, long size) {
    }

    private record Known(Stamp stamp, Digest digest) {
    }

    private final ContentStore store;
    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong hashed = new AtomicLong();

    InputDigests(ContentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Returns the digest of a regular file, snapshotting it into the local store unless its stat data are unchanged
     * since the last time.
     *
     * @throws java.nio.file.NoSuchFileException if it is gone
     */
    Digest digest(Path file) throws IOException {
        Stamp before = stamp(file);
        Known k = known.get(file);
        if (k != null && k.stamp().equals(before)) {
            return k.digest();
        }
        Digest d = store.put(file);
        hashed.incrementAndGet();
        if (stamp(file).equals(before)) { // else it changed while being read: its next use reads it again
            known.put(file, new Known(before, d));
        }
        return d;
    }

    /** Records the digest of a file just written from the store. */
    void remember(Path file, Digest digest) throws IOException {
        known.put(file, new Known(stamp(file), digest));
    }

    /** Returns the digest of a local file, to compare it with an output; null when it is not a regular file. */
    Digest peek(Path file) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? digest(file) : null;
    }

    /** Returns how many files were read and snapshotted so far. */
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
