package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.build.Cleaner;
import dev.bitzel.kas.internal.config.Emitter;
import dev.bitzel.kas.internal.config.IncludeHandler;
import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What each kas command does after (or around) the setup steps of {@link Session}. */
public final class Commands {
    private Commands() {
    }

    // ------------------------------------------------------------------ checkout

    public static void checkout(Session s, String config) {
        s.open(config, null, null);
        s.setup();
    }

    // ------------------------------------------------------------------ dump

    /** Options of {@code dump}. */
    public record DumpOptions(boolean json, int indent, boolean sort, boolean resolveRefs, boolean resolveLocal,
            boolean resolveEnv, boolean lock) {
    }

    /** {@code kas dump}: answers what kas prints on stdout. */
    public static String dump(Session s, String configArg, DumpOptions o) {
        if (o.resolveEnv() && o.lock()) {
            throw new KasException("Invalid combination of arguments: --resolve-env cannot be used with --lock");
        }
        s.ctx.skip.addAll(List.of("setup_dir", "repos_apply_patches", "setup_environ", "write_bbconfig"));
        Config config = s.open(configArg, null, null);
        s.setup();
        if (o.resolveLocal() && o.lock()) {
            throw new KasException("Invalid combination of arguments: --resolve-local cannot be used with --lock");
        }
        Map<String, Repo> repos = new LinkedHashMap<>(config.repoDict);
        Map<String, Object> out;
        if (o.lock()) {
            out = new LinkedHashMap<>();
            out.put("header", new LinkedHashMap<>(Map.of("version", 14)));
            Map<String, Object> lr = new LinkedHashMap<>();
            repos.forEach((id, r) -> {
                if (r.managed()) {
                    lr.put(id, new LinkedHashMap<>(Map.of("commit", r.revision())));
                }
            });
            out.put("overrides", new LinkedHashMap<>(Map.of("repos", lr)));
        } else {
            out = config.getConfig(false);
            Map<String, Object> outRepos = Values.map(out.get("repos"));
            if (o.resolveRefs()) {
                repos.forEach((id, r) -> {
                    if (!r.managed()) {
                        return;
                    }
                    Map<String, Object> rc = outRepos == null ? null : Values.map(outRepos.get(id));
                    if (rc == null) {
                        return;
                    }
                    if (r.commit != null || r.branch != null || r.tag != null) {
                        rc.put("commit", r.revision());
                    } else if (r.refspec != null) {
                        rc.put("refspec", r.revision());
                    }
                });
                out.remove("overrides");
            }
            if (o.resolveLocal()) {
                repos.forEach((id, r) -> {
                    if (r.managed() || r.name == null) {
                        return;
                    }
                    if (r.revision() != null) {
                        if (r.dirty()) {
                            s.ctx.log.warning("Repository " + r.name + " (root repo) contains uncommitted changes.");
                        }
                        Map<String, Object> rc = Values.map(outRepos.get(id));
                        if (rc == null) {
                            rc = new LinkedHashMap<>();
                            outRepos.put(id, rc);
                        }
                        rc.put("url", r.url);
                        rc.put("commit", r.revision());
                    } else {
                        s.ctx.log.warning("Repository " + r.name + " (root repo) is not under version control.");
                    }
                });
            }
            if (o.resolveEnv() && out.containsKey("env")) {
                out.put("env", new LinkedHashMap<>(config.environment()));
            }
        }
        return render(out, o.json(), o.indent(), o.sort());
    }

    static String render(Map<String, Object> data, boolean json, int indent, boolean sort) {
        return json ? Emitter.json(data, indent, sort) : Emitter.yaml(data, indent, sort);
    }

    // ------------------------------------------------------------------ lock

    /** {@code kas lock}: answers the commit log of updated locks (kas prints it on stdout). */
    public static String lock(Session s, String configArg, int indent, boolean sort) {
        s.ctx.skip.addAll(List.of("setup_dir", "repos_apply_patches", "setup_environ", "write_bbconfig"));
        Config config = s.open(configArg, null, null);
        s.ctx.unpinnedRepoWarnings = false;
        s.setup();
        Map<String, Repo> toLock = new LinkedHashMap<>();
        config.repoDict.forEach((id, r) -> {
            if (r.managed() && r.commit == null) {
                toLock.put(id, r);
            }
        });
        if (toLock.isEmpty()) {
            s.ctx.log.info("No floating repos found. Nothing to lock.");
            return "";
        }
        StringBuilder log = new StringBuilder();
        Set<String> external = new LinkedHashSet<>();
        List<IncludeHandler.Loaded> lockfiles = config.lockfiles();
        for (IncludeHandler.Loaded lf : lockfiles) {
            updateLockfile(s.ctx, lf.path(), Values.stringKeys(lf.data()), lf.external(), toLock, external, true,
                    indent, sort, log);
        }
        external.forEach(toLock::remove);
        if (!toLock.isEmpty()) {
            s.ctx.log.warning("The following repos are not covered by any lockfile. Adding to top lockfile: "
                    + String.join(", ", toLock.values().stream().map(r -> r.name).toList()));
            Path lockPath = config.lockFilename();
            Map<String, Object> data;
            if (!lockfiles.isEmpty() && lockfiles.get(0).path().equals(lockPath)) {
                data = Values.stringKeys(lockfiles.get(0).data());
            } else {
                data = new LinkedHashMap<>();
                data.put("header", new LinkedHashMap<>(Map.of("version", 14)));
            }
            updateLockfile(s.ctx, lockPath, data, false, toLock, external, false, indent, sort, log);
        }
        return log.toString();
    }

    private static void updateLockfile(Context ctx, Path file, Map<String, Object> data, boolean isExternal,
            Map<String, Repo> toLock, Set<String> external, boolean updateOnly, int indent, boolean sort,
            StringBuilder log) {
        boolean changed = false;
        Map<String, Object> overrides = Values.map(data.get("overrides"));
        if (overrides == null) {
            overrides = new LinkedHashMap<>();
            data.put("overrides", overrides);
        }
        Map<String, Object> repos = Values.map(overrides.get("repos"));
        if (repos == null) {
            repos = new LinkedHashMap<>();
            overrides.put("repos", repos);
        }
        Map<String, Object> header = Values.map(data.get("header"));
        Object v = header.get("version");
        if (v instanceof Number n && n.intValue() < 14) {
            ctx.log.warning("Lockfile uses too-old header version (" + n + "). Updating to version 14");
            header.put("version", 14);
        }
        for (Map.Entry<String, Object> e : repos.entrySet()) {
            Repo r = toLock.get(e.getKey());
            if (r == null) {
                continue;
            }
            Map<String, Object> entry = Values.map(e.getValue());
            Object locked = entry.get("commit");
            if (r.revision().equals(locked) || (locked != null && locked.equals(r.revisionAnnotatedTag()))) {
                ctx.log.info("Lock of " + r.name + " is up-to-date: " + locked);
            } else if (!isExternal) {
                ctx.log.info("Updating lock of " + r.name + ": " + locked + " -> " + r.revision());
                log.append(commitLog(ctx, r, (String) locked));
                entry.put("commit", r.revision());
                changed = true;
            } else {
                ctx.log.warning("Repo " + r.name + " is locked in remote lockfile " + file + ". Not updating.");
                external.add(e.getKey());
                continue;
            }
            toLock.remove(e.getKey());
        }
        if (!updateOnly) {
            for (Map.Entry<String, Repo> e : toLock.entrySet()) {
                ctx.log.info("Adding lock of " + e.getValue().name + ": " + e.getValue().revision());
                repos.put(e.getKey(), new LinkedHashMap<>(Map.of("commit", e.getValue().revision())));
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        ctx.log.info("Updating lockfile " + relativeToCwd(ctx, file));
        try {
            Files.writeString(file, render(data, file.getFileName().toString().endsWith(".json"), indent, sort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lock file " + file, e);
        }
    }

    private static String relativeToCwd(Context ctx, Path file) {
        return ctx.cwd.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** kas lock's log of the commits a lock moved over (coloured, oneline), or "" when there is none. */
    private static String commitLog(Context ctx, Repo r, String from) {
        List<Repo.Commit> commits;
        try {
            commits = r.log(from, null);
        } catch (UnsupportedOperationException e) {
            return "";
        } catch (KasException e) {
            ctx.log.warning(e.getMessage());
            return "";
        }
        if (commits.isEmpty()) {
            return "";
        }
        Map<String, List<Repo.Commit>> vcs = new LinkedHashMap<>();
        vcs.put(r.name, commits);
        StringBuilder sb = new StringBuilder();
        Diff.formatText(null, null, Map.of(), vcs, true, false, true, false, sb::append);
        return sb.toString();
    }

    // ------------------------------------------------------------------ build, shell, for-all-repos

    /** Options of {@code build}. */
    public record BuildOptions(List<String> targets, String task, List<String> extraArgs, String provenance,
            boolean tty) {
    }

    /** {@code kas build}: setup, then bitbake in the build dir; with provenance the attestation after it. */
    public static void build(Session s, String configArg, BuildOptions o) {
        Config config = s.open(configArg, o.targets(), o.task());
        s.setup();
        Context ctx = s.ctx;
        String bitbake = findProgram(ctx.environ.getOrDefault("PATH", ""), "bitbake");
        if (bitbake == null) {
            throw new KasException("bitbake not found in PATH " + ctx.environ.getOrDefault("PATH", "")
                    + " of the build environment (is the init script's repo checked out?)");
        }
        List<String> cmd = new ArrayList<>(List.of(bitbake, "-c", config.task()));
        cmd.addAll(o.extraArgs());
        cmd.addAll(config.targets());
        LocalDateTime started = LocalDateTime.now();
        if (o.tty()) {
            ctx.log.info(ctx.buildDir + "$ " + String.join(" ", cmd));
            int rc = Proc.runInherit(cmd, ctx.buildDir, ctx.environ);
            if (rc != 0) {
                throw new Proc.CommandFailed(cmd, rc);
            }
        } else {
            runLogged(ctx, cmd, ctx.buildDir);
        }
        LocalDateTime finished = LocalDateTime.now();
        if (o.provenance() != null) {
            Provenance.write(s, started, finished, "mode=max".equals(o.provenance()), o);
        }
    }

    /** Runs a command relaying its stdout lines as INFO and its stderr lines as ERROR log lines, as they come. */
    static void runLogged(Context ctx, List<String> cmd, Path dir) {
        ctx.log.debug(dir + "$ " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(ctx.environ);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        }
        StringBuilder stderr = new StringBuilder();
        Thread err = new Thread(() -> relay(p.getErrorStream(), line -> {
            ctx.log.error(line.strip());
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        }));
        err.start();
        relay(p.getInputStream(), line -> ctx.log.info(line.strip()));
        try {
            int rc = p.waitFor();
            err.join();
            if (rc != 0) {
                if (stderr.length() > 0) {
                    ctx.log.error(("Command \"" + dir + "$ " + String.join(" ", cmd) + "\" failed:\n" + stderr)
                            .replaceAll("\n+$", ""));
                }
                throw new Proc.CommandFailed(cmd, rc);
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    private static void relay(InputStream in, Consumer<String> sink) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                sink.accept(line);
            }
        } catch (IOException e) {
            sink.accept("(output cut: " + e.getMessage() + ")");
        }
    }

    static String findProgram(String paths, String name) {
        for (String dir : paths.split(":", -1)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** {@code kas shell}: setup, then the shell; answers its exit status. */
    public static int shell(Session s, String configArg, String command) {
        Config config = s.open(configArg, null, null);
        s.setup();
        Context ctx = s.ctx;
        ctx.environ.put("GIT_TERMINAL_PROMPT", "true");
        ctx.log.info("To start the default build, run: bitbake -c " + config.task() + " "
                + String.join(" ", config.targets()));
        List<String> cmd = new ArrayList<>(List.of(ctx.environ.getOrDefault("SHELL", "/bin/sh")));
        if (command != null && !command.isEmpty()) {
            cmd.addAll(List.of("-c", command));
        }
        ctx.environ.put("HISTFILE", ctx.workDir.resolve(".kas_shell_history").toString());
        int rc = Proc.runInherit(cmd, ctx.buildDir, ctx.environ);
        if (rc != 0) {
            ctx.log.error("Shell returned non-zero exit status");
        }
        return rc;
    }

    /** {@code kas for-all-repos}: setup, then the command in every repo, in configuration order. */
    public static void forAllRepos(Session s, String configArg, String command) {
        Config config = s.open(configArg, null, null);
        s.setup();
        for (Repo r : config.getRepos()) {
            Map<String, String> env = new LinkedHashMap<>(s.ctx.environ);
            env.put("KAS_REPO_NAME", r.name);
            env.put("KAS_REPO_PATH", r.rawPath);
            env.put("KAS_REPO_URL", r.managed() ? r.url : "");
            env.put("KAS_REPO_COMMIT", r.managed() && r.commit != null ? r.commit : "");
            env.put("KAS_REPO_BRANCH", r.branch == null ? "" : r.branch);
            env.put("KAS_REPO_TAG", r.tag == null ? "" : r.tag);
            env.put("KAS_REPO_REFSPEC", r.refspec == null ? "" : r.refspec);
            s.ctx.log.info(r.rawPath + "$ " + command);
            int rc = Proc.runInherit(List.of("/bin/sh", "-c", command), r.path, env);
            if (rc != 0) {
                throw new Proc.CommandFailed(List.of(command), rc);
            }
        }
    }

    // ------------------------------------------------------------------ purge

    /**
     * {@code kas purge} after the clean steps: sets up the repos (without patches and build environment) to
     * find them, then removes the managed ones, their reference repos, the build dir's content and kas' files.
     */
    public static void purge(Session s, String configArg, Cleaner cleaner, boolean preserveRepoRefs) {
        s.ctx.skip.addAll(List.of("repos_apply_patches", "setup_environ"));
        Config config = s.open(configArg, null, null);
        s.setup();
        Context ctx = s.ctx;
        for (Repo r : config.getRepos()) {
            if (!r.managed()) {
                ctx.log.debug("Skipping " + r.name + " as not managed by kas");
                continue;
            }
            cleaner.remove(r.path);
            if (ctx.refDir != null && !preserveRepoRefs) {
                cleaner.remove(ctx.refDir.resolve(r.qualifiedName()));
            }
        }
        cleaner.emptyDir(ctx.buildDir);
        String buildtools = ctx.env.get("KAS_BUILDTOOLS_DIR");
        if (buildtools != null && !buildtools.isEmpty()) {
            cleaner.remove(ctx.cwd.resolve(buildtools).normalize());
        }
        cleaner.remove(ctx.workDir.resolve(Config.CONFIG_YAML_FILE));
        List<Path> managed = new ArrayList<>(ctx.managedPaths);
        managed.add(ctx.workDir.resolve(".kas_shell_history"));
        for (Path p : managed) {
            cleaner.remove(p);
        }
    }
}
