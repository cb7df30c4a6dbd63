package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same project files checked out by Debian's real kas (3.1, configuration format up to 12; {@code .ci/run}
 * installs it) and by Bitzel, each into a work directory of its own: the generated {@code bblayers.conf} and
 * {@code local.conf} must be byte-identical. Skipped where no {@code kas} is installed. Features kas 3.1 lacks
 * (format 13 and later) are covered by the shared kas-cases recorded with kas 5.4.
 */
class DebianKasTest {
    @TempDir
    Path tmp;
    Upstream u;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kas")), "Debian's kas is not installed");
        u = new Upstream(tmp);
        Path core = u.core();
        u.write(core, "meta-extra/conf/layer.conf", "# extra\n");
        u.commit(core, "core: extra layer");
        Path b = u.repo("meta-b");
        u.write(b, "conf/layer.conf", "# b\n");
        u.write(b, "meta-b2/conf/layer.conf", "# b2\n");
        u.commit(b, "b: initial");
    }

    /** Runs /usr/bin/kas checkout FILE in a work directory of its own; answers the two generated files. */
    private String realKas(String file) throws IOException {
        Path work = tmp.resolve("kas-work");
        Files.createDirectories(work);
        u.run(List.of("/usr/bin/kas", "checkout", file), work, Map.of());
        return conf(work);
    }

    private String bitzel(String file) throws IOException {
        u.runner().checkout(file, KasCheckoutOptions.defaults());
        return conf(u.work);
    }

    private static String conf(Path work) throws IOException {
        return "== bblayers.conf\n" + Files.readString(work.resolve("build/conf/bblayers.conf"))
                + "== local.conf\n" + Files.readString(work.resolve("build/conf/local.conf"));
    }

    @Test
    void headersByKeyMachineDistroAndLayersAsKasWritesThem() throws IOException {
        String file = u.project("kas.yml", """
                header:
                  version: 11
                machine: qemuarm64
                distro: poky-tiny
                target: core-image-minimal
                local_conf_header:
                  zz-last: |
                    LAST = "1"
                  aa-first: |
                    FIRST = "1"
                bblayers_conf_header:
                  standard: |
                    POKY_BBLAYERS_CONF_VERSION = "2"
                repos:
                  core:
                    url: "@UP@/core"
                    refspec: main
                    layers:
                      meta:
                      meta-extra:
                  meta-b:
                    url: "@UP@/meta-b"
                    refspec: main
                    layers:
                      .:
                      meta-b2:
                """);
        String expected = realKas(file);
        assertThat(expected).contains("MACHINE ??= \"qemuarm64\"", "${TOPDIR}/../meta-b/meta-b2");
        assertThat(bitzel(file)).isEqualTo(expected);
    }

    @Test
    void includesMergeAsKasMergesThem() throws IOException {
        u.project("common.yml", """
                header:
                  version: 11
                machine: qemux86-64
                local_conf_header:
                  common: |
                    COMMON = "from common"
                  shared: |
                    SHARED = "common"
                repos:
                  core:
                    url: "@UP@/core"
                    refspec: main
                    layers:
                      meta:
                """);
        String file = u.project("kas.yml", """
                header:
                  version: 11
                  includes:
                    - common.yml
                distro: poky
                local_conf_header:
                  shared: |
                    SHARED = "top"
                  top: |
                    TOP = "1"
                repos:
                  core:
                    layers:
                      meta-extra:
                  meta-b:
                    url: "@UP@/meta-b"
                    refspec: main
                """);
        String expected = realKas(file);
        assertThat(expected).contains("SHARED = \"top\"", "${TOPDIR}/../core/meta-extra");
        assertThat(bitzel(file)).isEqualTo(expected);
    }
}
