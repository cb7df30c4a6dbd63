package dev.bitzel.kas.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeHandlerTest {
    @TempDir
    Path dir;
    final List<String> warnings = new ArrayList<>();

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private IncludeHandler.Result load(Path... tops) {
        return new IncludeHandler(List.of(tops), dir, warnings::add, ConfigFile::load).load(Map.of());
    }

    @Test
    void includesMergeBeforeTheFileAndKeysKeepFirstPosition() throws IOException {
        write("a.yml", "header: {version: 14}\nmachine: a\nlocal_conf_header: {x: '1', y: '2'}\n");
        write("b.yml", "header: {version: 11}\nmachine: b\nlocal_conf_header: {y: '3'}\ntarget: [t1, t2]\n");
        Path top = write("kas.yml", "header: {version: 23, includes: [a.yml, b.yml]}\ndistro: d\ntarget: [t3]\n");
        Map<String, Object> c = load(top).config();
        assertThat(c.keySet()).containsExactly("header", "machine", "local_conf_header", "target", "distro");
        assertThat(c.get("machine")).isEqualTo("b");
        assertThat(c.get("local_conf_header")).isEqualTo(Map.of("x", "1", "y", "3"));
        assertThat(c.get("target")).isEqualTo(List.of("t3"));
        // the merged header keeps the last includes list (kas drops it only when dumping)
        assertThat(c.get("header")).isEqualTo(Map.of("version", 23, "includes", List.of("a.yml", "b.yml")));
    }

    @Test
    void lockFileIsTheFirstInclude() throws IOException {
        write("kas.lock.yml", "header: {version: 14}\noverrides: {repos: {r: {commit: abc}}}\n");
        Path top = write("kas.yml", "header: {version: 23}\nrepos: {r: {url: u, branch: main}}\n");
        IncludeHandler.Result r = load(top);
        assertThat(r.config().keySet()).containsExactly("header", "overrides", "repos");
        assertThat(r.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactly("kas.lock.yml", "kas.yml");
    }

    @Test
    void nullReplacesAMappingAndAMappingReplacesNull() throws IOException {
        write("base.yml", "header: {version: 23}\nrepos: {r: {layers: {a: disabled, b: }}}\n");
        Path top = write("kas.yml", "header: {version: 23, includes: [base.yml]}\nrepos: {r: {layers: {a: }}}\n");
        assertThat(Values.get(load(top).config(), "repos", "r", "layers"))
                .isEqualTo(new java.util.LinkedHashMap<>(java.util.Map.of("a", "x")) {
                    {
                        put("a", null);
                        put("b", null);
                    }
                });
    }

    @Test
    void repoIncludesOfUnknownReposAreReportedMissing() throws IOException {
        Path top = write("kas.yml", "header: {version: 23, includes: [{repo: other, file: x.yml}]}\n");
        assertThat(load(top).missingRepos()).containsExactly("other");
    }

    @Test
    void fallsBackToFileRelativeIncludesWithAWarning() throws IOException {
        write("sub/inc.yml", "header: {version: 23}\nmachine: m\n");
        Path top = write("sub/kas.yml", "header: {version: 23, includes: [inc.yml]}\n");
        assertThat(load(top).config().get("machine")).isEqualTo("m");
        assertThat(warnings).first().asString().contains("Falling back to file-relative addressing");
    }

    @Test
    void includeCyclesAreErrors() throws IOException {
        write("a.yml", "header: {version: 23, includes: [b.yml]}\n");
        write("b.yml", "header: {version: 23, includes: [a.yml]}\n");
        assertThatThrownBy(() -> load(dir.resolve("a.yml"))).isInstanceOf(KasException.class)
                .hasMessageContaining("Include cycle");
    }

    @Test
    void includesEscapingTheRepositoryAreRefused() throws IOException {
        Path top = write("kas.yml", "header: {version: 23, includes: [../outside.yml]}\n");
        Files.writeString(dir.getParent().resolve("outside.yml"), "header: {version: 23}\n");
        assertThatThrownBy(() -> load(top)).isInstanceOf(KasException.class)
                .hasMessageContaining("include " + dir.getParent().toRealPath().resolve("outside.yml")
                        + " resolves outside repository " + dir)
                .hasMessageContaining("at 'header.includes[0]': \"../outside.yml\"");
    }

    @Test
    void missingIncludeNamesThePath() throws IOException {
        Path top = write("kas.yml", "header: {version: 23, includes: [nope.yml]}\n");
        assertThatThrownBy(() -> load(top)).hasMessage("Configuration file not found: " + dir.resolve("nope.yml"));
    }
}
