package dev.bitzel.cas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

/** Helpers that look at and damage a store's files the way a disk or a careless task would. */
final class StoreFixture {

    private StoreFixture() {
    }

    static Path blobPath(Path store, Digest d) {
        return store.resolve("cas/sha256").resolve(d.hash().substring(0, 2)).resolve(d.hash());
    }

    static Path compressedPath(Path store, Digest d) {
        return blobPath(store, d).resolveSibling(d.hash() + ".zst");
    }

    static Path actionPath(Path store, Digest key) {
        return store.resolve("ac").resolve(key.hash().substring(0, 2)).resolve(key.hash());
    }

    /**
     * Overwrites a stored (read-only) file and restores its time stamps, as bit rot or a write that also forges the
     * time stamp would leave it: only re-hashing can tell.
     */
    static void tamper(Path file, byte[] content) throws IOException {
        BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(file, content);
        Files.getFileAttributeView(file, BasicFileAttributeView.class)
                .setTimes(before.lastModifiedTime(), before.lastAccessTime(), null);
    }

    /** Makes a stored object's last recorded access {@code millisAgo} old. */
    static void age(Path file, long millisAgo) throws IOException {
        Files.getFileAttributeView(file, BasicFileAttributeView.class)
                .setTimes(null, FileTime.fromMillis(System.currentTimeMillis() - millisAgo), null);
    }

    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
