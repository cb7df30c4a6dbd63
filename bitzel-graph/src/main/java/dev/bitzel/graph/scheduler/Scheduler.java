package dev.bitzel.graph.scheduler;

import java.util.Objects;

/**
 * Runs task graphs with a pool of workers: tasks on the longest remaining chain first, each looked up in the action
 * cache and otherwise handed to the spawner once all its dependencies have succeeded.
 *
 * <p>Thread-safe: one scheduler may run several builds at once, each with its own worker threads.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.create(SchedulerConfig.builder(spawner)
 *         .workers(8).keepGoing(true).actionCache(cache).listener(events::add).build());
 * BuildResult result = scheduler.run(BuildRequest.builder(taskGraph, node -> signatures[node]).build());
 * if (!result.success()) {
 *     result.withStatus(TaskStatus.FAILED).forEach(System.err::println);
 * }
 * }</pre>
 */
public final class Scheduler {
    private final SchedulerConfig config;

    private Scheduler(SchedulerConfig config) {
        this.config = config;
    }

    /**
     * Returns a scheduler with this configuration.
     *
     * @param config workers, keep-going and ports; not null
     */
    public static Scheduler create(SchedulerConfig config) {
        return new Scheduler(Objects.requireNonNull(config, "config"));
    }

    /** Returns the configuration; never null. */
    public SchedulerConfig config() {
        return config;
    }

    /**
     * Starts a build and returns at once.
     *
     * <p>The graph (or the closure of the request's targets) is checked before any task starts.
     *
     * @param request the graph, targets, signatures and duration estimates; not null
     * @return the running build
     * @throws IllegalArgumentException when the tasks to build contain a dependency cycle (the message names it,
     *     {@code a -> b -> a}) or an estimated duration is negative
     */
    public Build start(BuildRequest request) {
        BuildRun run = BuildRun.prepare(config, Objects.requireNonNull(request, "request"));
        Build build = new Build(run);
        run.launch();
        return build;
    }

    /**
     * Runs a build and waits for its result.
     *
     * @param request the graph, targets, signatures and duration estimates; not null
     * @return the result; failures of tasks are in it, not thrown
     * @throws IllegalArgumentException as for {@link #start}
     * @throws InterruptedException when the calling thread is interrupted: the build is cancelled (its running
     *     tasks' cancellation handles are signalled) and the exception is rethrown without waiting for them
     */
    public BuildResult run(BuildRequest request) throws InterruptedException {
        return start(request).await();
    }
}
