package dev.bitzel.examples.build;

import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.EnvironmentWriter;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.sandbox.NetworkPolicy;
import dev.bitzel.sandbox.Sandbox;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p>Thread-safe: each call works on its own recipe store copy.
 */
public final class TaskExecutor {
    private final Sandbox sandbox;
    private final List<Path> readOnly;

    /**
     * Creates an executor.
     *
     * @param sandbox runs shell functions
     * @param readOnly host paths every task may read (the layers, the download directory)
     */
    public TaskExecutor(Sandbox sandbox, List<Path> readOnly) {
        this.sandbox = sandbox;
        this.readOnly = List.copyOf(readOnly);
    }

    /** How a task ended. */
    public record Outcome(boolean success, int exitCode, String message, Path log, List<Path> outputDirs) {
    }

    /**
     * Runs {@code task} of {@code recipe}.
     *
     * @return the outcome; a failing command is an unsuccessful outcome, not an exception
     * @throws IOException when the work tree cannot be prepared or the sandbox cannot start
     * @throws InterruptedException if interrupted; the sandbox is stopped
     */
    public Outcome run(Recipe recipe, String task) throws IOException, InterruptedException {
        DataStore d = recipe.data().createCopy();
        try {
            d.setVar("BB_RUNTASK", task);
            Path t = Path.of(require(d, "T"));
            Files.createDirectories(t);
            long pid = ProcessHandle.current().pid();
            Path log = t.resolve("log." + task + "." + pid);
            relink(t.resolve("log." + task), log.getFileName());
            List<Path> outputs = new ArrayList<>();
            outputs.add(Path.of(require(d, "WORKDIR")));
            Files.writeString(log, "", StandardCharsets.UTF_8);
            List<String> functions = new ArrayList<>();
            functions.addAll(words(d.getVarFlag(task, "prefuncs", true)));
            functions.add(task);
            functions.addAll(words(d.getVarFlag(task, "postfuncs", true)));
            for (String func : functions) {
                Outcome failed = runFunction(d, func, task, t, log, pid, outputs);
                if (failed != null) {
                    return failed;
                }
            }
            return new Outcome(true, 0, "", log, List.copyOf(outputs));
        } catch (ExpansionException e) {
            throw new IOException(recipe.file() + ": " + task + ": " + e.getMessage(), e);
        }
    }

    private Outcome runFunction(DataStore d, String func, String task, Path t, Path log, long pid,
            List<Path> outputs) throws ExpansionException, IOException, InterruptedException {
        for (String dir : words(d.getVarFlag(func, "cleandirs", true))) {
            deleteTree(Path.of(dir));
            Files.createDirectories(Path.of(dir));
            addOutput(outputs, Path.of(dir));
        }
        List<String> dirs = words(d.getVarFlag(func, "dirs", true));
        for (String dir : dirs) {
            Files.createDirectories(Path.of(dir));
            addOutput(outputs, Path.of(dir));
        }
        Path cwd = dirs.isEmpty() ? null : Path.of(dirs.get(dirs.size() - 1));
        String body = d.getVar(func, false);
        if (body == null || body.isBlank()) {
            return null;
        }
        boolean python = d.getVarFlag(func, "python", false) != null;
        Path runfile = t.resolve("run." + func + "." + pid);
        if (func.equals(task)) {
            relink(t.resolve("run." + task), runfile.getFileName());
        }
        if (python) {
            Files.writeString(runfile, "def " + func + "(d):\n" + body + "\n" + func + "(d)\n",
                    StandardCharsets.UTF_8);
            try {
                d.python().runAnonymous(func, body, d, String.valueOf(d.getVarFlag(func, "filename", false)),
                        lineOf(d, func));
                return null;
            } catch (PythonException e) {
                Files.writeString(log, "ERROR: " + e.getMessage() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                return new Outcome(false, 1, "Python function " + func + " failed: " + e.getMessage(), log,
                        List.copyOf(outputs));
            }
        }
        StringBuilder script = new StringBuilder(ShellScripts.TRAP_CODE);
        EnvironmentWriter.writeFunction(d, func, script);
        if (cwd != null) {
            script.append("cd '").append(cwd).append("'\n");
        }
        script.append(func).append('\n').append(ShellScripts.CLEANUP);
        Files.writeString(runfile, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(runfile, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path workdir = outputs.get(0);
        SandboxSpec.Builder spec = SandboxSpec.builder(runfile.toString())
                .env("HOME", workdir.toString())
                .env("PATH", "/usr/local/bin:/usr/bin:/bin")
                .network(isTrue(d.getVarFlag(task, "network", true)) ? NetworkPolicy.HOST : NetworkPolicy.NONE)
                .stdout(log).stderr(log)
                .workingDirectory(cwd != null ? cwd : workdir);
        for (Path out : outputs) {
            spec.writable(out);
        }
        for (Path ro : readOnly) {
            if (Files.exists(ro) && outputs.stream().noneMatch(ro::startsWith)) {
                spec.readOnly(ro);
            }
        }
        SandboxResult result = sandbox.run(spec.build());
        if (!result.success()) {
            return new Outcome(false, result.shellStatus(), "Execution of '" + runfile + "' failed with exit code "
                    + result.shellStatus(), log, List.copyOf(outputs));
        }
        return null;
    }

    private static int lineOf(DataStore d, String func) throws ExpansionException {
        String line = d.getVarFlag(func, "lineno", false);
        try {
            return line == null ? 0 : Integer.parseInt(line.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void addOutput(List<Path> outputs, Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if (outputs.stream().noneMatch(normal::startsWith)) {
            outputs.add(normal);
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
