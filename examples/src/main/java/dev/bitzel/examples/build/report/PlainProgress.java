package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.BuildEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * BitBake's plain progress lines, for logs and CI: {@code NOTE: Running task 3 of 47 (hello-lib:do_compile)} when a
 * worker takes a task, {@code NOTE: hello-lib:do_fetch: cached (HANDLE)} for a cache hit, and a {@code WARNING} when
 * the action cache could not be asked or could not store a result.
 *
 * <p>Thread-safe: each line is written and flushed under the writer's lock.
 */
public final class PlainProgress implements ProgressDisplay {
    private final PrintWriter err;
    private int total;
    private int started;

    /**
     * Creates the display.
     *
     * @param err where the lines go; not null
     */
    public PlainProgress(PrintWriter err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public void start() {
        // Lines are written as events come.
    }

    @Override
    public void onEvent(BuildEvent event) {
        if (event instanceof BuildEvent.TaskStarted s) {
            synchronized (err) {
                err.printf(Locale.ROOT, "NOTE: Running task %d of %d (%s)%n", ++started, total, s.task().id());
                err.flush();
            }
        } else if (event instanceof BuildEvent.TaskCacheHit h) {
            synchronized (err) {
                err.printf(Locale.ROOT, "NOTE: %s: cached (%s)%n", h.task().id(), h.handle());
                err.flush();
            }
        } else if (event instanceof BuildEvent.BuildStarted s) {
            synchronized (err) {
                total = s.tasks();
            }
        } else if (event instanceof BuildEvent.CacheLookupFailed f) {
            message(BuildWarnings.lookupFailed(f));
        } else if (event instanceof BuildEvent.CacheStoreFailed f) {
            message(BuildWarnings.storeFailed(f));
        }
    }

    @Override
    public void message(String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        err.flush();
    }
}
