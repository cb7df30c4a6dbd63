package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.internal.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** kas' clean, cleansstate, cleanall and the cleaning part of purge. */
public final class Cleaner {
    private final Context ctx;
    private final boolean dryRun;

    public Cleaner(Context ctx, boolean dryRun) {
        this.ctx = ctx;
        this.dryRun = dryRun;
        if (dryRun) {
            ctx.log.warning("Dry run, not removing anything");
        }
    }

    /** Level 0 = clean (tmp*), 1 = + sstate, 2 = + downloads; openembedded layout. */
    public void clean(int level) {
        clean(level, "openembedded");
    }

    /**
     * Level 0 = clean (tmp*), 1 = + sstate, 2 = + downloads. For the isar build systems the tmp dirs hold files
     * of other users and are removed as kas does: with {@code sudo rm -rf} (isar-privileged) or through
     * {@code unshare --map-root-user} (isar-rootless).
     */
    public void clean(int level, String buildSystem) {
        ctx.log.debug("Run clean in \"" + buildSystem + "\" mode");
        List<Path> tmp = new ArrayList<>();
        if (Files.isDirectory(ctx.buildDir)) {
            try (Stream<Path> s = Files.list(ctx.buildDir)) {
                s.filter(p -> p.getFileName().toString().startsWith("tmp")).sorted().forEach(tmp::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (buildSystem.startsWith("isar")) {
            for (Path p : tmp) {
                ctx.log.info("Removing " + p);
            }
            if (!tmp.isEmpty()) {
                removeIsar(tmp, buildSystem.equals("isar-rootless"));
            }
        } else {
            for (Path p : tmp) {
                remove(p);
            }
        }
        if (level >= 1) {
            emptyDir(dirFromEnv("SSTATE_DIR", "sstate-cache"));
        }
        if (level >= 2) {
            emptyDir(dirFromEnv("DL_DIR", "downloads"));
        }
    }

    private Path dirFromEnv(String var, String fallback) {
        String v = ctx.env.get(var);
        return v != null && !v.isEmpty() ? ctx.cwd.resolve(v) : ctx.buildDir.resolve(fallback);
    }

    private void removeIsar(List<Path> dirs, boolean rootless) {
        List<List<String>> cmds = new ArrayList<>();
        if (rootless) {
            String uid = uid();
            for (Path d : dirs) {
                cmds.add(List.of("find", d.toString(), "(", "!", "-user", uid, "-type", "d", "-prune", ")", "-exec",
                        "unshare", "--map-auto", "--map-root-user", "--keep-caps", "rm", "-rf", "{}", ";"));
                cmds.add(List.of("rm", "-rf", d.toString()));
            }
        } else {
            List<String> cmd = new ArrayList<>(List.of("sudo", "--prompt",
                    "[sudo] enter password for %U to clean ISAR artifacts", "rm", "-rf"));
            dirs.forEach(d -> cmd.add(d.toString()));
            cmds.add(cmd);
        }
        for (List<String> cmd : cmds) {
            ctx.log.debug(String.join(" ", cmd));
            if (!dryRun) {
                int rc = dev.bitzel.kas.internal.Proc.runInherit(cmd, ctx.cwd, System.getenv());
                if (rc != 0) {
                    throw new IllegalStateException(dev.bitzel.kas.internal.Proc.commandFailed(cmd, rc));
                }
            }
        }
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot determine the current user id", e);
        }
    }

    /** Removes everything inside {@code dir}, keeping the directory. */
    public void emptyDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                remove(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file or a whole tree (without following symlinks out of it). */
    public void remove(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ctx.log.info((dryRun ? "Would remove " : "Removing ") + p);
        if (dryRun) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }

    public boolean dryRun() {
        return dryRun;
    }
}
