package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.scheduler.Build;
import dev.bitzel.graph.scheduler.BuildEventListener;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.Scheduler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Everything a build command shows and records about a build besides its result: the progress display, the
 * phase timer, the task timeline, the summary, the profile ({@code --profile}), the chart ({@code --chart}), the
 * build events ({@code --bep-json}, {@code --bes}) and Ctrl-C handling. The command marks its phases, passes
 * {@link #listener()} to the scheduler, runs the build through {@link #run}, prints {@link #summary} and closes
 * the report, which writes the files and finishes the build events with the exit code.
 *
 * <pre>{@code
 * try (BuildReport report = BuildReport.builder(out, err).progress(display).profile(file).build()) {
 *     report.phase("parse");        // ...
 *     BuildResult result = report.run(Scheduler.create(config.listener(report.listener()).build()), request, plan);
 *     report.summary(result);
 *     return report.exit(result.success() ? 0 : 1);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class BuildReport implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long originNanos;
    private final String title;
    private final List<String> targets;
    private final String defaultTask;
    private final BuildPhases phases;
    private final TaskTimeline timeline;
    private final ProgressDisplay display;
    private final BepListener events;
    private final Path profile;
    private final Path chart;
    private final TaskOrigins origins;
    private final Duration grace;
    private final List<AutoCloseable> resources;
    private final BuildEventListener listener;
    private final BuildInterrupter interrupter;
    private Integer exitCode;
    private boolean closed;

    private BuildReport(Builder b) {
        this.out = b.out;
        this.err = b.err;
        this.clock = b.clock;
        this.originNanos = clock.getAsLong();
        this.title = b.title;
        this.targets = List.copyOf(b.targets);
        this.defaultTask = b.defaultTask;
        this.phases = new BuildPhases(clock);
        this.timeline = new TaskTimeline(clock);
        this.display = b.display != null ? b.display : new PlainProgress(err);
        this.events = b.events;
        this.profile = b.profile;
        this.chart = b.chart;
        this.origins = b.origins;
        this.grace = b.grace;
        this.resources = List.copyOf(b.resources);
        List<BuildEventListener> all = new ArrayList<>();
        all.add(timeline);
        all.add(display);
        if (events != null) {
            all.add(events);
        }
        this.listener = new CompositeListener(all);
        this.interrupter = new BuildInterrupter(b.commandThread, grace,
                () -> display.message("NOTE: Interrupted: cancelling the running tasks"), this::close);
        if (events != null) {
            events.started("build", targets);
        }
    }

    /**
     * Returns a builder.
     *
     * @param out where the summary goes (standard output)
     * @param err where progress and warnings go (standard error)
     */
    public static Builder builder(PrintWriter out, PrintWriter err) {
        return new Builder(out, err);
    }

    /** Ends the running phase and begins one ({@code parse}, {@code graph}, {@code signatures}, ...). */
    public void phase(String name) {
        phases.begin(name);
    }

    /** Returns the listener to give the scheduler: the timeline, the display and the build events. */
    public BuildEventListener listener() {
        return listener;
    }

    /** Returns the Ctrl-C handling; {@link BuildInterrupter#install()} is called by {@link Builder#build()} only when asked. */
    public BuildInterrupter interrupter() {
        return interrupter;
    }

    /** Returns whether the build was interrupted (Ctrl-C, SIGTERM). */
    public boolean interrupted() {
        return interrupter.interrupted();
    }

    /** Returns the task timeline measured so far. */
    public TaskTimeline timeline() {
        return timeline;
    }

    /** Returns the phases timed so far. */
    public List<PhaseSpan> phases() {
        return phases.phases();
    }

    /**
     * Runs the build as the {@code execution} phase: tells the build events the targets, starts the display, starts
     * the build, registers it for Ctrl-C, waits for the result and closes the display (so that what the command prints
     * next is not overdrawn). The scheduler must have been configured with {@link #listener()}.
     *
     * @param scheduler the scheduler
     * @param request the build
     * @param plan the plan the request's graph comes from
     * @return the result; after Ctrl-C, the cancelled result
     * @throws InterruptedException when the calling thread is interrupted; the build is cancelled and its running
     *     tasks are given the grace period to stop before this is thrown
     */
    public BuildResult run(Scheduler scheduler, BuildRequest request, TaskPlan plan) throws InterruptedException {
        if (events != null) {
            events.prepare(plan, targets, defaultTask);
        }
        return run(scheduler, request);
    }

    /**
     * Runs the build as {@link #run(Scheduler, BuildRequest, TaskPlan)} does, with the build events' targets and
     * log locations as set on the {@link BepListener} beforehand.
     *
     * @param scheduler the scheduler
     * @param request the build
     * @return the result; after Ctrl-C, the cancelled result
     * @throws InterruptedException as for {@link #run(Scheduler, BuildRequest, TaskPlan)}
     */
    public BuildResult run(Scheduler scheduler, BuildRequest request) throws InterruptedException {
        phases.begin("execution");
        display.start();
        try {
            interrupter.starting();
            Build build = scheduler.start(request);
            interrupter.register(build);
            try {
                return build.await();
            } catch (InterruptedException e) {
                awaitStopped(build);
                throw e;
            }
        } finally {
            interrupter.register(null);
            phases.end();
            display.close();
        }
    }

    /** After an interrupt of the waiting thread (await cancelled the build): let running tasks stop, within grace. */
    private void awaitStopped(Build build) {
        try {
            build.result().get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            err.println("WARNING: the cancelled build did not stop cleanly: " + e);
        }
    }

    /** Prints the summary of a result (counts, cache hits, phases, slowest tasks) to standard output. */
    public void summary(BuildResult result) {
        long execution = phases.phases().stream().filter(p -> p.name().equals("execution"))
                .mapToLong(PhaseSpan::durationNanos).sum();
        BuildSummaryPrinter.print(out, result, execution, phases.phases(), timeline.spans(), origins);
    }

    /**
     * Records the command's exit code for the build events and returns it.
     *
     * @param code the exit code the command returns
     */
    public synchronized int exit(int code) {
        exitCode = code;
        return code;
    }

    /**
     * Finishes: ends the phases, closes the display, writes the profile and the chart, finishes the build events with
     * the exit code ({@link BepListener#INTERRUPTED} after Ctrl-C; {@code 1} when no exit code was recorded) and
     * closes their sinks. Failures to write are reported as warnings on standard error, naming the file. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // After Ctrl-C the closing thread may carry an interrupt (the command's thread is interrupted when no build
        // runs): finishing is bounded by the events' close timeout, so do it uninterrupted and keep the status.
        boolean wasInterrupted = Thread.interrupted();
        try {
            phases.end();
            display.close();
            List<PhaseSpan> ps = phases.phases();
            List<TaskSpan> spans = timeline.spans();
            int workers = Math.max(timeline.workers(), timeline.lanes());
            if (profile != null) {
                try {
                    ChromeTrace.write(profile, title, originNanos, ps, spans, workers);
                    err.println("NOTE: profile written to " + profile + " (open it in https://ui.perfetto.dev)");
                } catch (IOException | RuntimeException e) {
                    err.println("WARNING: --profile " + profile + ": cannot write it: " + e.getMessage());
                }
            }
            if (chart != null) {
                try {
                    BuildChart.write(chart, title, spans, workers);
                    err.println("NOTE: build chart written to " + chart);
                } catch (IOException | RuntimeException e) {
                    err.println("WARNING: --chart " + chart + ": cannot write it: " + e.getMessage());
                }
            }
            if (events != null) {
                events.finished(interrupter.interrupted() ? BepListener.INTERRUPTED
                        : exitCode != null ? exitCode : 1);
                try {
                    events.close();
                } catch (IOException e) {
                    err.println("WARNING: build events: cannot close: " + e.getMessage());
                }
                events.error().ifPresent(e -> err.println("WARNING: build events were not all published: "
                        + (e.getMessage() != null ? e.getMessage() : e.toString())));
            }
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    err.println("WARNING: closing " + r + ": " + e.getMessage());
                }
            }
            err.flush();
        } finally {
            interrupter.close();
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Collects a report's parts; not thread-safe. */
    public static final class Builder {
        private final PrintWriter out;
        private final PrintWriter err;
        private LongSupplier clock = System::nanoTime;
        private String title = "bitzel build";
        private List<String> targets = List.of();
        private String defaultTask = "build";
        private ProgressDisplay display;
        private BepListener events;
        private Path profile;
        private Path chart;
        private TaskOrigins origins = TaskOrigins.local();
        private Duration grace = Duration.ofSeconds(10);
        private Thread commandThread = Thread.currentThread();
        private boolean installInterruptHook;
        private final List<AutoCloseable> resources = new ArrayList<>();

        private Builder(PrintWriter out, PrintWriter err) {
            this.out = Objects.requireNonNull(out, "out");
            this.err = Objects.requireNonNull(err, "err");
        }

        /** Sets the nanosecond clock; default {@code System::nanoTime}. */
        public Builder clock(LongSupplier value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sets the targets as given and the task of {@code -c}; the title becomes the command line. */
        public Builder targets(List<String> requested, String task) {
            this.targets = List.copyOf(requested);
            this.defaultTask = Objects.requireNonNull(task, "task");
            this.title = "bitzel build " + String.join(" ", requested) + (task.equals("build") ? "" : " -c " + task);
            return this;
        }

        /** Sets the progress display; default {@link PlainProgress} on standard error. */
        public Builder progress(ProgressDisplay value) {
            this.display = Objects.requireNonNull(value, "display");
            return this;
        }

        /** Publishes build events through this listener (closed with the report). */
        public Builder events(BepListener value) {
            this.events = value;
            return this;
        }

        /** Writes a Chrome trace-event profile here at the end. */
        public Builder profile(Path value) {
            this.profile = value;
            return this;
        }

        /** Writes an SVG build chart here at the end. */
        public Builder chart(Path value) {
            this.chart = value;
            return this;
        }

        /** Sets how executed and cached tasks are classified; default {@link TaskOrigins#local()}. */
        public Builder origins(TaskOrigins value) {
            this.origins = Objects.requireNonNull(value, "origins");
            return this;
        }

        /** Sets how long Ctrl-C waits for running tasks to stop and the report to finish; default 10 s. */
        public Builder grace(Duration value) {
            this.grace = Objects.requireNonNull(value, "grace");
            return this;
        }

        /** Sets the thread an interrupt interrupts when no build runs; default the thread calling this builder. */
        public Builder commandThread(Thread value) {
            this.commandThread = Objects.requireNonNull(value, "commandThread");
            return this;
        }

        /** Installs the Ctrl-C/SIGTERM shutdown hook (the runner does; tests call {@link BuildInterrupter#interrupt()}). */
        public Builder handleSignals(boolean value) {
            this.installInterruptHook = value;
            return this;
        }

        /** Closes this with the report, after the build events (e.g. the BES client). */
        public Builder closing(AutoCloseable resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** Builds the report; publishes the {@code started} build event and installs the hook if asked. */
        public BuildReport build() {
            BuildReport report = new BuildReport(this);
            if (installInterruptHook) {
                report.interrupter.install();
            }
            return report;
        }
    }
}
