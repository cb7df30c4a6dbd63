package dev.bitzel.graph.scheduler;

import java.io.IOException;

/**
 * The scheduler's port to whatever runs one task (a local sandbox, a remote executor); the runner adapts those to
 * it.
 *
 * <p>Three ways out, and they mean different things:
 * <ul>
 *   <li>a returned {@link SpawnResult#failure} is the task's own failure (its command exited non-zero): the task is
 *       {@link TaskStatus#FAILED} with that exit code and message;
 *   <li>an {@link IOException} is an environment failure (the sandbox could not be set up, the executor is
 *       unreachable): the task is also {@link TaskStatus#FAILED}, with exit code {@code -1} and the exception's
 *       message, so its dependents are skipped as for any failure;
 *   <li>{@link InterruptedException} means the run was cancelled: the task is {@link TaskStatus#CANCELLED}, and if
 *       the build itself was not being cancelled it is cancelled now (an interrupted worker stops the build).
 * </ul>
 * A result returned after {@link SpawnRequest#cancellation()} was signalled counts as {@link TaskStatus#CANCELLED}
 * unless it is a success.
 *
 * <p>Implementations must be thread-safe: the scheduler calls {@link #spawn} from all its workers at once.
 */
@FunctionalInterface
public interface Spawner {

    /**
     * Runs one task and waits for it.
     *
     * @param request the task, its signature, its log file and its cancellation handle
     * @return success or the task's failure; never null
     * @throws IOException when the task could not be run at all
     * @throws InterruptedException when the run was cancelled or the worker interrupted
     */
    SpawnResult spawn(SpawnRequest request) throws IOException, InterruptedException;
}
