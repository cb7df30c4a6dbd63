package dev.bitzel.remote.internal.server;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Bitzel's absolute-inputs execution mode (platform property {@value #PROPERTY}{@code =1}): the action's input root
 * stands for the file system root, so a command that names absolute paths (a BitBake run script naming
 * {@code TMPDIR}, the layers and {@code DL_DIR}) finds its inputs where it expects them, and output paths are
 * absolute paths without their leading slash.
 *
 * <p>The input root is materialised in the action's scratch directory as usual; then each top-level entry is mounted
 * read-only at {@code /NAME} in the sandbox (inside {@code /tmp}, which stays the sandbox's private writable tmpfs,
 * each entry of it), and each output path writable at {@code /PATH} (created as a directory
 * when the input root lacks it), after the sandbox's own system directories — so the command sees the host's
 * {@code /usr} and {@code /lib} and the client's tree, as a local sandbox with the same declared paths would. Input
 * files are hard links to the store where read-only, and writable copies (mode 0644 or 0755) inside output paths,
 * so that the command cannot alter the store. Symbolic links are recreated as they are, absolute ones included:
 * they are resolved only inside the sandbox, and the outputs are collected without following them.
 *
 * <p>Refused with INVALID_ARGUMENT: top-level names that would hide the sandbox's system directories
 * ({@link #RESERVED}), a top-level symbolic link, and an output path that passes through a symbolic link or a file
 * of the input root (the mount would otherwise land wherever the link points).
 */
final class AbsoluteRoot {

    /** The platform property that asks for this mode. */
    static final String PROPERTY = "bitzel-absolute-inputs";
    /** Top-level names the sandbox provides itself. */
    static final Set<String> RESERVED = Set.of("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc",
            "dev", "proc", "sys");
    /** The sandbox's private, writable {@code /tmp}: the input root's entries in it are mounted one by one. */
    private static final String TMP = "tmp";
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    /** A file's identity and content stamp, to tell an input the command left alone from one it rewrote. */
    private record Stamp(Object inode, Object ctime, Object mtime, long size) {
        static Stamp of(Path p) throws IOException {
            Map<String, Object> a = Files.readAttributes(p, "unix:ino,ctime,lastModifiedTime,size",
                    LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.get("ino"), a.get("ctime"), a.get("lastModifiedTime"), (Long) a.get("size"));
        }
    }

    private record Placed(Stamp stamp, Digest digest) {
    }

    /** The writable copies placed from the input root: outputs still equal to them need not be read again. */
    private final Map<Path, Placed> placed = new HashMap<>();
    private final ContentStore linking;
    private final ContentStore copying;
    private final Path execRoot;
    private final List<String> outputs;

    /**
     * Prepares the mode for one action.
     *
     * @param linking the store, placing files by hard link
     * @param copying the same store, placing files by copy
     * @param execRoot the action's empty scratch directory
     * @param outputs the output paths, relative to the file system root
     */
    AbsoluteRoot(ContentStore linking, ContentStore copying, Path execRoot, List<String> outputs) {
        this.linking = linking;
        this.copying = copying;
        this.execRoot = execRoot;
        this.outputs = List.copyOf(new TreeSet<>(outputs));
        for (String out : this.outputs) {
            String top = out.contains("/") ? out.substring(0, out.indexOf('/')) : out;
            if (RESERVED.contains(top)) {
                throw new IllegalArgumentException("output path '/" + out + "' lies in /" + top + ", which the "
                        + "sandbox provides itself (" + PROPERTY + ")");
            }
        }
    }

    /**
     * Materialises the input tree and returns the mounts that show it at its absolute paths.
     *
     * @throws dev.bitzel.cas.BlobNotFoundException naming a blob of the tree the store lacks
     */
    List<SandboxSpec.Mount> prepare(Digest inputRoot) throws IOException {
        materialize(inputRoot, execRoot, "");
        List<SandboxSpec.Mount> mounts = new ArrayList<>();
        mountEntries(execRoot, mounts);
        for (String out : outputs) {
            Path p = execRoot;
            for (Path part : Path.of(out)) {
                p = p.resolve(part.toString());
                if (Files.isSymbolicLink(p) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)
                        && !p.equals(execRoot.resolve(out)))) {
                    throw new IllegalArgumentException("output path '/" + out + "' passes through '"
                            + execRoot.relativize(p) + "', which is not a directory of the input root");
                }
            }
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(p);
            }
            mounts.add(new SandboxSpec.Mount(p, Path.of("/" + out), true));
        }
        return mounts;
    }

    /** Mounts each entry of {@code dir} read-only at its absolute path; those of {@code /tmp} one level deeper. */
    private void mountEntries(Path dir, List<SandboxSpec.Mount> mounts) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String rel = execRoot.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    throw new IllegalArgumentException("input root entry '/" + rel + "' is a symbolic link; "
                            + PROPERTY + " mounts the directories and files at the top (and in /tmp) only");
                }
                if (rel.equals(TMP) && Files.isDirectory(p)) {
                    mountEntries(p, mounts); // the sandbox's /tmp stays, private and writable, around them
                } else {
                    mounts.add(new SandboxSpec.Mount(p, Path.of("/" + rel), false));
                }
            }
        }
    }

    private boolean writable(String rel) {
        for (String out : outputs) {
            if (rel.equals(out) || rel.startsWith(out + "/")) {
                return true;
            }
        }
        return false;
    }

    private void materialize(Digest digest, Path dir, String rel) throws IOException {
        Directory d = linking.getDirectory(digest);
        Files.createDirectories(dir);
        for (Directory.DirectoryNode sub : d.directories()) {
            String name = Directory.checkName(sub.name());
            checkTop(rel, name);
            materialize(sub.digest(), dir.resolve(name), join(rel, name));
        }
        for (Directory.FileNode f : d.files()) {
            String name = Directory.checkName(f.name());
            checkTop(rel, name);
            Path target = dir.resolve(name);
            if (writable(join(rel, name))) {
                copying.materialize(f.digest(), target, f.executable());
                Files.setPosixFilePermissions(target, f.executable() ? EXECUTABLE : REGULAR);
                placed.put(target, new Placed(Stamp.of(target), f.digest()));
            } else {
                linking.materialize(f.digest(), target, f.executable());
            }
        }
        for (Directory.SymlinkNode l : d.symlinks()) {
            String name = Directory.checkName(l.name());
            checkTop(rel, name);
            Files.createSymbolicLink(dir.resolve(name), Path.of(l.target()));
        }
    }

    private static void checkTop(String rel, String name) {
        if (rel.isEmpty() && RESERVED.contains(name)) {
            throw new IllegalArgumentException("input root entry '/" + name + "' would hide the sandbox's own /"
                    + name + " (" + PROPERTY + " refuses " + new TreeSet<>(RESERVED) + ")");
        }
    }

    /** Stores an output file, unless it is an input copy the command left alone or its content is stored already. */
    private Digest putFile(ContentStore store, Path p) throws IOException {
        Placed was = placed.get(p);
        if (was != null && was.stamp().equals(Stamp.of(p))) {
            return was.digest();
        }
        Digest d = Digest.ofFile(p); // the command has ended: nothing changes the file any more
        return store.contains(d) ? d : store.put(p);
    }

    private static String join(String rel, String name) {
        return rel.isEmpty() ? name : rel + "/" + name;
    }

    /**
     * Stores what the command left at its output paths: directories as trees whose symbolic links are kept as they
     * are (never followed), regular files as files; absent paths are left out.
     */
    void collect(ContentStore store, List<ActionResult.OutputFile> files, List<ActionResult.OutputDirectory> dirs)
            throws IOException {
        for (String out : outputs) {
            Path p = execRoot.resolve(out);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(new ActionResult.OutputDirectory(out, putTree(store, p)));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files.add(new ActionResult.OutputFile(out, putFile(store, p), Files.isExecutable(p)));
            }
        }
    }

    private Digest putTree(ContentStore store, Path dir) throws IOException {
        List<Directory.FileNode> files = new ArrayList<>();
        List<Directory.DirectoryNode> dirs = new ArrayList<>();
        List<Directory.SymlinkNode> links = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (Files.isSymbolicLink(p)) {
                links.add(new Directory.SymlinkNode(name, Files.readSymbolicLink(p).toString()));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(new Directory.DirectoryNode(name, putTree(store, p)));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files.add(new Directory.FileNode(name, putFile(store, p), Files.isExecutable(p)));
            } else {
                throw new IOException("output " + p + " is neither a file, a directory nor a symbolic link");
            }
        }
        return store.put(new Directory(files, dirs, links).toBytes());
    }
}
