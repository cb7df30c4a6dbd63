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

    @Test
    void buildtoolsIsOpenForFurtherKeysButChecksTheKnownOnes() throws IOException {
        assertThat(load("j.yml", "header: {version: 23}\nbuildtools: {version: '5.0', sha256sum: abc, extra: 1}\n")
                .data()).containsKey("buildtools");
        assertThatThrownBy(() -> load("k.yml", "header: {version: 23}\nbuildtools: {version: 5.0, sha256sum: abc}\n"))
                .hasMessageContaining("at 'buildtools.version': expected a string, got 5.0 (number)");
    }

    @Test
    void signerFingerprintsHaveGpgOrSshLength() {
        assertThatThrownBy(() -> load("l.yml", "header: {version: 23}\nsigners:\n  s: {type: ssh, repo: r, path: k.pub, "
                + "fingerprint: 'SHA256:short'}\n")).hasMessageContaining("at 'signers.s.fingerprint'");
    }

    @Test
    void aJsonSyntaxErrorIsAnInternalErrorAsInKas() {
        assertThatThrownBy(() -> load("m.json", "{\"header\": {\"version\": 23},}"))
                .isInstanceOf(ConfigFile.ConfigSyntaxError.class).hasMessageContaining("m.json at line 1");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertThatThrownBy(() -> load("n.yml", "- header: {version: 23}\n"))
                .hasMessageContaining("the top level must be a mapping, got list");
    }

    @Test
    void includeEntriesAreStringsOrRepoFilePairs() {
        assertThatThrownBy(() -> load("o.yml", "header: {version: 23, includes: [{repo: r}]}\n"))
                .hasMessageContaining("at 'header.includes[0]': 'file' is a required property");
        assertThatThrownBy(() -> load("p.yml", "header: {version: 23, includes: [{repo: r, file: f, x: 1}]}\n"))
                .hasMessageContaining("at 'header.includes[0]': unknown key 'x'");
        assertThatThrownBy(() -> load("q.yml", "header: {version: 23, includes: a.yml}\n"))
                .hasMessageContaining("at 'header.includes': expected a list");
    }

    @Test
    void layerValuesArePrioMappingsNullDisabledOrLegacyTokens() throws IOException {
        assertThat(load("r.yml", "header: {version: 23}\nrepos: {r: {layers: {a: disabled, b: excluded, c: 0, "
                + "d: false, e: {prio: -99}, f: }}}\n").data()).containsKey("repos");
        assertThatThrownBy(() -> load("s.yml", "header: {version: 23}\nrepos: {r: {layers: {a: yes}}}\n"))
                .hasMessageContaining("at 'repos.r.layers.a': expected null (enabled), 'disabled' or a mapping");
        assertThatThrownBy(() -> load("t.yml", "header: {version: 23}\nrepos: {r: {layers: {a: {prio: 100}}}}\n"))
                .hasMessageContaining("at 'repos.r.layers.a.prio': expected an integer from -99 to 99, got 100");
    }

    @Test
    void versionStringsOtherThanTheLegacyOneAreRejected() {
        assertThatThrownBy(() -> load("u.yml", "header: {version: '1.0'}\n"))
                .hasMessageContaining("header.version '1.0' is not supported");
    }
}
