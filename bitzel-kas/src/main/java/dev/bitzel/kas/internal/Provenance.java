package dev.bitzel.kas.internal;

import dev.bitzel.kas.internal.config.Emitter;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kas build --provenance}: an in-toto statement with a SLSA v1 provenance predicate, written as kas
 * writes it to {@code <build>/attestation/kas-build.provenance.json}. Subjects are the configured
 * {@code artifacts} (each glob must match); resolved dependencies are the repos (commit, dirty flag, layers;
 * credentials removed from urls) and the configuration files not tracked by any of them (embedded).
 */
final class Provenance {
    static final String SLSA_PROVENANCE_TYPE = "https://slsa.dev/provenance/v1";
    static final String KAS_BUILDER_ID = "https://github.com/siemens/kas";
    static final String KAS_BUILD_TYPE = "https://kas.readthedocs.io/en/" + KasVersion.COMPATIBLE
            + "/userguide/project-configuration.html";
    static final String INTOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    private static final DateTimeFormatter C_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private Provenance() {
    }

    static void write(Session s, LocalDateTime started, LocalDateTime finished, boolean max,
            Commands.BuildOptions o) {
        Map<String, Object> predicate = predicate(s, started, finished, max, o);
        Map<String, Object> statement = statement(s, predicate, started, finished);
        Path dir = s.ctx.buildDir.resolve("attestation");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kas-build.provenance.json"), Emitter.json(statement, 4, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the provenance attestation in " + dir, e);
        }
    }

    static String rfc3339(LocalDateTime t) {
        Instant i = t.atZone(ZoneId.systemDefault()).toInstant();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).format(i.atOffset(ZoneOffset.UTC));
    }

    /** kas' {@code _url_with_protocol}: scp-like git urls become ssh urls; other non-url forms are "None". */
    static String urlWithProtocol(String url) {
        if (url.startsWith("git@")) {
            return "ssh://" + url;
        }
        if (url.startsWith("ssh://") || url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        return "None";
    }

    /** kas' {@code _strip_credentials}: user and password removed, host lower-cased, port kept. */
    static String stripCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                return url;
            }
            StringBuilder sb = new StringBuilder(u.getScheme()).append("://").append(u.getHost().toLowerCase(Locale.ROOT));
            if (u.getPort() >= 0) {
                sb.append(':').append(u.getPort());
            }
            if (u.getRawPath() != null) {
                sb.append(u.getRawPath());
            }
            if (u.getRawQuery() != null) {
                sb.append('?').append(u.getRawQuery());
            }
            if (u.getRawFragment() != null) {
                sb.append('#').append(u.getRawFragment());
            }
            return sb.toString();
        } catch (URISyntaxException e) {
            // not a url java can parse: drop everything up to the last '@' of the authority as a fallback
            int at = url.indexOf('@', scheme);
            int slash = url.indexOf('/', scheme + 3);
            return at >= 0 && (slash < 0 || at < slash) ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
        }
    }

    private static Map<String, Object> predicate(Session s, LocalDateTime started, LocalDateTime finished,
            boolean max, Commands.BuildOptions o) {
        Config config = s.config;
        Context ctx = s.ctx;
        List<Object> deps = new ArrayList<>();
        List<Repo> tracked = new ArrayList<>();
        for (Repo r : config.getRepos()) {
            if (!r.managed() && (r.url == null || r.revision() == null)) {
                continue;
            }
            Map<String, Object> digest = new LinkedHashMap<>();
            digest.put(r.type() + "Commit", r.revision());
            Map<String, Object> annotations = new LinkedHashMap<>();
            annotations.put("dirty", r.dirty());
            List<Object> layers = new ArrayList<>();
            for (Repo.Layer l : r.layers) {
                String rel = r.path.relativize(l.path()).toString();
                layers.add(rel.isEmpty() ? "." : rel);
            }
            annotations.put("layers", layers);
            Map<String, Object> dep = new LinkedHashMap<>();
            dep.put("name", r.name);
            dep.put("uri", r.type() + "+" + urlWithProtocol(stripCredentials(r.url)));
            dep.put("digest", digest);
            dep.put("annotations", annotations);
            deps.add(dep);
            tracked.add(r);
        }
        List<String> configNames = new ArrayList<>();
        for (Path c : config.filenames) {
            Path rel = c.startsWith(ctx.workDir) ? ctx.workDir.relativize(c) : config.topRepoPath().relativize(c);
            String name = rel.toString();
            configNames.add(name);
            if (tracked.stream().anyMatch(r -> r.containsPath(name))) {
                ctx.log.debug("Config file " + name + " is tracked");
                continue;
            }
            try {
                Map<String, Object> rd = new LinkedHashMap<>();
                rd.put("name", name);
                rd.put("content", Base64.getEncoder().encodeToString(Files.readAllBytes(c)));
                rd.put("mediaType", "application/vnd.kas+" + (c.toString().endsWith(".json") ? "json" : "yaml"));
                deps.add(rd);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + c, e);
            }
        }
        Map<String, Object> external = new LinkedHashMap<>();
        external.put("command", "build");
        external.put("config", configNames);
        external.put("target", o.targets() == null || o.targets().isEmpty() ? null : new ArrayList<Object>(o.targets()));
        external.put("task", o.task());
        external.put("extra_bitbake_args", new ArrayList<Object>(o.extraArgs()));
        Map<String, Object> internal = new LinkedHashMap<>();
        if (max) {
            internal.put("env", new LinkedHashMap<String, Object>(config.environment()));
        }
        Map<String, Object> bd = new LinkedHashMap<>();
        bd.put("buildType", KAS_BUILD_TYPE);
        bd.put("externalParameters", external);
        bd.put("internalParameters", internal);
        bd.put("resolvedDependencies", deps);
        Map<String, String> osRelease = Context.osRelease();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("kas", KasVersion.COMPATIBLE);
        version.put("distro.name", osRelease.getOrDefault("ID", ""));
        version.put("distro.version", osRelease.getOrDefault("VERSION_ID", ""));
        String impl = Provenance.class.getPackage().getImplementationVersion();
        version.put("bitzel", impl != null ? impl : "development");
        Map<String, Object> builder = new LinkedHashMap<>();
        builder.put("id", KAS_BUILDER_ID);
        builder.put("version", version);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("invocationId", ctx.env.getOrDefault("CI_JOB_URL", ""));
        metadata.put("startedOn", rfc3339(started));
        metadata.put("finishedOn", rfc3339(finished));
        Map<String, Object> rd = new LinkedHashMap<>();
        rd.put("builder", builder);
        rd.put("metadata", metadata);
        rd.put("byproducts", new ArrayList<>());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("buildDefinition", bd);
        p.put("runDetails", rd);
        return p;
    }

    private static Map<String, Object> statement(Session s, Map<String, Object> predicate, LocalDateTime started,
            LocalDateTime finished) {
        List<Object> subjects = new ArrayList<>();
        for (Config.Artifact a : s.config.artifacts(false)) {
            Path full = s.ctx.buildDir.resolve(a.relPath());
            s.ctx.log.debug("Found artifact " + a.name() + ":" + a.relPath() + " in build dir");
            try {
                LocalDateTime mtime = LocalDateTime.ofInstant(Files.getLastModifiedTime(full).toInstant(),
                        ZoneId.systemDefault());
                if (mtime.isBefore(started) || mtime.isAfter(finished)) {
                    s.ctx.log.warning("Artifact " + a.name() + ":" + full.getFileName() + " mtime " + C_TIME.format(mtime)
                            + " not in build range [" + C_TIME.format(started) + " - " + C_TIME.format(finished) + "]");
                }
                Map<String, Object> subject = new LinkedHashMap<>();
                subject.put("name", full.getFileName().toString());
                subject.put("digest", new LinkedHashMap<>(Map.of("sha256", sha256(full))));
                subjects.add(subject);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read artifact " + full, e);
            }
        }
        if (subjects.isEmpty()) {
            s.ctx.log.warning("Attestation does not contain any artifacts.");
        }
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("_type", INTOTO_STATEMENT_TYPE);
        st.put("subject", subjects);
        st.put("predicateType", SLSA_PROVENANCE_TYPE);
        st.put("predicate", predicate);
        return st;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
