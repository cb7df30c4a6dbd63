package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.internal.bb.BitbakePython;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The answers the host gives now to what {@link ConfigRecorder} recorded, described as comparable text. */
final class HostState {
    private HostState() {
    }

    /**
     * What a path is: {@code "-"} missing, {@code "d"} a directory, {@code "f"} a file ({@code "fx"} executable),
     * {@code "o"} something else, {@code "l>TARGET:STATE"} a symbolic link and what it leads to.
     */
    static String probe(String path) {
        Path p = Path.of(path);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return "-";
        }
        if (a.isSymbolicLink()) {
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                target = "?";
            }
            BasicFileAttributes followed;
            try {
                followed = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException | RuntimeException e) {
                return "l>" + target + ":-";
            }
            return "l>" + target + ":" + kind(p, followed);
        }
        return kind(p, a);
    }

    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "d";
        }
        if (a.isRegularFile()) {
            return Files.isExecutable(p) ? "fx" : "f";
        }
        return "o";
    }

    /** The names in a directory, hashed; {@code "-"} when it cannot be listed. */
    static String listing(String path) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(path))) {
            for (Path e : entries) {
                names.add(e.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            return "-";
        }
        names.sort(null);
        MessageDigest md = ParseCache.sha256();
        for (String n : names) {
            md.update((n + '\0').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** An environment variable of this process, {@code "\0unset"} when unset. */
    static String environment(String name) {
        String v = System.getenv(name);
        return v == null ? "\0unset" : "=" + v;
    }

    static String commandKey(List<String> argv, String cwd, boolean mergeStderr) {
        return String.join("\0", argv) + "\1" + cwd + "\1" + mergeStderr;
    }

    /** Runs a command recorded under {@link #commandKey} again. */
    static String command(String key) {
        String[] parts = key.split("\1", -1);
        return BitbakePython.rerunCommand(List.of(parts[0].split("\0", -1)), parts[1], Boolean.parseBoolean(parts[2]));
    }

    /** A host fact as {@link BitbakePython#currentHostFact} reads it now. */
    static String hostFact(String name) {
        return BitbakePython.currentHostFact(name);
    }
}
