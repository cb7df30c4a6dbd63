package dev.bitzel.cas.internal;

import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.cas.InvalidTreeException;
import dev.bitzel.cas.MerkleTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Hashes a local directory into REAPI Directory messages, children before parents. */
public final class TreeBuilder {

    private final Path root;
    private final Map<Digest, Directory> directories = new LinkedHashMap<>();
    private final Map<Digest, Path> files = new LinkedHashMap<>();
    private final SymlinkCheck links = new SymlinkCheck();

    private TreeBuilder(Path root) {
        this.root = root;
    }

    /** Builds the tree of {@code dir}. */
    public static MerkleTree build(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidTreeException(dir.toString(), "is not a directory");
        }
        TreeBuilder b = new TreeBuilder(dir);
        Digest root = b.visit(dir, 0);
        b.links.check();
        return new MerkleTree(root, b.directories, b.files);
    }

    private Digest visit(Path dir, int depth) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.toList());
        }
        entries.sort((a, b) -> compareNames(a.getFileName().toString(), b.getFileName().toString()));
        List<Directory.FileNode> fileNodes = new ArrayList<>();
        List<Directory.DirectoryNode> dirNodes = new ArrayList<>();
        List<Directory.SymlinkNode> links = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            String where = root.relativize(p).toString();
            try {
                Directory.checkName(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidTreeException(where, e.getMessage());
            }
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                String target = Files.readSymbolicLink(p).toString();
                this.links.link(where, target);
                links.add(new Directory.SymlinkNode(name, target));
            } else if (a.isDirectory()) {
                this.links.directory(where);
                dirNodes.add(new Directory.DirectoryNode(name, visit(p, depth + 1)));
            } else if (a.isRegularFile()) {
                this.links.file(where);
                Digest d = Hashing.digestFile(p);
                files.putIfAbsent(d, p);
                fileNodes.add(new Directory.FileNode(name, d, a.permissions().contains(PosixFilePermission.OWNER_EXECUTE)));
            } else {
                throw new InvalidTreeException(where, "is neither a regular file, a directory nor a symbolic link"
                        + " (a fifo, socket or device); remove it from the tree before storing it");
            }
        }
        Directory d = new Directory(fileNodes, dirNodes, links);
        Digest digest = d.digest();
        directories.putIfAbsent(digest, d);
        return digest;
    }

    static int compareNames(String a, String b) {
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
}
