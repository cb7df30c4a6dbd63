package dev.bitzel.benchmarks;

import dev.bitzel.examples.build.report.FancyProgress;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.BuildEvent;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One redraw of {@code bitzel build}'s fancy progress display with 16 running tasks: the frame's 17 lines formatted,
 * cut to 120 columns, and written with the cursor movements to a writer that discards them. A terminal gets at most
 * ten of these a second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProgressRedrawBenchmark {
    private long clock;
    private FancyProgress display;

    /** Starts 16 tasks on a display whose clock advances 1 ms per reading (so every tick draws). */
    @Setup
    public void start() {
        display = new FancyProgress(new PrintWriter(Writer.nullWriter()), () -> clock += 1_000_000, 120, 16, 0);
        display.onEvent(new BuildEvent.BuildStarted(100, 16));
        for (int i = 0; i < 16; i++) {
            display.onEvent(new BuildEvent.TaskStarted(i, new TaskNode(new TaskId("recipe" + i, "do_compile"),
                    Map.of())));
        }
    }

    /** Draws one frame. */
    @Benchmark
    public void redraw() {
        display.tick();
    }
}
