package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bitzel graph} on the demo build directory. The expected dot file is what real BitBake 2.8.1's
 * {@code bitbake -g demo-image} wrote for the same layers ({@code @BUILD@} stands for the build directory).
 */
class GraphCommandTest {
    @TempDir
    Path cache;

    MainTest.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--cache-dir";
        all[1] = cache.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return MainTest.run(all);
    }

    @Test
    void printsBitbakesTaskDependsDotLineForLine() throws IOException {
        MainTest.Run run = run("graph", "-d", ParserCommandsTest.DEMO.toString(), "demo-image");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String expected;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                "/graph/demo-image.task-depends.dot"))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@BUILD@", ParserCommandsTest.DEMO.toString());
        }
        assertThat(run.out()).isEqualTo(expected);
    }

    @Test
    void printsJsonWithEdgesAndFlags() throws IOException {
        MainTest.Run run = run("graph", "-d", ParserCommandsTest.DEMO.toString(), "hello-app:do_compile",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode compile = null;
        for (JsonNode task : root.get("tasks")) {
            if (task.get("name").asText().equals("hello-app:do_compile")) {
                compile = task;
            }
        }
        assertThat(compile).isNotNull();
        assertThat(compile.get("depends").toString()).isEqualTo("[\"hello-app:do_configure\"]");
        assertThat(compile.get("version").asText()).isEqualTo(":1.0-r0");
        assertThat(root.get("tasks").size()).isEqualTo(22);
    }

    @Test
    void namesWhatNothingProvidesAndExitsTwo() {
        MainTest.Run run = run("graph", "-d", ParserCommandsTest.DEMO.toString(), "no-such-recipe");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERROR: Nothing PROVIDES 'no-such-recipe'");
    }

    @Test
    void rejectsAnUnknownFormat() {
        MainTest.Run run = run("graph", "-d", ParserCommandsTest.DEMO.toString(), "demo-image", "--format", "svg");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be dot or json, was 'svg'");
    }
}
