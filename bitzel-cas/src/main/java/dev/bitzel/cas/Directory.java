package dev.bitzel.cas;

import dev.bitzel.cas.internal.DirectoryCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One directory of a Merkle tree, with exactly the structure of REAPI v2's {@code Directory} message: files
 * (name, digest, executable bit), subdirectories (name, digest of their own {@code Directory}) and symbolic links
 * (name, target), each list sorted by name.
 *
 * <p>{@link #toBytes()} is the canonical protobuf wire encoding, so {@link #digest()} equals the digest a REAPI
 * client computes for the same directory. Immutable and thread-safe; no component is null. The constructor rejects
 * names that are empty, {@code .}, {@code ..}, or contain {@code /} or NUL, unsorted lists and duplicate names.
 *
 * @param files regular files, sorted by name
 * @param directories subdirectories, sorted by name
 * @param symlinks symbolic links, sorted by name
 */
public record Directory(List<FileNode> files, List<DirectoryNode> directories, List<SymlinkNode> symlinks) {

    /** The empty directory; its digest is {@link Digest#EMPTY}. */
    public static final Directory EMPTY = new Directory(List.of(), List.of(), List.of());

    /** Validates names and their order. */
    public Directory {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        symlinks = List.copyOf(symlinks);
        Set<String> seen = new HashSet<>();
        checkSorted("file", files.stream().map(FileNode::name).toList(), seen);
        checkSorted("directory", directories.stream().map(DirectoryNode::name).toList(), seen);
        checkSorted("symlink", symlinks.stream().map(SymlinkNode::name).toList(), seen);
    }

    /**
     * Parses the protobuf encoding of a {@code Directory}; unknown fields (such as node properties) are skipped.
     *
     * @param bytes the encoding, not null
     * @return the directory; never null
     * @throws IllegalArgumentException if {@code bytes} is not a well-formed, valid Directory
     */
    public static Directory parse(byte[] bytes) {
        return DirectoryCodec.decode(Objects.requireNonNull(bytes, "bytes"));
    }

    /** Returns the canonical protobuf wire encoding; a new array each call, never null. */
    public byte[] toBytes() {
        return DirectoryCodec.encode(this);
    }

    /** Returns the digest of {@link #toBytes()}; never null. */
    public Digest digest() {
        return Digest.of(toBytes());
    }

    /**
     * Checks that {@code name} can be one path component.
     *
     * @param name the candidate, not null
     * @return {@code name}
     * @throws IllegalArgumentException naming the value when it is empty, {@code .}, {@code ..} or holds {@code /}
     *     or NUL
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("entry name must be one path component without '/' or NUL and not"
                    + " '.' or '..', was '" + name.replace("\0", "\\0") + "'");
        }
        return name;
    }

    private static void checkSorted(String kind, List<String> names, Set<String> seen) {
        String previous = null;
        for (String name : names) {
            if (previous != null && compareUtf8(previous, name) >= 0) {
                throw new IllegalArgumentException(kind + " names must be sorted and unique, but '" + name
                        + "' follows '" + previous + "'");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("name '" + name + "' is used twice in one directory");
            }
            previous = name;
        }
    }

    /** Compares by Unicode code point, which is the UTF-8 byte order REAPI sorts by. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * A regular file in a {@link Directory}. Immutable.
     *
     * @param name one path component, not null
     * @param digest the content's digest, not null
     * @param executable whether the file is executable
     */
    public record FileNode(String name, Digest digest, boolean executable) {
        /** Validates the name. */
        public FileNode {
            checkName(name);
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * A subdirectory in a {@link Directory}. Immutable.
     *
     * @param name one path component, not null
     * @param digest the digest of the subdirectory's own {@link Directory} encoding, not null
     */
    public record DirectoryNode(String name, Digest digest) {
        /** Validates the name. */
        public DirectoryNode {
            checkName(name);
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * A symbolic link in a {@link Directory}. Immutable. Whether the target stays inside the tree depends on where
     * the link sits, so that is checked when a tree is stored or materialised, not here.
     *
     * @param name one path component, not null
     * @param target the link's target, not empty, without NUL, not null
     */
    public record SymlinkNode(String name, String target) {
        /** Validates name and target. */
        public SymlinkNode {
            checkName(name);
            Objects.requireNonNull(target, "target");
            if (target.isEmpty() || target.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("symlink '" + name + "' must have a non-empty target without NUL,"
                        + " was '" + target.replace("\0", "\\0") + "'");
            }
        }
    }
}
