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

    /** Level 0 = clean (tmp*), 1 = + sstate, 2 = + downloads. */
    public void clean(int level) {
        List<Path> tmp = new ArrayList<>();
        if (Files.isDirectory(ctx.buildDir)) {
            try (Stream<Path> s = Files.list(ctx.buildDir)) {
                s.filter(p -> p.getFileName().toString().startsWith("tmp")).sorted().forEach(tmp::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path p : tmp) {
            remove(p);
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
