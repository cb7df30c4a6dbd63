package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.Build;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a build command: the JVM runs shutdown hooks on those signals while the command's
 * thread still runs, so the hook {@link #interrupt()}s: it cancels the registered {@link Build} (running tasks'
 * cancellation handles are signalled, so their sandboxes are killed, and nothing further starts), or interrupts the
 * command's thread when no build runs yet; then it waits, at most the grace period, for the command to finish its
 * report ({@link #done()}: display restored, summary printed, build events finished as interrupted). If the command
 * does not finish in time the hook runs the fallback itself, so the terminal and the event file are left in order
 * before the JVM exits.
 *
 * <p>Tests call {@link #interrupt()} directly instead of sending signals. Thread-safe.
 */
public final class BuildInterrupter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BuildInterrupter.class.getName());

    private final Thread commandThread;
    private final Duration grace;
    private final Runnable notice;
    private final Runnable fallback;
    private final CountDownLatch done = new CountDownLatch(1);
    private Build build;
    private boolean starting;
    private boolean interrupted;
    private Thread hook;

    /**
     * Creates an interrupter that is not yet hooked to signals.
     *
     * @param commandThread the thread running the command (interrupted when no build is registered)
     * @param grace how long {@link #interrupt()} waits for the command to finish its report
     * @param notice run first by {@link #interrupt()}, e.g. to tell the user that running tasks are being cancelled
     * @param fallback what {@link #interrupt()} runs when the command did not finish in time (restore the display,
     *     finish the build events); must be safe to run concurrently with the command
     */
    public BuildInterrupter(Thread commandThread, Duration grace, Runnable notice, Runnable fallback) {
        this.commandThread = Objects.requireNonNull(commandThread, "commandThread");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Runs {@link #interrupt()} from a JVM shutdown hook (Ctrl-C, SIGTERM) until {@link #close()}. */
    public synchronized void install() {
        if (hook == null) {
            hook = new Thread(this::interrupt, "bitzel-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /**
     * Says that a build is about to start: an interrupt from now on cancels the build once it is
     * {@link #register}ed instead of interrupting the command's thread.
     */
    public synchronized void starting() {
        starting = true;
    }

    /**
     * Sets the running build, or none; a build registered after an interrupt is cancelled at once.
     *
     * @param running the build, or null when none runs (any more)
     */
    public void register(Build running) {
        boolean cancel;
        synchronized (this) {
            build = running;
            starting = running != null && starting;
            cancel = interrupted && running != null;
        }
        if (cancel) {
            running.cancel();
        }
    }

    /** Returns whether an interrupt came. */
    public synchronized boolean interrupted() {
        return interrupted;
    }

    /**
     * Handles an interrupt: cancels the build (or interrupts the command's thread), then waits for {@link #done()}
     * at most the grace period, else runs the fallback.
     *
     * @return whether the command finished within the grace period
     */
    public boolean interrupt() {
        Build running;
        boolean aboutToStart;
        synchronized (this) {
            if (done.getCount() == 0) {
                return true;
            }
            interrupted = true;
            running = build;
            aboutToStart = starting;
        }
        notice.run();
        if (running != null) {
            running.cancel();
        } else if (!aboutToStart) {
            commandThread.interrupt();
        }
        try {
            if (done.await(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            // The hook thread itself was interrupted: run the fallback now rather than wait, and keep the status.
            Thread.currentThread().interrupt();
        }
        LOG.log(Level.DEBUG, "the build command did not finish within {0} of the interrupt", grace);
        fallback.run();
        return false;
    }

    /** The command finished its report; a waiting {@link #interrupt()} returns. */
    public void done() {
        done.countDown();
    }

    /** Marks the command done and removes the shutdown hook, unless the JVM is already shutting down. */
    @Override
    public void close() {
        done();
        Thread h;
        synchronized (this) {
            h = hook;
            hook = null;
        }
        if (h != null && Thread.currentThread() != h) {
            try {
                Runtime.getRuntime().removeShutdownHook(h);
            } catch (IllegalStateException e) {
                // The JVM is shutting down (this very interrupt): the hook is running and must not be removed.
                LOG.log(Level.DEBUG, "shutdown in progress; the interrupt hook stays", e);
            }
        }
    }
}
