package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Git operations on one managed repository, done with the {@code git} binary as kas does: reference
 * repositories, {@code git apply} and the user's git configuration then behave exactly like under kas,
 * which JGit would only approximate.
 */
public final class GitRepo implements Vcs {
    private final Repo repo;
    private final Context ctx;

    public GitRepo(Repo repo, Context ctx) {
        this.repo = repo;
        this.ctx = ctx;
    }

    private Proc.Result git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        return Proc.run(cmd, dir, ctx.gitEnv());
    }

    private boolean ok(String... args) {
        return git(repo.path, args).ok();
    }

    private String out(String... args) {
        Proc.Result r = git(repo.path, args);
        return r.ok() ? r.out().trim() : null;
    }

    /** Clones if needed, fetches when the wanted ref is missing (or on --update), validates the ref. */
    @Override
    public void fetch() {
        String url = repo.effectiveUrl(ctx.env);
        if (!Files.exists(repo.path.resolve(".git"))) {
            try {
                Files.createDirectories(repo.path.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> cmd = new ArrayList<>(List.of("git", "clone", "-q"));
            String refDir = ctx.env.get("KAS_REPO_REF_DIR");
            if (refDir != null && !refDir.isEmpty()) {
                Path ref = ctx.cwd.resolve(refDir).resolve(qualifiedName(repo.url));
                if (!Files.isDirectory(ref)) {
                    // kas seeds the shared reference repository on first use
                    Proc.Result seed = Proc.run(List.of("git", "clone", "-q", "--bare", url, ref.toString()),
                            ctx.workDir, ctx.gitEnv());
                    if (!seed.ok()) {
                        ctx.log.warning("Could not create reference repository " + ref + ": " + seed.err().trim());
                    }
                }
                if (Files.isDirectory(ref)) {
                    cmd.add("--reference");
                    cmd.add(ref.toString());
                }
            }
            String depth = ctx.env.get("KAS_CLONE_DEPTH");
            if (depth != null && !depth.isEmpty()) {
                cmd.add("--depth");
                cmd.add(depth);
                if (repo.branch != null) {
                    cmd.add("--branch");
                    cmd.add(repo.branch);
                }
            }
            cmd.add(url);
            cmd.add(repo.path.toString());
            Proc.Result r = Proc.run(cmd, ctx.workDir, ctx.gitEnv());
            if (!r.ok()) {
                throw new KasException("Failed to clone repository \"" + repo.id + "\" from " + url + ": "
                        + r.err().trim());
            }
            ctx.log.info("Repository " + repo.name + " cloned");
        }
        git(repo.path, "remote", "set-url", "origin", url);
        boolean pinned = repo.commit != null && repo.branch == null && repo.tag == null;
        if (ctx.update && pinned) {
            ctx.log.warning("Update of \"" + repo.id + "\" requested, but repo is pinned to a fixed commit. Not updating.");
        }
        if (!haveWanted() || (ctx.update && !pinned)) {
            Proc.Result r = git(repo.path, "fetch", "-q", "--tags", "--force", "origin",
                    "+refs/heads/*:refs/remotes/origin/*");
            if (!r.ok()) {
                throw new KasException("Fetching repository \"" + repo.id + "\" failed: " + r.err().trim());
            }
            ctx.log.info("Repository " + repo.name + " fetched");
        }
        validate();
    }

    private boolean haveWanted() {
        if (repo.refspec != null) {
            return revParse(repo.refspec) != null;
        }
        if (repo.commit != null && revParse(repo.commit) == null) {
            return false;
        }
        if (repo.branch != null) {
            String b = stripRefs(repo.branch, "refs/heads/");
            if (revParse("refs/remotes/origin/" + b) == null) {
                return false;
            }
            return repo.commit == null || ok("merge-base", "--is-ancestor", repo.commit, "refs/remotes/origin/" + b);
        }
        if (repo.tag != null) {
            return revParse("refs/tags/" + stripRefs(repo.tag, "refs/tags/")) != null;
        }
        return true;
    }

    private void validate() {
        if (repo.refspec != null) {
            if (revParse(repo.refspec) == null && revParse("refs/remotes/origin/" + repo.refspec) == null) {
                throw new KasException("Refspec \"" + repo.refspec + "\" cannot be found in repository \""
                        + repo.id + "\"");
            }
            return;
        }
        if (repo.branch != null) {
            String b = stripRefs(repo.branch, "refs/heads/");
            if (revParse("refs/remotes/origin/" + b) == null) {
                throw new KasException("Branch \"" + b + "\" cannot be found in repository \"" + repo.id + "\"");
            }
            if (repo.commit != null && (revParse(repo.commit) == null
                    || !ok("merge-base", "--is-ancestor", repo.commit, "refs/remotes/origin/" + b))) {
                throw new KasException("Branch \"" + b + "\" in repository \"" + repo.id
                        + "\" does not contain commit \"" + repo.commit + "\"");
            }
        }
        if (repo.tag != null) {
            String t = stripRefs(repo.tag, "refs/tags/");
            String tc = revParse("refs/tags/" + t);
            if (tc == null) {
                throw new KasException("Tag \"" + t + "\" cannot be found in repository \"" + repo.id + "\"");
            }
            if (repo.commit != null) {
                String obj = out("rev-parse", "-q", "--verify", "refs/tags/" + t);
                String given = revParse(repo.commit);
                if (given == null || !(given.equals(tc) || repo.commit.equals(obj))) {
                    throw new KasException("Provided tag \"" + t + "\" (\"" + tc + "\") does not match provided commit \""
                            + repo.commit + "\" in repository \"" + repo.id + "\"");
                }
            }
        }
        if (repo.commit != null && revParse(repo.commit) == null) {
            throw new KasException("Commit \"" + repo.commit + "\" cannot be found in repository \"" + repo.id + "\"");
        }
    }

    private static String stripRefs(String ref, String prefix) {
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    private String revParse(String rev) {
        return out("rev-parse", "-q", "--verify", rev + "^{commit}");
    }

    /** The commit the configuration asks for, as a full id. */
    @Override
    public String resolvedCommit() {
        if (repo.commit != null) {
            String c = revParse(repo.commit);
            return c != null ? c : repo.commit;
        }
        if (repo.tag != null) {
            return revParse("refs/tags/" + stripRefs(repo.tag, "refs/tags/"));
        }
        if (repo.branch != null) {
            return revParse("refs/remotes/origin/" + stripRefs(repo.branch, "refs/heads/"));
        }
        if (repo.refspec != null) {
            String r = revParse("refs/remotes/origin/" + repo.refspec);
            return r != null ? r : revParse(repo.refspec);
        }
        return out("rev-parse", "HEAD");
    }

    /** Whether tracked files have local modifications. */
    public boolean dirty() {
        String s = out("diff", "--stat");
        String c = out("diff", "--cached", "--stat");
        return (s != null && !s.isEmpty()) || (c != null && !c.isEmpty());
    }

    /** Checks out the wanted ref; answers false when the repo is dirty and was left alone. */
    @Override
    public boolean checkout() {
        if (!ctx.forceCheckout && dirty()) {
            ctx.log.warning("Repo " + repo.name + " is dirty - no checkout");
            return false;
        }
        List<String> cmd = new ArrayList<>(List.of("checkout", "-q"));
        if (ctx.forceCheckout) {
            cmd.add("-f");
        }
        String commit = resolvedCommit();
        if (repo.branch != null) {
            cmd.add("-B");
            cmd.add(stripRefs(repo.branch, "refs/heads/"));
            cmd.add(commit);
        } else if (repo.refspec != null && revParse("refs/remotes/origin/" + repo.refspec) != null) {
            cmd.add("-B");
            cmd.add(repo.refspec);
            cmd.add(commit);
        } else {
            cmd.add("--detach");
            cmd.add(commit);
        }
        Proc.Result r = git(repo.path, cmd.toArray(String[]::new));
        if (!r.ok()) {
            throw new KasException("Checkout of repository \"" + repo.id + "\" failed: " + r.err().trim());
        }
        return true;
    }

    /** Applies the repo's patches (sorted by id) on a {@code patched-<ref>} branch, one commit each. */
    @Override
    public void applyPatches(Map<String, Repo> repos, Path homeDir) {
        if (repo.patches.isEmpty()) {
            return;
        }
        List<Path[]> files = new ArrayList<>();
        List<Repo.Patch> owners = new ArrayList<>();
        for (Repo.Patch p : repo.patches) {
            if (p.repo() == null) {
                throw new KasException("No repo specified for patch entry \"" + p.id()
                        + "\" and no default repo specified.");
            }
            Repo src = repos.get(p.repo());
            if (src == null) {
                throw new KasException("Could not find referenced repo. (missing repo: " + p.repo() + ", repo: "
                        + repo.id + ", patch entry: " + p.id() + ")");
            }
            Path path = src.path.resolve(p.path()).normalize();
            if (!path.startsWith(src.path)) {
                throw new KasException("Invalid patch entry repos." + repo.id + ".patches." + p.id() + ".path: \""
                        + p.path() + "\" points outside of repository \"" + src.id + "\" (allowed: paths inside it)");
            }
            if (Files.isRegularFile(path)) {
                files.add(new Path[] {path});
                owners.add(p);
            } else if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("series"))) {
                List<Path> series = new ArrayList<>();
                try {
                    for (String line : Files.readAllLines(path.resolve("series"))) {
                        if (line.startsWith("#")) {
                            continue;
                        }
                        int hash = line.indexOf(" #");
                        String entry = (hash >= 0 ? line.substring(0, hash) : line).trim();
                        series.add(path.resolve(entry).normalize());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                files.add(series.toArray(Path[]::new));
                owners.add(p);
            } else {
                throw new KasException("Could not find patch. (patch path: " + path + ", repo: " + repo.id
                        + ", patch entry: " + p.id() + ")");
            }
        }
        String ref = repo.commit != null ? repo.commit : repo.tag != null ? repo.tag
                : repo.branch != null ? repo.branch : repo.refspec;
        Proc.Result r = git(repo.path, "checkout", "-q", "-B", "patched-" + ref);
        if (!r.ok()) {
            throw new KasException("Could not create branch patched-" + ref + " in repository \"" + repo.id + "\": "
                    + r.err().trim());
        }
        for (int i = 0; i < files.size(); i++) {
            Repo.Patch p = owners.get(i);
            for (Path f : files.get(i)) {
                if (Files.isDirectory(f) || !Files.isRegularFile(f)) {
                    throw new KasException("Could not find patch. (patch path: " + f + ", repo: " + repo.id
                            + ", patch entry: " + p.id() + ")");
                }
                Proc.Result a = git(repo.path, "apply", "--whitespace=nowarn", f.toString());
                if (!a.ok()) {
                    throw new KasException("Could not apply patch. Please fix repos and patches:\n"
                            + "patch path: " + f + ", repo: " + repo.id + ", patch entry: " + p.id() + "\n"
                            + "vcs command: git apply --whitespace=nowarn " + f + "\n"
                            + "vcs error:\n" + a.err().stripTrailing());
                }
                git(repo.path, "add", "-A");
                Map<String, String> env = new HashMap<>(ctx.gitEnv());
                String date = patchDate(f);
                env.put("GIT_AUTHOR_DATE", date);
                env.put("GIT_COMMITTER_DATE", date);
                env.put("HOME", homeDir.toString());
                env.put("GIT_COMMITTER_NAME", "kas User");
                env.put("GIT_COMMITTER_EMAIL", "kas@example.com");
                Proc.Result c = Proc.run(List.of("git", "commit", "-q", "--no-verify", "--no-gpg-sign",
                        "--author", "kas <kas@example.com>", "-m", "kas: " + p.id(), "-m",
                        "patch " + f + " applied by kas"), repo.path, env);
                if (!c.ok()) {
                    throw new KasException("Could not commit patch " + f + " in repository \"" + repo.id + "\": "
                            + c.err().trim() + c.out().trim());
                }
            }
        }
    }

    private static String patchDate(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            if (lines.size() >= 3 && lines.get(2).startsWith("Date: ")) {
                return lines.get(2).substring(6).trim();
            }
            FileTime t = Files.getLastModifiedTime(f);
            return Instant.ofEpochMilli(t.toMillis()).getEpochSecond() + " +0000";
        } catch (IOException e) {
            return Instant.now().getEpochSecond() + " +0000";
        }
    }

    /**
     * Verifies the signature of the wanted commit (or tag) against the repo's {@code allowed_signers}.
     * SSH signers are supported; GPG signers are refused with a message rather than half-checked.
     */
    @Override
    public void verifySignature(Map<String, Object> config, Map<String, Repo> repos, Path home) {
        if (!repo.signed) {
            return;
        }
        StringBuilder allowed = new StringBuilder();
        for (String signerId : repo.allowedSigners) {
            Map<String, Object> signer = dev.bitzel.kas.internal.config.Values.map(
                    dev.bitzel.kas.internal.config.Values.get(config, "signers", signerId));
            if (signer == null) {
                throw new KasException("Repository \"" + repo.id + "\": allowed signer \"" + signerId
                        + "\" is not defined in 'signers'");
            }
            if (!"ssh".equals(signer.getOrDefault("type", "gpg"))) {
                throw new KasException("Repository \"" + repo.id + "\": signer \"" + signerId
                        + "\" is a GPG key; only SSH signers are supported by this implementation");
            }
            Repo keyRepo = repos.get((String) signer.get("repo"));
            if (keyRepo == null) {
                throw new KasException("Signer \"" + signerId + "\" refers to unknown repo \"" + signer.get("repo") + "\"");
            }
            Path key = keyRepo.path.resolve((String) signer.get("path")).normalize();
            try {
                for (String line : Files.readAllLines(key)) {
                    if (!line.isBlank()) {
                        String[] f = line.trim().split("\\s+");
                        allowed.append(signerId).append(' ').append(f[0]).append(' ').append(f[1]).append('\n');
                    }
                }
            } catch (IOException e) {
                throw new KasException("Cannot read the key of signer \"" + signerId + "\": " + key, e);
            }
        }
        Path file = home.resolve(".kas_ssh-handler-" + repo.id + "-allowed_signers");
        try {
            Files.writeString(file, allowed.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("-c", "gpg.format=ssh", "-c",
                "gpg.ssh.allowedSignersFile=" + file));
        if (repo.tag != null && !ok("cat-file", "-e", "refs/tags/" + stripRefs(repo.tag, "refs/tags/") + "^{tag}")) {
            cmd.addAll(List.of("verify-commit", resolvedCommit()));
        } else if (repo.tag != null) {
            cmd.addAll(List.of("verify-tag", "refs/tags/" + stripRefs(repo.tag, "refs/tags/")));
        } else {
            cmd.addAll(List.of("verify-commit", resolvedCommit()));
        }
        if (!git(repo.path, cmd.toArray(String[]::new)).ok()) {
            throw new KasException("Repository " + repo.name + " is not signed with a trusted key.");
        }
    }

    /** kas' name of a reference repository: host and path of the url with / : @ * turned into dots. */
    public static String qualifiedName(String url) {
        String u = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return u.replaceAll("[/:@*]", ".");
    }

    /** The {@code origin} url of a local directory under git, or null. */
    public static String originOf(Path dir, Context ctx) {
        Proc.Result r = Proc.run(List.of("git", "remote", "get-url", "origin"), dir, ctx.gitEnv());
        return r.ok() ? r.out().trim() : null;
    }
}
