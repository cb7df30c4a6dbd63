package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.Config;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Proc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * kas' {@code buildtools}: downloads the Yocto buildtools installer named by the configuration (with
 * {@code wget}, as kas does), checks its sha256, installs it into {@code KAS_BUILDTOOLS_DIR} (default
 * {@code <build>/buildtools}) and sources its environment before the init script.
 */
final class Buildtools {
    static final String DEFAULT_BASE_URL = "https://downloads.yoctoproject.org/releases/yocto";

    private Buildtools() {
    }

    /** The {@code source ...} line for the init script wrapper, or "" when no buildtools are configured. */
    static String setup(Config config, Context ctx) {
        Map<String, Object> conf = config.buildtools();
        if (conf == null) {
            return "";
        }
        Path dir = dir(ctx);
        try {
            Files.createDirectories(dir);
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (empty) {
                ctx.log.info("Buildtools (" + dir + "): directory is empty");
                download(conf, dir, ctx);
            } else {
                String found = installedVersion(dir, ctx);
                if (!conf.get("version").equals(found)) {
                    ctx.log.warning("Buildtools: version mismatch");
                    ctx.log.info("Required version: " + conf.get("version"));
                    ctx.log.info("Found version: " + found);
                    Path real = dir.toRealPath();
                    deleteTree(real);
                    Files.createDirectories(real);
                    download(conf, dir, ctx);
                }
            }
            List<Path> envFiles;
            try (Stream<Path> s = Files.list(dir)) {
                envFiles = s.filter(p -> p.getFileName().toString().startsWith("environment-setup-")).toList();
            }
            if (envFiles.size() != 1) {
                throw new KasException("Expected 1 environment setup file, found " + envFiles.size()
                        + ". Invalid or misconfigured buildtools package in " + dir + ".");
            }
            // kas ignores a failing pkg-config check of the environment script
            return "source " + envFiles.get(0).toRealPath() + " || true\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up buildtools in " + dir, e);
        }
    }

    static Path dir(Context ctx) {
        String env = ctx.env.get("KAS_BUILDTOOLS_DIR");
        Path p = env != null && !env.isEmpty() ? ctx.cwd.resolve(env) : ctx.buildDir.resolve("buildtools");
        try {
            return Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static String filename(Map<String, Object> conf) {
        if (conf.get("filename") instanceof String f) {
            return f;
        }
        String arch = System.getProperty("os.arch");
        arch = switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
        return arch + "-buildtools-extended-nativesdk-standalone-" + conf.get("version") + ".sh";
    }

    static String url(Map<String, Object> conf) {
        String base = conf.get("base_url") instanceof String b ? b
                : DEFAULT_BASE_URL + "/yocto-" + conf.get("version") + "/buildtools/";
        return base + "/" + URLEncoder.encode(filename(conf), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void download(Map<String, Object> conf, Path dir, Context ctx) throws IOException {
        ctx.log.info("Downloading Buildtools " + conf.get("version"));
        Path installer = dir.resolve(filename(conf));
        Proc.check(ctx.log, List.of("wget", "-q", "-O", installer.toString(), url(conf)), ctx.workDir, ctx.environ);
        String actual = sha256(installer);
        ctx.log.info("Buildtools installer's checksum (sha256) is: " + actual);
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(conf.get("sha256sum")).getBytes(StandardCharsets.US_ASCII))) {
            throw new KasException("sha256sum mismatch: installer may be corrupted");
        }
        installer.toFile().setExecutable(true);
        Proc.Result r = Proc.run(List.of(installer.toString(), "-d", dir.toString(), "-y"), ctx.workDir,
                Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        if (!r.ok()) {
            throw new KasException("Could not run buildtools installer");
        }
    }

    static String sha256(Path f) throws IOException {
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

    /** The version recorded by an installed buildtools ({@code version-*} file), or "-1" when unreadable. */
    static String installedVersion(Path dir, Context ctx) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().startsWith("version-")).toList();
            if (files.size() != 1) {
                throw new IOException("Invalid number of version files");
            }
            List<String> lines = Files.readAllLines(files.get(0).toRealPath());
            for (String line : lines) {
                if (line.startsWith("Distro Version")) {
                    // kas reads the second line here, whichever line matched
                    return lines.get(1).split(":", 2)[1].strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            ctx.log.warning("Unable to read buildtools version: " + e.getMessage());
        }
        return "-1";
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
