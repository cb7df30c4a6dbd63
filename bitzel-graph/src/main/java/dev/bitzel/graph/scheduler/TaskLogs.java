package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduler's port that says where each task run's log goes, so the runner can keep BitBake's
 * {@code ${T}/log.do_TASK} files.
 *
 * <p>Before spawning a task the scheduler asks {@link #logFile} for a path; the spawner writes the task's output
 * there ({@link SpawnRequest#log()}) and the path is kept in {@link TaskOutcome#log()}. Tasks that do not run
 * (cache hits, noexec, skipped) get no log.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TaskLogs {

    /** Returns the port that turns logs off: no task gets a log file. */
    static TaskLogs none() {
        return (task, signature) -> Optional.empty();
    }

    /**
     * Returns a port that puts the log of task {@code recipe:do_x} at {@code directory/recipe/log.do_x}, creating
     * the recipe's directory; a later run of the same task overwrites it.
     *
     * @param directory the root of all logs; not null
     */
    static TaskLogs inDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return (task, signature) -> {
            Path dir = directory.resolve(task.id().recipe());
            Files.createDirectories(dir);
            return Optional.of(dir.resolve("log." + task.id().task()));
        };
    }

    /**
     * Names the file the coming run of a task writes its log to, creating directories as needed.
     *
     * @param task the task about to run
     * @param signature its signature
     * @return the log file, or empty for no log
     * @throws IOException when the log cannot be set up; the task then fails with that message
     */
    Optional<Path> logFile(TaskNode task, String signature) throws IOException;
}
