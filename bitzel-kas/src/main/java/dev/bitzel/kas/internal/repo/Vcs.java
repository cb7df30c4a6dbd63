package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.internal.Context;
import java.nio.file.Path;
import java.util.Map;

/** The version-control operations kas needs on a managed repository (git or Mercurial). */
public interface Vcs {
    /** Clones if needed, fetches when the wanted ref is missing (or on --update), validates the ref. */
    void fetch();

    /** Checks out the wanted ref; false when the repo is dirty and was left alone. */
    boolean checkout();

    /** The full (git) or short (hg branch/tag, as kas writes it) id of the wanted revision. */
    String resolvedCommit();

    /** Applies the repo's patches. */
    void applyPatches(Map<String, Repo> repos, Path homeDir);

    /** Verifies signatures when the repo asks for it. */
    void verifySignature(Map<String, Object> config, Map<String, Repo> repos, Path homeDir);

    /** The implementation for {@code repo.type}. */
    static Vcs of(Repo repo, Context ctx) {
        return "hg".equals(repo.type) ? new HgRepo(repo, ctx) : new GitRepo(repo, ctx);
    }
}
