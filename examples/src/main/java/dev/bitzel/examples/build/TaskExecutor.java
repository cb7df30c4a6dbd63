package dev.bitzel.examples.build;

import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.EnvironmentWriter;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.data.TaskServices;
import dev.bitzel.parser.data.UncheckedExpansionException;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Runs one BitBake task of a recipe the way {@code bb.build.exec_task} does: {@code [cleandirs]} emptied,
 * {@code [dirs]} created (the last one is the working directory), {@code [prefuncs]}, the task function and
 * {@code [postfuncs]} run in order, shell functions from a {@code run.do_TASK.PID} script holding the exported
 * variables and every shell function the task calls, output to {@code log.do_TASK.PID}, with
 * {@code run.do_TASK} and {@code log.do_TASK} links in {@code T}.
 *
 * <p>Shell functions run in the sandbox: they see the host's system directories read-only, may write only the
 * recipe's {@code WORKDIR}, {@code TMPDIR}'s shared areas the task names in {@code [dirs]}/{@code [cleandirs]},
 * and reach the network only when the task sets {@code [network] = "1"}. Python functions run in-process
 * through the parser's {@link dev.bitzel.parser.data.PythonEvaluator}.
 *
 * <p>Thread-safe: each call works on its own recipe store copy, and calls that write the same directory (the
 * recipe's {@code WORKDIR}, a shared directory named in {@code [dirs]}) run one after the other, because a task's
 * result is what changed in those directories while it ran.
 */
public final class TaskExecutor {
    private final ShellRunner shell;
    private final List<Path> readOnly;
    private final SourceFetcher fetcher = new SourceFetcher();
    private final Map<Path, ReentrantLock> writers = new ConcurrentHashMap<>();
    /** The work directories of the tasks running now (each held by its task's lock). */
    private final Set<Path> busyWorkdirs = ConcurrentHashMap.newKeySet();

    /**
     * Creates an executor that runs shell functions in the local sandbox.
     *
     * @param sandbox runs shell functions
     * @param readOnly host paths every task may read (the layers, the download directory)
     */
    public TaskExecutor(Sandbox sandbox, List<Path> readOnly) {
        this(ShellRunner.local(sandbox), readOnly);
    }

    /**
     * Creates an executor.
     *
     * @param shell runs shell functions (locally or remotely)
     * @param readOnly host paths every task may read (the layers, the download directory)
     */
    public TaskExecutor(ShellRunner shell, List<Path> readOnly) {
        this.shell = java.util.Objects.requireNonNull(shell, "shell");
        this.readOnly = List.copyOf(readOnly);
    }

    /**
     * How a task ended.
     *
     * @param success whether every function succeeded
     * @param exitCode the failing shell function's exit status, 1 for a Python failure, 0 on success
     * @param message why it failed, or empty
     * @param log the task's log file
     * @param changes what the task changed where it may write
     * @param remoteShellRuns how many of its shell functions ran on a remote executor
     */
    public record Outcome(boolean success, int exitCode, String message, Path log, OutputTracker.Changes changes,
            int remoteShellRuns) {
    }

    /**
     * Runs {@code task} of {@code recipe}.
     *
     * @return the outcome; a failing command is an unsuccessful outcome, not an exception
     * @throws IOException when the work tree cannot be prepared or the sandbox cannot start
     * @throws InterruptedException if interrupted; the sandbox is stopped
     */
    public Outcome run(Recipe recipe, String task) throws IOException, InterruptedException {
        return run(recipe, task, Path.of(recipe.file()).getFileName() + ":" + task);
    }

    /**
     * Runs {@code task} of {@code recipe}, naming it {@code label} in messages.
     *
     * @return the outcome; a failing command is an unsuccessful outcome, not an exception
     * @throws IOException when the work tree cannot be prepared or the sandbox cannot start
     * @throws InterruptedException if interrupted; the sandbox is stopped
     */
    public Outcome run(Recipe recipe, String task, String label) throws IOException, InterruptedException {
        DataStore d;
        synchronized (recipe) { // tasks of one recipe start on several workers; its store is not thread-safe
            d = recipe.data().createCopy();
        }
        try {
            d.setVar("BB_RUNTASK", task);
            Path t = Path.of(require(d, "T"));
            Files.createDirectories(t);
            long pid = ProcessHandle.current().pid();
            Path log = t.resolve("log." + task + "." + pid);
            relink(t.resolve("log." + task), log.getFileName());
            Files.writeString(log, "", StandardCharsets.UTF_8);
            String dl = d.getVar("DL_DIR");
            TaskRun run = new TaskRun(d, task, label, t, log, pid, dl == null || dl.isBlank() ? null
                    : Path.of(dl).toAbsolutePath().normalize());
            Path workdir = Path.of(require(d, "WORKDIR")).toAbsolutePath().normalize();
            run.tracker.track(workdir);
            List<String> functions = new ArrayList<>();
            functions.addAll(words(d.getVarFlag(task, "prefuncs", true)));
            functions.add(task);
            functions.addAll(words(d.getVarFlag(task, "postfuncs", true)));
            // Tasks that write the same directory (a recipe's WORKDIR, a shared deploy directory) take turns: what
            // each one changed there is measured by comparing the directory before and after it ran.
            TreeSet<Path> writes = new TreeSet<>(List.of(workdir));
            for (String func : functions) {
                for (String flag : List.of("dirs", "cleandirs")) {
                    for (String dir : words(d.getVarFlag(func, flag, true))) {
                        Path p = Path.of(dir).toAbsolutePath().normalize();
                        if (!p.equals(run.dlDir) && !p.startsWith(workdir)) {
                            writes.add(p);
                        }
                    }
                }
            }
            boolean marked = false;
            List<ReentrantLock> held = new ArrayList<>();
            try {
                for (Path p : writes) {
                    ReentrantLock lock = writers.computeIfAbsent(p, k -> new ReentrantLock());
                    lock.lockInterruptibly();
                    held.add(lock);
                }
                marked = busyWorkdirs.add(workdir);
                for (String func : functions) {
                    String failure = run.function(d, func);
                    if (failure != null) {
                        return new Outcome(false, run.exitCode, failure, log, run.tracker.changes(), run.remoteRuns);
                    }
                }
                return new Outcome(true, 0, "", log, run.tracker.changes(), run.remoteRuns);
            } finally {
                if (marked) {
                    busyWorkdirs.remove(workdir);
                }
                held.forEach(ReentrantLock::unlock);
            }
        } catch (ExpansionException e) {
            throw new IOException(recipe.file() + ": " + task + ": " + e.getMessage(), e);
        }
    }

    /** One run of a task: its log, what it may write, and the build-time services its Python calls. */
    private final class TaskRun implements TaskServices {
        private final DataStore taskData;
        private final String task;
        private final String label;
        private final Path t;
        private final Path log;
        private final long pid;
        private final Path dlDir; // null when DL_DIR is not set
        private final OutputTracker tracker;
        private int exitCode = 1;
        private int remoteRuns;

        TaskRun(DataStore taskData, String task, String label, Path t, Path log, long pid, Path dlDir) {
            this.taskData = taskData;
            this.task = task;
            this.label = label;
            this.t = t;
            this.log = log;
            this.pid = pid;
            this.dlDir = dlDir;
            this.tracker = new OutputTracker(t);
        }

        /** Runs one function of the task; returns null on success, else why it failed (written to the log). */
        String function(DataStore d, String func) throws ExpansionException, IOException, InterruptedException {
            for (String dir : words(d.getVarFlag(func, "cleandirs", true))) {
                tracker.cleaned(Path.of(dir));
                deleteTree(Path.of(dir));
                Files.createDirectories(Path.of(dir));
            }
            List<String> dirs = words(d.getVarFlag(func, "dirs", true));
            for (String dir : dirs) {
                if (dlDir == null || !Path.of(dir).toAbsolutePath().normalize().equals(dlDir)) {
                    tracker.track(Path.of(dir)); // downloads are tracked one by one as the fetcher writes them
                }
                Files.createDirectories(Path.of(dir));
            }
            Path cwd = dirs.isEmpty() ? null : Path.of(dirs.get(dirs.size() - 1));
            String body = d.getVar(func, false);
            if (body == null || body.isBlank()) {
                return null;
            }
            Path runfile = t.resolve("run." + func + "." + pid);
            if (func.equals(task)) {
                relink(t.resolve("run." + task), runfile.getFileName());
            }
            if (d.getVarFlag(func, "python", false) != null) {
                Files.writeString(runfile, "def " + func + "(d):\n" + body + "\n" + func + "(d)\n",
                        StandardCharsets.UTF_8);
                try {
                    d.python().runTaskFunction(func, body, d, String.valueOf(d.getVarFlag(func, "filename", false)),
                            lineOf(d, func), this);
                    return null;
                } catch (PythonException e) {
                    String failure = "Python function " + func + " failed: " + e.getMessage();
                    message("error", e.getMessage());
                    exitCode = 1;
                    return failure;
                }
            }
            StringBuilder script = new StringBuilder(ShellScripts.TRAP_CODE);
            // BitBake's worker sets the task's [umask] (else BB_DEFAULT_UMASK, else 022) before running it
            script.append("umask ").append(umask()).append('\n');
            EnvironmentWriter.writeFunction(d, func, script);
            if (cwd != null) {
                script.append("cd '").append(cwd).append("'\n");
            }
            script.append(func).append('\n').append(ShellScripts.CLEANUP);
            Files.writeString(runfile, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(runfile, PosixFilePermissions.fromString("rwxrwxr-x"));
            Path workdir = Path.of(require(d, "WORKDIR"));
            List<Path> writable = new ArrayList<>();
            for (Path out : tracker.roots()) {
                if (Files.isDirectory(out)) {
                    writable.add(out);
                }
            }
            ShellRunner.ShellResult result = shell.run(new ShellRunner.ShellCall(label, func, runfile,
                    Map.of("HOME", workdir.toString(), "PATH", "/usr/local/bin:/usr/bin:/bin"),
                    cwd != null ? cwd : workdir, writable, readOnly, network(), log, t, busyOthers(workdir)));
            if (result.remote()) {
                remoteRuns++;
            }
            if (!result.success()) {
                exitCode = result.status();
                return "Execution of '" + runfile + "' failed with exit code " + result.status();
            }
            return null;
        }

        private String umask() throws ExpansionException, IOException {
            String umask = taskData.getVarFlag(task, "umask", true);
            if (umask == null || umask.isBlank()) {
                umask = taskData.getVar("BB_DEFAULT_UMASK");
            }
            umask = umask == null || umask.isBlank() ? "022" : umask.trim();
            if (!umask.matches("0?[0-7]{3}")) {
                throw new IOException(task + "[umask] is not an octal mask: '" + umask + "'");
            }
            return umask;
        }

        private boolean network() {
            try {
                return isTrue(taskData.getVarFlag(task, "network", true));
            } catch (ExpansionException e) {
                throw new UncheckedExpansionException(e);
            }
        }

        private SourceFetcher.Policy policy() {
            return new SourceFetcher.Policy(network(), line -> append(line));
        }

        @Override
        public void execFunction(String function, DataStore d) throws IOException, InterruptedException {
            String failure;
            try {
                failure = function(d, function);
            } catch (ExpansionException e) {
                throw new IOException(function + ": " + e.getMessage(), e);
            }
            if (failure != null) {
                append("ERROR: " + failure);
                throw new IOException(failure);
            }
        }

        @Override
        public String localPath(SourceUrl url, DataStore d) throws IOException {
            return fetcher.localPath(url, d);
        }

        @Override
        public void download(SourceUrl url, String localPath, List<SourceUrl> premirrors, List<SourceUrl> mirrors,
                DataStore d) throws IOException, InterruptedException {
            if (!url.scheme().equals("file")) {
                tracker.track(Path.of(localPath));
                tracker.track(Path.of(localPath + ".done"));
            }
            fetcher.download(url, localPath, premirrors, mirrors, d, policy());
        }

        @Override
        public void unpack(SourceUrl url, String localPath, String root, DataStore d)
                throws IOException, InterruptedException {
            tracker.track(Path.of(root));
            fetcher.unpack(url, localPath, root, d, policy());
        }

        @Override
        public void message(String level, String text) {
            String prefix = switch (level) {
                case "plain" -> "";
                case "warn" -> "WARNING: ";
                case "error", "fatal" -> "ERROR: ";
                case "debug" -> "DEBUG: ";
                default -> "NOTE: ";
            };
            append(prefix + text);
        }

        private void append(String line) {
            try {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the task log " + log, e);
            }
        }
    }

    /** The work directories other tasks are writing now: not {@code own}, nor one holding or inside it. */
    private List<Path> busyOthers(Path own) {
        Path mine = own.toAbsolutePath().normalize();
        return busyWorkdirs.stream().filter(p -> !p.startsWith(mine) && !mine.startsWith(p)).toList();
    }

    private static int lineOf(DataStore d, String func) throws ExpansionException {
        String line = d.getVarFlag(func, "lineno", false);
        try {
            return line == null ? 0 : Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void relink(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
    }

    private static String require(DataStore d, String var) throws ExpansionException, IOException {
        String v = d.getVar(var);
        if (v == null || v.isBlank()) {
            throw new IOException(var + " is not set");
        }
        return v;
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    /** Deletes a directory tree without following symbolic links. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
