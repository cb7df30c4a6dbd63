package dev.bitzel.cas;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * A local content-addressed store of blobs named by their {@link Digest}, with Merkle trees of directories, an
 * {@link ActionCache}, pins, garbage collection, a size quota and a consistency check. Open one with
 * {@link Cas#open(Path, CasOptions)}.
 *
 * <p>Thread-safe, and safe to share between processes that open the same directory: writes are atomic (a reader
 * sees a whole object or none) and durable once a method returns. A <em>miss</em> ({@link #contains} false,
 * {@link #findMissing}) is an answer; a blob that an operation needs but that is absent is a
 * {@link BlobNotFoundException}; content that does not match its digest is a {@link DigestMismatchException}; other
 * {@link IOException}s are failures of the disk. No argument may be null; no method returns null. After
 * {@link #close()}, every method but {@code close} throws {@link IllegalStateException}.
 *
 * <p>Every stored object carries the modification time 2000-01-01T00:00:00Z. A lookup that finds another one (the
 * kernel stamps every write, e.g. by a root process through a hard-linked copy, which its 0444 mode does not stop)
 * quarantines the object and answers as if it were absent, so damaged content is never handed out again.
 */
public interface ContentStore extends Closeable {

    /**
     * Stores {@code content}.
     *
     * @param content the blob
     * @return its digest
     * @throws IOException if it cannot be written
     */
    Digest put(byte[] content) throws IOException;

    /**
     * Stores a file's content, streaming it, hashing it as it is copied.
     *
     * @param file a regular file
     * @return its digest
     * @throws IOException if it cannot be read or written
     */
    Digest put(Path file) throws IOException;

    /**
     * Stores a stream's content (read to its end, not closed) if it hashes to {@code expected}.
     *
     * @param in the content
     * @param expected the digest the caller declares
     * @throws DigestMismatchException if the content hashes to something else; nothing is stored then
     * @throws IOException if it cannot be read or written
     */
    void put(InputStream in, Digest expected) throws IOException;

    /**
     * Returns whether the blob is present, recording an access when it is. The empty blob is always present.
     *
     * @param digest the blob
     * @return whether it is present
     * @throws IOException if the store cannot be read
     */
    boolean contains(Digest digest) throws IOException;

    /**
     * Returns the digests that are not present, recording an access on those that are.
     *
     * @param digests the blobs to look for
     * @return the missing ones, in iteration order of {@code digests}, without duplicates
     * @throws IOException if the store cannot be read
     */
    Set<Digest> findMissing(Collection<Digest> digests) throws IOException;

    /**
     * Opens a blob for reading; when {@link CasOptions#verifyOnRead()} is on, reading to the end throws
     * {@link DigestMismatchException} if the content is corrupt (and the object is quarantined).
     *
     * @param digest the blob
     * @return a stream of its (decompressed) content, which the caller closes
     * @throws BlobNotFoundException if the blob is absent
     * @throws IOException if it cannot be read
     */
    InputStream open(Digest digest) throws IOException;

    /**
     * Reads a whole blob (up to 2 GiB) into memory.
     *
     * @param digest the blob
     * @return its content
     * @throws BlobNotFoundException if the blob is absent
     * @throws DigestMismatchException if verification is on and the content is corrupt
     * @throws IOException if it cannot be read
     */
    byte[] get(Digest digest) throws IOException;

    /**
     * Places a blob at {@code target} (replacing a file there), by hard link when the file system allows and the
     * blob is stored uncompressed, else by copy. The file is read-only either way, executable when asked, and has the
     * store's modification time (2000-01-01T00:00:00Z).
     *
     * @param digest the blob
     * @param target where to put it; its parent directory must exist
     * @param executable whether the file is to be executable
     * @throws BlobNotFoundException if the blob is absent
     * @throws IOException if it cannot be placed
     */
    void materialize(Digest digest, Path target, boolean executable) throws IOException;

    /**
     * Stores a directory tree as a Merkle tree, uploading only the blobs the store lacks.
     *
     * @param dir the directory
     * @return the digest of its root {@link Directory}
     * @throws InvalidTreeException if it holds a symbolic link leaving the tree or an unsupported file type
     * @throws IOException if it cannot be read or written
     */
    Digest putTree(Path dir) throws IOException;

    /**
     * Reads one stored {@link Directory}.
     *
     * @param digest the directory's digest
     * @return the directory
     * @throws BlobNotFoundException if it is absent
     * @throws InvalidTreeException if the blob is not a valid Directory
     * @throws IOException if it cannot be read
     */
    Directory getDirectory(Digest digest) throws IOException;

    /**
     * Recreates a stored tree under {@code dir}, which must not exist or be an empty directory (not a symbolic link),
     * directories first, then files, then links, so that nothing is written through a link. Files are placed as
     * by {@link #materialize}; the whole tree is validated (names; symbolic links staying inside it when resolved as
     * the kernel would, through the tree's other links, at most 40 of them; every blob
     * present) before anything is written.
     *
     * @param root the root Directory's digest
     * @param dir where to create it
     * @throws BlobNotFoundException if a part of the tree is absent
     * @throws InvalidTreeException if the tree has a hostile name or a symbolic link leaving it
     * @throws IOException if it cannot be written
     */
    void materializeTree(Digest root, Path dir) throws IOException;

    /**
     * Pins blobs against GC and eviction until the pin is closed or this process ends.
     *
     * @param digests the blobs (absent ones are pinned too, in case they are about to be written)
     * @return the pin
     * @throws IOException if the pin cannot be recorded
     */
    Pin pin(Collection<Digest> digests) throws IOException;

    /**
     * Pins a tree: its root and every directory and file blob below it.
     *
     * @param root the root Directory's digest
     * @return the pin
     * @throws BlobNotFoundException if a directory of the tree is absent
     * @throws IOException if the tree cannot be read or the pin recorded
     */
    Pin pinTree(Digest root) throws IOException;

    /** Returns this store's action cache; never null. */
    ActionCache actionCache();

    /**
     * Counts what the store holds (walks the whole store, waiting while another process collects).
     *
     * @return the figures
     * @throws IOException if the store cannot be read
     */
    CasStats stats() throws IOException;

    /**
     * Deletes blobs no action cache entry and no pin reaches (sparing those newer than
     * {@link CasOptions#gcGracePeriod()}), then evicts least recently used objects until the store is under its
     * quota. Only one process collects at a time; a concurrent call waits.
     *
     * @return what was done
     * @throws IOException if the store cannot be read or written
     */
    GcReport gc() throws IOException;

    /**
     * Re-hashes every blob and parses every action cache entry; moves each corrupt or misnamed object to the
     * quarantine directory.
     *
     * @return what was found
     * @throws IOException if the store cannot be read
     */
    FsckReport fsck() throws IOException;

    /** Returns the store's directory; never null. */
    Path directory();

    /** Returns the options the store was opened with; never null. */
    CasOptions options();

    /**
     * Closes the store: releases this process's pins and session. Idempotent.
     *
     * @throws IOException if the session cannot be removed
     */
    @Override
    void close() throws IOException;
}
