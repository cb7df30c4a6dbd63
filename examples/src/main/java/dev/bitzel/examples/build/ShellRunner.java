package dev.bitzel.examples.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the shell functions of tasks run: the local sandbox ({@link #local}) or a remote executor
 * ({@link RemoteShellRunner}). {@link TaskExecutor} writes each function's {@code run.FUNC.PID} script and asks its
 * runner to run it; Python functions never come here.
 *
 * <p>Implementations are thread-safe: tasks run on several workers.
 */
public interface ShellRunner {

    /**
     * One shell function of a task to run.
     *
     * @param task the task's label ({@code recipe:do_task}), for messages
     * @param function the function's name
     * @param script the run script (absolute, executable, under {@code logDir})
     * @param environment the whole environment of the script
     * @param workingDirectory where it starts
     * @param writable the directories it may write (existing), which are also what it produces
     * @param readOnly further paths it may read (existing)
     * @param network whether it may reach the network ({@code [network] = "1"})
     * @param log the task's log, which receives the script's stdout and stderr
     * @param logDir the task's log directory {@code T}, inside a writable directory: never part of what the function
     *     produces
     * @param busy the work directories of other recipes whose tasks run at the moment: what is in them is in flux and
     *     no task may rely on it (BitBake's tasks see other recipes' results only through sysroots and deploy
     *     directories), so a remote input tree leaves them out
     */
    record ShellCall(String task, String function, Path script, Map<String, String> environment,
            Path workingDirectory, List<Path> writable, List<Path> readOnly, boolean network, Path log, Path logDir,
            List<Path> busy) {
        /** Copies the collections and checks for nulls. */
        public ShellCall {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(script, "script");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            writable = List.copyOf(writable);
            readOnly = List.copyOf(readOnly);
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(logDir, "logDir");
            busy = List.copyOf(busy);
        }
    }

    /**
     * How a shell function ended.
     *
     * @param status its shell status: 0 on success, else the exit code (128 + N for signal N)
     * @param remote whether it ran on a remote executor
     */
    record ShellResult(int status, boolean remote) {
        /** Whether it succeeded. */
        public boolean success() {
            return status == 0;
        }
    }

    /**
     * Runs one shell function; a failing script is an unsuccessful result, not an exception.
     *
     * @throws IOException when it cannot be run (the sandbox cannot start, the executor fails), naming the task
     * @throws InterruptedException if interrupted; the run is stopped
     */
    ShellResult run(ShellCall call) throws IOException, InterruptedException;

    /** Runs shell functions in the local sandbox. */
    static LocalShellRunner local(dev.bitzel.sandbox.Sandbox sandbox) {
        return new LocalShellRunner(sandbox);
    }
}
