package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskNode;
import java.io.IOException;

/**
 * The scheduler's port to a cache of task results keyed by task signature; the runner adapts a local CAS or a
 * remote cache to it.
 *
 * <p><b>A miss is not a failure.</b> {@link #lookup} returns {@link CacheLookup#miss()} when nothing is stored for
 * the signature; it throws {@link IOException} only when the cache could not be asked (disk error, network down,
 * corrupt entry). The scheduler treats such an exception as a miss: it reports a
 * {@link BuildEvent.CacheLookupFailed} event and runs the task, so a broken cache never fails a build. Likewise a
 * failed {@link #store} is reported as {@link BuildEvent.CacheStoreFailed} and the task still counts as executed.
 *
 * <p>Implementations must be thread-safe: the scheduler calls them from all its workers at once.
 */
public interface ActionCache {

    /** Returns a cache that never hits and stores nothing. */
    static ActionCache none() {
        return NoActionCache.INSTANCE;
    }

    /**
     * Looks up the stored result of a task with this signature.
     *
     * @param task the task about to run
     * @param signature its signature, as the build request's signature function gave it
     * @return a hit with a handle to the stored result, or {@link CacheLookup#miss()}; never null
     * @throws IOException when the cache could not be consulted (treated as a miss)
     * @throws InterruptedException when interrupted (the build is being cancelled)
     */
    CacheLookup lookup(TaskNode task, String signature) throws IOException, InterruptedException;

    /**
     * Stores the result of a task that the spawner has just run successfully; never called after a failure or for
     * a cache hit.
     *
     * @param task the task that ran
     * @param signature its signature
     * @param result what the spawner returned (always a success)
     * @throws IOException when the result could not be stored (reported as an event, not a build failure)
     * @throws InterruptedException when interrupted (the build is being cancelled)
     */
    void store(TaskNode task, String signature, SpawnResult result) throws IOException, InterruptedException;
}

/** The cache of {@link ActionCache#none()}. */
enum NoActionCache implements ActionCache {
    INSTANCE;

    @Override
    public CacheLookup lookup(TaskNode task, String signature) {
        return CacheLookup.miss();
    }

    @Override
    public void store(TaskNode task, String signature, SpawnResult result) {
        // Nothing is kept: a build without a cache runs every task.
    }
}
