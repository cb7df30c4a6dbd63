package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.config.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code repos} after defaults and overrides: where it lives, what to check out, its layers
 * and patches.
 */
public final class Repo {
    private static final Set<String> LEGACY_OFF = Set.of("excluded", "n", "no", "0", "false");

    /** An enabled layer: absolute path and priority. */
    public record Layer(String relPath, Path path, int prio) {
    }

    /** A patch entry (null entries are dropped). */
    public record Patch(String id, String repo, String path) {
    }

    public final String id;
    public final String name;
    public final String url;
    public final String type;
    public final String commit;
    public final String branch;
    public final String tag;
    public final String refspec;
    public final Path path;
    public final boolean signed;
    public final List<String> allowedSigners;
    public final List<Layer> layers;
    public final List<Patch> patches;
    /** Whether the commit came from {@code overrides} (a lock file), not from the repo entry. */
    public final boolean commitFromOverride;

    private Repo(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.url = b.url;
        this.type = b.type;
        this.commit = b.commit;
        this.branch = b.branch;
        this.tag = b.tag;
        this.refspec = b.refspec;
        this.path = b.path;
        this.signed = b.signed;
        this.allowedSigners = List.copyOf(b.allowedSigners);
        this.layers = List.copyOf(b.layers);
        this.patches = List.copyOf(b.patches);
        this.commitFromOverride = b.commitFromOverride;
    }

    private static final class Builder {
        String id;
        String name;
        String url;
        String type = "git";
        String commit;
        String branch;
        String tag;
        String refspec;
        Path path;
        boolean signed;
        List<String> allowedSigners = List.of();
        List<Layer> layers = new ArrayList<>();
        List<Patch> patches = new ArrayList<>();
        boolean commitFromOverride;
    }

    /** Managed repositories have a url; the others are plain local directories kas never touches. */
    public boolean managed() {
        return url != null;
    }

    /** Builds every repo of a merged configuration, in configuration order. */
    public static Map<String, Repo> all(Map<String, Object> config, Context ctx, Path topRepoPath) {
        Map<String, Repo> out = new LinkedHashMap<>();
        Map<String, Object> repos = Values.mapOrEmpty(config.get("repos"));
        for (Map.Entry<String, Object> e : repos.entrySet()) {
            out.put(e.getKey(), of(e.getKey(), Values.mapOrEmpty(e.getValue()), config, ctx, topRepoPath));
        }
        return out;
    }

    static Repo of(String id, Map<String, Object> rc, Map<String, Object> config, Context ctx, Path topRepoPath) {
        Map<String, Object> defaults = Values.mapOrEmpty(Values.get(config, "defaults", "repos"));
        Map<String, Object> over = Values.mapOrEmpty(Values.get(config, "overrides", "repos", id));
        Builder b = new Builder();
        b.id = id;
        b.name = rc.get("name") instanceof String s ? s : id;
        b.url = (String) rc.get("url");
        b.type = rc.get("type") instanceof String s ? s : "git";
        b.refspec = (String) (rc.containsKey("refspec") ? rc.get("refspec") : defaults.get("refspec"));
        if (b.refspec == null) {
            b.commit = (String) rc.get("commit");
            b.branch = (String) (rc.containsKey("branch") ? rc.get("branch") : defaults.get("branch"));
            b.tag = (String) (rc.containsKey("tag") ? rc.get("tag") : defaults.get("tag"));
            if (over.containsKey("commit")) {
                b.commitFromOverride = over.get("commit") != null;
                b.commit = (String) over.get("commit");
            }
            if (over.containsKey("branch")) {
                b.branch = (String) over.get("branch");
            }
            if (over.get("url") instanceof String u) {
                b.url = u;
            }
        } else {
            ctx.warnOnce("Using deprecated refspec for repository \"" + id
                    + "\". You should migrate to commit/tag/branch.");
            if (rc.get("commit") != null || rc.get("branch") != null || rc.get("tag") != null) {
                throw new KasException("Unsupported mixture of legacy refspec and commit/tag/branch for repository \""
                        + id + "\"");
            }
            if (over.get("commit") instanceof String c) {
                b.refspec = c;
                b.commitFromOverride = true;
            }
        }
        if (b.url != null && !ctx.quietFloating && !ctx.update && !b.commitFromOverride && b.commit == null) {
            if (b.tag != null) {
                ctx.warnOnce("Using tag without commit for repository \"" + id
                        + "\" is unsafe as tags are mutable.");
            } else if (b.branch != null) {
                ctx.warnOnce("Using branch without commit for repository \"" + id
                        + "\" is unsafe. Either add a commit or use a lock file.");
            }
        }
        if (b.tag != null && b.branch != null) {
            throw new KasException("Both tag \"" + b.tag + "\" and branch \"" + b.branch
                    + "\" cannot be specified for repository \"" + id + "\"");
        }
        String p = (String) rc.get("path");
        if (b.url == null) {
            b.path = p != null ? ctx.workDir.resolve(p).normalize() : topRepoPath;
        } else {
            if (b.commit == null && b.branch == null && b.tag == null && b.refspec == null) {
                throw new KasException("No commit, tag or branch specified for repository \"" + id
                        + "\". This is only allowed for local repositories.");
            }
            b.path = ctx.workDir.resolve(p != null ? p : b.name).normalize();
            confine(ctx, b.path, id, p);
        }
        b.signed = Boolean.TRUE.equals(rc.get("signed"));
        if (rc.get("allowed_signers") instanceof List<?> l) {
            b.allowedSigners = l.stream().map(Object::toString).toList();
        }
        if (b.signed && b.allowedSigners.isEmpty()) {
            throw new KasException("Repository \"" + id + "\" is signed but no allowed signers specified.");
        }
        if (!rc.containsKey("layers")) {
            b.layers.add(new Layer(".", b.path, 0));
        } else {
            for (Map.Entry<String, Object> le : Values.mapOrEmpty(rc.get("layers")).entrySet()) {
                Object v = le.getValue();
                int prio = 0;
                if (v instanceof Map<?, ?> m) {
                    prio = m.get("prio") instanceof Number n ? n.intValue() : 0;
                } else if ("disabled".equals(v)) {
                    continue;
                } else if (v != null) {
                    String token = Values.pyStr(v);
                    if (LEGACY_OFF.contains(token) || token.equals("False")) {
                        ctx.warnOnce("Use of deprecated value \"" + token + "\" for repo \"" + id + "\", layer \""
                                + le.getKey() + "\". Replace with \"disabled\".");
                        continue;
                    }
                }
                b.layers.add(new Layer(le.getKey(), b.path.resolve(le.getKey()).normalize(), prio));
            }
        }
        Object defPatchRepo = Values.get(config, "defaults", "repos", "patches", "repo");
        List<String> ids = new ArrayList<>(Values.mapOrEmpty(rc.get("patches")).keySet());
        ids.sort(null);
        for (String pid : ids) {
            Map<String, Object> pe = Values.map(Values.mapOrEmpty(rc.get("patches")).get(pid));
            if (pe == null) {
                continue;
            }
            Object pr = pe.containsKey("repo") ? pe.get("repo") : defPatchRepo;
            b.patches.add(new Patch(pid, (String) pr, (String) pe.get("path")));
        }
        return new Repo(b);
    }

    /**
     * Refuses managed checkouts (which kas clones into and resets) at the work or build dir itself, or at a
     * relative path that climbs out of the work dir. Absolute paths are the user's explicit choice.
     */
    private static void confine(Context ctx, Path path, String id, String written) {
        boolean absolute = written != null && Path.of(written).isAbsolute();
        if (path.equals(ctx.workDir) || path.equals(ctx.buildDir) || (!absolute && !path.startsWith(ctx.workDir))) {
            throw new KasException("Invalid configuration: repos." + id + (written != null ? ".path \"" + written
                    + "\"" : ".name") + " puts the checkout at " + path + ", outside of the kas work dir "
                    + ctx.workDir + " or on top of it (allowed: a directory below the work dir, or an absolute path)");
        }
    }

    /** KAS_PREMIRRORS applied to the url: lines of "regex replacement". */
    public String effectiveUrl(Map<String, String> env) {
        String mirrors = env.getOrDefault("KAS_PREMIRRORS", "");
        for (String line : mirrors.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(parts[0]).matcher(url);
            if (m.lookingAt()) {
                return m.replaceFirst(parts[1].replace("\\", "\\\\").replace("$", "\\$"));
            }
        }
        return url;
    }
}
