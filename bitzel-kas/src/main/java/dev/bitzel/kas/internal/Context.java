package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one kas command works with (kas' {@code Context}): the directories, the caller's environment, the
 * environment kas builds up for the processes it starts, and the flags of the command line.
 */
public final class Context {
    /** The directory kas was started in. */
    public final Path cwd;
    /** {@code KAS_WORK_DIR} (default: cwd), absolute and normalised. */
    public final Path workDir;
    /** {@code KAS_BUILD_DIR} (default: {@code <work>/build}), absolute and normalised. */
    public final Path buildDir;
    /** Whether the build dir was given by the caller (kas then never removes the directory itself). */
    public final boolean buildDirFromEnv;
    /** {@code KAS_REPO_REF_DIR}, absolute, or null. */
    public final Path refDir;
    /** {@code KAS_CLONE_DEPTH} (0: full clones). */
    public final int cloneDepth;
    /** The caller's environment; read only. */
    public final Map<String, String> env;
    /**
     * The environment of every process kas starts (kas' {@code ctx.environ}): locale, proxies, the temporary
     * HOME, and after {@code setup_environ} what the init script exported.
     */
    public final Map<String, String> environ = new LinkedHashMap<>();
    public final Log log;
    public boolean update;
    public boolean forceCheckout;
    /** Off for {@code lock} and {@code --update}: floating refs are expected there. */
    public boolean unpinnedRepoWarnings = true;
    public final Set<String> skip = new LinkedHashSet<>();
    /** Paths kas created and owns (key stores, the build dir when not given by the caller). */
    public final Set<Path> managedPaths = new LinkedHashSet<>();
    /** Repo names already warned about (kas warns once per process). */
    public final Set<String> legacyRefspecWarned = new LinkedHashSet<>();
    public final Set<String> noCommitWarned = new LinkedHashSet<>();
    private final Set<String> warnedOnce = new LinkedHashSet<>();

    public Context(Path cwd, Map<String, String> env, Log log) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.log = log;
        String wd = env.get("KAS_WORK_DIR");
        this.workDir = wd != null ? this.cwd.resolve(wd).normalize() : this.cwd;
        String bd = env.get("KAS_BUILD_DIR");
        this.buildDirFromEnv = bd != null && !bd.isEmpty();
        this.buildDir = bd != null ? this.cwd.resolve(bd).normalize() : workDir.resolve("build");
        String ref = env.get("KAS_REPO_REF_DIR");
        this.refDir = ref != null && !ref.isEmpty() ? this.cwd.resolve(ref).normalize() : null;
        String depth = env.getOrDefault("KAS_CLONE_DEPTH", "0");
        if (depth.isEmpty() || !depth.chars().allMatch(Character::isDigit)) {
            throw new KasException("KAS_CLONE_DEPTH must be a number");
        }
        int d;
        try {
            d = Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            d = Integer.MAX_VALUE;
        }
        this.cloneDepth = d;
        if (!buildDirFromEnv) {
            managedPaths.add(buildDir);
        }
        setupInitialEnviron();
        String containerVersion = env.get("KAS_CONTAINER_SCRIPT_VERSION");
        if (containerVersion != null && !containerVersion.isEmpty()
                && !containerVersion.equals(KasVersion.COMPATIBLE)) {
            log.warning("kas-container (" + containerVersion + ") and kas (" + KasVersion.COMPATIBLE
                    + ") versions do not match");
        }
    }

    /** kas' initial environment: a UTF-8 locale for known distros, proxies and a few build settings. */
    private void setupInitialEnviron() {
        List<String> bases = distroBases();
        for (String base : bases) {
            if (List.of("fedora", "suse", "opensuse").contains(base)) {
                environ.putAll(Map.of("LC_ALL", "en_US.utf8", "LANG", "en_US.utf8", "LANGUAGE", "en_US"));
                break;
            } else if (List.of("debian", "ubuntu", "gentoo", "arch").contains(base)) {
                environ.put("LC_ALL", "en_US.UTF-8");
                environ.put("LANG", "en_US.UTF-8");
                environ.put("LANGUAGE", "en_US:en");
                break;
            }
        }
        if (environ.isEmpty()) {
            log.warning("kas: No supported distros found in " + bases + ". No default locales set.");
        }
        for (String key : List.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "SSH_AUTH_SOCK",
                "BB_NUMBER_THREADS", "PARALLEL_MAKE")) {
            String v = env.get(key);
            if (v != null && !v.isEmpty()) {
                environ.put(key, v);
            }
        }
        if (managedEnv() == ManagedEnv.VSCODE_REMOTE_CONTAINERS) {
            env.forEach((k, v) -> {
                if (k.startsWith("REMOTE_CONTAINERS_")) {
                    environ.put(k, v);
                }
            });
        }
    }

    /** {@code distro.like() or distro.id()}, lower case, split at spaces (from /etc/os-release). */
    static List<String> distroBases() {
        Map<String, String> osRelease = osRelease();
        String like = osRelease.getOrDefault("ID_LIKE", "");
        String s = like.isEmpty() ? osRelease.getOrDefault("ID", "") : like;
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The fields of /etc/os-release (or /usr/lib/os-release), unquoted. */
    public static Map<String, String> osRelease() {
        Map<String, String> out = new HashMap<>();
        for (String f : List.of("/etc/os-release", "/usr/lib/os-release")) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        String v = line.substring(eq + 1).trim();
                        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"")
                                || v.startsWith("'") && v.endsWith("'"))) {
                            v = v.substring(1, v.length() - 1);
                        }
                        out.put(line.substring(0, eq).trim(), v);
                    }
                }
            } catch (IOException e) {
                // an unreadable os-release means "unknown distro", which kas handles with a warning
                continue;
            }
            break;
        }
        return out;
    }

    /** CI systems kas adapts to. */
    public enum ManagedEnv {
        GITHUB_ACTIONS("GitHub Actions"), GITLAB_CI("GitLab CI"), VSCODE_REMOTE_CONTAINERS("VSCode Remote Containers");

        private final String text;

        ManagedEnv(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The CI system kas runs in, or null. */
    public ManagedEnv managedEnv() {
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            return ManagedEnv.GITHUB_ACTIONS;
        }
        if ("true".equals(env.get("GITLAB_CI"))) {
            return ManagedEnv.GITLAB_CI;
        }
        if ("true".equals(env.get("REMOTE_CONTAINERS"))) {
            return ManagedEnv.VSCODE_REMOTE_CONTAINERS;
        }
        return null;
    }

    /** Logs a warning only the first time it is seen in this command. */
    public void warnOnce(String msg) {
        if (warnedOnce.add(msg)) {
            log.warning(msg);
        }
    }
}
