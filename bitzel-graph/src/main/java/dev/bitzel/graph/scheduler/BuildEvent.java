package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskNode;
import java.util.Objects;

/**
 * What happens during a build, in the order it happens, for a {@link BuildEventListener} (and later the Build Event
 * Protocol).
 *
 * <p>For one task the order is {@link TaskQueued}, {@link TaskStarted}, then {@link TaskCacheHit} or (after a
 * {@link CacheLookupFailed} at most) the end event; a task that never becomes ready gets only its end event
 * ({@link TaskSkipped}, {@link TaskNotStarted} or {@link TaskCancelled}), and one queued when the build stopped gets
 * {@link TaskQueued} and then its end event. Every task of the build gets exactly one end event;
 * {@link BuildStarted} comes first and {@link BuildFinished} last.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface BuildEvent {

    /**
     * The build begins.
     *
     * @param tasks how many tasks it covers
     * @param workers how many worker threads run them
     */
    record BuildStarted(int tasks, int workers) implements BuildEvent {
    }

    /**
     * All dependencies of a task are done: it waits in the ready queue.
     *
     * @param node the task's node number
     * @param task the task
     */
    record TaskQueued(int node, TaskNode task) implements BuildEvent {
        /** Validates the task. */
        public TaskQueued {
            Objects.requireNonNull(task, "task");
        }
    }

    /**
     * A worker took the task: it is being looked up in the cache and run.
     *
     * @param node the task's node number
     * @param task the task
     */
    record TaskStarted(int node, TaskNode task) implements BuildEvent {
        /** Validates the task. */
        public TaskStarted {
            Objects.requireNonNull(task, "task");
        }
    }

    /**
     * The action cache had the task's result; a {@link TaskFinished} with status {@link TaskStatus#CACHED} follows.
     *
     * @param node the task's node number
     * @param task the task
     * @param handle the cache's handle to the stored result
     */
    record TaskCacheHit(int node, TaskNode task, String handle) implements BuildEvent {
        /** Validates the components. */
        public TaskCacheHit {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * The action cache could not be consulted for a task; the task runs as after a miss.
     *
     * @param node the task's node number
     * @param task the task
     * @param error the lookup's exception
     */
    record CacheLookupFailed(int node, TaskNode task, Exception error) implements BuildEvent {
        /** Validates the components. */
        public CacheLookupFailed {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A task's successful result could not be stored; the task still counts as executed.
     *
     * @param node the task's node number
     * @param task the task
     * @param error the store's exception
     */
    record CacheStoreFailed(int node, TaskNode task, Exception error) implements BuildEvent {
        /** Validates the components. */
        public CacheStoreFailed {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A task succeeded: {@link TaskStatus#EXECUTED}, {@link TaskStatus#CACHED} or {@link TaskStatus#NOEXEC}.
     *
     * @param node the task's node number
     * @param outcome how it ended
     */
    record TaskFinished(int node, TaskOutcome outcome) implements BuildEvent {
        /** Validates the outcome. */
        public TaskFinished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A task failed.
     *
     * @param node the task's node number
     * @param outcome how it ended ({@link TaskStatus#FAILED})
     */
    record TaskFailed(int node, TaskOutcome outcome) implements BuildEvent {
        /** Validates the outcome. */
        public TaskFailed {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A task will not run because a task it depends on failed.
     *
     * @param node the task's node number
     * @param outcome how it ended ({@link TaskStatus#SKIPPED}, with the failed task as cause)
     */
    record TaskSkipped(int node, TaskOutcome outcome) implements BuildEvent {
        /** Validates the outcome. */
        public TaskSkipped {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A task will not run because the build stopped after an unrelated failure.
     *
     * @param node the task's node number
     * @param outcome how it ended ({@link TaskStatus#NOT_STARTED})
     */
    record TaskNotStarted(int node, TaskOutcome outcome) implements BuildEvent {
        /** Validates the outcome. */
        public TaskNotStarted {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A task was cancelled while running, or not started because the build was cancelled.
     *
     * @param node the task's node number
     * @param outcome how it ended ({@link TaskStatus#CANCELLED})
     */
    record TaskCancelled(int node, TaskOutcome outcome) implements BuildEvent {
        /** Validates the outcome. */
        public TaskCancelled {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The build ended; no event follows.
     *
     * @param result the result, with its summary counts
     */
    record BuildFinished(BuildResult result) implements BuildEvent {
        /** Validates the result. */
        public BuildFinished {
            Objects.requireNonNull(result, "result");
        }
    }
}
