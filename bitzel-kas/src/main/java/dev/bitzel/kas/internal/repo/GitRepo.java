package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The git commands of kas' {@code GitRepo}, run with the {@code git} binary: reference repositories,
 * shallow fetches, {@code git apply} and signature verification then behave exactly as under kas (JGit
 * would need re-implementations of {@code --reference}, {@code apply} edge cases and ssh/gpg verification).
 */
public final class GitRepo extends Repo {
    GitRepo(Builder b) {
        super(b);
    }

    @Override
    public String type() {
        return "git";
    }

    static String removeRefPrefix(String ref) {
        return ref.startsWith("refs/") ? ref.substring(5) : ref;
    }

    @Override
    List<String> cloneCmd(String srcdir, boolean createRef) {
        List<String> cmd = new ArrayList<>(List.of("git", "clone", "-q"));
        int depth = ctx.cloneDepth;
        if (depth > 0) {
            if (refspec != null) {
                ctx.log.warning("Shallow cloning is not supported for legacy refspec on repository \"" + name
                        + "\". Performing full clone.");
            } else {
                if (createRef) {
                    ctx.log.debug("Shallow cloning is not supported for reference repository of \"" + name
                            + "\". Performing full clone.");
                } else {
                    cmd.addAll(List.of("--depth", String.valueOf(depth)));
                }
                if (branch != null) {
                    cmd.addAll(List.of("--branch", removeRefPrefix(branch)));
                }
            }
        }
        if (createRef) {
            cmd.addAll(List.of("--bare", "--", effectiveUrl(), srcdir));
        } else if (srcdir != null) {
            cmd.addAll(List.of("--reference", srcdir, "--", srcdir, path.toString()));
        } else {
            cmd.addAll(List.of("--", effectiveUrl(), path.toString()));
        }
        return cmd;
    }

    @Override
    List<String> containsRefspecCmd() {
        String b = branch != null ? branch : refspec;
        if (b != null && b.startsWith("refs/")) {
            b = "remotes/origin/" + removeRefPrefix(b);
        }
        return List.of("git", "cat-file", "-t", commit != null ? commit : tag != null ? tag : b);
    }

    @Override
    List<String> fetchCmd() {
        List<String> cmd = new ArrayList<>(List.of("git", "fetch", "-q"));
        int depth = refspec != null ? 0 : ctx.cloneDepth;
        if (depth > 0) {
            cmd.addAll(List.of("--depth", String.valueOf(depth)));
        }
        if (tag != null) {
            cmd.addAll(List.of("origin", "+" + tag + ":refs/tags/" + tag));
            return cmd;
        }
        if (depth > 0 && commit != null) {
            // only this commit: the branch information is lost
            cmd.addAll(List.of("origin", commit));
            return cmd;
        }
        String b = branch != null ? branch : refspec;
        if (b != null && (b.startsWith("refs/") || depth > 0)) {
            b = removeRefPrefix(b);
            cmd.addAll(List.of("origin", "+" + b + ":refs/remotes/origin/" + b));
        }
        return cmd;
    }

    @Override
    List<String> isDirtyCmd() {
        return List.of("git", "diff", "--stat");
    }

    @Override
    List<String> isSignedCmd() {
        if (tag != null) {
            return List.of("git", "verify-tag", "--raw", tag);
        }
        return List.of("git", "verify-commit", "--raw", commit != null ? commit : revision());
    }

    @Override
    List<String> resolveBranchCmd() {
        return List.of("git", "rev-parse", "--verify", "-q", "origin/" + removeRefPrefix(branch != null ? branch
                : refspec));
    }

    @Override
    List<String> resolveTagCmd() {
        return List.of("git", "rev-list", "-n", "1", removeRefPrefix(tag));
    }

    @Override
    List<String> resolveAnnotatedTagCmd() {
        return List.of("git", "show-ref", "--tags", "--hash", tag);
    }

    @Override
    List<String> branchContainsRefCmd() {
        return List.of("git", "branch", "origin/" + branch, "-r", "--contains", commit);
    }

    @Override
    List<String> checkoutCmd(String desiredRef, boolean isBranch) {
        String ref = removeRefPrefix(desiredRef);
        if (FULL_HASH.matcher(ref).lookingAt()) {
            ref += "^{commit}";
        }
        List<String> cmd = new ArrayList<>(List.of("git", "checkout", "-q", ref));
        if (isBranch) {
            String b = removeRefPrefix(branch != null ? branch : refspec);
            if (b.startsWith("heads/")) {
                b = b.substring(6);
            }
            cmd.addAll(List.of("-B", b));
        }
        if (ctx.forceCheckout) {
            cmd.add("--force");
        }
        return cmd;
    }

    @Override
    List<String> preparePatchesCmd() {
        String ref = commit != null ? commit : removeRefPrefix(tag != null ? tag : branch != null ? branch : refspec);
        return List.of("git", "checkout", "-q", "-B", "patched-" + ref);
    }

    @Override
    List<String> applyPatchFileCmd(Path file) {
        return List.of("git", "apply", "--whitespace=nowarn", file.toString());
    }

    @Override
    List<String> addCmd() {
        return List.of("git", "add", "-A");
    }

    @Override
    List<String> commitCmd(Map<String, String> env, String author, String msg, String date) {
        env.put("GIT_COMMITTER_DATE", date);
        return List.of("git", "commit", "-a", "--author", author, "-m", msg, "--date", date);
    }

    @Override
    List<String> setRemoteUrlCmd() {
        return List.of("git", "remote", "set-url", "origin", effectiveUrl());
    }

    @Override
    List<String> getRemoteUrlCmd() {
        return List.of("git", "remote", "get-url", "origin");
    }

    @Override
    List<String> getCommitCmd() {
        return List.of("git", "rev-parse", "--verify", commit != null ? commit : "HEAD");
    }

    @Override
    String patchTimestamp(Path patch) throws IOException {
        List<String> lines = readLines(patch, 3);
        if (lines.size() >= 3 && lines.get(2).startsWith("Date: ")) {
            return lines.get(2).substring(6).strip();
        }
        return null;
    }

    static List<String> readLines(Path f, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (var r = Files.newBufferedReader(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String line;
            while (out.size() < max && (line = r.readLine()) != null) {
                out.add(new String(line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    List<String> containsPathCmd(String relPath) {
        return List.of("git", "ls-files", "--error-unmatch", relPath);
    }

    /** Commits in {@code from..to}, newest first; a shallow clone is deepened first (as kas does). */
    @Override
    public List<Commit> log(String from, String to) {
        String c1 = from == null ? "HEAD" : from;
        String c2 = to == null ? "HEAD" : to;
        if (Files.isRegularFile(gitDir().resolve("shallow"))) {
            check(List.of("git", "fetch", "--unshallow"), path);
        }
        Proc.Result r = run(List.of("git", "log", "--format=%H%x00%an%x00%ae%x00%ct %cI%x00%B%x00%x01", c1 + ".." + c2,
                "--"), path);
        if (!r.ok()) {
            boolean v1 = valid(c1);
            boolean v2 = valid(c2);
            String msg;
            if (!v1 && !v2) {
                msg = "Commits (" + c1 + " and " + c2 + ") are not valid";
            } else if (!v1) {
                msg = "First commit (" + c1 + ") is not valid";
            } else if (!v2) {
                msg = "Second commit (" + c2 + ") is not valid";
            } else {
                msg = r.err().strip();
            }
            throw new KasException("Could not compute diff for repository \"" + name + "\": " + msg);
        }
        List<Commit> out = new ArrayList<>();
        for (String rec : r.out().split("\u0001")) {
            String s = rec.startsWith("\n") ? rec.substring(1) : rec;
            if (s.isEmpty()) {
                continue;
            }
            String[] f = s.split("\u0000", -1);
            String[] date = f[3].split(" ");
            String iso = date[1];
            String offset = iso.endsWith("Z") ? "+00:00" : iso.substring(iso.length() - 6);
            out.add(new Commit(f[0], f[1], f[2], localTime(Long.parseLong(date[0]), offset), f[4]));
        }
        return out;
    }

    private boolean valid(String rev) {
        return run(List.of("git", "rev-parse", "-q", "--verify", rev + "^{object}"), path).ok();
    }

    private Path gitDir() {
        Proc.Result r = run(List.of("git", "rev-parse", "--absolute-git-dir"), path);
        if (!r.ok()) {
            throw new UncheckedIOException(new IOException("not a git repository: " + path + ": " + r.err().strip()));
        }
        return Path.of(r.out().strip());
    }

    /** The .git directory when it is a plain directory of the checkout (no worktree or submodule link), or null. */
    private Path plainGitDir() {
        Path g = path.resolve(".git");
        return Files.isDirectory(g, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? g : null;
    }

    /** The value of a ref from the loose ref file or packed-refs, or null. */
    private static String readRef(Path gitDir, String ref) throws IOException {
        Path loose = gitDir.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Files.readString(loose).strip();
        }
        Path packed = gitDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + ref) && !line.startsWith("#") && !line.startsWith("^")) {
                    return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return null;
    }

    @Override
    boolean alreadyAt(String desiredRef, boolean isBranch) {
        Path g = plainGitDir();
        String want = removeRefPrefix(desiredRef);
        if (g == null || !want.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            return false;
        }
        try {
            String head = Files.readString(g.resolve("HEAD")).strip();
            if (!isBranch) {
                return head.equals(want);
            }
            String b = removeRefPrefix(branch != null ? branch : refspec);
            if (b.startsWith("heads/")) {
                b = b.substring(6);
            }
            return head.equals("ref: refs/heads/" + b) && want.equals(readRef(g, "refs/heads/" + b));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    boolean remoteUrlIs(String url) {
        Path g = plainGitDir();
        if (g == null) {
            return false;
        }
        try {
            boolean inOrigin = false;
            String found = null;
            for (String raw : Files.readAllLines(g.resolve("config"))) {
                String line = raw.strip();
                if (line.startsWith("[")) {
                    inOrigin = line.equals("[remote \"origin\"]");
                } else if (inOrigin && line.matches("(?i)url\\s*=.*")) {
                    if (found != null) {
                        return false;
                    }
                    found = line.substring(line.indexOf('=') + 1).strip();
                }
            }
            // only a plain, unquoted value is compared; anything git would have to unescape gets the command
            return url.equals(found) && !found.contains("\"") && !found.contains("\\") && !found.contains(";")
                    && !found.contains("#");
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code .git/config} of the checkout (for the ssh allowed-signers setting). */
    Path configFile() {
        return gitDir().resolve("config");
    }
}
