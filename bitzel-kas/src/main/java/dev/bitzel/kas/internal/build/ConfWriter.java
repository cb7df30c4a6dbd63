package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Writes {@code conf/bblayers.conf} and {@code conf/local.conf} byte for byte as kas does. */
public final class ConfWriter {
    static final String CACHEDIR_TAG = """
            Signature: 8a477f597d28d172789f06886806bc55
            # This file is a cache directory tag created by kas.
            # For information about cache directory tags, see:
            # https://bford.info/cachedir/spec.html
            #
            # kas build directory
            """;

    private ConfWriter() {
    }

    /** The text of bblayers.conf for these repos, relative to {@code buildDir}. */
    public static String bblayers(Map<String, Object> config, Iterable<Repo> repos, Path buildDir) {
        StringBuilder sb = new StringBuilder();
        headers(sb, Values.mapOrEmpty(config.get("bblayers_conf_header")));
        record L(int prio, String repoName, String path) {
        }
        List<L> layers = new ArrayList<>();
        for (Repo r : repos) {
            for (Repo.Layer l : r.layers) {
                layers.add(new L(l.prio(), r.name, l.path().toString()));
            }
        }
        layers.sort(Comparator.comparingInt((L l) -> -l.prio()).thenComparing(L::repoName).thenComparing(L::path));
        sb.append("BBLAYERS ?= \" \\\n");
        List<String> lines = new ArrayList<>();
        for (L l : layers) {
            lines.add("    ${TOPDIR}/" + relPath(buildDir, Path.of(l.path())));
        }
        sb.append(lines.isEmpty() ? "    " : String.join(" \\\n", lines)).append("\"\n");
        sb.append("BBPATH ?= \"${TOPDIR}\"\n");
        sb.append("BBFILES ??= \"\"\n");
        return sb.toString();
    }

    /** The text of local.conf. */
    public static String localConf(Map<String, Object> config, List<String> targets, String machine, String distro) {
        StringBuilder sb = new StringBuilder();
        headers(sb, Values.mapOrEmpty(config.get("local_conf_header")));
        sb.append("MACHINE ??= \"").append(machine).append("\"\n");
        sb.append("DISTRO ??= \"").append(distro).append("\"\n");
        Set<String> mc = new LinkedHashSet<>();
        for (String t : targets) {
            if (t.startsWith("mc:") || t.startsWith("multiconfig:")) {
                String[] parts = t.split(":");
                if (parts.length > 1) {
                    mc.add(parts[1]);
                }
            }
        }
        sb.append("BBMULTICONFIG ?= \"").append(String.join(" ", mc)).append("\"\n");
        if ("isar-rootless".equals(config.get("build_system"))) {
            sb.append("ISAR_ROOTLESS ?= \"1\"\n");
        }
        return sb.toString();
    }

    private static void headers(StringBuilder sb, Map<String, Object> blocks) {
        for (Map.Entry<String, Object> e : new TreeMap<>(blocks).entrySet()) {
            sb.append("# ").append(e.getKey()).append('\n').append(e.getValue()).append('\n');
        }
    }

    /** Python's os.path.relpath. */
    public static String relPath(Path base, Path target) {
        String r = base.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString();
        return r.isEmpty() ? "." : r;
    }

    /** Writes both files and the CACHEDIR.TAG (only when missing). */
    public static void write(Path buildDir, String bblayers, String localConf) {
        try {
            Files.createDirectories(buildDir.resolve("conf"));
            Files.writeString(buildDir.resolve("conf/bblayers.conf"), bblayers);
            Files.writeString(buildDir.resolve("conf/local.conf"), localConf);
            ensureCacheDirTag(buildDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration in " + buildDir, e);
        }
    }

    public static void ensureCacheDirTag(Path buildDir) throws IOException {
        Files.createDirectories(buildDir);
        Path tag = buildDir.resolve("CACHEDIR.TAG");
        if (!Files.exists(tag)) {
            Files.writeString(tag, CACHEDIR_TAG);
        }
    }
}
