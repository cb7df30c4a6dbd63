package dev.bitzel.examples.build;

import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.cas.MerkleTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A remote action's input root that mirrors the file system root: the given absolute paths, with everything below
 * them, at their own places, and the directories above them holding nothing else. Symbolic links are kept as they
 * are (absolute ones too: they are resolved only inside the executor's sandbox). A file or directory removed while
 * the tree is built (another task's temporary file) is left out. Not thread-safe; one per action.
 */
final class InputTree {
    /**
     * A built tree.
     *
     * @param merkle the directories and the file digests (whose content is in the local store)
     * @param files how many files it holds
     */
    record Built(MerkleTree merkle, int files) {
    }

    private final Map<String, InputTree> dirs = new TreeMap<>();
    private final Map<String, Directory.FileNode> files = new TreeMap<>();
    private final Map<String, String> links = new TreeMap<>();

    private InputTree() {
    }

    /**
     * Builds the tree of {@code roots} (absolute paths; those inside another root are covered by it), leaving out the
     * {@code hidden} paths (absolute, normalised) and everything below them.
     *
     * @throws IOException when a path cannot be read, or is neither a file, a directory nor a symbolic link
     */
    static Built build(List<Path> roots, Set<Path> hidden, InputDigests digests) throws IOException {
        List<Path> sorted = new ArrayList<>();
        roots.forEach(r -> sorted.add(r.toAbsolutePath().normalize()));
        sorted.sort(null);
        InputTree top = new InputTree();
        List<Path> added = new ArrayList<>();
        int[] count = {0};
        for (Path root : sorted) {
            if (root.getNameCount() == 0 || added.stream().anyMatch(root::startsWith)) {
                continue;
            }
            added.add(root);
            InputTree at = top;
            for (int i = 0; i < root.getNameCount() - 1; i++) {
                String name = root.getName(i).toString();
                if (at.files.containsKey(name) || at.links.containsKey(name)) {
                    throw new IOException("input path " + root + " passes through " + name + ", a file or link");
                }
                at = at.dirs.computeIfAbsent(name, k -> new InputTree());
            }
            at.add(root, hidden, digests, count);
        }
        Map<Digest, Directory> directories = new HashMap<>();
        Map<Digest, Path> blobs = new HashMap<>();
        Digest root = top.put(Path.of("/"), directories, blobs);
        return new Built(new MerkleTree(root, directories, blobs), count[0]);
    }

    /** Adds {@code path}, named by its last component, to this directory, unless it is hidden. */
    private void add(Path path, Set<Path> hidden, InputDigests digests, int[] count) throws IOException {
        if (hidden.contains(path)) {
            return;
        }
        String name = path.getFileName().toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                links.put(name, Files.readSymbolicLink(path).toString());
            } else if (a.isDirectory()) {
                InputTree sub = dirs.computeIfAbsent(name, k -> new InputTree());
                List<Path> entries;
                try (Stream<Path> list = Files.list(path)) {
                    entries = list.toList();
                }
                for (Path e : entries) {
                    sub.add(e, hidden, digests, count);
                }
            } else if (a.isRegularFile()) {
                files.put(name, new Directory.FileNode(name, digests.digest(path), Files.isExecutable(path)));
                count[0]++;
            } else {
                throw new IOException(path + " is neither a file, a directory nor a symbolic link: it cannot be an "
                        + "input of a remote action");
            }
        } catch (NoSuchFileException e) {
            dirs.remove(name); // removed while the tree was built
        }
    }

    private Digest put(Path at, Map<Digest, Directory> directories, Map<Digest, Path> blobs) {
        List<Directory.DirectoryNode> dirNodes = new ArrayList<>();
        for (Map.Entry<String, InputTree> d : dirs.entrySet()) {
            dirNodes.add(new Directory.DirectoryNode(d.getKey(), d.getValue().put(at.resolve(d.getKey()),
                    directories, blobs)));
        }
        List<Directory.SymlinkNode> linkNodes = new ArrayList<>();
        links.forEach((name, target) -> linkNodes.add(new Directory.SymlinkNode(name, target)));
        files.values().forEach(f -> blobs.put(f.digest(), at.resolve(f.name())));
        Directory d = new Directory(new ArrayList<>(files.values()), dirNodes, linkNodes);
        Digest digest = d.digest();
        directories.put(digest, d);
        return digest;
    }
}
