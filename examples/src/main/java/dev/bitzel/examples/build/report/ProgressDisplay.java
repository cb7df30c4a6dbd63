package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.BuildEventListener;

/**
 * Shows a build's progress to a person: a {@link BuildEventListener} that is started before the build and closed
 * after it.
 *
 * <p>Implementations are thread-safe.
 */
public interface ProgressDisplay extends BuildEventListener, AutoCloseable {

    /** Starts showing (a fancy display starts redrawing). */
    void start();

    /**
     * Prints a line that stays (a note, an interruption), above a fancy display's redrawn part.
     *
     * @param line the text, without line terminator
     */
    void message(String line);

    /** Stops showing and leaves the terminal as it was: the redrawn part cleared, the cursor visible. Idempotent. */
    @Override
    void close();
}
