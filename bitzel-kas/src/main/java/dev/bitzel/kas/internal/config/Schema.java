package dev.bitzel.kas.internal.config;

import dev.bitzel.kas.KasException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of kas' {@code schema-kas.json} (format 23), applied to one file before merging: unknown keys
 * and wrong types are rejected at every level. Errors name the file, the key path and what is allowed.
 */
final class Schema {
    private static final Set<String> TOP = Set.of("header", "build_system", "defaults", "machine", "distro",
            "target", "task", "env", "repos", "bblayers_conf_header", "local_conf_header", "overrides",
            "proxy_config", "menu_configuration", "artifacts", "signers", "_source_dir", "_source_dir_host",
            "buildtools");
    private static final Set<String> REPO = Set.of("name", "url", "type", "commit", "branch", "tag", "refspec",
            "path", "signed", "allowed_signers", "layers", "patches");
    private static final Set<String> LAYER_TOKENS = Set.of("disabled", "excluded", "n", "no", "0", "false");
    private static final List<String> BUILD_SYSTEMS = List.of("openembedded", "oe", "isar", "isar-privileged",
            "isar-rootless");

    private final Path file;

    Schema(Path file) {
        this.file = file;
    }

    void validate(Map<String, Object> data) {
        keys(data, "", TOP);
        if (!data.containsKey("header")) {
            fail("", "'header' is a required property");
        }
        Map<String, Object> header = object(data.get("header"), "header");
        keys(header, "header", Set.of("version", "includes"));
        if (!header.containsKey("version")) {
            fail("header", "'version' is a required property");
        }
        Object v = header.get("version");
        if (!(v instanceof String) && !isInt(v)) {
            fail("header.version", "expected an integer or the string \"0.10\", got " + describe(v));
        }
        if (header.containsKey("includes")) {
            List<?> includes = list(header.get("includes"), "header.includes");
            for (int i = 0; i < includes.size(); i++) {
                String at = "header.includes[" + i + "]";
                Object inc = includes.get(i);
                if (inc instanceof String) {
                    continue;
                }
                if (!(inc instanceof Map<?, ?>)) {
                    fail(at, "expected a file path string or a mapping {repo, file}, got " + describe(inc));
                }
                Map<String, Object> m = Values.map(inc);
                keys(m, at, Set.of("repo", "file"));
                string(required(m, at, "repo"), at + ".repo");
                string(required(m, at, "file"), at + ".file");
            }
        }
        for (String k : List.of("machine", "distro", "task", "_source_dir", "_source_dir_host")) {
            if (data.containsKey(k)) {
                string(data.get(k), k);
            }
        }
        if (data.containsKey("build_system")) {
            Object bs = data.get("build_system");
            if (!BUILD_SYSTEMS.contains(bs)) {
                fail("build_system", describe(bs) + " is not one of " + BUILD_SYSTEMS);
            }
        }
        if (data.containsKey("target")) {
            Object t = data.get("target");
            if (t instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    string(l.get(i), "target[" + i + "]");
                }
            } else if (!(t instanceof String)) {
                fail("target", "expected a string or a list of strings, got " + describe(t));
            }
        }
        if (data.containsKey("defaults")) {
            Map<String, Object> d = object(data.get("defaults"), "defaults");
            keys(d, "defaults", Set.of("repos"));
            if (d.containsKey("repos")) {
                Map<String, Object> r = object(d.get("repos"), "defaults.repos");
                keys(r, "defaults.repos", Set.of("branch", "tag", "refspec", "patches"));
                for (String k : List.of("branch", "tag", "refspec")) {
                    if (r.containsKey(k)) {
                        string(r.get(k), "defaults.repos." + k);
                    }
                }
                if (r.containsKey("patches")) {
                    Map<String, Object> p = object(r.get("patches"), "defaults.repos.patches");
                    keys(p, "defaults.repos.patches", Set.of("repo"));
                    if (p.containsKey("repo")) {
                        string(p.get("repo"), "defaults.repos.patches.repo");
                    }
                }
            }
        }
        if (data.containsKey("env")) {
            for (Map.Entry<String, Object> e : object(data.get("env"), "env").entrySet()) {
                nullableString(e.getValue(), "env." + e.getKey());
            }
        }
        for (String k : List.of("bblayers_conf_header", "local_conf_header", "artifacts")) {
            if (data.containsKey(k)) {
                for (Map.Entry<String, Object> e : object(data.get(k), k).entrySet()) {
                    string(e.getValue(), k + "." + e.getKey());
                }
            }
        }
        if (data.containsKey("menu_configuration")) {
            for (Map.Entry<String, Object> e : object(data.get("menu_configuration"), "menu_configuration")
                    .entrySet()) {
                Object val = e.getValue();
                if (!(val instanceof String || val instanceof Boolean || isInt(val))) {
                    fail("menu_configuration." + e.getKey(), "expected a boolean, string or integer, got "
                            + describe(val));
                }
            }
        }
        if (data.containsKey("proxy_config")) {
            Map<String, Object> p = object(data.get("proxy_config"), "proxy_config");
            keys(p, "proxy_config", Set.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy"));
            p.forEach((k, val) -> string(val, "proxy_config." + k));
        }
        if (data.containsKey("buildtools")) {
            // the schema leaves buildtools open for further keys
            Map<String, Object> b = object(data.get("buildtools"), "buildtools");
            string(required(b, "buildtools", "version"), "buildtools.version");
            string(required(b, "buildtools", "sha256sum"), "buildtools.sha256sum");
            for (String k : List.of("base_url", "filename")) {
                if (b.containsKey(k)) {
                    string(b.get(k), "buildtools." + k);
                }
            }
        }
        if (data.containsKey("overrides")) {
            Map<String, Object> o = object(data.get("overrides"), "overrides");
            keys(o, "overrides", Set.of("repos"));
            if (o.containsKey("repos")) {
                for (Map.Entry<String, Object> e : object(o.get("repos"), "overrides.repos").entrySet()) {
                    String at = "overrides.repos." + e.getKey();
                    Map<String, Object> r = object(e.getValue(), at);
                    keys(r, at, Set.of("commit", "branch", "url"));
                    if (r.containsKey("commit")) {
                        nullableString(r.get("commit"), at + ".commit");
                    }
                    if (r.containsKey("branch")) {
                        nullableString(r.get("branch"), at + ".branch");
                    }
                    if (r.containsKey("url")) {
                        string(r.get("url"), at + ".url");
                    }
                }
            }
        }
        if (data.containsKey("signers")) {
            for (Map.Entry<String, Object> e : object(data.get("signers"), "signers").entrySet()) {
                signer(e.getValue(), "signers." + e.getKey());
            }
        }
        if (data.containsKey("repos")) {
            for (Map.Entry<String, Object> e : object(data.get("repos"), "repos").entrySet()) {
                if (e.getValue() != null) {
                    repo(object(e.getValue(), "repos." + e.getKey()), "repos." + e.getKey());
                }
            }
        }
    }

    private void signer(Object value, String at) {
        Map<String, Object> s = object(value, at);
        keys(s, at, Set.of("type", "repo", "path", "fingerprint", "gpg_keyserver"));
        for (String k : List.of("path", "gpg_keyserver")) {
            if (s.containsKey(k)) {
                string(s.get(k), at + "." + k);
            }
        }
        if (s.containsKey("fingerprint")) {
            Object fp = s.get("fingerprint");
            if (!(fp instanceof String f) || (f.length() != 40 && f.length() != 50)) {
                fail(at + ".fingerprint", "expected a GnuPG fingerprint (40 hex digits) or an SSH fingerprint "
                        + "(SHA256:..., 50 characters), got " + describe(fp));
            }
        }
        Object type = s.getOrDefault("type", "gpg");
        if (!"gpg".equals(type) && !"ssh".equals(type)) {
            fail(at + ".type", describe(type) + " is not one of [gpg, ssh]");
        }
        boolean path = s.containsKey("path");
        boolean keyserver = s.containsKey("gpg_keyserver");
        if (path == keyserver) {
            fail(at, "exactly one of 'path' (with 'repo') or 'gpg_keyserver' (with 'fingerprint') is required");
        }
        if (path && !s.containsKey("repo")) {
            fail(at, "'repo' is required together with 'path'");
        }
        if (keyserver && !s.containsKey("fingerprint")) {
            fail(at, "'fingerprint' is required together with 'gpg_keyserver'");
        }
        if ("ssh".equals(type) && !path) {
            fail(at, "ssh signers need 'path' and 'repo'");
        }
    }

    private void repo(Map<String, Object> r, String at) {
        keys(r, at, REPO);
        for (String k : List.of("name", "commit", "refspec")) {
            if (r.containsKey(k)) {
                string(r.get(k), at + "." + k);
            }
        }
        for (String k : List.of("url", "path", "branch", "tag")) {
            if (r.containsKey(k)) {
                nullableString(r.get(k), at + "." + k);
            }
        }
        if (r.containsKey("type") && !List.of("git", "hg").contains(r.get("type"))) {
            fail(at + ".type", describe(r.get("type")) + " is not one of [git, hg]");
        }
        if (r.containsKey("signed") && !(r.get("signed") instanceof Boolean)) {
            fail(at + ".signed", "expected a boolean, got " + describe(r.get("signed")));
        }
        if (r.containsKey("allowed_signers")) {
            List<?> l = list(r.get("allowed_signers"), at + ".allowed_signers");
            for (int i = 0; i < l.size(); i++) {
                string(l.get(i), at + ".allowed_signers[" + i + "]");
            }
        }
        if (r.containsKey("layers")) {
            for (Map.Entry<String, Object> e : object(r.get("layers"), at + ".layers").entrySet()) {
                layer(e.getValue(), at + ".layers." + e.getKey());
            }
        }
        if (r.containsKey("patches")) {
            for (Map.Entry<String, Object> e : object(r.get("patches"), at + ".patches").entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                String pat = at + ".patches." + e.getKey();
                Map<String, Object> p = object(e.getValue(), pat);
                keys(p, pat, Set.of("repo", "path"));
                string(required(p, pat, "path"), pat + ".path");
                if (p.containsKey("repo")) {
                    string(p.get("repo"), pat + ".repo");
                }
            }
        }
    }

    private void layer(Object v, String at) {
        if (v == null || (v instanceof String s && LAYER_TOKENS.contains(s)) || Boolean.FALSE.equals(v)
                || (isInt(v) && ((Number) v).longValue() == 0)) {
            return;
        }
        if (v instanceof Map<?, ?>) {
            Map<String, Object> m = Values.map(v);
            keys(m, at, Set.of("prio"));
            if (m.containsKey("prio")) {
                Object p = m.get("prio");
                if (!isInt(p) || ((Number) p).longValue() < -99 || ((Number) p).longValue() > 99) {
                    fail(at + ".prio", "expected an integer from -99 to 99, got " + describe(p));
                }
            }
            return;
        }
        fail(at, "expected null (enabled), 'disabled' or a mapping {prio: N}, got " + describe(v));
    }

    private Object required(Map<String, Object> m, String at, String key) {
        if (!m.containsKey(key)) {
            fail(at, "'" + key + "' is a required property");
        }
        return m.get(key);
    }

    private void keys(Map<String, Object> m, String at, Set<String> allowed) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                fail(at, "unknown key '" + k + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList())
                        + ")");
            }
        }
    }

    private Map<String, Object> object(Object v, String at) {
        if (!(v instanceof Map<?, ?>)) {
            fail(at, "expected a mapping, got " + describe(v));
        }
        return Values.map(v);
    }

    private List<?> list(Object v, String at) {
        if (!(v instanceof List<?> l)) {
            fail(at, "expected a list, got " + describe(v));
            return List.of();
        }
        return l;
    }

    private void string(Object v, String at) {
        if (!(v instanceof String)) {
            fail(at, "expected a string, got " + describe(v));
        }
    }

    private void nullableString(Object v, String at) {
        if (v != null && !(v instanceof String)) {
            fail(at, "expected a string or null, got " + describe(v));
        }
    }

    private static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof BigInteger;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "'" + s + "' (string)";
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return "a " + typeName(v);
        }
        return Values.pyStr(v) + " (" + typeName(v) + ")";
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "mapping";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (isInt(v)) {
            return "integer";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof String) {
            return "string";
        }
        return v.getClass().getSimpleName();
    }

    private void fail(String at, String message) {
        throw new KasException("Invalid configuration file " + file + ": "
                + (at.isEmpty() ? "" : "at '" + at + "': ") + message);
    }
}
