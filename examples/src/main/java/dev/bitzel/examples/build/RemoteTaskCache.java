package dev.bitzel.examples.build;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteException;
import dev.bitzel.remote.RemoteExecutor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A shared remote cache in front of the local {@link TaskOutputCache}, with the semantics of Bazel's
 * {@code --remote_cache}: a task the local cache misses is looked up in the REAPI server's action cache, and on a
 * hit its output trees are downloaded into the local store and restored from there; a task that ran locally is
 * stored locally, then its blobs and its result are uploaded. Two build directories (on two machines, each with its
 * own local store) that share one server reuse each other's results, because {@link TaskOutputCache} keeps outputs
 * relative to their roots ({@code TMPDIR}, {@code DL_DIR}).
 *
 * <p><b>The remote key.</b> A task's result is recorded under the digest of a REAPI {@code Action} whose
 * {@code Command} is {@code ["bitzel-task", "1", TASK_ID, SIGNATURE]} with an empty input root
 * ({@link #actionDigest}): deterministic, the same in every build directory, and unlike any real command a REAPI
 * client would send. The recorded {@code ActionResult} is {@link TaskOutputCache}'s own: one output directory per
 * root the task wrote under, and at most the output file {@value TaskOutputCache#CHANGES}, exit code 0.
 *
 * <p><b>Hits.</b> A remote hit's handle is {@code "remote:" + ACTION_HASH} ({@link #REMOTE_HANDLE_PREFIX}); local
 * hits keep {@link TaskOutputCache}'s handles, so a build summary can count the two apart.
 *
 * <p><b>Failures.</b> Whatever the server sends is verified before it is recorded: each blob against its digest,
 * each tree against its root, paths against their roots. A result that fails any check throws an
 * {@link IOException} naming it (the scheduler reports it and runs the task), and nothing is recorded locally. When
 * the server cannot be reached or refuses the credentials (after the client's retries), the remote is switched off
 * for the rest of the build ({@link #disabledReason()}) so that every following task does not wait for it again.
 *
 * <p>Thread-safe.
 */
public final class RemoteTaskCache implements ActionCache {

    /** The prefix of a remote hit's {@link CacheLookup.Hit#handle() handle}. */
    public static final String REMOTE_HANDLE_PREFIX = "remote:";

    private static final System.Logger LOG = System.getLogger(RemoteTaskCache.class.getName());
    /** Codes that say the server is not usable for this build (the client already retried transient ones). */
    private static final Set<String> FATAL = Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "UNAUTHENTICATED",
            "PERMISSION_DENIED", "UNIMPLEMENTED", "RESOURCE_EXHAUSTED");

    private final TaskOutputCache local;
    private final ContentStore store;
    private final RemoteClient client;
    private final boolean upload;
    private final AtomicReference<String> disabled = new AtomicReference<>();
    private final AtomicInteger remoteHits = new AtomicInteger();
    private final AtomicInteger remoteMisses = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();

    /**
     * Creates the cache.
     *
     * @param local the local cache, which restores outputs and writes stamps
     * @param store the local store {@code local} uses; remote blobs are fetched into it
     * @param client the connection to the REAPI server
     * @param upload whether results of tasks run here are uploaded (Bazel's {@code --remote_upload_local_results})
     */
    public RemoteTaskCache(TaskOutputCache local, ContentStore store, RemoteClient client, boolean upload) {
        this.local = Objects.requireNonNull(local, "local");
        this.store = Objects.requireNonNull(store, "store");
        this.client = Objects.requireNonNull(client, "client");
        this.upload = upload;
    }

    /** The REAPI Action a task's result is recorded under remotely, and its Command. */
    static RemoteExecutor.CacheKey keyAction(TaskNode task, String signature) {
        return RemoteExecutor.cacheKey(List.of("bitzel-task", "1", task.id().toString(), signature));
    }

    /**
     * Returns the digest of the REAPI Action a task's result is recorded under.
     *
     * @param task the task
     * @param signature its signature
     * @return the action cache key; the same in every build directory
     */
    public static Digest actionDigest(TaskNode task, String signature) {
        return keyAction(task, signature).actionDigest();
    }

    @Override
    public CacheLookup lookup(TaskNode task, String signature) throws IOException, InterruptedException {
        CacheLookup hit = local.lookup(task, signature);
        if (hit instanceof CacheLookup.Hit || disabled.get() != null) {
            return hit;
        }
        Digest action = actionDigest(task, signature);
        Optional<ActionResult> remote = remote("lookup of " + task.id(), () -> client.withAction(action.hash(),
                task.id().toString(), "BitzelTask", () -> fetch(task, action)));
        if (remote.isEmpty()) {
            remoteMisses.incrementAndGet();
            return CacheLookup.miss();
        }
        local.recordResult(signature, remote.get());
        CacheLookup restored = local.lookup(task, signature);
        if (!(restored instanceof CacheLookup.Hit)) {
            throw new IOException("the remote result of " + task.id() + " (action " + action + ") was fetched but "
                    + "the local cache does not restore it");
        }
        remoteHits.incrementAndGet();
        return CacheLookup.hit(REMOTE_HANDLE_PREFIX + action.hash());
    }

    /** Looks the action up remotely and fetches its blobs into the local store; the local result to record. */
    private Optional<ActionResult> fetch(TaskNode task, Digest action) throws IOException, InterruptedException {
        Optional<ActionResult> found = client.getActionResult(action);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ActionResult r = found.get();
        if (r.exitCode() != 0 || r.outputFiles().size() > 1 || r.outputFiles().stream()
                .anyMatch(f -> !f.path().equals(TaskOutputCache.CHANGES))) {
            throw new IOException("remote result of " + task.id() + " (action " + action + " at "
                    + client.options().endpoint() + ") is not a bitzel task result: exit code " + r.exitCode() + ", "
                    + "output files " + r.outputFiles().stream().map(ActionResult.OutputFile::path).toList());
        }
        client.fetchIntoStore(r, store);
        return Optional.of(new ActionResult(0, r.outputFiles(), r.outputDirectories(), Digest.EMPTY, Digest.EMPTY,
                Map.of("task", task.id().toString(), "remote", client.options().endpoint().toString())));
    }

    @Override
    public void store(TaskNode task, String signature, SpawnResult result) throws IOException, InterruptedException {
        local.store(task, signature, result);
        if (!upload || disabled.get() != null || !result.succeeded()) {
            return;
        }
        Optional<ActionResult> stored = local.storedResult(signature);
        if (stored.isEmpty()) {
            return;
        }
        RemoteExecutor.CacheKey key = keyAction(task, signature);
        ActionResult r = stored.get();
        remote("upload of " + task.id(), () -> client.withAction(key.actionDigest().hash(), task.id().toString(),
                "BitzelTask", () -> {
                    client.upload(key.digests(), key.source());
                    client.updateActionResult(key.actionDigest(), new ActionResult(0, r.outputFiles(),
                            r.outputDirectories(), Digest.EMPTY, Digest.EMPTY, Map.of()), store::open);
                    return null;
                }));
        uploads.incrementAndGet();
    }

    /** A remote call. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T remote(String what, Call<T> call) throws IOException, InterruptedException {
        try {
            return call.run();
        } catch (RemoteException e) {
            if (FATAL.contains(e.code()) && disabled.compareAndSet(null, e.getMessage())) {
                LOG.log(System.Logger.Level.WARNING, () -> "remote cache " + client.options().endpoint()
                        + " switched off for this build after the " + what + " failed: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Returns why the remote cache was switched off during this build, if it was. */
    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabled.get());
    }

    /**
     * What the remote cache did so far.
     *
     * @param hits tasks restored from the remote cache
     * @param misses tasks the remote cache did not hold (after a local miss)
     * @param uploads results uploaded
     */
    public record Stats(int hits, int misses, int uploads) {
    }

    /** Returns what the remote cache did so far; never null. */
    public Stats stats() {
        return new Stats(remoteHits.get(), remoteMisses.get(), uploads.get());
    }
}
