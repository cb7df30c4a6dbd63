package dev.bitzel.graph.scheduler;

/**
 * The cancellation signal of one task run, handed to the ports so they can stop work the build no longer wants.
 *
 * <p>The scheduler cancels a task's handle when the build is cancelled ({@link Build#cancel()}, or the thread
 * blocked in {@link Scheduler#run} is interrupted) while the task is running. A port that started a process kills
 * it from an {@link #onCancel} action, then returns or throws {@link InterruptedException}; the task is then
 * reported as {@link TaskStatus#CANCELLED}.
 *
 * <p>Implementations are thread-safe: {@link #isCancelled()} may be polled from any thread, and actions run once,
 * on the thread that cancels (or on the registering thread when the handle is already cancelled).
 */
public interface Cancellation {

    /** Returns whether this task run has been cancelled. */
    boolean isCancelled();

    /**
     * Runs {@code action} once when this handle is cancelled, immediately on the calling thread if it already is.
     * Actions should be quick (kill a process, close a channel); a {@link RuntimeException} they throw is logged and
     * does not stop the other actions.
     *
     * @param action not null
     */
    void onCancel(Runnable action);
}
