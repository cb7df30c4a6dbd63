package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.build.BuildEnv;
import dev.bitzel.kas.internal.build.ConfWriter;
import dev.bitzel.kas.internal.config.ConfigFile;
import dev.bitzel.kas.internal.config.Emitter;
import dev.bitzel.kas.internal.config.IncludeHandler;
import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.GitRepo;
import dev.bitzel.kas.internal.repo.Repo;
import dev.bitzel.kas.internal.repo.Vcs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** One kas command over one configuration: loading, the repo loop, and what each command does after it. */
public final class Session implements AutoCloseable {
    private final Context ctx;
    private final List<Path> topFiles;
    private final Path topRepoPath;
    private final IncludeHandler includes;
    private final Map<Path, ConfigFile> cache = new HashMap<>();
    private Map<String, Object> config;
    private Map<String, Repo> repos;
    private List<ConfigFile> files;
    private final Set<String> dirty = new HashSet<>();
    private Path home;

    /**
     * Opens the configuration {@code FILE[:FILE...]} (or {@code <work>/.config.yaml} when null).
     */
    public Session(Context ctx, String configArg) {
        this.ctx = ctx;
        List<Path> tops = new ArrayList<>();
        if (configArg == null || configArg.isEmpty()) {
            tops.add(ctx.workDir.resolve(".config.yaml"));
        } else {
            for (String part : configArg.split(":")) {
                tops.add(ctx.cwd.resolve(part).normalize());
            }
        }
        this.topFiles = List.copyOf(tops);
        ConfigFile first = load(topFiles.get(0));
        Path root;
        if (first.data().get("_source_dir") instanceof String sd) {
            root = ctx.cwd.resolve(sd).normalize();
        } else {
            Path r0 = vcsRoot(topFiles.get(0).getParent());
            for (Path f : topFiles.subList(1, topFiles.size())) {
                if (!Files.isRegularFile(f)) {
                    throw new KasException("Configuration file not found: " + f);
                }
                if (!Objects.equals(r0, vcsRoot(f.getParent()))) {
                    throw new KasException("All concatenated config files must belong to the same repository or "
                            + "all must be outside of versioning control");
                }
            }
            root = r0 != null ? r0 : topFiles.get(0).getParent();
        }
        this.topRepoPath = root;
        this.includes = new IncludeHandler(topFiles, topRepoPath, ctx::warnOnce, this::load);
        if ("isar".equals(first.data().get("build_system"))) {
            ctx.log.warning("The semantics of build_system: isar might change in the future. "
                    + "Please use 'isar-privileged' or 'isar-rootless'.");
        }
        if (first.legacyVersionString()) {
            // kas 5.4 validates "0.10" but then fails converting it while merging (an internal error, exit 1)
            throw new IllegalStateException("invalid literal for int() with base 10: '0.10' (header.version in "
                    + first.path() + "; kas 5.4 cannot merge a \"0.10\" file, use version: 1)");
        }
    }

    private ConfigFile load(Path p) {
        return cache.computeIfAbsent(p.toAbsolutePath().normalize(), ConfigFile::load);
    }

    private Path vcsRoot(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        Proc.Result sup = Proc.run(List.of("git", "rev-parse", "--show-superproject-working-tree"), dir, ctx.gitEnv());
        if (sup.ok() && !sup.out().isBlank()) {
            return Path.of(sup.out().trim());
        }
        Proc.Result top = Proc.run(List.of("git", "rev-parse", "--show-toplevel"), dir, ctx.gitEnv());
        if (top.ok() && !top.out().isBlank()) {
            return Path.of(top.out().trim());
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".hg"))) {
                return d;
            }
        }
        return null;
    }

    /** The merged configuration (after {@link #setupRepos}). */
    public Map<String, Object> config() {
        return config;
    }

    private Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("kas-home-");
                Files.writeString(home.resolve(".gitconfig"),
                        "[user]\n\tname = kas User\n\temail = kas@example.com\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    @Override
    public void close() {
        if (home != null) {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp dir is harmless
            }
        }
    }

    /**
     * kas' repo loop: fetch repos needed by includes until every include can be read, then fetch all repos,
     * check them out and apply patches.
     */
    public void setupRepos(boolean checkout, boolean patches, boolean stripOverrides) {
        Map<String, Path> paths = new LinkedHashMap<>();
        List<String> previous = null;
        IncludeHandler.Result res;
        while (true) {
            res = includes.load(paths);
            if (res.missingRepos().isEmpty()) {
                break;
            }
            if (res.missingRepos().equals(previous)) {
                throw new KasException("Could not fetch all repos needed by includes. Missing repos: "
                        + String.join(", ", res.missingRepos()));
            }
            previous = res.missingRepos();
            Map<String, Repo> known = Repo.all(res.config(), ctx, topRepoPath);
            for (String id : res.missingRepos()) {
                Repo r = known.get(id);
                if (r == null) {
                    continue;
                }
                if (r.managed()) {
                    Vcs g = Vcs.of(r, ctx);
                    g.fetch();
                    g.checkout();
                }
                paths.put(id, r.path);
            }
        }
        config = res.config();
        files = res.files();
        if (config.containsKey("proxy_config")) {
            ctx.warnOnce("Obsolete 'proxy_config' detected. This has no effect and will be rejected soon. "
                    + "Proxies are taken from the environment.");
        }
        Map<String, Object> forRepos = config;
        if (stripOverrides) {
            forRepos = Values.stringKeys(config);
            forRepos.remove("overrides");
        }
        repos = Repo.all(forRepos, ctx, topRepoPath);
        for (Repo r : repos.values()) {
            if (r.managed()) {
                Vcs.of(r, ctx).fetch();
            }
        }
        for (Repo r : repos.values()) {
            if (r.managed()) {
                Vcs.of(r, ctx).verifySignature(config, repos, home());
            }
        }
        if (checkout) {
            for (Repo r : repos.values()) {
                if (r.managed() && !Vcs.of(r, ctx).checkout()) {
                    dirty.add(r.id);
                }
            }
        }
        if (patches) {
            for (Repo r : repos.values()) {
                if (r.managed() && !dirty.contains(r.id)) {
                    Vcs.of(r, ctx).applyPatches(repos, home());
                }
            }
        }
    }

    // ------------------------------------------------------------------ dump

    /** Options of {@code dump}. */
    public record DumpOptions(String format, int indent, boolean sort, boolean resolveRefs, boolean resolveLocal,
            boolean resolveEnv, boolean lock) {
    }

    public String dump(DumpOptions o) {
        if (o.resolveEnv() && o.lock()) {
            throw new KasException("dump: --resolve-env and --lock cannot be combined");
        }
        if (o.lock() && o.resolveLocal()) {
            throw new KasException("dump: --lock cannot be combined with --resolve-local");
        }
        setupRepos(true, false, false);
        Map<String, Object> out;
        if (o.lock()) {
            out = new LinkedHashMap<>();
            out.put("header", new LinkedHashMap<>(Map.of("version", 14)));
            Map<String, Object> lr = new LinkedHashMap<>();
            for (Repo r : repos.values()) {
                if (r.managed()) {
                    lr.put(r.id, new LinkedHashMap<>(Map.of("commit", Vcs.of(r, ctx).resolvedCommit())));
                }
            }
            out.put("overrides", new LinkedHashMap<>(Map.of("repos", lr)));
        } else {
            out = Values.stringKeys(config);
            Map<String, Object> outRepos = Values.map(out.get("repos"));
            if (o.resolveRefs()) {
                for (Repo r : repos.values()) {
                    Map<String, Object> rc = outRepos == null ? null : Values.map(outRepos.get(r.id));
                    if (r.managed() && rc != null) {
                        rc.put(r.refspec != null ? "refspec" : "commit", Vcs.of(r, ctx).resolvedCommit());
                    }
                }
                out.remove("overrides");
            }
            if (o.resolveLocal()) {
                for (Repo r : repos.values()) {
                    if (r.managed()) {
                        continue;
                    }
                    Proc.Result head = Proc.run(List.of("git", "rev-parse", "HEAD"), r.path, ctx.gitEnv());
                    if (!head.ok()) {
                        ctx.log.warning("Repository \"" + r.id + "\" is not under version control");
                        continue;
                    }
                    Map<String, Object> rc = Values.map(outRepos.get(r.id));
                    if (rc == null) {
                        rc = new LinkedHashMap<>();
                        outRepos.put(r.id, rc);
                    }
                    String origin = GitRepo.originOf(r.path, ctx);
                    if (origin != null) {
                        rc.put("url", origin);
                    }
                    rc.put("commit", head.out().trim());
                    Proc.Result st = Proc.run(List.of("git", "diff", "--stat", "HEAD"), r.path, ctx.gitEnv());
                    if (st.ok() && !st.out().isBlank()) {
                        ctx.log.warning("Repository \"" + r.id + "\" has uncommitted changes");
                    }
                }
            }
            if (o.resolveEnv()) {
                Map<String, Object> env = Values.map(out.get("env"));
                if (env != null) {
                    for (Map.Entry<String, Object> e : env.entrySet()) {
                        String caller = ctx.env.get(e.getKey());
                        if (caller != null) {
                            e.setValue(caller);
                        }
                    }
                }
            }
        }
        return render(out, o.format(), o.indent(), o.sort(), true);
    }

    private static String render(Map<String, Object> data, String format, int indent, boolean sort, boolean nl) {
        if ("json".equals(format)) {
            String s = Emitter.json(data, indent, sort);
            return nl ? s : s.substring(0, s.length() - 1);
        }
        return Emitter.yaml(data, indent, sort);
    }

    // ------------------------------------------------------------------ lock

    /** {@code kas lock}: answers the commit log of updated locks (stdout). */
    public String lock(boolean update, int indent, boolean sort) {
        ctx.quietFloating = true;
        ctx.update = update;
        setupRepos(true, false, update);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Repo r : repos.values()) {
            Map<String, Object> rc = Values.map(Values.get(config, "repos", r.id));
            boolean floating = r.managed() && (rc == null || rc.get("commit") == null);
            if (floating) {
                resolved.put(r.id, Vcs.of(r, ctx).resolvedCommit());
            }
        }
        StringBuilder log = new StringBuilder();
        Set<String> covered = new HashSet<>();
        for (ConfigFile f : files) {
            if (!f.path().getFileName().toString().contains(".lock.")) {
                continue;
            }
            Map<String, Object> lockRepos = Values.map(Values.get(f.data(), "overrides", "repos"));
            if (lockRepos == null) {
                continue;
            }
            boolean external = !f.path().startsWith(topRepoPath);
            Map<String, Object> data = Values.stringKeys(f.data());
            Map<String, Object> dataRepos = Values.map(Values.get(data, "overrides", "repos"));
            boolean changed = false;
            for (String id : lockRepos.keySet()) {
                if (!resolved.containsKey(id)) {
                    continue;
                }
                covered.add(id);
                Map<String, Object> entry = Values.map(dataRepos.get(id));
                String old = (String) entry.get("commit");
                if (!external && !resolved.get(id).equals(old)) {
                    entry.put("commit", resolved.get(id));
                    changed = true;
                    log.append(commitLog(repos.get(id), old, resolved.get(id)));
                }
            }
            if (changed) {
                writeLock(f.path(), data, indent, sort);
            }
        }
        List<String> uncovered = resolved.keySet().stream().filter(id -> !covered.contains(id)).toList();
        if (!uncovered.isEmpty()) {
            ctx.log.warning("The following repos are not covered by any lockfile. Adding to top lockfile: "
                    + String.join(", ", uncovered));
            Path top = IncludeHandler.lockFileOf(topFiles.get(0));
            Map<String, Object> data;
            if (Files.isRegularFile(top)) {
                data = Values.stringKeys(load(top).data());
            } else {
                data = new LinkedHashMap<>();
                data.put("header", new LinkedHashMap<>(Map.of("version", 14)));
            }
            Map<String, Object> ov = Values.map(data.computeIfAbsent("overrides", k -> new LinkedHashMap<>()));
            Map<String, Object> rs = Values.map(ov.computeIfAbsent("repos", k -> new LinkedHashMap<>()));
            for (String id : uncovered) {
                rs.put(id, new LinkedHashMap<>(Map.of("commit", resolved.get(id))));
            }
            writeLock(top, data, indent, sort);
        }
        return log.toString();
    }

    private String commitLog(Repo r, String from, String to) {
        if (from == null) {
            return "";
        }
        Proc.Result res = Proc.run(List.of("git", "log", "--oneline", "--no-decorate", from + ".." + to), r.path,
                ctx.gitEnv());
        // kas colours this log (blue header, yellow ids) whether or not stdout is a terminal
        StringBuilder sb = new StringBuilder("\u001b[34m@@ " + r.id + " commits diff @@\u001b[0m\n");
        if (res.ok()) {
            for (String line : res.out().split("\n")) {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    sb.append("\u001b[33m").append(line, 0, sp).append("\u001b[0m").append(line.substring(sp))
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static void writeLock(Path file, Map<String, Object> data, int indent, boolean sort) {
        String format = file.getFileName().toString().endsWith(".json") ? "json" : "yaml";
        try {
            Files.writeString(file, render(data, format, indent, sort, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write lock file " + file, e);
        }
    }

    // ------------------------------------------------------------------ checkout, build, shell

    /** Full checkout: repos, patches, environment, bblayers.conf/local.conf. Answers the build environment. */
    public Map<String, String> checkout(boolean keepConfig, List<String> cliTargets) {
        if (!ctx.skip.contains("setup_dir")) {
            try {
                ConfWriter.ensureCacheDirTag(ctx.buildDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the build directory " + ctx.buildDir, e);
            }
        }
        boolean doCheckout = !keepConfig && !ctx.skip.contains("repos_checkout");
        setupRepos(doCheckout, doCheckout && !ctx.skip.contains("repos_apply_patches"), false);
        Map<String, String> env = ctx.skip.contains("setup_environ") ? new LinkedHashMap<>(ctx.env)
                : BuildEnv.compute(config, repos.values(), ctx, home());
        if (!keepConfig && !ctx.skip.contains("write_bbconfig")) {
            writeConf(cliTargets);
        }
        return env;
    }

    private void writeConf(List<String> cliTargets) {
        String machine = envOr("KAS_MACHINE", config.get("machine") instanceof String m ? m : "qemux86-64");
        String distro = envOr("KAS_DISTRO", config.get("distro") instanceof String d ? d : "nodistro");
        ConfWriter.write(ctx.buildDir, ConfWriter.bblayers(config, repos.values(), ctx.buildDir),
                ConfWriter.localConf(config, targets(cliTargets), machine, distro));
    }

    private String envOr(String var, String fallback) {
        String v = ctx.env.get(var);
        return v != null && !v.isEmpty() ? v : fallback;
    }

    /** Effective targets: --target, else KAS_TARGET, else the config (default core-image-minimal). */
    public List<String> targets(List<String> cliTargets) {
        if (cliTargets != null && !cliTargets.isEmpty()) {
            return cliTargets;
        }
        String env = ctx.env.get("KAS_TARGET");
        if (env != null && !env.isBlank()) {
            return Arrays.asList(env.trim().split("\\s+"));
        }
        Object t = config.get("target");
        if (t instanceof String s) {
            return List.of(s);
        }
        if (t instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of("core-image-minimal");
    }

    /** {@code kas build}: checkout, then bitbake; bitbake's output goes to {@code progress}. */
    public void build(List<String> cliTargets, String cliTask, List<String> extraArgs, boolean keepConfig,
            PrintStream progress) {
        Map<String, String> env = checkout(keepConfig, cliTargets);
        String task = cliTask != null ? cliTask
                : envOr("KAS_TASK", config.get("task") instanceof String t ? t : "build");
        String bitbake = which("bitbake", env.get("PATH"));
        List<String> cmd = new ArrayList<>(List.of(bitbake, "-c", task));
        cmd.addAll(extraArgs);
        cmd.addAll(targets(cliTargets));
        Proc.Result r = Proc.run(cmd, ctx.buildDir, env);
        progress.print(r.out());
        progress.print(r.err());
        progress.flush();
        if (!r.ok()) {
            throw new KasException("Command \"" + shlexJoin(cmd) + "\" failed with error " + r.rc());
        }
    }

    /** {@code kas shell}: answers the shell's exit status. */
    public int shell(String command, boolean keepConfig) {
        Map<String, String> env = new LinkedHashMap<>(checkout(keepConfig, null));
        env.put("HISTFILE", ctx.workDir.resolve(".kas_shell_history").toString());
        String sh = ctx.env.getOrDefault("SHELL", "/bin/sh");
        List<String> cmd = command != null ? List.of(sh, "-c", command) : List.of(sh);
        return Proc.runInherit(cmd, ctx.buildDir, env);
    }

    /** {@code kas for-all-repos}: runs the command in every repo, in configuration order. */
    public void forAllRepos(String command, boolean keepConfig) {
        Map<String, String> base = checkout(keepConfig, null);
        for (Repo r : repos.values()) {
            Map<String, String> env = new LinkedHashMap<>(base);
            env.put("KAS_REPO_NAME", r.name);
            env.put("KAS_REPO_PATH", r.path.toString());
            env.put("KAS_REPO_URL", r.url == null ? "" : r.url);
            env.put("KAS_REPO_COMMIT", r.commit == null ? "" : r.commit);
            env.put("KAS_REPO_BRANCH", r.branch == null ? "" : r.branch);
            env.put("KAS_REPO_TAG", r.tag == null ? "" : r.tag);
            env.put("KAS_REPO_REFSPEC", r.refspec == null ? "" : r.refspec);
            int rc = Proc.runInherit(List.of("/bin/sh", "-c", command), r.path, env);
            if (rc != 0) {
                throw new KasException("Command \"" + shlexQuote(command) + "\" failed with error " + rc);
            }
        }
    }

    private static String which(String exe, String path) {
        if (path != null) {
            for (String dir : path.split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return exe;
    }

    static String shlexJoin(List<String> args) {
        return String.join(" ", args.stream().map(Session::shlexQuote).toList());
    }

    static String shlexQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        if (s.matches("[\\w@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    /**
     * The repo-removing part of {@code kas purge}: managed checkouts inside the work dir, their reference
     * repos, the build dir and kas' own files. Repos are located without fetching anything.
     */
    public void purge(dev.bitzel.kas.internal.build.Cleaner cleaner, boolean preserveRepoRefs) {
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, Repo> all = Repo.all(includes.load(paths).config(), ctx, topRepoPath);
        for (Repo r : all.values()) {
            if (!r.managed()) {
                continue;
            }
            if (!r.path.startsWith(ctx.workDir) || r.path.equals(ctx.workDir)) {
                ctx.log.warning("Not removing repository \"" + r.id + "\" at " + r.path
                        + ": it is outside of the work directory " + ctx.workDir);
                continue;
            }
            cleaner.remove(r.path);
            String refDir = ctx.env.get("KAS_REPO_REF_DIR");
            if (!preserveRepoRefs && refDir != null && !refDir.isEmpty()) {
                cleaner.remove(Path.of(refDir).resolve(GitRepo.qualifiedName(r.url)));
            }
        }
        if (ctx.buildDirFromEnv) {
            cleaner.emptyDir(ctx.buildDir);
        } else {
            cleaner.remove(ctx.buildDir);
        }
        cleaner.remove(ctx.workDir.resolve(".config.yaml"));
        cleaner.remove(ctx.workDir.resolve(".kas_shell_history"));
    }

    public Context context() {
        return ctx;
    }
}
