package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KasConfigTest {
    @TempDir
    Path dir;

    @Test
    void mergesLocalIncludesAndReportsRepoIncludes() throws IOException {
        Files.writeString(dir.resolve("inc.yml"), "header: {version: 11}\nmachine: from-inc\n");
        Path top = dir.resolve("kas.yml");
        Files.writeString(top, """
                header:
                  version: 14
                  includes:
                    - inc.yml
                    - repo: meta-x
                      file: kas/x.yml
                distro: d
                """);
        KasConfig c = KasConfig.load(dir, List.of(top));
        assertThat(c.toYaml()).isEqualTo("header:\n  version: 14\nmachine: from-inc\ndistro: d\n");
        assertThat(c.missingRepos()).containsExactly("meta-x");
        assertThat(c.version()).isEqualTo(new KasFormatVersion(14));
        assertThatThrownBy(() -> c.tree().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void credentialsInMessagesAreMasked() {
        assertThat(new KasException("cannot clone https://user:s3cret@git.example.com/x.git").getMessage())
                .isEqualTo("cannot clone https://user:***@git.example.com/x.git");
    }
}
