package dev.bitzel.benchmarks;

import dev.bitzel.examples.build.report.CompositeListener;
import dev.bitzel.examples.build.report.FancyProgress;
import dev.bitzel.examples.build.report.PlainProgress;
import dev.bitzel.examples.build.report.ProgressDisplay;
import dev.bitzel.examples.build.report.TaskTimeline;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code bitzel build}'s reporting per build event: the events of 10,000 tasks (started, then finished;
 * every fourth one a cache hit) through the listener the runner gives the scheduler — the task timeline and the
 * progress display behind a {@link CompositeListener} — with the display writing to a writer that discards
 * everything. {@code display=fancy}: counters only per event, plus one redraw of the frame per 100 events (far more
 * often than the 10 per second a terminal gets); {@code display=plain}: BitBake's line per task start and cache hit.
 * The score is events per second on one thread. {@link ProgressRedrawBenchmark} times one redraw.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuildReportBenchmark {
    static final int TASKS = 10_000;
    static final int EVENTS = TASKS * 2 + TASKS / 4;

    /** The progress display behind the composite listener. */
    @Param({"fancy", "plain"})
    public String display;

    private BuildEvent[] events;
    private ProgressDisplay progress;
    private CompositeListener listener;

    private static final Writer NULL = Writer.nullWriter();

    /** Builds the events once. */
    @Setup
    public void events() {
        events = new BuildEvent[EVENTS + 1];
        events[0] = new BuildEvent.BuildStarted(TASKS, 8);
        int k = 1;
        for (int i = 0; i < TASKS; i++) {
            TaskNode node = new TaskNode(new TaskId("recipe" + (i / 10), "do_task" + (i % 10)), Map.of());
            events[k++] = new BuildEvent.TaskStarted(i, node);
            boolean hit = i % 4 == 0;
            if (hit) {
                events[k++] = new BuildEvent.TaskCacheHit(i, node, "handle" + i);
            }
            events[k++] = new BuildEvent.TaskFinished(i, new TaskOutcome(node.id(),
                    hit ? TaskStatus.CACHED : TaskStatus.EXECUTED, 0, "", Optional.empty(), Optional.empty(),
                    hit ? Optional.of("handle" + i) : Optional.empty()));
        }
    }

    /** A fresh listener stack per invocation (the timeline keeps every span). */
    @Setup(Level.Invocation)
    public void listener() {
        progress = display.equals("fancy")
                ? new FancyProgress(new PrintWriter(NULL), System::nanoTime, 120, 16, 0)
                : new PlainProgress(new PrintWriter(NULL));
        listener = new CompositeListener(List.of(new TaskTimeline(System::nanoTime), progress));
    }

    /** Closes the display. */
    @TearDown(Level.Invocation)
    public void close() {
        progress.close();
    }

    /** Delivers every event; the fancy display redraws once per 100 events. */
    @Benchmark
    @OperationsPerInvocation(EVENTS + 1)
    public void events(org.openjdk.jmh.infra.Blackhole bh) {
        boolean fancy = progress instanceof FancyProgress;
        for (int i = 0; i < events.length; i++) {
            listener.onEvent(events[i]);
            if (fancy && i % 100 == 0) {
                ((FancyProgress) progress).tick();
            }
        }
        bh.consume(listener);
    }
}
