package dev.bitzel.kas.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmitterTest {

    static String resource(String name) throws IOException {
        try (InputStream in = EmitterTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> input(Path dir) throws IOException {
        Path f = dir.resolve("kas.yml");
        Files.writeString(f, resource("emitter-input.yml"));
        return ConfigFile.load(f).data();
    }

    @Nested
    class Yaml {
        @Test
        void writesLikePyYamlWithKasRepresenters(@TempDir Path dir) throws IOException {
            assertThat(Emitter.yaml(input(dir), 2, false)).isEqualTo(resource("emitter-output.yml"));
        }

        @Test
        void blockScalarWithoutTrailingNewlineGetsStripIndicator() {
            assertThat(Emitter.yaml(Map.of("k", "a\nb"), 2, false)).isEqualTo("k: |-\n  a\n  b\n");
        }

        @Test
        void sortedWithWiderIndentKeepsSequencesUnindented() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("z", java.util.List.of("x"));
            m.put("a", Map.of("b", "c"));
            assertThat(Emitter.yaml(m, 4, true)).isEqualTo("a:\n    b: c\nz:\n- x\n");
        }
    }

    @Nested
    class Json {
        @Test
        void writesLikePythonJsonDump(@TempDir Path dir) throws IOException {
            assertThat(Emitter.json(input(dir), 4, false)).isEqualTo(resource("emitter-output.json"));
        }
    }
}
