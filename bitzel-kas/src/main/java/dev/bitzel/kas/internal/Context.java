package dev.bitzel.kas.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Where kas works and what the caller asked for: directories, environment, flags. */
public final class Context {
    public final Path cwd;
    public final Path workDir;
    public final Path buildDir;
    public final boolean buildDirFromEnv;
    public final Map<String, String> env;
    public final Log log;
    public boolean update;
    public boolean forceCheckout;
    /** lock/--update mode: floating refs are expected, no "unsafe" warnings. */
    public boolean quietFloating;
    public final Set<String> skip = new LinkedHashSet<>();
    private final Set<String> warnedOnce = new LinkedHashSet<>();

    public Context(Path cwd, Map<String, String> env, Log log) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.log = log;
        String wd = env.get("KAS_WORK_DIR");
        this.workDir = wd != null && !wd.isEmpty() ? this.cwd.resolve(wd).normalize() : this.cwd;
        String bd = env.get("KAS_BUILD_DIR");
        this.buildDirFromEnv = bd != null && !bd.isEmpty();
        this.buildDir = buildDirFromEnv ? this.cwd.resolve(bd).normalize() : workDir.resolve("build");
    }

    /** Logs a warning only the first time it is seen in this command (the repo loop revisits repos). */
    public void warnOnce(String msg) {
        if (warnedOnce.add(msg)) {
            log.warning(msg);
        }
    }

    /** The environment for git: the caller's, non-interactive. */
    public Map<String, String> gitEnv() {
        Map<String, String> e = new HashMap<>(env);
        e.put("GIT_TERMINAL_PROMPT", "0");
        e.remove("GIT_DIR");
        e.remove("GIT_WORK_TREE");
        return e;
    }
}
