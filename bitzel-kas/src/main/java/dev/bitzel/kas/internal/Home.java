package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * kas' {@code setup_home}: a private temporary HOME for git and the build, holding only what the caller hands
 * over on purpose ({@code GITCONFIG_FILE}, {@code NETRC_FILE}, {@code NPMRC_FILE}, {@code REGISTRY_AUTH_FILE},
 * AWS files, {@code GIT_CREDENTIAL_HELPER}, GitLab CI job tokens). Files are created with mode 0600/0700.
 */
public final class Home implements AutoCloseable {
    /** The variables that configure the home (warned about when {@code -E} keeps the caller's environment). */
    public static final List<String> ENV_VARS = List.of("GIT_CREDENTIAL_HELPER", "GIT_CREDENTIAL_USEHTTPPATH",
            "GITCONFIG_FILE", "AWS_CONFIG_FILE", "AWS_ROLE_ARN", "AWS_SHARED_CREDENTIALS_FILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "NETRC_FILE", "NPMRC_FILE", "REGISTRY_AUTH_FILE");
    static final String KAS_USER_NAME = "kas User";
    static final String KAS_USER_EMAIL = "kas@example.com";

    private final Context ctx;
    private final Path dir;

    private Home(Context ctx, Path dir) {
        this.ctx = ctx;
        this.dir = dir;
    }

    /** Creates and fills the home directory. */
    public static Home create(Context ctx) {
        Path dir;
        try {
            dir = Files.createTempDirectory("kas-home-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary home directory", e);
        }
        Home h = new Home(ctx, dir);
        try {
            Context.ManagedEnv managed = ctx.managedEnv();
            if (managed != null) {
                ctx.log.info("Running on " + managed);
            }
            h.netrc();
            h.npmrc();
            h.registryAuth();
            h.gitconfig();
            h.aws();
        } catch (IOException e) {
            h.close();
            throw new UncheckedIOException("cannot set up the temporary home directory " + dir, e);
        } catch (RuntimeException e) {
            h.close();
            throw e;
        }
        return h;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    private Path pathFromEnv(String name) {
        String raw = ctx.env.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Path p = ctx.cwd.resolve(raw);
        if (!Files.exists(p)) {
            throw new KasException("Environment variable \"" + name + "\" is set, but the path does not exist: " + raw);
        }
        return p;
    }

    private void write(Path file, String text, boolean append) throws IOException {
        Files.createDirectories(file.getParent());
        if (append && Files.exists(file)) {
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, text);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
    }

    private void netrc() throws IOException {
        Path netrc = pathFromEnv("NETRC_FILE");
        if (netrc != null) {
            copy(netrc, dir.resolve(".netrc"));
        }
        String host = ctx.env.get("CI_SERVER_HOST");
        String token = ctx.env.get("CI_JOB_TOKEN");
        if (host != null && !host.isEmpty() && token != null && !token.isEmpty()) {
            write(dir.resolve(".netrc"), "machine " + host + "\nlogin gitlab-ci-token\npassword " + token + "\n", true);
        }
    }

    private void npmrc() throws IOException {
        Path npmrc = pathFromEnv("NPMRC_FILE");
        if (npmrc != null) {
            copy(npmrc, dir.resolve(".npmrc"));
        }
    }

    private void registryAuth() throws IOException {
        Path config = dir.resolve(".docker/config.json");
        Path auth = pathFromEnv("REGISTRY_AUTH_FILE");
        if (auth != null) {
            copy(auth, config);
        } else {
            write(config, "{}", false);
        }
        String registry = ctx.env.get("CI_REGISTRY");
        String token = ctx.env.get("CI_JOB_TOKEN");
        String user = ctx.env.get("CI_REGISTRY_USER");
        if (nonEmpty(registry) && nonEmpty(token) && nonEmpty(user)) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> data = mapper.readValue(Files.readString(config), java.util.LinkedHashMap.class);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> auths = data.get("auths") instanceof java.util.Map<?, ?> m
                    ? (java.util.Map<String, Object>) m : new java.util.LinkedHashMap<>();
            auths.put(registry, java.util.Map.of("auth",
                    Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))));
            data.put("auths", auths);
            write(config, dev.bitzel.kas.internal.config.Emitter.json(data, 4, false).stripTrailing(), false);
        }
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private void gitconfig() throws IOException {
        Path host = pathFromEnv("GITCONFIG_FILE");
        Path kasConfig = dir.resolve(".gitconfig");
        if (host == null && ctx.managedEnv() != null) {
            Path userConfig = Path.of(ctx.env.getOrDefault("HOME", "/nonexistent"), ".gitconfig");
            if (Files.isRegularFile(userConfig)) {
                host = userConfig;
            }
        }
        StringBuilder extra = new StringBuilder();
        String helper = ctx.env.get("GIT_CREDENTIAL_HELPER");
        if (nonEmpty(helper)) {
            extra.append("[credential]\n\thelper = ").append(helper).append('\n');
            String useHttpPath = ctx.env.get("GIT_CREDENTIAL_USEHTTPPATH");
            if (nonEmpty(useHttpPath)) {
                extra.append("\tuseHttpPath = ").append(useHttpPath).append('\n');
            }
        }
        if (ctx.managedEnv() == Context.ManagedEnv.GITLAB_CI && host == null) {
            Path projectDir = pathFromEnv("CI_PROJECT_DIR");
            if (projectDir != null) {
                ctx.log.debug("Adding git safe.directory " + projectDir);
                extra.append("[safe]\n\tdirectory = ").append(projectDir).append('\n');
            }
            String ciServer = ctx.env.get("CI_SERVER_HOST");
            if (nonEmpty(ciServer) && !sshConfigPresent()) {
                ctx.log.debug("Adding GitLab CI ssh -> https rewrites");
                extra.append(gitlabSshRewrite());
            }
        }
        if (host != null) {
            copy(host, kasConfig);
            if (extra.length() > 0) {
                write(kasConfig, "\n" + extra, true);
            }
        } else {
            write(kasConfig, extra.toString(), false);
        }
    }

    private boolean sshConfigPresent() {
        for (String v : List.of("SSH_PRIVATE_KEY", "SSH_PRIVATE_KEY_FILE", "SSH_AUTH_SOCK")) {
            if (ctx.env.containsKey(v)) {
                return true;
            }
        }
        return Files.exists(Path.of(ctx.env.getOrDefault("HOME", "/nonexistent"), ".ssh/config"));
    }

    private String gitlabSshRewrite() {
        String host = ctx.env.get("CI_SERVER_HOST");
        String port = ctx.env.getOrDefault("CI_SERVER_PORT", "443");
        String prot = ctx.env.getOrDefault("CI_SERVER_PROTOCOL", "https");
        String sshHost = ctx.env.getOrDefault("CI_SERVER_SHELL_SSH_HOST", host);
        String sshPort = ctx.env.getOrDefault("CI_SERVER_SHELL_SSH_PORT", "22");
        StringBuilder sb = new StringBuilder();
        for (String h : List.of(host, host + ":" + port)) {
            sb.append("[url \"").append(prot).append("://").append(h).append("/\"]\n");
            for (String v : List.of("git@" + sshHost + ":", "git@" + sshHost + ":" + sshPort,
                    "ssh://git@" + sshHost + "/", "ssh://git@" + sshHost + ":" + sshPort + "/")) {
                sb.append("\tinsteadOf = ").append(v).append('\n');
            }
        }
        return sb.toString();
    }

    private void aws() throws IOException {
        Path awsDir = dir.resolve(".aws");
        Files.createDirectories(awsDir);
        Path conf = pathFromEnv("AWS_CONFIG_FILE");
        Path creds = pathFromEnv("AWS_SHARED_CREDENTIALS_FILE");
        if (conf != null && creds != null) {
            copy(conf, awsDir.resolve("config"));
            copy(creds, awsDir.resolve("credentials"));
        }
        Path token = pathFromEnv("AWS_WEB_IDENTITY_TOKEN_FILE");
        String role = ctx.env.get("AWS_ROLE_ARN");
        if (token != null && nonEmpty(role)) {
            Path tokenCopy = awsDir.resolve("web_identity_token");
            String existing = Files.exists(awsDir.resolve("config")) ? Files.readString(awsDir.resolve("config")) : "";
            String section = "[default]\nrole_arn = " + role + "\nweb_identity_token_file = " + tokenCopy + "\n";
            write(awsDir.resolve("config"), existing.isEmpty() ? section : existing + "\n" + section, false);
            copy(token, tokenCopy);
        }
        if (conf != null) {
            Path fromConf = conf.getParent() == null ? null : conf.getParent().resolve("sso/cache");
            Path fromHome = Path.of(ctx.env.getOrDefault("HOME", "/nonexistent"), ".aws/sso/cache");
            Path cache = fromConf != null && Files.isDirectory(fromConf) ? fromConf
                    : Files.isDirectory(fromHome) ? fromHome : null;
            if (cache != null) {
                copy(conf, awsDir.resolve("config"));
                try (Stream<Path> s = Files.walk(cache)) {
                    for (Path p : s.toList()) {
                        Path t = awsDir.resolve("sso/cache").resolve(cache.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            copy(p, t);
                        }
                    }
                }
            }
        }
    }

    /**
     * Sets the git user for kas' own commits (patches) and answers what was there before, so that
     * {@link #restoreUser} can put it back, as kas does around {@code repos_apply_patches}.
     */
    public String[] useKasIdentity() throws IOException {
        Path config = dir.resolve(".gitconfig");
        String text = Files.exists(config) ? Files.readString(config) : "";
        if (text.lines().noneMatch(l -> l.strip().toLowerCase(java.util.Locale.ROOT).startsWith("[user"))) {
            // no user configured: kas' identity is what both setting and restoring leave behind
            write(config, text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "[user]\n\tname = "
                    + KAS_USER_NAME + "\n\temail = " + KAS_USER_EMAIL + "\n", false);
            return null;
        }
        String name = gitConfigValue(config, "user.name");
        String email = gitConfigValue(config, "user.email");
        setGitConfig(config, "user.name", KAS_USER_NAME);
        setGitConfig(config, "user.email", KAS_USER_EMAIL);
        return new String[] {name != null ? name : KAS_USER_NAME, email != null ? email : KAS_USER_EMAIL};
    }

    /** Puts back the user that {@link #useKasIdentity} replaced. */
    public void restoreUser(String[] user) throws IOException {
        if (user == null) {
            return;
        }
        Path config = dir.resolve(".gitconfig");
        setGitConfig(config, "user.name", user[0]);
        setGitConfig(config, "user.email", user[1]);
    }

    private String gitConfigValue(Path file, String key) {
        Proc.Result r = Proc.run(List.of("git", "config", "--file", file.toString(), "--get", key), dir,
                ctx.environ);
        return r.ok() ? r.out().strip() : null;
    }

    private void setGitConfig(Path file, String key, String value) {
        Proc.check(ctx.log, List.of("git", "config", "--file", file.toString(), key, value), dir, ctx.environ);
    }

    /** Removes the directory. */
    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            ctx.log.debug("could not remove the temporary home " + dir + ": " + e.getMessage());
        }
    }
}
