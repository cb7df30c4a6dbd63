package dev.bitzel.kas.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.kas.internal.Config;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfWriterTest {
    @TempDir
    Path dir;

    private Config config(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("kas.yml"), yaml);
        Map<String, String> e = new HashMap<>(env);
        e.put("PATH", System.getenv("PATH"));
        Context ctx = new Context(dir, e, new Log(new PrintStream(new ByteArrayOutputStream()), false));
        Config c = new Config(ctx, "kas.yml", null, null, new HashMap<>());
        c.findMissingRepos(Map.of());
        return c;
    }

    @Test
    void localConfSortsHeaderBlocksByIdAndConcatenatesThemVerbatim() throws IOException {
        Config c = config("""
                header: {version: 23}
                build_system: isar-rootless
                target: [mc:one:img, multiconfig:two:img, plain, mc:one:other]
                local_conf_header:
                  zz: |
                    Z = "1"
                  no-newline: N = 1
                  10-x: ""
                """, Map.of("KAS_MACHINE", "m", "KAS_DISTRO", "d"));
        assertThat(ConfWriter.localConf(c)).isEqualTo("""
                # 10-x

                # no-newline
                N = 1
                # zz
                Z = "1"

                MACHINE ??= "m"
                DISTRO ??= "d"
                BBMULTICONFIG ?= "one two"
                ISAR_ROOTLESS ?= "1"
                """);
    }

    @Test
    void emptyKasMachineStillWinsAsKasReadsItWithOsEnvironGet() throws IOException {
        Config c = config("header: {version: 23}\nmachine: qemuarm\n", Map.of("KAS_MACHINE", ""));
        assertThat(ConfWriter.localConf(c)).contains("MACHINE ??= \"\"\n").contains("DISTRO ??= \"nodistro\"\n");
    }

    @Test
    void bblayersWithoutLayersKeepsKasShape() {
        assertThat(ConfWriter.bblayers("", List.of(), dir)).isEqualTo("BBLAYERS ?= \" \\\n    \"\n"
                + "BBPATH ?= \"${TOPDIR}\"\nBBFILES ??= \"\"\n");
    }

    @Test
    void relPathIsLikePythons() {
        assertThat(ConfWriter.relPath(Path.of("/w/build"), Path.of("/p/meta"))).isEqualTo("../../p/meta");
        assertThat(ConfWriter.relPath(Path.of("/w/build"), Path.of("/w/build"))).isEqualTo(".");
    }
}
