package dev.bitzel.cas.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The durable-rename protocol: write a temporary file, fsync it, rename it into place, fsync the directory. */
final class AtomicFiles {

    static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");
    static final Set<PosixFilePermission> READ_EXEC = PosixFilePermissions.fromString("r-xr-xr-x");

    /**
     * The modification time of every stored object (2000-01-01T00:00:00Z). The kernel sets a file's mtime to the
     * current time on every write or truncation, so an object whose mtime is anything else was written to after it
     * was stored, typically through a hard-linked copy by a process that ignores the 0444 mode (root). Last access,
     * which LRU eviction needs, is kept in the access time instead.
     */
    static final FileTime SEALED = FileTime.fromMillis(946_684_800_000L);

    private static final int CHUNK = 1 << 20;

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code tmp} (which must not exist) and fsyncs it if asked. */
    static void write(Path tmp, byte[] bytes, boolean fsync) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // 1 MiB slices: the JDK copies a heap buffer into a temporary direct one of the same size per write,
            // and caches it per thread, so one 100 MiB write would pin 100 MiB of native memory to this thread.
            for (int off = 0; off < bytes.length; off += CHUNK) {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(bytes, off, Math.min(CHUNK, bytes.length - off));
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
            if (fsync) {
                ch.force(true);
            }
        }
    }

    /** Whether {@code a} are the attributes of an object nobody wrote to since it was stored. */
    static boolean sealed(BasicFileAttributes a) {
        return a.lastModifiedTime().equals(SEALED);
    }

    /**
     * Makes the (already fsynced) {@code tmp} read-only, seals its modification time and renames it to {@code target}, atomically replacing any
     * file there, then fsyncs the target's directory so that the rename survives a crash.
     */
    static void commit(Path tmp, Path target, boolean executable, boolean fsync) throws IOException {
        Files.setPosixFilePermissions(tmp, executable ? READ_EXEC : READ_ONLY);
        Files.getFileAttributeView(tmp, BasicFileAttributeView.class)
                .setTimes(SEALED, FileTime.fromMillis(System.currentTimeMillis()), null);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (fsync) {
            fsyncDirectory(target.getParent());
        }
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
