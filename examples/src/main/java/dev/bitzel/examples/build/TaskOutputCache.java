package dev.bitzel.examples.build;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.SpawnResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's action cache over the local content-addressed store: a task's result is what it changed in the
 * places it may write ({@link OutputTracker.Changes}) — the files it wrote as a Merkle tree per root (an output
 * directory named after the root), the directories it emptied and the paths it removed (the output file
 * {@value #CHANGES}) — keyed by the task's signature, in a form REAPI's {@code ActionResult} carries unchanged. Paths are stored relative to
 * their root, {@code TMPDIR} or {@code DL_DIR}, so build directories on other paths share results.
 *
 * <p>A lookup first checks the task's stamp ({@code ${STAMP}.do_task.SIGNATURE}, as BitBake keeps them): a task
 * whose stamp exists is up to date and nothing is restored. Otherwise a cached result is replayed onto the build
 * directory (emptied directories emptied, removed paths removed, written files placed over what is there) and the
 * stamp written. Replaying the results of a recipe's tasks in dependency order rebuilds the state a real run
 * leaves. A stored result never writes outside its root, never through a symbolic link, and a result naming an
 * unknown root or escaping one is refused as corrupt.
 *
 * <p>Thread-safe.
 */
public final class TaskOutputCache implements ActionCache {
    /** The output file listing the directories a task emptied and the paths it removed, one per line. */
    static final String CHANGES = "bitzel-task-changes";
    private static final String CLEANED = "cleaned";
    private static final String DELETED = "deleted";
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private final ContentStore store;
    private final Map<String, Path> roots;
    private final TaskPaths paths;
    private final Map<String, OutputTracker.Changes> changesBySignature = new ConcurrentHashMap<>();
    /** Signatures whose results this build put in the build directory (stored after a run, or replayed). */
    private final Set<String> writtenThisBuild = ConcurrentHashMap.newKeySet();

    /** Where a task's stamp goes. */
    @FunctionalInterface
    public interface TaskPaths {
        /**
         * The stamp file of a task at a signature.
         *
         * @throws IOException if the recipe's STAMP cannot be expanded
         */
        Path stamp(TaskNode task, String signature) throws IOException;
    }

    /**
     * Creates the cache.
     *
     * @param store the local store
     * @param tmpdir the build's {@code TMPDIR}
     * @param dlDir the build's {@code DL_DIR}
     * @param paths names stamp files
     */
    public TaskOutputCache(ContentStore store, Path tmpdir, Path dlDir, TaskPaths paths) {
        this.store = store;
        Map<String, Path> r = new LinkedHashMap<>();
        r.put("TMPDIR", tmpdir.toAbsolutePath().normalize());
        r.put("DL_DIR", dlDir.toAbsolutePath().normalize());
        this.roots = Map.copyOf(r);
        this.paths = paths;
    }

    /** Records what a task that just ran changed, for {@link #store}. */
    void recordChanges(String signature, OutputTracker.Changes changes) {
        changesBySignature.put(signature, changes);
    }

    static Digest key(String signature) {
        return Digest.ofUtf8("bitzel-task-result:" + signature);
    }

    /**
     * Returns the result stored locally for a signature: its output directories, relative to {@code TMPDIR}, as
     * Merkle tree roots in the local store (what a remote cache uploads).
     *
     * @throws IOException when the store cannot be read
     */
    public Optional<ActionResult> storedResult(String signature) throws IOException {
        return store.actionCache().get(key(signature));
    }

    /**
     * Records a result for a signature whose blobs are already in the local store (what a remote cache fetched), so
     * that the next {@link #lookup} restores it.
     *
     * @throws dev.bitzel.cas.BlobNotFoundException if a blob the result names is not in the local store; nothing is
     *     recorded then
     * @throws IOException when the store cannot be written
     */
    public void recordResult(String signature, ActionResult result) throws IOException {
        store.actionCache().put(key(signature), result);
    }

    @Override
    public CacheLookup lookup(TaskNode task, String signature) throws IOException {
        Path stamp = paths.stamp(task, signature);
        if (Files.exists(stamp)) {
            return CacheLookup.hit("stamp " + stamp.getFileName());
        }
        Optional<ActionResult> cached = store.actionCache().get(key(signature));
        if (cached.isEmpty()) {
            return CacheLookup.miss();
        }
        replay(task, cached.get());
        writtenThisBuild.add(signature);
        writeStamp(stamp);
        return CacheLookup.hit(key(signature).hash());
    }

    /**
     * Puts a task's cached result back onto the build directory, whatever its stamp says, unless this build already
     * put it there (the task ran or was replayed in this build, so its files are in place).
     *
     * @return whether the store holds a result for the signature
     * @throws IOException if the result is corrupt or cannot be written
     */
    public boolean replay(TaskNode task, String signature) throws IOException {
        if (writtenThisBuild.contains(signature)) {
            return true;
        }
        Optional<ActionResult> cached = store.actionCache().get(key(signature));
        if (cached.isPresent()) {
            replay(task, cached.get());
            writtenThisBuild.add(signature);
        }
        return cached.isPresent();
    }

    private void replay(TaskNode task, ActionResult result) throws IOException {
        for (ActionResult.OutputFile file : result.outputFiles()) {
            if (!file.path().equals(CHANGES)) {
                throw new IOException("cached result of " + task.id() + " has an unexpected output file '"
                        + file.path() + "'");
            }
            String manifest = new String(store.get(file.digest()), StandardCharsets.UTF_8);
            int lineNo = 0;
            for (String line : manifest.split("\n")) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                if (parts.length != 3 || !(parts[0].equals(CLEANED) || parts[0].equals(DELETED))) {
                    throw new IOException("cached result of " + task.id() + ": line " + lineNo + " of " + CHANGES
                            + " is malformed: '" + line + "'");
                }
                Path target = inside(task, root(task, parts[1]), parts[2]);
                TaskExecutor.deleteTree(target);
                if (parts[0].equals(CLEANED)) {
                    Files.createDirectories(target);
                }
            }
        }
        for (ActionResult.OutputDirectory dir : result.outputDirectories()) {
            Path root = root(task, dir.path());
            Files.createDirectories(root);
            overlay(task, root, root, dir.rootDigest());
        }
    }

    /** Places a stored tree's entries over {@code dir}, replacing what is there. */
    private void overlay(TaskNode task, Path root, Path dir, Digest digest) throws IOException {
        if (Files.isSymbolicLink(dir) || !dir.toRealPath().startsWith(root.toRealPath())) {
            throw new IOException("cached result of " + task.id() + " would write through the symbolic link " + dir);
        }
        Directory d = store.getDirectory(digest);
        for (Directory.DirectoryNode sub : d.directories()) {
            Path target = dir.resolve(Directory.checkName(sub.name()));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(target);
            }
            Files.createDirectories(target);
            overlay(task, root, target, sub.digest());
        }
        for (Directory.FileNode file : d.files()) {
            Path target = dir.resolve(Directory.checkName(file.name()));
            TaskExecutor.deleteTree(target);
            // a copy, not a link into the store: later tasks may change build files in place
            try (InputStream in = store.open(file.digest())) {
                Files.copy(in, target);
            }
            Files.setPosixFilePermissions(target, file.executable() ? EXECUTABLE : REGULAR);
        }
        for (Directory.SymlinkNode link : d.symlinks()) {
            Path target = dir.resolve(Directory.checkName(link.name()));
            TaskExecutor.deleteTree(target);
            Files.createSymbolicLink(target, Path.of(link.target()));
        }
    }

    private Path root(TaskNode task, String name) throws IOException {
        Path root = roots.get(name);
        if (root == null) {
            throw new IOException("cached result of " + task.id() + " names an unknown root '" + name + "'");
        }
        return root;
    }

    private static Path inside(TaskNode task, Path root, String rel) throws IOException {
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("cached result of " + task.id() + " names a path outside " + root + ": " + rel);
        }
        return target;
    }

    @Override
    public void store(TaskNode task, String signature, SpawnResult result) throws IOException {
        OutputTracker.Changes changes = changesBySignature.remove(signature);
        if (changes == null || !result.succeeded()) {
            return;
        }
        StringBuilder manifest = new StringBuilder();
        for (Path p : changes.cleaned()) {
            Map.Entry<String, Path> r = rootOf(task, p);
            manifest.append(CLEANED).append(' ').append(r.getKey()).append(' ').append(r.getValue().relativize(p))
                    .append('\n');
        }
        for (Path p : changes.deleted()) {
            Map.Entry<String, Path> r = rootOf(task, p);
            manifest.append(DELETED).append(' ').append(r.getKey()).append(' ').append(r.getValue().relativize(p))
                    .append('\n');
        }
        Map<String, TreeBuilder> trees = new TreeMap<>();
        for (Path p : changes.written()) {
            Map.Entry<String, Path> r = rootOf(task, p);
            if (!p.equals(r.getValue())) {
                trees.computeIfAbsent(r.getKey(), k -> new TreeBuilder()).add(r.getValue().relativize(p), p);
            }
        }
        List<ActionResult.OutputDirectory> dirs = new ArrayList<>();
        for (Map.Entry<String, TreeBuilder> t : trees.entrySet()) {
            dirs.add(new ActionResult.OutputDirectory(t.getKey(), t.getValue().put(store)));
        }
        List<ActionResult.OutputFile> files = manifest.isEmpty() ? List.of() : List.of(new ActionResult.OutputFile(
                CHANGES, store.put(manifest.toString().getBytes(StandardCharsets.UTF_8)), false));
        store.actionCache().put(key(signature), new ActionResult(0, files, dirs, Digest.EMPTY, Digest.EMPTY,
                Map.of("task", task.id().toString())));
        writtenThisBuild.add(signature);
        writeStamp(paths.stamp(task, signature));
    }

    private Map.Entry<String, Path> rootOf(TaskNode task, Path p) throws IOException {
        for (Map.Entry<String, Path> r : roots.entrySet()) {
            if (p.startsWith(r.getValue())) {
                return r;
            }
        }
        throw new IOException(task.id() + " wrote " + p + ", outside TMPDIR and DL_DIR " + roots.values()
                + ": its result cannot be cached");
    }

    private static void writeStamp(Path stamp) throws IOException {
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, "", StandardCharsets.UTF_8);
    }

    /** Collects written paths into nested directories and stores them bottom-up as REAPI Directory messages. */
    private static final class TreeBuilder {
        private final Map<String, TreeBuilder> dirs = new TreeMap<>();
        private final Map<String, Path> files = new TreeMap<>();
        private final Map<String, String> links = new TreeMap<>();

        void add(Path rel, Path absolute) throws IOException {
            TreeBuilder node = this;
            for (int i = 0; i < rel.getNameCount() - 1; i++) {
                node = node.dirs.computeIfAbsent(rel.getName(i).toString(), k -> new TreeBuilder());
            }
            String name = rel.getFileName().toString();
            if (Files.isSymbolicLink(absolute)) {
                node.links.put(name, Files.readSymbolicLink(absolute).toString());
            } else if (Files.isDirectory(absolute)) {
                node.dirs.computeIfAbsent(name, k -> new TreeBuilder());
            } else if (Files.isRegularFile(absolute)) {
                node.files.put(name, absolute);
            } else if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(absolute + " is neither a file, a directory nor a symbolic link: its task's "
                        + "result cannot be cached");
            }
        }

        Digest put(ContentStore store) throws IOException {
            List<Directory.FileNode> fileNodes = new ArrayList<>();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                fileNodes.add(new Directory.FileNode(f.getKey(), store.put(f.getValue()),
                        Files.isExecutable(f.getValue())));
            }
            List<Directory.DirectoryNode> dirNodes = new ArrayList<>();
            for (Map.Entry<String, TreeBuilder> d : dirs.entrySet()) {
                dirNodes.add(new Directory.DirectoryNode(d.getKey(), d.getValue().put(store)));
            }
            List<Directory.SymlinkNode> linkNodes = new ArrayList<>();
            links.forEach((name, target) -> linkNodes.add(new Directory.SymlinkNode(name, target)));
            return store.put(new Directory(fileNodes, dirNodes, linkNodes).toBytes());
        }
    }
}
