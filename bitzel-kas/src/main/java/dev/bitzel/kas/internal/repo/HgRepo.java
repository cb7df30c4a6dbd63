package dev.bitzel.kas.internal.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Mercurial commands of kas' {@code MercurialRepo}, run with the {@code hg} binary. */
final class HgRepo extends Repo {
    HgRepo(Builder b) {
        super(b);
    }

    @Override
    public String type() {
        return "hg";
    }

    @Override
    List<String> cloneCmd(String srcdir, boolean createRef) {
        // Mercurial has no object caches to borrow from
        if (createRef) {
            return List.of("true");
        }
        return List.of("hg", "clone", effectiveUrl(), path.toString());
    }

    @Override
    List<String> containsRefspecCmd() {
        return List.of("hg", "log", "-r", commit != null ? commit : tag != null ? tag : branch != null ? branch
                : refspec);
    }

    @Override
    List<String> fetchCmd() {
        return List.of("hg", "pull");
    }

    @Override
    List<String> isDirtyCmd() {
        return List.of("hg", "status", "--modified", "--added", "--removed", "--deleted");
    }

    @Override
    List<String> isSignedCmd() {
        return null;
    }

    @Override
    List<String> resolveBranchCmd() {
        if (branch != null) {
            return List.of("hg", "identify", "--id", "-r", "limit(heads(branch(" + branch + ")))");
        }
        return List.of("hg", "identify", "--id", "-r", refspec);
    }

    @Override
    List<String> resolveTagCmd() {
        return List.of("hg", "identify", "--id", "-r", "tag(" + (tag != null ? tag : refspec) + ")");
    }

    @Override
    List<String> resolveAnnotatedTagCmd() {
        return null;
    }

    @Override
    List<String> branchContainsRefCmd() {
        return List.of("hg", "log", "-r", commit, "-b", branch);
    }

    @Override
    List<String> checkoutCmd(String desiredRef, boolean isBranch) {
        List<String> cmd = new ArrayList<>(List.of("hg", "checkout", desiredRef));
        if (ctx.forceCheckout) {
            cmd.add("--clean");
        }
        return cmd;
    }

    @Override
    List<String> preparePatchesCmd() {
        String ref = commit != null ? commit : tag != null ? tag : branch != null ? branch : refspec;
        // the revision part of a refspec is not allowed in branch names
        ref = ref.substring(ref.lastIndexOf(':') + 1);
        return List.of("hg", "branch", "-f", "patched-" + ref);
    }

    @Override
    List<String> applyPatchFileCmd(Path file) {
        return List.of("hg", "import", "--no-commit", file.toString());
    }

    @Override
    List<String> addCmd() {
        return List.of("hg", "add");
    }

    @Override
    List<String> commitCmd(Map<String, String> env, String author, String msg, String date) {
        return List.of("hg", "commit", "--user", author, "-m", msg, "--date", date);
    }

    @Override
    List<String> setRemoteUrlCmd() {
        return null;
    }

    @Override
    List<String> getRemoteUrlCmd() {
        return List.of("hg", "paths", "default");
    }

    @Override
    List<String> getCommitCmd() {
        return List.of("hg", "log", "-r", commit != null ? commit : ".", "--template", "{node}\n");
    }

    @Override
    String patchTimestamp(Path patch) throws IOException {
        List<String> lines = GitRepo.readLines(patch, 4);
        if (lines.size() >= 4 && lines.get(2).startsWith("# Date ") && lines.get(3).startsWith("# ")) {
            return lines.get(3).substring(2).strip();
        }
        return null;
    }

    @Override
    List<String> containsPathCmd(String relPath) {
        return List.of("hg", "files", relPath);
    }

    @Override
    public List<Commit> log(String from, String to) {
        throw new UnsupportedOperationException("Unsupported diff for MercurialRepo (repository \"" + name + "\")");
    }
}
