package dev.bitzel.kas.internal.build;

import dev.bitzel.kas.internal.Config;
import dev.bitzel.kas.internal.repo.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** kas' {@code write_bbconfig}: {@code conf/bblayers.conf} and {@code conf/local.conf}, byte for byte. */
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

    /** The text of bblayers.conf: header blocks, the layers in kas' order relative to {@code ${TOPDIR}}. */
    public static String bblayers(String header, List<Repo> repos, Path buildDir) {
        List<Repo.Layer> layers = new ArrayList<>();
        for (Repo r : repos) {
            layers.addAll(r.layers);
        }
        layers.sort(Repo.Layer.ORDER);
        List<String> lines = new ArrayList<>();
        for (Repo.Layer l : layers) {
            lines.add("${TOPDIR}/" + relPath(buildDir, l.path()));
        }
        return header + "BBLAYERS ?= \" \\\n    " + String.join(" \\\n    ", lines) + "\"\n"
                + "BBPATH ?= \"${TOPDIR}\"\n" + "BBFILES ??= \"\"\n";
    }

    /** The text of local.conf. */
    public static String localConf(Config config) {
        StringBuilder sb = new StringBuilder(config.confHeader("local_conf_header"));
        sb.append("MACHINE ??= \"").append(config.machine()).append("\"\n");
        sb.append("DISTRO ??= \"").append(config.distro()).append("\"\n");
        sb.append("BBMULTICONFIG ?= \"").append(config.multiconfig()).append("\"\n");
        if ("isar-rootless".equals(config.buildSystem())) {
            sb.append("ISAR_ROOTLESS ?= \"1\"\n");
        }
        return sb.toString();
    }

    /** Python's os.path.relpath. */
    public static String relPath(Path base, Path target) {
        String r = base.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString();
        return r.isEmpty() ? "." : r;
    }

    /** Writes both files. */
    public static void write(Config config, List<Repo> repos, Path buildDir) {
        try {
            Files.createDirectories(buildDir.resolve("conf"));
            Files.writeString(buildDir.resolve("conf/bblayers.conf"),
                    bblayers(config.confHeader("bblayers_conf_header"), repos, buildDir));
            Files.writeString(buildDir.resolve("conf/local.conf"), localConf(config));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration in " + buildDir, e);
        }
    }

    /** kas' {@code setup_dir}: the build dir (its parent must exist) with a CACHEDIR.TAG. */
    public static void setupDir(Path buildDir) {
        try {
            if (!Files.exists(buildDir)) {
                Files.createDirectory(buildDir);
            }
            Path tag = buildDir.resolve("CACHEDIR.TAG");
            if (!Files.exists(tag)) {
                Files.writeString(tag, CACHEDIR_TAG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the build directory " + buildDir, e);
        }
    }
}
