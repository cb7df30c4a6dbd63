package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.config.ConfigFile;
import dev.bitzel.kas.internal.config.IncludeHandler;
import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * kas' {@code Config}: the command-line files, the include handler, the merged configuration and the repos
 * made from it (cached per configuration entry, as kas does, so that each is set up and warned about once).
 */
public final class Config {
    /** The file kas reads when no configuration is given, and that {@code kas menu} writes. */
    public static final String CONFIG_YAML_FILE = ".config.yaml";

    private final Context ctx;
    /** The command-line files, absolute. */
    public final List<Path> filenames;
    private final IncludeHandler handler;
    private final Map<Path, ConfigFile> fileCache;
    private final List<String> overrideTargets;
    private final String overrideTask;
    private Map<String, Object> config;
    private List<IncludeHandler.Loaded> files = List.of();
    /** The repos set up so far, by id (kas' {@code repo_dict}). */
    public final Map<String, Repo> repoDict = new LinkedHashMap<>();
    private final Map<String, Repo> repoCache = new HashMap<>();

    /**
     * Opens {@code FILE[:FILE...]} (or {@code <work>/.config.yaml} when null or empty).
     *
     * @param targets {@code build --target} values (null or empty: none)
     * @param task {@code build -c} (null: none)
     */
    public Config(Context ctx, String configArg, List<String> targets, String task, Map<Path, ConfigFile> cache) {
        this.ctx = ctx;
        this.fileCache = cache;
        this.overrideTargets = targets == null || targets.isEmpty() ? null : List.copyOf(targets);
        this.overrideTask = task;
        List<Path> tops = new ArrayList<>();
        if (configArg == null || configArg.isEmpty()) {
            tops.add(ctx.workDir.resolve(CONFIG_YAML_FILE));
        } else {
            for (String part : configArg.split(":", -1)) {
                tops.add(ctx.cwd.resolve(part).normalize());
            }
        }
        this.filenames = List.copyOf(tops);
        Path topRepo = Repo.rootPath(ctx, filenames.get(0).getParent(), true);
        this.handler = new IncludeHandler(filenames, topRepo, ctx::warnOnce, this::load, ctx.cwd)
                .useLock(!ctx.update);
        if (ctx.update) {
            ctx.unpinnedRepoWarnings = false;
        }
    }

    private ConfigFile load(Path p) {
        Path key = p.toAbsolutePath().normalize();
        ConfigFile cf = fileCache.get(key);
        if (cf == null) {
            cf = ConfigFile.load(key);
            fileCache.put(key, cf);
            Object proxy = cf.data().get("proxy_config");
            if (proxy instanceof Map<?, ?> m && !m.isEmpty()) {
                ctx.log.warning("Obsolete proxy_config detected. This has no effect and will be rejected soon.");
            }
            if ("isar".equals(cf.data().get("build_system")) && key.equals(filenames.get(0))) {
                ctx.warnOnce("The semantics of build_system: isar might change in the future. Please use "
                        + "'isar-privileged' or 'isar-rootless'.");
            }
        }
        return cf;
    }

    /** The root of the repository of the first file (or its directory), which string includes start from. */
    public Path topRepoPath() {
        return handler.topRepoPath();
    }

    /** kas' {@code ensure_from_same_repo}: all command-line files in one repository, or all outside VCS. */
    private void ensureFromSameRepo() {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path f : filenames) {
            roots.add(Repo.rootPath(ctx, f.getParent(), false));
        }
        if (roots.size() > 1) {
            throw new KasException("All concatenated config files must belong to the same repository or all must be "
                    + "outside of versioning control");
        }
    }

    /** Merges the configuration with the repo checkouts known so far; answers the repos includes still need. */
    public List<String> findMissingRepos(Map<String, Path> repoPaths) {
        if (filenames.size() > 1) {
            ensureFromSameRepo();
        }
        IncludeHandler.Result r = handler.load(repoPaths);
        config = r.config();
        files = r.files();
        return r.missingRepos();
    }

    private Map<String, Object> config() {
        if (config == null) {
            throw new IllegalStateException("Config has not been imported yet.");
        }
        return config;
    }

    /** Whether the configuration has been read (kas' {@code init_setup_repos} ran). */
    public boolean loaded() {
        return config != null;
    }

    /**
     * A copy of the merged configuration, {@code header.includes} removed; with {@code applyOverrides} the
     * top-level {@code overrides} replace the keys they name (kas does a shallow {@code dict.update}).
     */
    public Map<String, Object> getConfig(boolean applyOverrides) {
        Map<String, Object> c = Values.stringKeys(config());
        Map<String, Object> header = Values.map(c.get("header"));
        if (header != null) {
            header.remove("includes");
        }
        if (applyOverrides) {
            Map<String, Object> overrides = Values.map(c.get("overrides"));
            if (overrides != null && !overrides.isEmpty()) {
                c.putAll(overrides);
                c.remove("overrides");
            }
        }
        return c;
    }

    /** The merged tree (not a copy). */
    public Map<String, Object> raw() {
        return config();
    }

    /** The files of the last merge, in merge order. */
    public List<IncludeHandler.Loaded> files() {
        return files;
    }

    /** The lock files of the last merge. */
    public List<IncludeHandler.Loaded> lockfiles() {
        return files.stream().filter(IncludeHandler.Loaded::lockfile).toList();
    }

    /** {@code <first file>.lock.<ext>}. */
    public Path lockFilename() {
        return IncludeHandler.lockFileOf(filenames.get(0));
    }

    /** The {@code repos} mapping. */
    public Map<String, Object> reposConfig() {
        return Values.mapOrEmpty(config().get("repos"));
    }

    /** The repo for one id, created once per distinct configuration of it. */
    public Repo getRepo(String id) {
        Map<String, Object> defaults = Values.mapOrEmpty(Values.get(config(), "defaults", "repos"));
        Map<String, Object> overrides = Values.mapOrEmpty(Values.get(config(), "overrides", "repos", id));
        Map<String, Object> rc = Values.mapOrEmpty(reposConfig().get(id));
        String key = canonical(List.of(id, rc, defaults, String.valueOf(topRepoPath()), overrides));
        Repo r = repoCache.get(key);
        if (r == null) {
            r = Repo.create(ctx, id, rc, defaults, topRepoPath(), overrides);
            repoCache.put(key, r);
        }
        return r;
    }

    /** Every repo of the configuration, in configuration order (also refreshes {@link #repoDict}). */
    public List<Repo> getRepos() {
        Map<String, Repo> all = new LinkedHashMap<>();
        for (String id : reposConfig().keySet()) {
            all.put(id, getRepo(id));
        }
        repoDict.clear();
        repoDict.putAll(all);
        return new ArrayList<>(all.values());
    }

    private static String canonical(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                sb.append(canonical(String.valueOf(e.getKey()))).append(':').append(canonical(e.getValue())).append(',');
            }
            return sb.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object x : l) {
                sb.append(canonical(x)).append(',');
            }
            return sb.append(']').toString();
        }
        if (o instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(o);
    }

    /** {@code build_system}, with {@code isar} read as {@code isar-privileged}. */
    public String buildSystem() {
        Object bs = config().getOrDefault("build_system", "openembedded");
        return "isar".equals(bs) ? "isar-privileged" : (String) bs;
    }

    /** Targets: {@code --target}, else {@code KAS_TARGET}, else the configuration (default core-image-minimal). */
    public List<String> targets() {
        if (overrideTargets != null) {
            return overrideTargets;
        }
        List<String> env = Arrays.stream(ctx.env.getOrDefault("KAS_TARGET", "").split("\\s+"))
                .filter(s -> !s.isEmpty()).toList();
        if (!env.isEmpty()) {
            return env;
        }
        Object t = config().getOrDefault("target", "core-image-minimal");
        if (t instanceof List<?> l) {
            return l.stream().map(Object::toString).toList();
        }
        return List.of((String) t);
    }

    /** The task: {@code -c}, else {@code KAS_TASK} (even when empty), else the configuration (default build). */
    public String task() {
        if (overrideTask != null) {
            return overrideTask;
        }
        String env = ctx.env.get("KAS_TASK");
        return env != null ? env : (String) config().getOrDefault("task", "build");
    }

    /** {@code KAS_MACHINE} (even when empty), else the configuration (default qemux86-64). */
    public String machine() {
        String env = ctx.env.get("KAS_MACHINE");
        return env != null ? env : (String) config().getOrDefault("machine", "qemux86-64");
    }

    /** {@code KAS_DISTRO} (even when empty), else the configuration (default nodistro). */
    public String distro() {
        String env = ctx.env.get("KAS_DISTRO");
        return env != null ? env : (String) config().getOrDefault("distro", "nodistro");
    }

    /** The {@code env} section with the caller's values where set (null: only passed through). */
    public Map<String, String> environment() {
        Map<String, String> out = new LinkedHashMap<>();
        Values.mapOrEmpty(config().get("env")).forEach((k, v) -> out.put(k, ctx.env.containsKey(k) ? ctx.env.get(k)
                : (String) v));
        return out;
    }

    /** The {@code BBMULTICONFIG} words from {@code mc:}/{@code multiconfig:} targets, first appearance order. */
    public String multiconfig() {
        Set<String> mc = new LinkedHashSet<>();
        for (String t : targets()) {
            if (t.startsWith("multiconfig:") || t.startsWith("mc:")) {
                String[] parts = t.split(":", -1);
                mc.add(parts[1]);
            }
        }
        return String.join(" ", mc);
    }

    /** {@code # id\ntext\n} blocks of a header mapping, sorted by id. */
    public String confHeader(String key) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(Values.mapOrEmpty(config().get(key))).forEach((k, v) ->
                sb.append("# ").append(k).append('\n').append(v).append('\n'));
        return sb.toString();
    }

    /** One found artifact: its id and path relative to the build dir. */
    public record Artifact(String name, Path relPath) {
    }

    /**
     * The {@code artifacts} globs expanded below the build dir (Python's {@code Path.glob}).
     *
     * @param missingOk when false, a glob without any match is an error naming it
     */
    public List<Artifact> artifacts(boolean missingOk) {
        List<Artifact> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : Values.mapOrEmpty(config().get("artifacts")).entrySet()) {
            String glob = (String) e.getValue();
            List<Path> found = glob(ctx.buildDir, glob);
            if (!missingOk && found.isEmpty()) {
                throw new KasException("No artifact found for " + e.getKey() + ":\"" + glob + "\"");
            }
            for (Path p : found) {
                out.add(new Artifact(e.getKey(), ctx.buildDir.relativize(p)));
            }
        }
        return out;
    }

    /** {@code Path(base).glob(pattern)}: {@code **} spans directories, other parts match one name. */
    static List<Path> glob(Path base, String pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(base) || pattern.isEmpty()) {
            return out;
        }
        Path abs = Path.of(pattern);
        if (abs.isAbsolute()) {
            throw new KasException("Non-relative patterns are unsupported: artifact glob \"" + pattern + "\"");
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", "{,**/}"));
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(base) && m.matches(base.relativize(dir))) {
                        out.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (m.matches(base.relativize(file))) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + base + " for artifacts", e);
        }
        out.sort(null);
        return out;
    }

    /** The {@code buildtools} section, or null. */
    public Map<String, Object> buildtools() {
        return Values.map(config().get("buildtools"));
    }

    @Override
    public String toString() {
        return "Config" + filenames + (config == null ? " (not loaded)" : "");
    }
}
