package dev.bitzel.remote.internal.client;

import io.grpc.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the batches and streams of one client operation (an upload or a download of many blobs) on a bounded pool,
 * so that several requests are in flight at once, and waits for all of them. The calls themselves still pass
 * through the {@link Retrier}, whose semaphore bounds the calls in flight over the whole client. The caller's gRPC
 * {@link Context} (its RequestMetadata action and target) travels with each task.
 *
 * <p>Tasks must not submit tasks of their own and wait for them: the pool is bounded.
 */
public final class Transfers implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    /** A pool of at most {@code threads} transfer threads, created on demand and ended when idle. */
    public Transfers(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bitzel-remote-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** One piece of work. */
    @FunctionalInterface
    public interface Task {
        /** Does it. */
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs every task, at most the pool's size at once, and returns when all are done. When one fails, the tasks not
     * yet started are cancelled, running ones are interrupted, and its exception is thrown (the first one's, by
     * submission order).
     *
     * @throws IOException the first task's failure
     * @throws InterruptedException when interrupted while waiting (the tasks are then cancelled)
     */
    public void runAll(List<Task> tasks) throws IOException, InterruptedException {
        if (tasks.size() == 1) {
            tasks.get(0).run();
            return;
        }
        Context context = Context.current();
        List<Future<?>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(pool.submit(context.wrap(() -> {
                task.run();
                return null;
            })));
        }
        try {
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof InterruptedException ie) {
                        throw ie;
                    }
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(cause);
                }
            }
        } finally {
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
    }

    /** Stops the pool's threads; running tasks are interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
