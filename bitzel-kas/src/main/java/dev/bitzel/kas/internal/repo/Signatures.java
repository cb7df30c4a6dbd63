package dev.bitzel.kas.internal.repo;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import dev.bitzel.kas.internal.config.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * kas' signature verification of repos marked {@code signed: true} ({@code SignatureValidator} and its key
 * handlers). GPG keys are imported into a kas-private keyring ({@code <work>/.kas_gnupg}, trusted ultimately
 * there); SSH keys become an allowed-signers file ({@code <work>/.kas_ssh-handler/<repo>/allowedSigners}). Then
 * {@code git verify-commit --raw} (or {@code verify-tag}) must succeed with one of the repo's
 * {@code allowed_signers}, before the commit is checked out.
 */
public final class Signatures {
    private final Context ctx;
    private final Map<String, KeyHandler> handlers = new LinkedHashMap<>();

    public Signatures(Context ctx) {
        this.ctx = ctx;
    }

    /** What verification needs of a key type. */
    private interface KeyHandler {
        void prepare(GitRepo repo);

        /** Whether the (successful) verification output names an allowed signer; the signer id or null. */
        Verdict validate(Repo repo, String output);

        String describe(String signerId);
    }

    private record Verdict(boolean valid, String keyId) {
    }

    /** The signers of the configuration with the given type ({@code gpg} when absent). */
    private static Map<String, Map<String, Object>> signers(Map<String, Object> config, String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Values.mapOrEmpty(config.get("signers")).forEach((k, v) -> {
            Map<String, Object> m = Values.mapOrEmpty(v);
            if (type.equals(m.getOrDefault("type", "gpg"))) {
                out.put(k, m);
            }
        });
        return out;
    }

    /**
     * kas' {@code import_keys}: (re)creates the key handlers for the signers of {@code config}; the key files
     * are read from the repos {@code repoOf} answers.
     */
    public void importKeys(Map<String, Object> config, Function<String, Repo> repoOf) {
        Map<String, Map<String, Object>> gpg = signers(config, "gpg");
        if (!gpg.isEmpty()) {
            Path dir = keyDir(".kas_gnupg");
            GpgHandler h = new GpgHandler(dir, gpg, repoOf);
            handlers.put("gpg", h);
        }
        Map<String, Map<String, Object>> ssh = signers(config, "ssh");
        if (!ssh.isEmpty()) {
            Path dir = keyDir(".kas_ssh-handler");
            handlers.put("ssh", new SshHandler(dir, ssh, repoOf));
        }
        if (handlers.containsKey("gpg")) {
            ctx.environ.put("GNUPGHOME", ctx.workDir.resolve(".kas_gnupg").toString());
        }
    }

    private Path keyDir(String name) {
        Path dir = ctx.workDir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ctx.managedPaths.add(dir);
        return dir;
    }

    /** kas' {@code ensure_valid_if_signed}. */
    public void ensureValidIfSigned(Repo repo, Map<String, Object> config) {
        if (repo.allowedSigners == null) {
            return;
        }
        String type = signersType(repo, config);
        KeyHandler h = handlers.get(type);
        if (h == null) {
            throw new KasException("Repository " + repo.name + ": no " + type + " signers are defined in 'signers'");
        }
        if (!(repo instanceof GitRepo git)) {
            throw new KasException("Only git repositories are supported");
        }
        h.prepare(git);
        Proc.Result r = Proc.run(repo.isSignedCmd(), repo.path, ctx.environ);
        ctx.log.debug("Signature verification output (" + r.rc() + "):\n" + r.err());
        Verdict v = r.ok() ? h.validate(repo, r.err()) : new Verdict(false, null);
        String info = v.keyId() != null ? h.describe(v.keyId()) : "No info";
        if (v.valid()) {
            ctx.log.info("Repository " + repo.name + " signature valid: " + info);
            return;
        }
        if (v.keyId() != null) {
            throw new KasException("Repository " + repo.name + " is not signed with a trusted key: " + info);
        }
        throw new KasException("Repository " + repo.name + " is not signed with a trusted key.");
    }

    private static String signersType(Repo repo, Map<String, Object> config) {
        Map<String, Object> all = Values.mapOrEmpty(config.get("signers"));
        Set<Object> types = new LinkedHashSet<>();
        for (String k : repo.allowedSigners) {
            Map<String, Object> s = Values.map(all.get(k));
            if (s == null) {
                throw new KasException("Repository " + repo.name + ": Allowed signer \"'" + k + "'\" not found in config");
            }
            types.add(s.getOrDefault("type", "gpg"));
        }
        if (types.size() > 1) {
            throw new KasException("Repository " + repo.name + ": Mixed signer types are not supported");
        }
        return (String) types.iterator().next();
    }

    private static Path keyFile(String signerId, Map<String, Object> loc, Function<String, Repo> repoOf) {
        Repo r = repoOf.apply((String) loc.get("repo"));
        if (r == null) {
            throw new KasException("Could not import key \"" + signerId + "\": repo \"" + loc.get("repo")
                    + "\" is not defined");
        }
        Path f = r.path.resolve((String) loc.get("path")).normalize();
        if (!f.startsWith(r.path)) {
            throw new KasException("Could not import key \"" + signerId + "\": path \"" + loc.get("path")
                    + "\" points outside of repository \"" + r.name + "\"");
        }
        return f;
    }

    // ------------------------------------------------------------------ GnuPG

    private final class GpgHandler implements KeyHandler {
        private final Path home;
        private final Map<String, String> fingerprints = new LinkedHashMap<>();

        GpgHandler(Path home, Map<String, Map<String, Object>> signers, Function<String, Repo> repoOf) {
            this.home = home;
            for (Key k : listKeys()) {
                ctx.log.debug("Resetting trust level for key \"" + k.fingerprint() + "\"");
                trust(k.fingerprint(), 3);
            }
            for (Map.Entry<String, Map<String, Object>> e : signers.entrySet()) {
                String name = e.getKey();
                Map<String, Object> loc = e.getValue();
                String fingerprint = (String) loc.get("fingerprint");
                Proc.Result imported;
                if (loc.containsKey("path")) {
                    Path f = keyFile(name, loc, repoOf);
                    if (!Files.isRegularFile(f)) {
                        throw new KasException("Could not import key \"" + name + "\": No keys imported (no file " + f
                                + ")");
                    }
                    imported = gpg("--status-fd", "1", "--import", f.toString());
                } else if (listKeys().stream().anyMatch(k -> k.fingerprint().equals(fingerprint))) {
                    ctx.log.debug("Key \"" + name + "\" with fingerprint \"" + fingerprint
                            + "\" already cached, skipping download");
                    trust(fingerprint, 6);
                    fingerprints.put(name, fingerprint);
                    continue;
                } else {
                    imported = gpg("--status-fd", "1", "--keyserver", (String) loc.get("gpg_keyserver"),
                            "--recv-keys", fingerprint);
                }
                int count = 0;
                List<String> fps = new ArrayList<>();
                for (String line : imported.out().split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 3 && f[0].equals("[GNUPG:]") && f[1].equals("IMPORT_RES")) {
                        count = Integer.parseInt(f[2]);
                    } else if (f.length >= 4 && f[0].equals("[GNUPG:]") && f[1].equals("IMPORT_OK")) {
                        fps.add(f[3]);
                    }
                }
                if (count == 0) {
                    throw new KasException("Could not import key \"" + name + "\": No keys imported");
                }
                if (count > 1) {
                    throw new KasException("Could not import key \"" + name + "\": Multiple keys imported");
                }
                if (fps.isEmpty()) {
                    throw new KasException("Could not import key \"" + name + "\": No keys imported");
                }
                String actual = fps.get(0);
                if (fingerprint != null && !actual.equals(fingerprint)) {
                    throw new KasException("Could not import key \"" + name + "\": Fingerprints do not match: Key has \""
                            + actual + "\". Expected \"" + fingerprint + "\".");
                }
                // a kas-private keyring: what is imported here is trusted here
                trust(actual, 6);
                fingerprints.put(name, actual);
                ctx.log.debug("Imported key \"" + name + "\" with fingerprint \"" + actual + "\"");
            }
        }

        private Proc.Result gpg(String... args) {
            List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--no-tty"));
            cmd.addAll(List.of(args));
            Map<String, String> env = new LinkedHashMap<>(ctx.environ);
            env.put("GNUPGHOME", home.toString());
            return Proc.run(cmd, ctx.workDir, env);
        }

        private record Key(String fingerprint, List<String> uids) {
        }

        private List<Key> listKeys() {
            Proc.Result r = gpg("--with-colons", "--fixed-list-mode", "--fingerprint", "--list-keys");
            List<Key> keys = new ArrayList<>();
            String fpr = null;
            List<String> uids = null;
            boolean primary = false;
            for (String line : r.out().split("\n")) {
                String[] f = line.split(":", -1);
                switch (f[0]) {
                    case "pub" -> {
                        if (fpr != null) {
                            keys.add(new Key(fpr, uids));
                        }
                        fpr = null;
                        uids = new ArrayList<>();
                        primary = true;
                    }
                    case "sub" -> primary = false;
                    case "fpr" -> {
                        if (primary && fpr == null && f.length > 9) {
                            fpr = f[9];
                        }
                    }
                    case "uid" -> {
                        if (uids != null && f.length > 9) {
                            uids.add(unescapeColons(f[9]));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (fpr != null) {
                keys.add(new Key(fpr, uids));
            }
            return keys;
        }

        private String unescapeColons(String s) {
            return s.replace("\\x3a", ":");
        }

        private void trust(String fingerprint, int level) {
            try {
                Path f = Files.createTempFile(home, "ownertrust", ".txt");
                try {
                    Files.writeString(f, fingerprint + ":" + level + ":\n");
                    Proc.Result r = gpg("--import-ownertrust", f.toString());
                    if (!r.ok()) {
                        throw new KasException("gpg returned an error - return code " + r.rc() + ": " + r.err().strip());
                    }
                } finally {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String fingerprint(String keyName) {
            String fp = fingerprints.get(keyName);
            if (fp == null) {
                throw new KasException("Key \"" + keyName + "\" not found");
            }
            return fp;
        }

        private String keyId(String fingerprint) {
            for (Map.Entry<String, String> e : fingerprints.entrySet()) {
                if (e.getValue().equals(fingerprint)) {
                    return e.getKey();
                }
            }
            return null;
        }

        @Override
        public void prepare(GitRepo repo) {
            // the keyring is selected through GNUPGHOME in the environment
        }

        @Override
        public Verdict validate(Repo repo, String output) {
            List<String> allowed = repo.allowedSigners.stream().map(this::fingerprint).toList();
            List<String> sigs = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (line.contains("VALIDSIG")) {
                    String[] f = line.trim().split("\\s+");
                    sigs.add(f[f.length - 1]);
                }
            }
            if (sigs.isEmpty()) {
                return new Verdict(false, null);
            }
            for (String s : sigs) {
                if (allowed.contains(s)) {
                    return new Verdict(true, keyId(s));
                }
            }
            return new Verdict(false, keyId(sigs.get(0)));
        }

        @Override
        public String describe(String signerId) {
            String fp = fingerprint(signerId);
            List<String> uids = listKeys().stream().filter(k -> k.fingerprint().equals(fp)).findFirst()
                    .map(Key::uids).orElse(List.of());
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < fp.length(); i += 4) {
                if (i > 0) {
                    grouped.append(' ');
                }
                grouped.append(fp, i, Math.min(fp.length(), i + 4));
            }
            return "Fingerprint " + grouped + " from " + String.join(" aka ",
                    uids.stream().map(u -> "\"" + u + "\"").toList());
        }
    }

    // ------------------------------------------------------------------ SSH

    private final class SshHandler implements KeyHandler {
        private record Signer(String type, String key, String comment, String fingerprint, String size) {
        }

        private final Path dir;
        private final Map<String, Signer> signers = new LinkedHashMap<>();

        SshHandler(Path dir, Map<String, Map<String, Object>> config, Function<String, Repo> repoOf) {
            this.dir = dir;
            for (Map.Entry<String, Map<String, Object>> e : config.entrySet()) {
                String name = e.getKey();
                Path pub = keyFile(name, e.getValue(), repoOf);
                Proc.Result lf = Proc.run(List.of("ssh-keygen", "-lf", pub.toString()), ctx.workDir, ctx.environ);
                if (!lf.ok()) {
                    throw new KasException("Could not import key \"" + name + "\": ssh-keygen -lf " + pub + " failed: "
                            + lf.err().strip());
                }
                String[] parts = lf.out().trim().split("\\s+");
                String size = parts[0];
                String fp = parts[1];
                String comment = String.join(" ", List.of(parts).subList(2, parts.length - 1));
                String rawType = parts[parts.length - 1].replace("(", "").replace(")", "");
                String type = keyName(rawType, size);
                Object want = e.getValue().get("fingerprint");
                if (want != null && !want.equals(fp)) {
                    throw new KasException("Could not import key \"" + name + "\": Fingerprints do not match: Key has \""
                            + fp + "\". Expected \"" + want + "\".");
                }
                Proc.Result raw = Proc.run(List.of("ssh-keygen", "-mRFC4716", "-ef", pub.toString()), ctx.workDir,
                        ctx.environ);
                if (!raw.ok()) {
                    throw new KasException("Could not import key \"" + name + "\": " + raw.err().strip());
                }
                StringBuilder key = new StringBuilder();
                for (String line : raw.out().split("\n")) {
                    if (!line.startsWith("----") && !line.startsWith("Comment:")) {
                        key.append(line.strip());
                    }
                }
                signers.put(name, new Signer(type.toLowerCase(java.util.Locale.ROOT), key.toString(), comment, fp,
                        size));
            }
        }

        private String keyName(String name, String size) {
            switch (name) {
                case "DSA":
                    return "ssh-dss";
                case "RSA":
                    return "ssh-rsa";
                case "ED25519":
                    return "ssh-ed25519";
                case "ECDSA":
                    if (List.of("256", "384", "521").contains(size)) {
                        return "ecdsa-sha2-nistp" + size;
                    }
                    break;
                default:
                    break;
            }
            throw new KasException("Unsupported key type \"" + name + "\" with size \"" + size + "\"");
        }

        @Override
        public void prepare(GitRepo repo) {
            Path trust = dir.resolve(repo.name);
            Path file = trust.resolve("allowedSigners");
            StringBuilder sb = new StringBuilder();
            for (String k : repo.allowedSigners) {
                Signer s = signers.get(k);
                sb.append('"').append(s.comment()).append("\" namespaces=\"git\" ").append(s.type()).append(' ')
                        .append(s.key()).append('\n');
            }
            try {
                Files.createDirectories(trust);
                Files.writeString(file, sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            Proc.check(ctx.log, List.of("git", "config", "--file", repo.configFile().toString(),
                    "gpg.ssh.allowedSignersFile", file.toString()), repo.path, ctx.environ);
        }

        @Override
        public Verdict validate(Repo repo, String output) {
            String[] words = output.trim().split("\\s+");
            String fp = words[words.length - 1];
            for (Map.Entry<String, Signer> e : signers.entrySet()) {
                if (e.getValue().fingerprint().equals(fp)) {
                    return new Verdict(true, e.getKey());
                }
            }
            return new Verdict(true, null);
        }

        @Override
        public String describe(String signerId) {
            Signer s = signers.get(signerId);
            return "Fingerprint " + s.fingerprint() + " (" + s.type() + ") from \"" + s.comment() + "\"";
        }
    }
}
