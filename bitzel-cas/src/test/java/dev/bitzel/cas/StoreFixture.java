package dev.bitzel.cas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Overwrites a stored (read-only) file. */
    static void tamper(Path file, byte[] content) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(file, content);
    }

    static void age(Path file, long millisAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - millisAgo));
    }

    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
