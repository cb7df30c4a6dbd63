package dev.bitzel.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the native helper in the jar and extracts it, once per content, to an executable file. */
public final class NativeHelper {
    private static final String RESOURCE = "linux-x86_64/bitzel-sandbox";
    private static final Map<Path, Path> EXTRACTED = new ConcurrentHashMap<>();

    private NativeHelper() {
    }

    /** Why this platform has no helper, or null when it has one. */
    public static String unavailableReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "the sandbox needs Linux on x86-64 (namespaces, seccomp), this is " + os + " " + arch;
        }
        if (NativeHelper.class.getResource(RESOURCE) == null) {
            return "the native helper " + RESOURCE + " is missing from the bitzel-sandbox jar (built without gcc?)";
        }
        return null;
    }

    /** {@code $XDG_CACHE_HOME/bitzel/sandbox}, else {@code ~/.cache/bitzel/sandbox}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("bitzel").resolve("sandbox");
    }

    /** The helper's executable under cacheDir, extracted if absent; keyed by its SHA-256 so versions never clash. */
    public static Path extract(Path cacheDir) throws IOException {
        Path known = EXTRACTED.get(cacheDir);
        if (known != null) {
            return known;
        }
        byte[] bytes;
        try (InputStream in = NativeHelper.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("native helper " + RESOURCE + " missing from the jar");
            }
            bytes = in.readAllBytes();
        }
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path target = cacheDir.resolve(digest).resolve("bitzel-sandbox");
        if (!Files.isExecutable(target) || Files.size(target) != bytes.length) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "helper", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        EXTRACTED.put(cacheDir, target);
        return target;
    }
}
