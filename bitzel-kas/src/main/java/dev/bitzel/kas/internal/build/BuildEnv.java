package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment bitbake runs in: what the init script exports, plus kas' {@code env} section. */
public final class BuildEnv {
    private BuildEnv() {
    }

    /** Name of the init script for a build_system value. */
    public static String initScript(Object buildSystem) {
        return buildSystem instanceof String s && s.startsWith("isar") ? "isar-init-build-env" : "oe-init-build-env";
    }

    /** Sources the init script (found in exactly one repo) and answers the resulting environment. */
    public static Map<String, String> compute(Map<String, Object> config, Iterable<Repo> repos, Context ctx,
            Path home) {
        String script = initScript(config.get("build_system"));
        Repo found = null;
        for (Repo r : repos) {
            if (Files.exists(r.path.resolve(script))) {
                if (found != null) {
                    throw new KasException("Multiple init scripts found (" + r.name + " vs. " + found.name
                            + "). Resolve ambiguity by removing one of the repos");
                }
                found = r;
            }
        }
        if (found == null) {
            throw new KasException("Did not find any init-build-env script");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        clean.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        clean.put("HOME", home.toString());
        for (String k : List.of("LANG", "LANGUAGE", "LC_ALL", "SSH_AUTH_SOCK", "http_proxy", "https_proxy",
                "ftp_proxy", "no_proxy", "BB_NUMBER_THREADS", "PARALLEL_MAKE")) {
            if (ctx.env.containsKey(k)) {
                clean.put(k, ctx.env.get(k));
            }
        }
        Proc.Result r = Proc.run(List.of("/bin/bash", "-c",
                "set -e\nsource \"$1\" \"$2\" > /dev/null\nenv -0\n", "bash", "./" + script, ctx.buildDir.toString()),
                found.path, clean);
        if (!r.ok()) {
            throw new KasException("Sourcing " + found.path.resolve(script) + " failed (exit " + r.rc() + "): "
                    + r.err().trim());
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : r.out().split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        List<String> passthrough = new ArrayList<>(List.of("SSTATE_DIR", "SSTATE_MIRRORS", "DL_DIR", "TMPDIR"));
        for (Map.Entry<String, Object> e : Values.mapOrEmpty(config.get("env")).entrySet()) {
            passthrough.add(e.getKey());
            String caller = ctx.env.get(e.getKey());
            if (caller != null) {
                env.put(e.getKey(), caller);
            } else if (e.getValue() != null) {
                env.put(e.getKey(), e.getValue().toString());
            }
        }
        if (env.containsKey("BB_ENV_PASSTHROUGH_ADDITIONS")) {
            env.put("BB_ENV_PASSTHROUGH_ADDITIONS", env.get("BB_ENV_PASSTHROUGH_ADDITIONS") + " "
                    + String.join(" ", passthrough));
        } else if (env.containsKey("BB_ENV_EXTRAWHITE")) {
            env.put("BB_ENV_EXTRAWHITE", env.get("BB_ENV_EXTRAWHITE") + " " + String.join(" ", passthrough));
        }
        for (String k : List.of("SSH_AUTH_SOCK", "SHELL", "TERM", "GIT_PROXY_COMMAND", "NO_PROXY", "SSTATE_DIR",
                "SSTATE_MIRRORS", "DL_DIR", "TMPDIR")) {
            if (ctx.env.containsKey(k)) {
                env.put(k, ctx.env.get(k));
            }
        }
        return env;
    }
}
