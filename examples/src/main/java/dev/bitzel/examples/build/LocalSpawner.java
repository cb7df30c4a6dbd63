package dev.bitzel.examples.build;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.scheduler.SpawnRequest;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.graph.scheduler.Spawner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's spawner that runs tasks on this machine through {@link TaskExecutor}, telling the
 * {@link TaskOutputCache} which directories each run may have written.
 *
 * <p>Thread-safe.
 */
public final class LocalSpawner implements Spawner {
    private final TaskPlan plan;
    private final TaskExecutor executor;
    private final TaskOutputCache cache;
    private final Map<TaskId, Path> failedLogs = new ConcurrentHashMap<>();

    /**
     * Creates the spawner.
     *
     * @param plan the tasks and their recipes
     * @param executor runs one task
     * @param cache told the outputs of each successful run, or null when results are not cached
     */
    public LocalSpawner(TaskPlan plan, TaskExecutor executor, TaskOutputCache cache) {
        this.plan = plan;
        this.executor = executor;
        this.cache = cache;
    }

    /** The log of a task that failed in this build, if it did. */
    public Optional<Path> failedLog(TaskId task) {
        return Optional.ofNullable(failedLogs.get(task));
    }

    @Override
    public SpawnResult spawn(SpawnRequest request) throws IOException, InterruptedException {
        TaskExecutor.Outcome outcome = executor.run(plan.recipe(request.task().id()), request.task().id().task());
        if (!outcome.success()) {
            failedLogs.put(request.task().id(), outcome.log());
            return SpawnResult.failure(outcome.exitCode() == 0 ? 1 : outcome.exitCode(),
                    outcome.message() + " (log: " + outcome.log() + ")");
        }
        if (cache != null) {
            cache.recordChanges(request.signature(), outcome.changes());
        }
        return SpawnResult.success();
    }
}
