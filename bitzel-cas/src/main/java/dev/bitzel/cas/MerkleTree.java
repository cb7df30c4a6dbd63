package dev.bitzel.cas;

import dev.bitzel.cas.internal.TreeBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A local directory tree hashed into REAPI {@link Directory} messages, ready to be uploaded: the root digest, every
 * directory by digest, and a path for every file digest. Use {@link #allDigests()} with
 * {@link ContentStore#findMissing} (or REAPI's {@code FindMissingBlobs}) to send only what the other side lacks.
 *
 * <p>Immutable and thread-safe; the maps are unmodifiable and never null.
 */
public final class MerkleTree {

    private final Digest root;
    private final Map<Digest, Directory> directories;
    private final Map<Digest, Path> files;

    /**
     * Creates a tree from its parts.
     *
     * @param root the root Directory's digest, not null
     * @param directories every directory by digest, not null
     * @param files a local path for every file digest, not null
     */
    public MerkleTree(Digest root, Map<Digest, Directory> directories, Map<Digest, Path> files) {
        this.root = Objects.requireNonNull(root, "root");
        this.directories = Collections.unmodifiableMap(new LinkedHashMap<>(directories));
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        if (!this.directories.containsKey(root)) {
            throw new IllegalArgumentException("directories lack the root " + root);
        }
    }

    /**
     * Hashes the tree under {@code dir}. Symbolic links are kept as links (not followed) and must stay inside the
     * tree when resolved as the kernel would, through the tree's other links (at most 40).
     *
     * @param dir the directory, not null
     * @return the tree; never null
     * @throws InvalidTreeException if a symbolic link is absolute, loops or leaves the tree, or a file is neither regular,
     *     directory nor link
     * @throws IOException if the tree cannot be read
     */
    public static MerkleTree build(Path dir) throws IOException {
        return TreeBuilder.build(Objects.requireNonNull(dir, "dir"));
    }

    /** Returns the root Directory's digest; never null. */
    public Digest root() {
        return root;
    }

    /** Returns every directory of the tree by digest; never null. */
    public Map<Digest, Directory> directories() {
        return directories;
    }

    /** Returns a local path holding each file digest; never null. */
    public Map<Digest, Path> files() {
        return files;
    }

    /** Returns the digests of every directory and file blob in the tree; never null. */
    public Set<Digest> allDigests() {
        Set<Digest> all = new LinkedHashSet<>(directories.keySet());
        all.addAll(files.keySet());
        return all;
    }
}
