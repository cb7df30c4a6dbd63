package dev.bitzel.benchmarks;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.Scheduler;
import dev.bitzel.graph.scheduler.SchedulerConfig;
import dev.bitzel.graph.scheduler.SpawnResult;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scheduling overhead: a whole build of a 100,000-task random DAG (3–5 dependencies per task, mostly on nearby
 * tasks so chains are long) whose spawner does nothing, no cache, with or without an event listener. The score is
 * tasks per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SchedulerBenchmark {
    static final int TASKS = 100_000;

    /** Worker threads. */
    @Param({"1", "2"})
    public int workers;

    /** Whether a listener receives every event (it counts them), as the Build Event Protocol writer will. */
    @Param({"false", "true"})
    public boolean events;

    private final java.util.concurrent.atomic.LongAdder eventCount = new java.util.concurrent.atomic.LongAdder();

    private Scheduler scheduler;
    private BuildRequest request;

    /** Builds the graph (fixed seed) and the scheduler. */
    @Setup
    public void setUp() {
        Random random = new Random(42);
        TaskGraph.Builder b = TaskGraph.builder();
        for (int i = 0; i < TASKS; i++) {
            b.task(new TaskNode(new TaskId("recipe" + (i / 10), "do_task" + (i % 10)), Map.of()));
            int deps = Math.min(i, 3 + random.nextInt(3));
            for (int k = 0; k < deps; k++) {
                int back = random.nextInt(10) < 8 ? 1 + random.nextInt(Math.min(i, 50)) : 1 + random.nextInt(i);
                b.edge(i, i - back);
            }
        }
        TaskGraph graph = b.build();
        String[] signatures = new String[TASKS];
        for (int i = 0; i < TASKS; i++) {
            signatures[i] = Integer.toHexString(i * 0x9E3779B9);
        }
        request = BuildRequest.builder(graph, node -> signatures[node]).build();
        SchedulerConfig.Builder config = SchedulerConfig.builder(spawn -> SpawnResult.success()).workers(workers);
        if (events) {
            config.listener(event -> eventCount.increment());
        }
        scheduler = Scheduler.create(config.build());
    }

    /** Runs all 100,000 no-op tasks. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public BuildResult build() throws InterruptedException {
        BuildResult result = scheduler.run(request);
        if (result.summary().executed() != TASKS) {
            throw new IllegalStateException("not every task ran: " + result);
        }
        return result;
    }
}
