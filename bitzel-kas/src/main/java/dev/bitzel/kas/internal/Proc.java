package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs an external command (git, hg, gpg, the init script, bitbake) and captures what it prints. */
public final class Proc {
    private Proc() {
    }

    /** Exit status and captured output of one command; rc 127 when the program could not be started. */
    public record Result(int rc, String out, String err) {
        public boolean ok() {
            return rc == 0;
        }
    }

    /** Runs {@code cmd} in {@code dir} with exactly {@code env}, capturing stdout and stderr. */
    public static Result run(List<String> cmd, Path dir, Map<String, String> env) {
        return run(cmd, dir, env, null);
    }

    /** Like {@link #run(List, Path, Map)}, feeding {@code stdin} (null: /dev/null) to the command. */
    public static Result run(List<String> cmd, Path dir, Map<String, String> env, byte[] stdin) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, "", "cannot run " + cmd.get(0) + ": " + e.getMessage());
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            t.join();
            return new Result(rc, out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to " + cmd.get(0), e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    /**
     * kas' {@code run_cmd(fail=True)}: a failing command logs its stderr as an error and is a user error
     * ({@code Command "..." failed with error N}).
     */
    public static Result check(Log log, List<String> cmd, Path dir, Map<String, String> env) {
        log.debug(dir + "$ " + String.join(" ", cmd));
        Result r = run(cmd, dir, env);
        if (!r.ok()) {
            if (!r.err().isEmpty()) {
                log.error(("Command \"" + dir + "$ " + String.join(" ", cmd) + "\" failed:\n" + r.err())
                        .replaceAll("\n+$", ""));
            }
            throw new CommandFailed(cmd, r.rc());
        }
        return r;
    }

    /** kas' {@code CommandExecError}: a command kas needed failed (a user error, exit 2). */
    public static final class CommandFailed extends KasException {
        private static final long serialVersionUID = 1L;
        /** The command's exit status. */
        public final int rc;

        public CommandFailed(List<String> cmd, int rc) {
            super(commandFailed(cmd, rc));
            this.rc = rc;
        }
    }

    /** kas' {@code CommandExecError} text. */
    public static String commandFailed(List<String> cmd, int rc) {
        StringBuilder sb = new StringBuilder();
        for (String c : cmd) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(c.contains(" ") ? "'" + c + "'" : c);
        }
        return "Command \"" + sb + "\" failed with error " + rc;
    }

    /** Runs {@code cmd} with inherited stdin/stdout/stderr; answers the exit status. */
    public static int runInherit(List<String> cmd, Path dir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process died; what it said until then is what there is
            out.writeBytes(("\n(stderr cut: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
        }
    }
}
