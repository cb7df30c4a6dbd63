package dev.bitzel.parser.internal.bb;

import dev.bitzel.parser.internal.python.Exceptions;
import dev.bitzel.parser.internal.python.HostAccess;
import dev.bitzel.parser.internal.python.Ops;
import dev.bitzel.parser.internal.python.PyNone;
import dev.bitzel.parser.internal.python.PyTuple;
import dev.bitzel.parser.internal.python.PythonError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commands BitBake's metadata really runs while parsing, through {@code bb.process.run}: only {@code git}
 * queries of a layer's checkout ({@code oe.buildcfg.detect_branch} and friends). Outside a git work tree the
 * answer is what git gives there (exit code 128, "not a git repository") without starting a process; inside
 * one git runs. Any other command is an error naming it: parsing must not depend on the host's tools.
 */
final class ParseTimeProcess {
    private ParseTimeProcess() {}

    static final String NOT_A_REPOSITORY = "fatal: not a git repository (or any of the parent directories): .git\n";

    /** {@code (exitcode, stdout, stderr)} of {@code cmd} run in {@code cwd}. */
    static Object run(Object cmd, Object cwd, Object stderrOption) {
        List<String> argv = new ArrayList<>();
        String shown;
        if (cmd instanceof String s) {
            shown = s;
            for (String w : s.trim().split("\\s+")) {
                if (w.matches(".*[|;&<>$`'\"\\\\*?].*")) {
                    throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: bb.process.run of shell command '"
                            + s + "' at parse time");
                }
                argv.add(w);
            }
        } else {
            for (Object o : Ops.toList(cmd)) {
                argv.add(Ops.str(o));
            }
            shown = String.join(" ", argv);
        }
        if (argv.isEmpty() || !argv.get(0).equals("git")) {
            throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: bb.process.run('" + shown
                    + "') at parse time (only git queries of a layer are supported)");
        }
        Path dir = Path.of(cwd == null || cwd == PyNone.NONE ? System.getProperty("user.dir") : Ops.str(cwd));
        boolean merge = stderrOption instanceof Long l && l == -2L;
        String described = null;
        try {
            PyTuple result = run(argv, dir, merge, shown);
            described = describe(result);
            return result;
        } catch (PythonError e) {
            described = "error: " + e.pythonMessage();
            throw e;
        } finally {
            HostAccess.commandRun(List.copyOf(argv), dir.toAbsolutePath().toString(), merge, described);
        }
    }

    /** The result of a command as text, for comparing two runs. */
    static String describe(PyTuple result) {
        return result.asList().toString();
    }

    /** Runs a recorded command again and describes its result as {@link HostAccess} reported it. */
    static String rerun(List<String> argv, String cwd, boolean merge) {
        try {
            return describe(run(argv, Path.of(cwd), merge, String.join(" ", argv)));
        } catch (PythonError e) {
            return "error: " + e.pythonMessage();
        }
    }

    /** Runs {@code argv} (a git query) in {@code dir} as {@link #run(Object, Object, Object)} does. */
    static PyTuple run(List<String> argv, Path dir, boolean merge, String shown) {
        if (!Files.isDirectory(dir)) {
            throw PythonError.of(Exceptions.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + dir + "'");
        }
        if (!insideGitWorkTree(dir)) {
            return PyTuple.of(128L, "", NOT_A_REPOSITORY);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(merge);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = merge ? new byte[0] : p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: '" + shown + "' did not finish in 60 s");
            }
            return PyTuple.of((long) p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return PyTuple.of(127L, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: interrupted while running '" + shown + "'");
        }
    }

    /** Whether git would find a repository from {@code dir}: a {@code .git} entry here or in a parent. */
    static boolean insideGitWorkTree(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }
}
