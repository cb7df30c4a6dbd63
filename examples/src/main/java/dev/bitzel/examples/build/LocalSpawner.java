package dev.bitzel.examples.build;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.scheduler.SpawnRequest;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.graph.scheduler.Spawner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
    private final Function<TaskId, String> signatures;
    private final Map<TaskId, Path> failedLogs = new ConcurrentHashMap<>();
    private final Set<TaskId> remoteTasks = ConcurrentHashMap.newKeySet();

    /**
     * Creates the spawner.
     *
     * @param plan the tasks and their recipes
     * @param executor runs one task
     * @param cache told the outputs of each successful run, or null when results are not cached
     * @param signatures each task's signature (to find its dependencies' cached results)
     */
    public LocalSpawner(TaskPlan plan, TaskExecutor executor, TaskOutputCache cache,
            Function<TaskId, String> signatures) {
        this.plan = plan;
        this.executor = executor;
        this.cache = cache;
        this.signatures = signatures;
    }

    /** Whether a task that ran in this build ran (some of) its shell work on a remote executor. */
    public boolean ranRemotely(TaskId task) {
        return remoteTasks.contains(task);
    }

    /** The log of a task that failed in this build, if it did. */
    public Optional<Path> failedLog(TaskId task) {
        return Optional.ofNullable(failedLogs.get(task));
    }

    /**
     * Puts back what the task's dependencies in its own recipe left in the work tree, replaying their cached
     * results: a task that runs again (its signature changed) must not see what later tasks of an earlier build
     * did to those files (a patch applied twice, a cleaned image directory).
     */
    private void restoreInputs(int node, TaskId task) throws IOException {
        List<Integer> deps = new ArrayList<>();
        plan.graph().graph().forEachSuccessor(node, deps::add);
        for (int dep : deps) {
            TaskNode depTask = plan.graph().task(dep);
            if (depTask.id().recipe().equals(task.recipe())) {
                cache.replay(depTask, signatures.apply(depTask.id()));
            }
        }
    }

    @Override
    public SpawnResult spawn(SpawnRequest request) throws IOException, InterruptedException {
        if (cache != null) {
            restoreInputs(request.node(), request.task().id());
        }
        TaskExecutor.Outcome outcome = executor.run(plan.recipe(request.task().id()), request.task().id().task(),
                request.task().id().toString());
        if (outcome.remoteShellRuns() > 0) {
            remoteTasks.add(request.task().id());
        }
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
