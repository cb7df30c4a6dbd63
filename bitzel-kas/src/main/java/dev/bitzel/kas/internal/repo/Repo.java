package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import dev.bitzel.kas.internal.config.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code repos} after defaults and overrides (kas' {@code Repo}), with the version-control
 * operations kas performs on it. The algorithms (fetch, checkout, patching) live here; {@link GitRepo} and
 * {@link HgRepo} supply the commands, as in kas' {@code RepoImpl}.
 */
public abstract class Repo {
    /** Full commit ids, matched as kas does (anchored at the start only). */
    static final Pattern FULL_HASH = Pattern.compile("^[0-9a-f]{40}|[0-9a-f]{64}$");
    private static final Set<Object> LEGACY_DISABLED = Set.of("excluded", "n", "no", "0", "false");

    /** An enabled layer: its name (the key in {@code layers}), repo path, priority, repo name. */
    public record Layer(String name, Path repoPath, String repoName, int priority) {
        /** The layer directory. */
        public Path path() {
            return name.isEmpty() ? repoPath : repoPath.resolve(name).normalize();
        }

        /** kas' order of BBLAYERS: priority descending, then repo name, then layer name. */
        public static final Comparator<Layer> ORDER = Comparator.comparingInt((Layer l) -> -l.priority())
                .thenComparing(Layer::repoName).thenComparing(Layer::name);
    }

    /** A patch entry (null entries are dropped). */
    public record Patch(String id, String repo, String path) {
    }

    /** The key of the repo in {@code repos}. */
    public final String id;
    public final String name;
    /** The remote; for local repos the origin read from the directory (or null). */
    public String url;
    /** The directory as kas computes it (joined, not normalised: {@code KAS_REPO_PATH} shows it so). */
    public final String rawPath;
    /** The directory, absolute and normalised. */
    public final Path path;
    public String commit;
    public final String tag;
    public final String branch;
    public final String refspec;
    public final List<Layer> layers;
    final List<Patch> patches;
    /** The signer ids, or null when the repo is not {@code signed}. */
    public final List<String> allowedSigners;
    /** No url in the configuration: kas never touches the directory. */
    public final boolean operationsDisabled;
    protected final Context ctx;
    private String revision;
    private boolean revisionKnown;
    private Boolean dirty;
    /** The configured full-length commit was found in the clone by this command (so rev-parse would echo it). */
    private boolean commitPresent;

    Repo(Builder b) {
        this.ctx = b.ctx;
        this.id = b.id;
        this.name = b.name;
        this.url = b.url;
        this.rawPath = b.rawPath;
        this.path = Path.of(b.rawPath).toAbsolutePath().normalize();
        this.commit = b.commit;
        this.tag = b.tag;
        this.branch = b.branch;
        this.refspec = b.refspec;
        this.layers = List.copyOf(b.layers);
        this.patches = List.copyOf(b.patches);
        this.allowedSigners = b.allowedSigners == null ? null : List.copyOf(b.allowedSigners);
        this.operationsDisabled = b.url == null;
        if (this.url == null) {
            resolveLocal();
        }
    }

    static final class Builder {
        Context ctx;
        String id;
        String name;
        String url;
        String rawPath;
        String commit;
        String tag;
        String branch;
        String refspec;
        List<Layer> layers = new ArrayList<>();
        List<Patch> patches = new ArrayList<>();
        List<String> allowedSigners;
    }

    /** Managed repositories have a url; the others are plain local directories kas never changes. */
    public boolean managed() {
        return !operationsDisabled;
    }

    /** kas' {@code Repo.factory}: the repo for one configuration entry. */
    public static Repo create(Context ctx, String id, Map<String, Object> repoConfig,
            Map<String, Object> repoDefaults, Path fallbackPath, Map<String, Object> overrides) {
        Object defaultPatchRepo = Values.get(repoDefaults, "patches", "repo");
        Map<String, Object> patchesDict = Values.mapOrEmpty(repoConfig.get("patches"));
        Builder b = new Builder();
        b.ctx = ctx;
        b.id = id;
        List<String> patchIds = new ArrayList<>(patchesDict.keySet());
        patchIds.sort(null);
        for (String p : patchIds) {
            Map<String, Object> entry = Values.map(patchesDict.get(p));
            if (entry == null || entry.isEmpty()) {
                continue;
            }
            Object repo = entry.containsKey("repo") ? entry.get("repo") : defaultPatchRepo;
            if (repo == null) {
                throw new KasException("No repo specified for patch entry \"" + p + "\" and no default repo "
                        + "specified.");
            }
            b.patches.add(new Patch(p, (String) repo, (String) entry.get("path")));
        }
        String url = (String) repoConfig.get("url");
        String name = repoConfig.get("name") instanceof String s ? s : id;
        b.name = name;
        String type = repoConfig.get("type") instanceof String s ? s : "git";
        String commit = (String) repoConfig.get("commit");
        String tag = (String) (repoConfig.containsKey("tag") ? repoConfig.get("tag") : repoDefaults.get("tag"));
        String branch = (String) (repoConfig.containsKey("branch") ? repoConfig.get("branch")
                : repoDefaults.get("branch"));
        String refspec = (String) (repoConfig.containsKey("refspec") ? repoConfig.get("refspec")
                : repoDefaults.get("refspec"));
        if (commit == null && tag == null && branch == null && refspec == null && url != null) {
            throw new KasException("No commit, tag or branch specified for repository \"" + name
                    + "\". This is only allowed for local repositories.");
        }
        if (refspec == null) {
            if (overrides.containsKey("commit")) {
                commit = (String) overrides.get("commit");
            }
            if (overrides.containsKey("branch")) {
                branch = (String) overrides.get("branch");
            }
            if (overrides.containsKey("url")) {
                url = (String) overrides.get("url");
            }
            if (commit != null && ctx.update) {
                ctx.log.warning("Update of \"" + name + "\" requested, but repo is pinned to a fixed commit. "
                        + "Not updating.");
            }
        } else {
            if (ctx.legacyRefspecWarned.add(name)) {
                ctx.log.warning("Using deprecated refspec for repository \"" + name
                        + "\". You should migrate to commit/tag/branch.");
            }
            if (commit != null || tag != null || branch != null) {
                throw new KasException("Unsupported mixture of legacy refspec and commit/tag/branch for "
                        + "repository \"" + name + "\"");
            }
            if (overrides.containsKey("commit")) {
                refspec = (String) overrides.get("commit");
            }
        }
        if (url != null && commit == null && ctx.unpinnedRepoWarnings && !ctx.noCommitWarned.contains(name)) {
            if (tag != null) {
                ctx.log.warning("Using tag without commit for repository \"" + name
                        + "\" is unsafe as tags are mutable.");
                ctx.noCommitWarned.add(name);
            } else if (branch != null) {
                ctx.log.warning("Using branch without commit for repository \"" + name
                        + "\" is unsafe. Either add a commit or use a lock file.");
                ctx.noCommitWarned.add(name);
            }
        }
        b.url = url;
        b.commit = commit;
        b.tag = tag;
        b.branch = branch;
        b.refspec = refspec;
        boolean signed = Boolean.TRUE.equals(repoConfig.get("signed"));
        if (signed) {
            List<String> signers = repoConfig.get("allowed_signers") instanceof List<?> l
                    ? l.stream().map(Object::toString).toList() : List.of();
            if (signers.isEmpty()) {
                throw new KasException("Repository \"" + name + "\" is signed but no allowed signers specified.");
            }
            b.allowedSigners = signers;
        }
        String p = (String) repoConfig.get("path");
        if (p == null) {
            if (url == null) {
                b.rawPath = rootPath(ctx, fallbackPath, true).toString();
                ctx.log.info("Using " + b.rawPath + " as root for repository " + name);
            } else {
                b.rawPath = join(ctx.workDir, name);
            }
        } else if (!Path.of(p).isAbsolute()) {
            b.rawPath = join(ctx.workDir, p);
        } else {
            b.rawPath = p;
        }
        if (url != null) {
            confine(ctx, id, p, name, b.rawPath);
        }
        Path repoPath = Path.of(b.rawPath).toAbsolutePath().normalize();
        Map<String, Object> layersDict;
        if (repoConfig.containsKey("layers")) {
            layersDict = Values.mapOrEmpty(repoConfig.get("layers"));
        } else {
            layersDict = new java.util.LinkedHashMap<>();
            layersDict.put("", null);
        }
        for (Map.Entry<String, Object> e : layersDict.entrySet()) {
            Object prop = e.getValue();
            String lname = e.getKey();
            if (prop == null) {
                b.layers.add(new Layer(lname, repoPath, name, 0));
            } else if ("disabled".equals(prop)) {
                continue;
            } else if (LEGACY_DISABLED.contains(prop) || Boolean.FALSE.equals(prop)
                    || (prop instanceof Number n && n.longValue() == 0 && !(prop instanceof Double))) {
                ctx.log.warning("Use of deprecated value \"" + Values.pyStr(prop) + "\" for repo \"" + name
                        + "\", layer \"" + lname + "\". Replace with \"disabled\".");
            } else if (prop instanceof Map<?, ?> m) {
                int prio = m.get("prio") instanceof Number n ? n.intValue() : 0;
                b.layers.add(new Layer(lname, repoPath, name, prio));
            } else {
                throw new IllegalStateException("unsupported layer value " + prop + " for repo \"" + name
                        + "\", layer \"" + lname + "\"");
            }
        }
        if ("git".equals(type)) {
            if (commit != null && !FULL_HASH.matcher(commit).lookingAt()) {
                ctx.log.warning(commit + " is not a full-length hash for repo \"" + name
                        + "\". This will be an error in future versions.");
            }
            return new GitRepo(b);
        }
        if ("hg".equals(type)) {
            if (!onPath("hg", ctx)) {
                throw new KasException("hg is required for Mercurial repositories");
            }
            return new HgRepo(b);
        }
        throw new KasException("Repo type \"" + type + "\" not supported.");
    }

    private static boolean onPath(String exe, Context ctx) {
        String p = ctx.env.getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : p.split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** Python's os.path.join for an absolute base. */
    static String join(Path base, String rel) {
        if (rel.startsWith("/")) {
            return rel;
        }
        String b = base.toString();
        return b.endsWith("/") ? b + rel : b + "/" + rel;
    }

    /**
     * Refuses managed checkouts (which kas clones into, resets and patches) whose relative path or name
     * leads out of the work dir, or that would sit on the work or build dir itself. An absolute {@code path}
     * is the user's explicit choice and is kept.
     */
    private static void confine(Context ctx, String id, String written, String name, String rawPath) {
        Path p = Path.of(rawPath).toAbsolutePath().normalize();
        boolean absolute = written != null && Path.of(written).isAbsolute();
        if (p.equals(ctx.workDir) || p.equals(ctx.buildDir) || (!absolute && !p.startsWith(ctx.workDir))) {
            String what = written != null ? "repos." + id + ".path \"" + written + "\"" : "repos." + id
                    + ".name \"" + name + "\"";
            throw new KasException("Invalid configuration: " + what + " puts the checkout of a managed repository "
                    + "at " + p + ", outside of the kas work dir " + ctx.workDir + " or on top of it (allowed: "
                    + "a directory below the work dir, or an absolute path)");
        }
    }

    /**
     * kas' {@code get_root_path}: the top level of the git (super-)project or hg repo containing
     * {@code dir}, else {@code dir} itself (or null without fallback).
     */
    public static Path rootPath(Context ctx, Path dir, boolean fallback) {
        if (dir != null && Files.isDirectory(dir)) {
            // the common cases answered without starting git or (slow to start) hg: a plain .git directory of
            // ours above, or no .git and no .hg at all; anything else (a .git file of a submodule or worktree, a
            // repository of another user that git may refuse, an .hg) goes through the tools as kas does
            Path abs = dir.toAbsolutePath().normalize();
            boolean ask = false;
            for (Path d = abs; d != null; d = d.getParent()) {
                Path git = d.resolve(".git");
                if (Files.isDirectory(git, java.nio.file.LinkOption.NOFOLLOW_LINKS) && ownedByUs(git)
                        && !ctx.env.containsKey("GIT_CEILING_DIRECTORIES")) {
                    return d;
                }
                if (Files.exists(git, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || Files.exists(d.resolve(".hg"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    ask = true;
                    break;
                }
            }
            if (!ask && !ctx.env.containsKey("GIT_CEILING_DIRECTORIES")) {
                return fallback ? dir : null;
            }
            Proc.Result r = Proc.run(List.of("git", "rev-parse", "--show-toplevel",
                    "--show-superproject-working-tree"), dir, ctx.environ);
            if (r.ok()) {
                List<String> lines = new ArrayList<>(List.of(r.out().strip().split("\n")));
                lines.sort(null);
                return Path.of(lines.get(0));
            }
            Proc.Result hg = Proc.run(List.of("hg", "root"), dir, ctx.environ);
            if (hg.ok()) {
                return Path.of(hg.out().strip());
            }
        }
        return fallback ? dir : null;
    }

    /** Whether a .git or .hg entry exists in {@code dir} or above it. */
    static boolean insideVcs(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(d.resolve(".hg"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownedByUs(Path p) {
        try {
            Object owner = Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return owner.equals(me);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** KAS_PREMIRRORS applied to the url: the first line "regex replacement" whose regex matches. */
    public String effectiveUrl() {
        String mirrors = ctx.env.getOrDefault("KAS_PREMIRRORS", "");
        for (String line : mirrors.split("\n", -1)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2 || parts[0].isEmpty()) {
                continue;
            }
            Pattern expr = Pattern.compile(parts[0]);
            if (expr.matcher(url).lookingAt()) {
                return expr.matcher(url).replaceAll(pythonReplacement(parts[1]));
            }
        }
        return url;
    }

    /** Python's {@code re.sub} template ({@code \1}, {@code \g<name>}, escapes) as a Java replacement. */
    static String pythonReplacement(String template) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\' && i + 1 < template.length()) {
                char n = template.charAt(++i);
                if (Character.isDigit(n)) {
                    sb.append('$').append(n);
                } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                    int end = template.indexOf('>', i);
                    String group = template.substring(i + 2, end);
                    sb.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
                    i = end;
                } else if (n == 'n') {
                    sb.append('\n');
                } else if (n == 't') {
                    sb.append('\t');
                } else if (n == '\\') {
                    sb.append("\\\\");
                } else {
                    sb.append("\\\\").append(n == '$' ? "\\$" : String.valueOf(n));
                }
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** kas' reference-repo name: host and path of the url with {@code @ : / *} turned into dots. */
    public String qualifiedName() {
        Matcher m = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]*)([^?#]*)").matcher(url);
        String netlocPath = m.lookingAt() ? m.group(1) + m.group(2) : stripNonNetloc(url);
        return netlocPath.replace('@', '.').replace(':', '.').replace('/', '.').replace('*', '.');
    }

    /** urlparse of a url without scheme: everything is the path. */
    private static String stripNonNetloc(String u) {
        int q = u.indexOf('?');
        int h = u.indexOf('#');
        int end = q >= 0 ? q : h >= 0 ? h : u.length();
        if (q >= 0 && h >= 0) {
            end = Math.min(q, h);
        }
        return u.substring(0, end);
    }

    // ------------------------------------------------------------------ what a VCS supplies

    /** The type name, as in SPDX ({@code git}, {@code hg}). */
    public abstract String type();

    abstract List<String> cloneCmd(String srcdir, boolean createRef);

    abstract List<String> containsRefspecCmd();

    abstract List<String> fetchCmd();

    abstract List<String> isDirtyCmd();

    abstract List<String> resolveBranchCmd();

    abstract List<String> resolveTagCmd();

    /** The command answering an annotated tag's object id, or null when the VCS has none. */
    abstract List<String> resolveAnnotatedTagCmd();

    abstract List<String> branchContainsRefCmd();

    abstract List<String> checkoutCmd(String desiredRef, boolean isBranch);

    abstract List<String> preparePatchesCmd();

    abstract List<String> applyPatchFileCmd(Path file);

    abstract List<String> addCmd();

    abstract List<String> commitCmd(Map<String, String> env, String author, String msg, String date);

    /** Null when the VCS cannot change the remote url (kas warns then). */
    abstract List<String> setRemoteUrlCmd();

    abstract List<String> getRemoteUrlCmd();

    abstract List<String> getCommitCmd();

    abstract String patchTimestamp(Path patch) throws IOException;

    abstract List<String> containsPathCmd(String relPath);

    /** The command that verifies the signature of the wanted commit or tag, or null when not supported. */
    abstract List<String> isSignedCmd();

    /**
     * Whether the working copy already is where {@link #checkoutCmd} would put it, so that the command would change
     * nothing (answering false is always safe).
     */
    boolean alreadyAt(String desiredRef, boolean isBranch) {
        return false;
    }

    /** Whether {@link #setRemoteUrlCmd} would change nothing (answering false is always safe). */
    boolean remoteUrlIs(String url) {
        return false;
    }

    /** Commits between two revisions, newest first ({@code kas diff}, {@code kas lock}). */
    public abstract List<Commit> log(String from, String to);

    /** One commit of {@link #log}. */
    public record Commit(String id, String author, String email, String committerDate, String message) {
    }

    // ------------------------------------------------------------------ the algorithms

    Proc.Result run(List<String> cmd, Path dir) {
        ctx.log.debug(dir + "$ " + String.join(" ", cmd));
        return Proc.run(cmd, dir, ctx.environ);
    }

    Proc.Result check(List<String> cmd, Path dir) {
        return Proc.check(ctx.log, cmd, dir, ctx.environ);
    }

    /** The revision the configuration asks for (kas' {@code revision}); null without commit/tag/branch. */
    public String revision() {
        if (!revisionKnown) {
            revision = computeRevision();
            revisionKnown = true;
        }
        return revision;
    }

    /** Forgets cached answers after the working copy changed. */
    void invalidate() {
        revisionKnown = false;
        dirty = null;
    }

    private String computeRevision() {
        if (commit != null) {
            if (commitPresent && commit.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
                return commit;
            }
            return outputOr(getCommitCmd(), commit);
        }
        if (tag != null) {
            return outputOr(resolveTagCmd(), tag);
        }
        String b = branch != null ? branch : refspec;
        if (b != null) {
            return outputOr(resolveBranchCmd(), b);
        }
        return null;
    }

    private String outputOr(List<String> cmd, String fallback) {
        if (!Files.isDirectory(path)) {
            return fallback;
        }
        Proc.Result r = run(cmd, path);
        String out = r.out().strip();
        return out.isEmpty() ? fallback : out;
    }

    /** The object id of an annotated tag (kas' {@code revision_annotated_tag}), or null. */
    public String revisionAnnotatedTag() {
        if (tag == null) {
            return null;
        }
        List<String> cmd = resolveAnnotatedTagCmd();
        if (cmd == null) {
            return null;
        }
        Proc.Result r = run(cmd, path);
        return r.ok() && !r.out().isBlank() ? r.out().strip() : null;
    }

    /** Whether tracked files have local modifications; local repos always count as dirty. */
    public boolean dirty() {
        if (dirty == null) {
            if (url == null) {
                dirty = true;
            } else {
                dirty = !run(isDirtyCmd(), path).out().isEmpty();
            }
        }
        return dirty;
    }

    /** Whether {@code relPath} is tracked in this repo. */
    public boolean containsPath(String relPath) {
        return run(containsPathCmd(relPath), path).ok();
    }

    private boolean noRef() {
        return commit == null && tag == null && branch == null && refspec == null;
    }

    /** kas' {@code fetch_async}: reference repo, clone, origin url, and a fetch only when the ref is missing. */
    public void fetch() {
        if (operationsDisabled) {
            return;
        }
        Path sdir = ctx.refDir != null ? ctx.refDir.resolve(qualifiedName()) : null;
        if (sdir != null && !Files.exists(sdir)) {
            createReference(sdir);
        }
        if (!Files.exists(path)) {
            ctx.log.info("Cloning repository " + name);
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + path.getParent(), e);
            }
            taskCheck("fetch repos", cloneCmd(sdir != null ? sdir.toString() : null, false), ctx.workDir);
        }
        List<String> setUrl = setRemoteUrlCmd();
        if (setUrl == null) {
            ctx.log.warning("Repo implementation does not support changing the remote url.");
        } else if (!remoteUrlIs(effectiveUrl())) {
            taskCheck("fetch repos", setUrl, path);
        }
        if (noRef()) {
            return;
        }
        invalidate();
        if (!ctx.update || commit != null) {
            Proc.Result r = run(containsRefspecCmd(), path);
            commitPresent = r.ok() && commit != null && "git".equals(type());
            if (r.ok()) {
                ctx.log.info("Repository " + name + " already contains " + firstNonNull(commit, tag, branch, refspec)
                        + " as " + r.out().strip());
                if (branch != null && commit != null && ctx.cloneDepth == 0) {
                    if (!run(branchContainsRefCmd(), path).out().isBlank()) {
                        return;
                    }
                } else {
                    return;
                }
            }
        }
        Proc.Result r = run(fetchCmd(), path);
        if (!r.ok()) {
            throw new KasException("Fetching of repo: \"" + name + "\" failed: " + r.err());
        }
        ctx.log.info("Repository " + name + " updated");
        invalidate();
    }

    /**
     * A failing command inside one of kas' task groups (fetching, patching): its stderr is logged as an error
     * and the failure is reported as {@code <task> failed: error code N}.
     */
    void taskCheck(String task, List<String> cmd, Path dir) {
        try {
            check(cmd, dir);
        } catch (Proc.CommandFailed e) {
            throw new KasException(task + " failed: error code " + e.rc, e);
        }
    }

    /** Creates the shared bare reference repo in a temp dir next to it, then renames it into place. */
    private void createReference(Path sdir) {
        try {
            Files.createDirectories(ctx.refDir);
            Path tmp = Files.createTempDirectory(ctx.refDir, qualifiedName() + ".");
            try {
                taskCheck("fetch repos", cloneCmd(tmp.toString(), true), ctx.workDir);
                ctx.log.debug("Created repo ref for " + qualifiedName());
                try {
                    Files.move(tmp, sdir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    ctx.log.debug("repo " + qualifiedName() + " already cloned by other instance");
                }
            } finally {
                deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the reference repository " + sdir, e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static String firstNonNull(String... s) {
        for (String x : s) {
            if (x != null) {
                return x;
            }
        }
        return null;
    }

    /** kas' {@code checkout}: the wanted ref, unless the working copy is dirty. */
    public void checkout() {
        if (operationsDisabled || noRef()) {
            return;
        }
        if (!ctx.forceCheckout && dirty()) {
            ctx.log.warning("Repo " + name + " is dirty - no checkout");
            return;
        }
        if (tag != null && branch != null) {
            throw new KasException("Both tag \"" + tag + "\" and branch \"" + branch
                    + "\" cannot be specified for repository \"" + name + "\"");
        }
        String desired;
        boolean isBranch;
        if (tag != null) {
            Proc.Result r = run(resolveTagCmd(), path);
            if (!r.ok()) {
                throw new KasException("Tag \"" + tag + "\" cannot be found in repository \"" + name + "\"");
            }
            desired = r.out().strip();
            if (commit != null && !desired.equals(commit) && !commit.equals(revisionAnnotatedTag())) {
                throw new KasException("Provided tag \"" + tag + "\" (\"" + desired + "\") does not match provided "
                        + "commit \"" + commit + "\" in repository \"" + name + "\", aborting!");
            }
            isBranch = false;
        } else if (branch != null) {
            Proc.Result r = run(resolveBranchCmd(), path);
            if (!r.ok()) {
                throw new KasException("Branch \"" + branch + "\" cannot be found in repository \"" + name + "\"");
            }
            if (commit != null && ctx.cloneDepth == 0 && run(branchContainsRefCmd(), path).out().isBlank()) {
                throw new KasException("Branch \"" + branch + "\" in repository \"" + name
                        + "\" does not contain commit \"" + commit + "\"");
            }
            desired = commit != null ? commit : r.out().strip();
            isBranch = true;
        } else if (commit != null) {
            desired = commit;
            isBranch = false;
        } else {
            desired = refspec;
            isBranch = false;
        }
        if (ctx.forceCheckout || !alreadyAt(desired, isBranch)) {
            check(checkoutCmd(desired, isBranch), path);
        }
        dirty = null;
        ctx.log.info("Repository " + name + " checked out to " + desired);
    }

    /** kas' {@code apply_patches_async}: every patch file on a {@code patched-<ref>} branch, one commit each. */
    public void applyPatches(Map<String, Repo> repos) {
        if (operationsDisabled || patches.isEmpty()) {
            return;
        }
        if (dirty()) {
            ctx.log.warning("Repo " + name + " is dirty - no patching");
            return;
        }
        taskCheck("apply patches", preparePatchesCmd(), path);
        record Item(Path file, String id) {
        }
        List<Item> items = new ArrayList<>();
        for (Patch patch : patches) {
            Repo other = repos.get(patch.repo());
            if (other == null) {
                throw new KasException("Could not find referenced repo. (missing repo: " + patch.repo() + ", repo: "
                        + name + ", patch entry: " + patch.id() + ")");
            }
            String raw = join(other.path, patch.path());
            Path file = Path.of(raw).normalize();
            if (!file.startsWith(other.path)) {
                throw new KasException("Invalid patch entry repos." + id + ".patches." + patch.id() + ".path \""
                        + patch.path() + "\": it points outside of repository \"" + other.name + "\" (" + other.path
                        + "; allowed: paths inside it)");
            }
            if (Files.isRegularFile(file)) {
                items.add(new Item(Path.of(raw), patch.id()));
            } else if (Files.isDirectory(file) && Files.isRegularFile(file.resolve("series"))) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file.resolve("series"));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file.resolve("series"), e);
                }
                for (String line : lines) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    int hash = line.indexOf(" #");
                    String entry = (hash >= 0 ? line.substring(0, hash) : line).stripTrailing();
                    String p = join(Path.of(raw), entry);
                    Path pf = Path.of(p).normalize();
                    if (!pf.startsWith(other.path)) {
                        throw new KasException("Invalid quilt series entry \"" + entry + "\" in " + file.resolve("series")
                                + ": it points outside of repository \"" + other.name + "\" (allowed: paths inside it)");
                    }
                    if (!Files.isRegularFile(pf)) {
                        throw new KasException(p);
                    }
                    items.add(new Item(Path.of(p), patch.id()));
                }
            } else {
                throw new KasException("Could not find patch. (patch path: " + raw + ", repo: " + name
                        + ", patch entry: " + patch.id() + ")");
            }
        }
        for (Item it : items) {
            List<String> cmd = applyPatchFileCmd(it.file());
            Proc.Result r = run(cmd, path);
            if (!r.ok()) {
                throw new KasException(patchError("Could not apply patch. Please fix repos and patches:\n"
                        + "patch path: " + it.file() + ", repo: " + name + ", patch entry: " + it.id(), cmd, r));
            }
            ctx.log.info("Patch applied. (patch path: " + it.file() + ", repo: " + name + ", patch entry: " + it.id()
                    + ")");
            cmd = addCmd();
            r = run(cmd, path);
            if (!r.ok()) {
                throw new KasException(patchError("Could not add patched files: repo: " + name, cmd, r));
            }
            String timestamp;
            try {
                timestamp = patchTimestamp(it.file());
                if (timestamp == null) {
                    timestamp = ZonedDateTime.ofInstant(Files.getLastModifiedTime(it.file()).toInstant(),
                            ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
                            Locale.ROOT));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + it.file(), e);
            }
            Map<String, String> env = new java.util.LinkedHashMap<>(ctx.environ);
            cmd = commitCmd(env, "kas <kas@example.com>", "kas: " + it.id() + "\n\npatch " + it.file()
                    + " applied by kas", timestamp);
            ctx.log.debug(path + "$ " + String.join(" ", cmd));
            r = Proc.run(cmd, path, env);
            if (!r.ok()) {
                throw new KasException(patchError("Could not commit patch changes. repo: " + name, cmd, r));
            }
        }
        invalidate();
    }

    private static String patchError(String msg, List<String> cmd, Proc.Result r) {
        StringBuilder sb = new StringBuilder(msg);
        sb.append("\nvcs command: ").append(String.join(" ", cmd));
        if (!r.out().isBlank()) {
            sb.append("\nvcs output:\n").append(r.out().strip());
        }
        if (!r.err().isBlank()) {
            sb.append("\nvcs error:\n").append(r.err().strip());
        }
        return sb.toString();
    }

    /** kas' {@code resolve_local}: url and commit of an unmanaged directory from its VCS, when it has one. */
    private void resolveLocal() {
        if (!Files.isDirectory(path) || !insideVcs(path)) {
            // outside any repository the VCS commands can only fail: skip starting them
            return;
        }
        Proc.Result r = run(getRemoteUrlCmd(), path);
        if (r.ok()) {
            url = r.out().strip();
        }
        r = run(getCommitCmd(), path);
        if (r.ok()) {
            commit = r.out().strip();
        }
        if (url != null && commit != null) {
            ctx.log.debug("Repository " + name + " resolved to " + url + " @ " + commit);
        }
    }

    /** Formats an epoch second in the local zone as kas' diff does ({@code %Y-%m-%d %H:%M:%S}). */
    static String localTime(long epochSecond, String offset) {
        ZoneId zone = offset == null ? ZoneId.systemDefault() : java.time.ZoneOffset.of(offset);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .format(Instant.ofEpochSecond(epochSecond).atZone(zone));
    }

    @Override
    public String toString() {
        return url + ":" + firstNonNull(commit, tag, branch, refspec) + " " + rawPath;
    }
}
