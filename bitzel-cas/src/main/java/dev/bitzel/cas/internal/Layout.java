package dev.bitzel.cas.internal;

import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * Where things live in a store directory.
 *
 * <pre>
 * VERSION                         "bitzel-cas 2"
 * cas/sha256/ab/abcd…             blob, raw (mode 0444; the form that is hard-linked)
 * cas/sha256/ab/abcd….zst         blob, zstd-compressed (0444)
 * cas/sha256/ab/abcd….x           executable twin of a raw blob (0555), made when first hard-linked as executable
 * ac/ab/abcd…                     action cache entry keyed by the action digest's hash
 * sessions/ID.lock                held (fcntl lock) by the live process ID; free once it died
 * sessions/ID/tmp/N               a writer's temporary files, renamed into cas/ or ac/ when complete
 * sessions/ID/pins/N              hashes pinned by that process, one per line
 * quarantine/                     corrupt or misnamed objects moved aside by fsck or verifying reads
 * gc.lock                         serialises gc and eviction between processes
 * usage, usage.lock              stored bytes as the quota sees them: last full scan plus every process's writes
 * </pre>
 *
 * The digest function is part of the path ({@code sha256}) so other functions can be added beside it. Every object's
 * modification time is {@link AtomicFiles#SEALED} (so that a write to a hard-linked copy shows) and its access time is
 * its last recorded access (LRU). Format 1 kept the last access in the modification time; opening such a store
 * moves it to the access time and seals every object, once.
 */
public final class Layout {

    static final String VERSION_TEXT = "bitzel-cas 2\n";
    private static final String VERSION_1 = "bitzel-cas 1\n";
    static final Pattern BLOB_NAME = Pattern.compile("([0-9a-f]{64})(\\.zst|\\.x)?");
    static final Pattern ACTION_NAME = Pattern.compile("[0-9a-f]{64}");

    /** The stored forms of a blob. */
    public enum Form {
        RAW(""), ZSTD(".zst"), EXEC(".x");

        final String suffix;

        Form(String suffix) {
            this.suffix = suffix;
        }
    }

    final Path root;
    final Path blobs;
    final Path actions;
    final Path sessions;
    final Path quarantine;

    private Layout(Path root) {
        this.root = root;
        this.blobs = root.resolve("cas").resolve("sha256");
        this.actions = root.resolve("ac");
        this.sessions = root.resolve("sessions");
        this.quarantine = root.resolve("quarantine");
    }

    /** Opens the layout under {@code root}, creating it (idempotently, safe against concurrent creators). */
    static Layout init(Path root, boolean fsync) throws IOException {
        Layout l = new Layout(root.toAbsolutePath().normalize());
        Path version = l.root.resolve("VERSION");
        try {
            String text = Files.readString(version, StandardCharsets.UTF_8);
            if (text.equals(VERSION_1)) {
                text = l.upgradeFrom1(version, fsync);
            }
            if (!text.equals(VERSION_TEXT)) {
                throw new IOException(version + " says '" + text.strip() + "', expected '" + VERSION_TEXT.strip()
                        + "': this directory is not a store of this format; point the store elsewhere or delete it");
            }
            Files.createDirectories(l.sessions);
            return l;
        } catch (NoSuchFileException e) {
            // a new store: create it below
        }
        if (Files.exists(l.root) && !Files.isDirectory(l.root)) {
            throw new FileAlreadyExistsException(l.root.toString(), null, "is not a directory");
        }
        for (int i = 0; i < 256; i++) {
            String shard = String.format("%02x", i);
            Files.createDirectories(l.blobs.resolve(shard));
            Files.createDirectories(l.actions.resolve(shard));
        }
        Files.createDirectories(l.sessions);
        Files.createDirectories(l.quarantine);
        if (fsync) {
            // A new directory entry is durable once its parent is synced; the empty shards need nothing more.
            AtomicFiles.fsyncDirectory(l.blobs);
            AtomicFiles.fsyncDirectory(l.actions);
            AtomicFiles.fsyncDirectory(l.blobs.getParent());
            AtomicFiles.fsyncDirectory(l.root);
        }
        Path tmp = Files.createTempFile(l.root, "VERSION", ".tmp");
        Files.writeString(tmp, VERSION_TEXT, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, version, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (fsync) {
            AtomicFiles.fsyncDirectory(l.root);
        }
        return l;
    }

    /** Seals every object of a format-1 store, its last access moving to the access time; returns the new VERSION. */
    private String upgradeFrom1(Path version, boolean fsync) throws IOException {
        java.util.concurrent.locks.ReentrantLock jvm = Maintenance.jvmLock(root);
        jvm.lock();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(gcLock(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            ch.lock();
            String text = Files.readString(version, StandardCharsets.UTF_8);
            if (!text.equals(VERSION_1)) {
                return text; // another process upgraded it meanwhile
            }
            long count = 0;
            for (Path base : new Path[] {blobs, actions}) {
                try (java.util.stream.Stream<Path> s = Files.walk(base, 2)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                                java.nio.file.attribute.BasicFileAttributes.class,
                                java.nio.file.LinkOption.NOFOLLOW_LINKS);
                        if (a.isRegularFile()) {
                            Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class,
                                    java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                    .setTimes(AtomicFiles.SEALED, a.lastModifiedTime(), null);
                            count++;
                        }
                    }
                }
            }
            Path tmp = Files.createTempFile(root, "VERSION", ".tmp");
            Files.writeString(tmp, VERSION_TEXT, StandardCharsets.UTF_8);
            Files.move(tmp, version, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (fsync) {
                AtomicFiles.fsyncDirectory(root);
            }
            long sealed = count;
            DiskContentStore.LOG.log(System.Logger.Level.INFO, () -> "upgraded store " + root + " to format 2: sealed "
                    + sealed + " objects");
            return VERSION_TEXT;
        } finally {
            jvm.unlock();
        }
    }

    /** Returns the store's directory. */
    public Path root() {
        return root;
    }

    Path blob(Digest d, Form form) {
        return blobs.resolve(d.hash().substring(0, 2)).resolve(d.hash() + form.suffix);
    }

    Path action(Digest key) {
        return actions.resolve(key.hash().substring(0, 2)).resolve(key.hash());
    }

    Path usageFile() {
        return root.resolve("usage");
    }

    Path gcLock() {
        return root.resolve("gc.lock");
    }

    /** Returns {@code p} relative to the store root, with '/' separators. */
    String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
