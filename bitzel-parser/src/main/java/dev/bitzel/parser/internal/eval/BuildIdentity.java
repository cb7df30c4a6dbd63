package dev.bitzel.parser.internal.eval;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;

/**
 * Which build of the parser is running, as far as caches must tell builds apart: a cache written by one build is
 * not read by another, whose parsing (or Python API) may differ. For a jar: its path, size and modification time;
 * for a class directory (tests, development): its path.
 */
final class BuildIdentity {
    private static final String IDENTITY = compute();

    private BuildIdentity() {
    }

    static String get() {
        return IDENTITY;
    }

    private static String compute() {
        CodeSource source = BuildIdentity.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(p)) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return p + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
            }
            return p.toString();
        } catch (URISyntaxException | IOException | IllegalArgumentException | SecurityException e) {
            return source.getLocation().toString();
        }
    }
}
