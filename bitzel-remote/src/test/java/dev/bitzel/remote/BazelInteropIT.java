package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.util.JsonFormat;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.internal.proto.bep.BuildEvent;
import dev.bitzel.sandbox.Sandbox;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real REAPI client against {@code bitzel serve}'s server: Debian's Bazel 4.2.3 ({@code apt-get install
 * bazel-bootstrap}) builds a small offline genrule workspace with Bitzel as remote cache, as remote executor and as
 * BES backend. Skipped, saying why, when no {@code bazel} is on the PATH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BazelInteropIT {

    @TempDir
    static Path tmp;

    ContentStore store;
    Sandbox sandbox;
    RemoteServer server;
    Path workspace;
    Path outputRoot;
    String url;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(onPath("bazel"), "no 'bazel' on the PATH: install Debian's bazel-bootstrap (Bazel 4.2.3) to run"
                + " the REAPI interoperability test");
        store = Cas.open(Files.createDirectories(tmp.resolve("cas")));
        sandbox = Sandbox.create(tmp.resolve("helper"));
        server = RemoteServer.builder(store).execution(sandbox).build().start();
        url = "grpc://127.0.0.1:" + server.port();
        workspace = Files.createDirectories(tmp.resolve("ws"));
        outputRoot = Files.createDirectories(tmp.resolve("bazel-root"));
        Files.writeString(workspace.resolve("WORKSPACE"), "");
        Files.writeString(workspace.resolve("BUILD"), String.join("\n",
                "genrule(name = \"a\", outs = [\"a.txt\"], cmd = \"echo hello > $@\")",
                "genrule(name = \"b\", srcs = [\":a\"], outs = [\"b.txt\"], cmd = \"cat $< $< > $@; echo world >> $@\")",
                "genrule(name = \"d\", srcs = [\":b\"], outs = [\"dir\"],",
                "        cmd = \"mkdir -p $@/sub && cp $< $@/sub/x && echo y > $@/y\")",
                ""));
    }

    @AfterAll
    void stop() throws Exception {
        if (workspace != null) {
            bazel("shutdown");
        }
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    String bazel(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bazel", "--nohome_rc", "--output_user_root=" + outputRoot,
                "--max_idle_secs=120"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workspace.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("bazel finished").isTrue();
        assertThat(p.exitValue()).as("bazel %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    @Order(1)
    void aCleanRebuildIsServedFromTheRemoteCache() throws Exception {
        String first = bazel("build", "//:all", "--remote_cache=" + url);
        assertThat(first).contains("3 linux-sandbox").doesNotContain("remote cache hit");
        bazel("clean");
        String second = bazel("build", "//:all", "--remote_cache=" + url);
        assertThat(second).contains("3 remote cache hit");
        assertThat(workspace.resolve("bazel-bin/b.txt")).hasContent("hello\nhello\nworld");
        assertThat(workspace.resolve("bazel-bin/dir/sub/x")).hasContent("hello\nhello\nworld");
    }

    @Test
    @Order(2)
    void actionsRunOnTheRemoteExecutorAndItsEventsReachTheBes() throws Exception {
        bazel("clean");
        Path bep = tmp.resolve("bep.json");
        String out = bazel("build", "//:all", "--remote_executor=" + url, "--spawn_strategy=remote",
                "--genrule_strategy=remote", "--noremote_accept_cached", "--bes_backend=" + url, "--bes_timeout=30s",
                "--build_event_json_file=" + bep);
        assertThat(out).contains("3 remote.");
        assertThat(workspace.resolve("bazel-bin/dir/y")).hasContent("y");

        // The BES received the build's events; they parse with Bitzel's copy of Bazel's BEP schema.
        assertThat(server.buildEventInvocations()).hasSize(1);
        List<String> received = server.buildEventsJson(server.buildEventInvocations().get(0));
        assertThat(received).anyMatch(e -> e.contains("\"started\"")).anyMatch(e -> e.contains("\"buildFinished\""));

        // Bazel's own JSON file parses with the same schema, event for event.
        List<String> lines = Files.readAllLines(bep);
        JsonFormat.Parser parser = JsonFormat.parser().ignoringUnknownFields();
        List<BuildEvent> events = new ArrayList<>();
        for (String line : lines) {
            BuildEvent.Builder b = BuildEvent.newBuilder();
            parser.merge(line, b);
            events.add(b.build());
        }
        assertThat(events).anyMatch(e -> e.hasStarted() && !e.getStarted().getUuid().isEmpty());
        assertThat(events).anyMatch(e -> e.hasFinished() && e.getFinished().getExitCode().getCode() == 0);
        assertThat(events).anyMatch(e -> e.hasCompleted() && e.getCompleted().getSuccess()
                && e.getId().getTargetCompleted().getLabel().equals("//:d"));
        assertThat(received).hasSameSizeAs(lines);
    }

    @Test
    @Order(3)
    void aCleanRemoteBuildIsACacheHit() throws Exception {
        bazel("clean");
        String out = bazel("build", "//:all", "--remote_executor=" + url, "--spawn_strategy=remote",
                "--genrule_strategy=remote");
        assertThat(out).contains("3 remote cache hit");
    }
}
