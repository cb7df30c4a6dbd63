package dev.bitzel.examples.build;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.SpawnResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's action cache over the local content-addressed store: a task's result is the state of the
 * directories it may write (its recipe's {@code WORKDIR} and what its {@code [dirs]}/{@code [cleandirs]} name
 * outside it), stored as Merkle trees and keyed by the task's signature.
 *
 * <p>A lookup first checks the task's stamp ({@code ${STAMP}.do_task.SIGNATURE}, as BitBake keeps them): a task
 * whose stamp exists is up to date and nothing is restored. Otherwise a cached result is restored into the build
 * directory (each output directory replaced by the stored tree) and the stamp written. Paths are stored relative to
 * {@code TMPDIR}, so two build directories share results.
 *
 * <p>Thread-safe.
 */
public final class TaskOutputCache implements ActionCache {
    private final ContentStore store;
    private final Path tmpdir;
    private final TaskPaths paths;
    private final Map<String, List<Path>> outputsBySignature = new ConcurrentHashMap<>();

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
     * @param tmpdir the build's {@code TMPDIR}; outputs are stored relative to it
     * @param paths names stamp files
     */
    public TaskOutputCache(ContentStore store, Path tmpdir, TaskPaths paths) {
        this.store = store;
        this.tmpdir = tmpdir.toAbsolutePath().normalize();
        this.paths = paths;
    }

    /** Records what a task that just ran may have written, for {@link #store}. */
    public void recordOutputs(String signature, List<Path> outputs) {
        outputsBySignature.put(signature, List.copyOf(outputs));
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
        for (ActionResult.OutputDirectory dir : cached.get().outputDirectories()) {
            Path target = tmpdir.resolve(dir.path()).normalize();
            if (!target.startsWith(tmpdir)) {
                throw new IOException("cached result of " + task.id() + " names a directory outside TMPDIR: "
                        + dir.path());
            }
            TaskExecutor.deleteTree(target);
            Files.createDirectories(target.getParent());
            store.materializeTree(dir.rootDigest(), target);
        }
        writeStamp(stamp);
        return CacheLookup.hit(key(signature).hash());
    }

    @Override
    public void store(TaskNode task, String signature, SpawnResult result) throws IOException {
        List<Path> outputs = outputsBySignature.remove(signature);
        if (outputs == null || !result.succeeded()) {
            return;
        }
        List<ActionResult.OutputDirectory> dirs = new ArrayList<>();
        for (Path out : outputs) {
            Path normal = out.toAbsolutePath().normalize();
            if (!normal.startsWith(tmpdir)) {
                throw new IOException(task.id() + " wrote " + normal + ", outside TMPDIR " + tmpdir
                        + ": its result cannot be cached");
            }
            if (Files.isDirectory(normal)) {
                dirs.add(new ActionResult.OutputDirectory(tmpdir.relativize(normal).toString(),
                        store.putTree(normal)));
            }
        }
        store.actionCache().put(key(signature), new ActionResult(0, List.of(), dirs, Digest.EMPTY, Digest.EMPTY,
                Map.of("task", task.id().toString())));
        writeStamp(paths.stamp(task, signature));
    }

    private static void writeStamp(Path stamp) throws IOException {
        Files.createDirectories(stamp.getParent());
        Files.writeString(stamp, "", StandardCharsets.UTF_8);
    }
}
