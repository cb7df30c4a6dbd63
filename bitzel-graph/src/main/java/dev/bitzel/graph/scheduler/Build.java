package dev.bitzel.graph.scheduler;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A running build, as {@link Scheduler#start} returns it: its future result and the means to cancel it.
 *
 * <p>Thread-safe.
 */
public final class Build {
    private final BuildRun run;

    Build(BuildRun run) {
        this.run = run;
        // Cancelling the future itself (rather than calling cancel()) also stops the work, though its result is lost.
        run.future().whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                run.cancel();
            }
        });
    }

    /**
     * Returns the future result; it completes when every task has an outcome and all workers have stopped (also
     * after {@link #cancel()}), or exceptionally if the scheduler itself broke. Completing it yourself does not stop
     * the build; cancelling it does, but then the result with the cancelled tasks is lost: prefer {@link #cancel()}.
     */
    public CompletableFuture<BuildResult> result() {
        return run.future();
    }

    /**
     * Cancels the build: no further task is started, the {@link Cancellation} of every running task is signalled,
     * and the result lists the running and not yet started tasks as {@link TaskStatus#CANCELLED} (or
     * {@link TaskStatus#SKIPPED} when a dependency had failed). Does nothing once the build has finished; returns at
     * once without waiting for running tasks to stop.
     */
    public void cancel() {
        run.cancel();
    }

    /** Returns whether the build has finished (its result is available). */
    public boolean isDone() {
        return run.future().isDone();
    }

    /**
     * Waits for the result.
     *
     * @throws InterruptedException when the waiting thread is interrupted; the build is cancelled first, and
     *     {@link #result()} still completes with the cancelled result once running tasks have stopped
     */
    public BuildResult await() throws InterruptedException {
        try {
            return run.future().get();
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the scheduler failed", cause);
        }
    }
}
