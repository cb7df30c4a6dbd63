package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.BuildEventListener;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.remote.BuildEventPublisher;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Feeds a build's events to a {@link BuildEventPublisher} (a BEP JSON file, a BES stream): {@code started}, one
 * {@code actionExecuted} per task that really ran (with its log as primary output), one {@code targetCompleted}
 * per requested target, and {@code finished} with the action summary: {@code actionsExecuted} counts the tasks that
 * really ran (0 on a fully cached build), {@code remoteCacheHits} the results from a remote cache, and
 * {@code runnerCount} each {@link TaskOrigin}'s tasks plus a {@code total}.
 *
 * <p>Publishing happens on one thread of its own, in the order of the calls: a slow or unreachable BES never holds
 * up a worker, and a worker's interrupt status is never touched. The first publishing error is kept
 * ({@link #error()}) and publishing carries on, as Bazel does (the build's result does not depend on its events).
 *
 * <p>Thread-safe.
 */
public final class BepListener implements BuildEventListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BepListener.class.getName());

    /** Bazel's exit code for an interrupted build (its {@code ExitCode.INTERRUPTED}). */
    public static final int INTERRUPTED = 8;

    private final BuildEventPublisher publisher;
    private final TaskOrigins origins;
    private final Supplier<Instant> wallClock;
    private final Duration closeTimeout;
    private final ExecutorService thread;
    private volatile List<BuildTarget> targets = List.of();
    private volatile Function<TaskId, Optional<Path>> logs = task -> Optional.empty();
    private volatile BuildResult result;
    private Exception error;
    private boolean finished;
    private boolean closed;

    /**
     * Creates the listener; nothing is published before {@link #started}.
     *
     * @param publisher the sinks; closed by {@link #close()}
     * @param origins classifies executed and cached tasks
     * @param wallClock the time stamps of started and finished
     * @param closeTimeout how long {@link #close()} waits for the events to go out (a BES's acknowledgements)
     */
    public BepListener(BuildEventPublisher publisher, TaskOrigins origins, Supplier<Instant> wallClock,
            Duration closeTimeout) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bitzel-bep");
            t.setDaemon(true);
            return t;
        });
    }

    /** Publishes the first event: the command and the targets as given. */
    public void started(String command, List<String> patterns) {
        List<String> copy = List.copyOf(patterns);
        Instant now = wallClock.get();
        submit(() -> publisher.started(command, copy, now));
    }

    /**
     * Tells the listener the build's targets and where task logs are, before the build starts; reads the recipes'
     * stores on the calling thread.
     *
     * @param plan the build's plan: each recipe's {@code T} gives {@code ${T}/log.do_TASK}
     * @param requested the targets as given
     * @param defaultTask the task of {@code -c}
     */
    public void prepare(TaskPlan plan, List<String> requested, String defaultTask) {
        Map<String, Path> temp = new HashMap<>();
        plan.recipes().forEach((pn, recipe) -> {
            try {
                String t = recipe.data().getVar("T");
                if (t != null && !t.isBlank()) {
                    temp.put(pn, Path.of(t));
                }
            } catch (ExpansionException e) {
                LOG.log(Level.DEBUG, () -> pn + ": T does not expand, its tasks' logs are not named: "
                        + e.getMessage());
            }
        });
        prepare(BuildTarget.resolve(plan, requested, defaultTask),
                task -> Optional.ofNullable(temp.get(task.recipe())).map(t -> t.resolve("log." + task.task())));
    }

    /**
     * Tells the listener the build's targets and where task logs are, before the build starts.
     *
     * @param buildTargets the targets, each with the task that completes it
     * @param logLocations the log of a task that ran, when its outcome names none; thread-safe
     */
    public void prepare(List<BuildTarget> buildTargets, Function<TaskId, Optional<Path>> logLocations) {
        targets = List.copyOf(buildTargets);
        logs = Objects.requireNonNull(logLocations, "logLocations");
    }

    /** Returns the targets {@link #prepare} resolved. */
    public List<BuildTarget> targets() {
        return targets;
    }

    @Override
    public void onEvent(BuildEvent event) {
        if (event instanceof BuildEvent.TaskFinished f && f.outcome().status() == TaskStatus.EXECUTED) {
            action(f.outcome());
        } else if (event instanceof BuildEvent.TaskFailed f && ran(f.outcome())) {
            action(f.outcome());
        } else if (event instanceof BuildEvent.BuildFinished f) {
            result = f.result();
            for (BuildTarget target : targets) {
                boolean success = target.task().map(t -> f.result().outcome(t)
                        .map(o -> o.status().succeeded()).orElse(false)).orElse(f.result().success());
                submit(() -> publisher.targetCompleted(target.label(), success, List.of()));
            }
        }
    }

    /** A failed task ran when the spawner returned its failure (environment failures carry exit code -1). */
    private static boolean ran(TaskOutcome outcome) {
        return outcome.status() == TaskStatus.FAILED && outcome.exitCode() >= 0;
    }

    private void action(TaskOutcome outcome) {
        TaskId id = outcome.task();
        String log = outcome.log().or(() -> logs.apply(id)).map(Path::toString).orElse("");
        submit(() -> publisher.actionExecuted(id.toString(), id.task(), log, outcome.exitCode()));
    }

    /**
     * Publishes the last events: BuildFinished with this exit code and the metrics of the build (zero when no build
     * ran). Only the first call counts.
     *
     * @param exitCode {@code 0} success, {@code 1} build failure, {@code 2} bad input, {@link #INTERRUPTED}
     */
    public void finished(int exitCode) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        Instant now = wallClock.get();
        submit(() -> publisher.finished(exitCode, now, metrics(result, origins)));
    }

    /** The action summary of a result; all zero for none. */
    static BuildEventPublisher.Metrics metrics(BuildResult result, TaskOrigins origins) {
        if (result == null) {
            return new BuildEventPublisher.Metrics(0, 0, 0, Map.of());
        }
        Map<String, Integer> runners = new HashMap<>();
        long executed = 0;
        long remoteHits = 0;
        int total = 0;
        for (TaskOutcome o : result.outcomes()) {
            if (o.status() != TaskStatus.EXECUTED && o.status() != TaskStatus.CACHED && !ran(o)) {
                continue;
            }
            TaskOrigin origin = origins.of(o);
            total++;
            runners.merge(origin.runnerName(), 1, Integer::sum);
            if (origin.ran()) {
                executed++;
            } else if (origin == TaskOrigin.REMOTE_CACHE_HIT) {
                remoteHits++;
            }
        }
        runners.put("total", total);
        return new BuildEventPublisher.Metrics(result.summary().tasks(), executed, remoteHits, runners);
    }

    /** Returns the first error publishing met, if any. */
    public synchronized Optional<Exception> error() {
        return Optional.ofNullable(error);
    }

    private interface Publish {
        void run() throws IOException, InterruptedException;
    }

    private void submit(Publish p) {
        try {
            thread.execute(() -> {
                try {
                    p.run();
                } catch (IOException | RuntimeException e) {
                    failed(e);
                } catch (InterruptedException e) {
                    failed(e);
                    Thread.currentThread().interrupt();
                }
            });
        } catch (RejectedExecutionException e) {
            failed(new IllegalStateException("a build event came after the build events were closed", e));
        }
    }

    private synchronized void failed(Exception e) {
        LOG.log(Level.DEBUG, "publishing a build event failed", e);
        if (error == null) {
            error = e;
        } else if (error != e) {
            error.addSuppressed(e);
        }
    }

    /**
     * Waits for the queued events to go out (at most the close timeout), then closes the publisher. Idempotent.
     *
     * @throws IOException if closing the publisher fails
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        thread.shutdown();
        boolean interrupted = false;
        try {
            if (!thread.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                failed(new IOException("build events not all published within " + closeTimeout));
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            failed(e);
            thread.shutdownNow();
        }
        try {
            publisher.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
