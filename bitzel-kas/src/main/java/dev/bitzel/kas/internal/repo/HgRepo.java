package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mercurial operations with the {@code hg} binary, as kas' MercurialRepo does them. */
final class HgRepo implements Vcs {
    private final Repo repo;
    private final Context ctx;

    HgRepo(Repo repo, Context ctx) {
        this.repo = repo;
        this.ctx = ctx;
    }

    private Proc.Result hg(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("hg"));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(ctx.gitEnv());
        env.put("HGPLAIN", "1");
        return Proc.run(cmd, dir, env);
    }

    private String wanted() {
        if (repo.commit != null) {
            return repo.commit;
        }
        if (repo.tag != null) {
            return repo.tag;
        }
        return repo.branch != null ? repo.branch : repo.refspec;
    }

    private boolean known(String rev) {
        return hg(repo.path, "log", "-q", "-r", rev).ok();
    }

    @Override
    public void fetch() {
        String url = repo.effectiveUrl(ctx.env);
        if (!Files.isDirectory(repo.path.resolve(".hg"))) {
            try {
                Files.createDirectories(repo.path.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Proc.Result r = hg(ctx.workDir, "clone", "-q", url, repo.path.toString());
            if (!r.ok()) {
                throw new KasException("Failed to clone repository \"" + repo.id + "\" from " + url + ": "
                        + r.err().trim());
            }
            ctx.log.info("Repository " + repo.name + " cloned");
        }
        ctx.log.warning("Repo implementation does not support changing the remote url.");
        boolean pinned = repo.commit != null && repo.branch == null && repo.tag == null;
        if (!known(wanted()) || (ctx.update && !pinned)) {
            Proc.Result r = hg(repo.path, "pull", "-q");
            if (!r.ok()) {
                throw new KasException("Fetching repository \"" + repo.id + "\" failed: " + r.err().trim());
            }
        }
        if (!known(wanted())) {
            throw new KasException((repo.branch != null ? "Branch" : repo.tag != null ? "Tag" : "Commit") + " \""
                    + wanted() + "\" cannot be found in repository \"" + repo.id + "\"");
        }
    }

    @Override
    public String resolvedCommit() {
        if (repo.commit != null) {
            return repo.commit;
        }
        Proc.Result r = hg(repo.path, "log", "-r", wanted(), "--template", "{node|short}");
        return r.ok() ? r.out().trim() : null;
    }

    @Override
    public boolean checkout() {
        if (!ctx.forceCheckout) {
            Proc.Result d = hg(repo.path, "diff");
            if (d.ok() && !d.out().isBlank()) {
                ctx.log.warning("Repo " + repo.name + " is dirty - no checkout");
                return false;
            }
        }
        List<String> cmd = new ArrayList<>(List.of("checkout", "-q"));
        if (ctx.forceCheckout) {
            cmd.add("-C");
        }
        cmd.add(wanted());
        Proc.Result r = hg(repo.path, cmd.toArray(String[]::new));
        if (!r.ok()) {
            throw new KasException("Checkout of repository \"" + repo.id + "\" failed: " + r.err().trim());
        }
        return true;
    }

    @Override
    public void applyPatches(Map<String, Repo> repos, Path homeDir) {
        if (!repo.patches.isEmpty()) {
            throw new KasException("Patches for Mercurial repository \"" + repo.id
                    + "\" are not supported by this implementation (supported: git repositories)");
        }
    }

    @Override
    public void verifySignature(Map<String, Object> config, Map<String, Repo> repos, Path homeDir) {
        if (repo.signed) {
            throw new KasException("Repository \"" + repo.id + "\": signature verification is only available for git");
        }
    }
}
