package dev.bitzel.kas.internal.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfWriterTest {
    @Test
    void localConfSortsHeaderBlocksByIdAndConcatenatesThemVerbatim() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("zz", "Z = \"1\"\n");
        headers.put("no-newline", "N = 1");
        headers.put("10-x", "");
        Map<String, Object> config = Map.of("local_conf_header", headers, "build_system", "isar-rootless");
        assertThat(ConfWriter.localConf(config, List.of("mc:one:img", "multiconfig:two:img", "plain"), "m", "d"))
                .isEqualTo("""
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
    void relPathIsLikePythons() {
        assertThat(ConfWriter.relPath(java.nio.file.Path.of("/w/build"), java.nio.file.Path.of("/p/meta")))
                .isEqualTo("../../p/meta");
    }
}
