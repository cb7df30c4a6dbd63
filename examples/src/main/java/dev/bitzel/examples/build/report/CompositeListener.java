package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.BuildEventListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands every event to several listeners in order. A listener that throws does not keep the event from the others;
 * its first failure is logged as a warning, later ones at debug level (a broken display must neither stop the build
 * events nor flood the log).
 *
 * <p>Thread-safe when its listeners are.
 */
public final class CompositeListener implements BuildEventListener {
    private static final System.Logger LOG = System.getLogger(CompositeListener.class.getName());

    private final BuildEventListener[] listeners;
    private final AtomicBoolean[] warned;

    /**
     * Creates the composite.
     *
     * @param listeners called in this order; none null
     */
    public CompositeListener(List<? extends BuildEventListener> listeners) {
        this.listeners = listeners.toArray(new BuildEventListener[0]);
        this.warned = new AtomicBoolean[this.listeners.length];
        for (int i = 0; i < this.listeners.length; i++) {
            if (this.listeners[i] == null) {
                throw new NullPointerException("listener " + i + " is null");
            }
            warned[i] = new AtomicBoolean();
        }
    }

    @Override
    public void onEvent(BuildEvent event) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onEvent(event);
            } catch (RuntimeException e) {
                BuildEventListener l = listeners[i];
                LOG.log(warned[i].getAndSet(true) ? Level.DEBUG : Level.WARNING,
                        () -> "build event listener " + l + " failed on " + event, e);
            }
        }
    }
}
