package dev.bitzel.graph.scheduler;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The cancellation handle of one task run; cheap until someone registers an action. */
final class TaskCancellation implements Cancellation {
    private volatile boolean cancelled;
    private List<Runnable> actions;

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (this) {
            if (!cancelled) {
                if (actions == null) {
                    actions = new ArrayList<>(2);
                }
                actions.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    /** Cancels this run, once: later calls do nothing. */
    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = actions;
            actions = null;
        }
        if (toRun != null) {
            toRun.forEach(TaskCancellation::runQuietly);
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            BuildRun.LOG.log(Level.WARNING, "a cancellation action failed", e);
        }
    }
}
