package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.RemoteServer;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bitzel build --remote-exec URL} end to end against an in-process REAPI server with execution, as
 * {@code bitzel serve} runs it: the demo image built with every shell function on the executor is the image a local
 * build writes, byte for byte; its results are cache hits afterwards, locally and for another build directory
 * sharing the server; a server without the absolute-inputs mode makes the build fail saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteExecBuildTest {
    private static final Pattern REMOTE_EXECUTION = Pattern.compile(
            "NOTE: Remote execution: (\\d+) shell functions ran remotely, (\\d+) in the local sandbox");
    private static final Path IMAGE = Path.of("tmp/deploy/images/demo-x86-64/demo-image-demo-x86-64.rootfs.tar");

    private Path top;
    private Sandbox serverSandbox;
    private ContentStore serverStore;
    private RemoteServer server;
    private String url;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        top = BuildCommandTest.copyDemo("rexec-e2e-");
        serverSandbox = Sandbox.create(top.resolve("server-sandbox"));
        serverStore = Cas.open(Files.createDirectories(top.resolve("server-cas")));
        server = RemoteServer.builder(serverStore).execution(serverSandbox).absoluteInputs(true).build().start();
        url = "grpc://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        serverStore.close();
        serverSandbox.close();
        BuildCommandTest.deleteTree(top);
    }

    /** A fresh build directory with the demo's configuration. */
    private Path buildDir(String name) throws IOException {
        Path dir = top.resolve("build-" + name);
        if (!Files.exists(dir)) {
            BuildCommandTest.copyTree(top.resolve("build/conf"), dir.resolve("conf"));
        }
        return dir;
    }

    private MainTest.Run build(String cache, Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("--cache-dir", top.resolve("cache-" + cache).toString(), "build",
                "-d", dir.toString()));
        args.addAll(List.of(options));
        args.add("demo-image");
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void theDemoImageBuiltOnTheExecutorIsTheImageALocalBuildWrites() throws Exception {
        Path local = buildDir("local");
        MainTest.Run here = build("local", local);
        assertThat(here.exitCode()).as(here.err()).isZero();

        Path remote = buildDir("remote");
        Path bep = top.resolve("remote-bep.json");
        MainTest.Run there = build("remote", remote, "--remote-exec", url, "--bep-json", bep.toString());
        assertThat(there.exitCode()).as(there.err()).isZero();
        assertThat(there.out()).contains("47 tasks: 46 executed, 0 cached");
        Matcher m = REMOTE_EXECUTION.matcher(there.err());
        assertThat(m.find()).as(there.err()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("shell functions run remotely").isGreaterThan(0);
        assertThat(Integer.parseInt(m.group(2))).as("shell functions run in the local sandbox").isZero();
        // every task with shell work ran remotely; do_fetch and do_unpack are Python (bb.fetch2) and ran here
        Matcher ran = Pattern.compile("ran: (\\d+) in the sandbox, (\\d+) remote").matcher(there.out());
        assertThat(ran.find()).as(there.out()).isTrue();
        int remoteTasks = Integer.parseInt(ran.group(2));
        assertThat(remoteTasks).isGreaterThan(0);
        assertThat(remoteTasks + Integer.parseInt(ran.group(1))).isEqualTo(46);

        assertThat(Files.readAllBytes(remote.resolve(IMAGE))).isEqualTo(Files.readAllBytes(local.resolve(IMAGE)));
        assertThat(Files.readString(remote.resolve("tmp/work/x86_64-linux/patched-greeting/1.0/temp/log.do_patch")))
                .as("the action's output goes into the task's log").contains("NOTE: applying ");

        JsonNode summary = BuildCommandReportTest.actionSummary(BuildCommandReportTest.events(bep));
        assertThat(summary.path("actionsExecuted").asInt()).isEqualTo(46);
        boolean remoteRunner = false;
        for (JsonNode runner : summary.path("runnerCount")) {
            if (runner.path("name").asText().equals("remote")) {
                remoteRunner = true;
                assertThat(runner.path("count").asInt()).isEqualTo(remoteTasks);
            }
        }
        assertThat(remoteRunner).as(summary.toString()).isTrue();
    }

    @Test
    @Order(2)
    void aBuildAfterDeletingTmpdirIsAllCacheHits() throws Exception {
        Path remote = buildDir("remote");
        byte[] image = Files.readAllBytes(remote.resolve(IMAGE));
        BuildCommandTest.deleteTree(remote.resolve("tmp"));
        MainTest.Run again = build("remote", remote, "--remote-exec", url);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("47 tasks: 0 executed, 46 cached");
        assertThat(Files.readAllBytes(remote.resolve(IMAGE))).isEqualTo(image);
    }

    @Test
    @Order(3)
    void resultsOfRemotelyExecutedTasksAreRemoteCacheHitsForAnotherBuildDirectory() throws Exception {
        Path other = buildDir("other");
        MainTest.Run run = build("other", other, "--remote", url);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("47 tasks: 0 executed, 46 cached").contains("0 local, 46 remote");
        assertThat(Files.readAllBytes(other.resolve(IMAGE)))
                .isEqualTo(Files.readAllBytes(buildDir("local").resolve(IMAGE)));
    }

    @Test
    @Order(5)
    void aFunctionFailingOnTheExecutorFailsItsTaskWithTheLogTail() throws Exception {
        Path main = top.resolve("layers/meta-demo/recipes-core/hello-app/files/main.c");
        Files.writeString(main, Files.readString(main) + "\n#error remote-compile-failure-marker\n");
        MainTest.Run failed = build("failing", buildDir("failing"), "--remote-exec", url);
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(failed.err()).contains("ERROR: Task (hello-app:do_compile) failed with exit code '1'")
                .contains("ERROR: Logfile of failure stored in: ")
                .contains("| main.c:").contains("remote-compile-failure-marker");
    }

    @Test
    @Order(4)
    void aServerWithoutTheAbsoluteInputsModeFailsTheBuildSayingSoUnlessLocalFallbackIsAsked() throws Exception {
        try (ContentStore plainStore = Cas.open(Files.createDirectories(top.resolve("plain-cas")));
                RemoteServer plain = RemoteServer.builder(plainStore).execution(serverSandbox).build().start()) {
            String plainUrl = "grpc://127.0.0.1:" + plain.port();
            MainTest.Run refused = build("plain", buildDir("plain"), "--remote-exec", plainUrl);
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(refused.out() + refused.err()).contains("bitzel-absolute-inputs")
                    .contains("FAILED_PRECONDITION").contains("--remote-local-fallback");

            MainTest.Run fallback = build("fallback", buildDir("fallback"), "--remote-exec", plainUrl,
                    "--remote-local-fallback");
            assertThat(fallback.exitCode()).as(fallback.err()).isZero();
            Matcher m = REMOTE_EXECUTION.matcher(fallback.err());
            assertThat(m.find()).as(fallback.err()).isTrue();
            assertThat(m.group(1)).isEqualTo("0");
            assertThat(Integer.parseInt(m.group(2))).isGreaterThan(0);
            assertThat(fallback.err()).contains("WARNING: remote execution was switched off during this build");
            assertThat(Files.readAllBytes(buildDir("fallback").resolve(IMAGE)))
                    .isEqualTo(Files.readAllBytes(buildDir("local").resolve(IMAGE)));
        }
    }
}
