package dev.bitzel.graph.scheduler;

/**
 * The scheduler's port for build events: progress displays, the Build Event Protocol, test probes.
 *
 * <p>Implementations must be thread-safe and quick: events arrive from all workers at once, on the worker's thread,
 * and a slow listener slows the build. Events of one task arrive in order (see {@link BuildEvent}); events of
 * different tasks may interleave. A {@link RuntimeException} thrown by {@link #onEvent} is logged and otherwise
 * ignored, so a broken progress display cannot break a build.
 */
@FunctionalInterface
public interface BuildEventListener {

    /** Returns the listener that ignores every event (a singleton: the scheduler then builds no event objects). */
    static BuildEventListener none() {
        return NoListener.INSTANCE;
    }

    /**
     * Receives one event.
     *
     * @param event never null
     */
    void onEvent(BuildEvent event);
}

/** The listener of {@link BuildEventListener#none()}. */
enum NoListener implements BuildEventListener {
    INSTANCE;

    @Override
    public void onEvent(BuildEvent event) {
        // Nobody listens.
    }
}
