package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Config;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kas' {@code get_build_environ}: what the init script ({@code oe-init-build-env} or {@code isar-init-build-env},
 * found in exactly one repo) exports when sourced with only a minimal PATH, plus the {@code env} section and
 * the variables kas passes through from the caller.
 */
public final class BuildEnv {
    private BuildEnv() {
    }

    /** Name of the init script for a build system. */
    public static String initScript(String buildSystem) {
        return buildSystem.startsWith("isar") ? "isar-init-build-env" : "oe-init-build-env";
    }

    /** Sources the init script and answers the resulting build environment. */
    public static Map<String, String> compute(Config config, List<Repo> repos, Context ctx) {
        String script = initScript(config.buildSystem());
        Repo found = null;
        for (Repo r : repos) {
            if (Files.exists(Path.of(r.rawPath + "/" + script))) {
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
        String buildtoolsEnv = Buildtools.setup(config, ctx);
        Path tmp;
        try {
            tmp = Files.createTempDirectory("kas-env-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        Proc.Result r;
        try {
            Path log = ctx.log.debugEnabled() ? tmp.resolve(".init_script.log") : Path.of("/dev/null");
            Path getEnv = tmp.resolve("get_bb_env");
            Files.writeString(getEnv, "#!/bin/bash\nset -e\n" + buildtoolsEnv + "source " + script + " $1 > " + log
                    + "\nenv\n");
            getEnv.toFile().setExecutable(true);
            r = Proc.check(ctx.log, List.of(getEnv.toString(), ctx.buildDir.toString()), found.path,
                    Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
            if (ctx.log.debugEnabled() && Files.exists(log)) {
                ctx.log.debug((script + " output:\n" + Files.readString(log)).replaceAll("\n+$", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } finally {
            deleteQuietly(tmp);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq >= 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Map<String, String> confEnv = config.environment();
        List<String> envVars = new ArrayList<>(List.of("SSTATE_DIR", "SSTATE_MIRRORS", "DL_DIR", "TMPDIR"));
        envVars.addAll(confEnv.keySet());
        env.putAll(confEnv);
        if (env.get("BB_ENV_PASSTHROUGH_ADDITIONS") != null) {
            env.put("BB_ENV_PASSTHROUGH_ADDITIONS", env.get("BB_ENV_PASSTHROUGH_ADDITIONS") + " "
                    + String.join(" ", envVars));
        } else if (env.get("BB_ENV_EXTRAWHITE") != null) {
            env.put("BB_ENV_EXTRAWHITE", env.get("BB_ENV_EXTRAWHITE") + " " + String.join(" ", envVars));
        }
        envVars.addAll(List.of("SSH_AUTH_SOCK", "SHELL", "TERM", "GIT_PROXY_COMMAND", "NO_PROXY"));
        for (String v : envVars) {
            if (ctx.env.containsKey(v)) {
                env.put(v, ctx.env.get(v));
            }
        }
        env.values().removeIf(v -> v == null);
        return env;
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover file in the temp dir costs nothing; the result above does not depend on it
            return;
        }
    }
}
