package dev.bitzel.kas.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private ConfigFile load(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return ConfigFile.load(f);
    }

    @Test
    void readsYaml11ScalarsLikePyYaml() throws IOException {
        ConfigFile f = load("a.yml", "header: {version: 10}\nrepos:\n  r:\n    layers:\n      x: no\n      y: 0\n");
        assertThat(Values.get(f.data(), "repos", "r", "layers", "x")).isEqualTo(false);
        assertThat(Values.get(f.data(), "repos", "r", "layers", "y")).isEqualTo(0);
        assertThat(f.version()).isEqualTo(10);
    }

    @Test
    void unknownKeyNamesFileKeyPathAndAllowedKeys() {
        assertThatThrownBy(() -> load("b.yml", "header: {version: 23}\nrepos:\n  r:\n    brnch: main\n"))
                .isInstanceOf(KasException.class)
                .hasMessageContaining("b.yml")
                .hasMessageContaining("at 'repos.r'")
                .hasMessageContaining("unknown key 'brnch'")
                .hasMessageContaining("allowed: allowed_signers, branch");
    }

    @Test
    void wrongTypeNamesKeyPathAndValue() {
        assertThatThrownBy(() -> load("c.yml", "header: {version: 23}\nmachine: 42\n"))
                .isInstanceOf(KasException.class)
                .hasMessageContaining("at 'machine': expected a string, got 42 (integer)");
    }

    @Test
    void nullLayersIsASchemaError() {
        assertThatThrownBy(() -> load("d.yml", "header: {version: 23}\nrepos:\n  r:\n    layers:\n"))
                .hasMessageContaining("at 'repos.r.layers': expected a mapping, got null");
    }

    @Test
    void versionOutOfRangeIsRejected() {
        assertThatThrownBy(() -> load("e.yml", "header: {version: 24}\n"))
                .hasMessageContaining("header.version 24 is not supported (allowed: 1..23)");
    }

    @Test
    void missingHeaderIsRejected() {
        assertThatThrownBy(() -> load("f.yml", "machine: x\n")).hasMessageContaining("'header' is a required property");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        assertThatThrownBy(() -> load("g.yml", "header:\n  version: 23\n  x: [\n"))
                .isInstanceOf(KasException.class)
                .hasMessageContaining("Configuration file is not valid YAML: Error in line");
    }

    @Test
    void unknownExtensionIsRejected() {
        assertThatThrownBy(() -> load("h.txt", "header: {version: 23}\n"))
                .hasMessageContaining("Config file extension not recognized");
    }

    @Test
    void signersNeedExactlyOneKeySource() {
        assertThatThrownBy(() -> load("i.yml", "header: {version: 23}\nsigners:\n  s: {type: gpg}\n"))
                .hasMessageContaining("at 'signers.s': exactly one of 'path'");
    }
}
