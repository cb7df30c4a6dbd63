package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteExecutorTest {

    @TempDir
    Path tmp;

    Sandbox sandbox;
    Harness harness;
    Path input;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.create(tmp.resolve("sandbox-helper"));
        harness = new Harness(tmp.resolve("server"), 1 << 20, sandbox, null);
        input = Files.createDirectories(tmp.resolve("input"));
        Files.writeString(input.resolve("in.txt"), "hello remote\n");
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
        sandbox.close();
    }

    RemoteExecutor.Spawn spawn(String script, boolean cacheable) {
        return new RemoteExecutor.Spawn(List.of("/bin/sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"), input,
                List.of("out/up.txt", "out/d"), Duration.ofMinutes(1), cacheable);
    }

    static final String SCRIPT = "mkdir -p out/d/e && tr a-z A-Z < in.txt > out/up.txt && echo x > out/d/e/x"
            + " && echo to-stderr >&2";

    @Test
    void runsTheCommandInTheSandboxOnItsInputsAndFetchesFilesAndTrees() throws Exception {
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        Path outDir = Files.createDirectories(tmp.resolve("fetched"));
        RemoteExecutor.SpawnResult r = executor.execute(spawn(SCRIPT, true), outDir);
        assertThat(r.result().exitCode()).isZero();
        assertThat(r.cached()).isFalse();
        assertThat(outDir.resolve("out/up.txt")).hasContent("HELLO REMOTE");
        assertThat(outDir.resolve("out/d/e/x")).hasContent("x");
        assertThat(new String(harness.store.get(r.result().stderrDigest()), StandardCharsets.UTF_8))
                .isEqualTo("to-stderr\n");
        assertThat(harness.store.actionCache().get(r.actionDigest())).isPresent();

        RemoteExecutor.SpawnResult again = executor.execute(spawn(SCRIPT, true), Files.createDirectories(
                tmp.resolve("again")));
        assertThat(again.cached()).isTrue();
        assertThat(executor.lookup(spawn(SCRIPT, true))).isPresent();
    }

    @Test
    void aFailingCommandIsAResultAndIsNotCached() throws Exception {
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        RemoteExecutor.SpawnResult r = executor.execute(spawn("echo nope >&2; exit 3", true),
                Files.createDirectories(tmp.resolve("o")));
        assertThat(r.result().exitCode()).isEqualTo(3);
        assertThat(harness.store.actionCache().get(r.actionDigest())).isEmpty();
    }

    @Test
    void aDroppedExecutionStreamIsReattachedWithWaitExecution() throws Exception {
        harness.faults.breakExecute.set(1);
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        RemoteExecutor.SpawnResult r = executor.execute(spawn(SCRIPT + " && sleep 0.3", false),
                Files.createDirectories(tmp.resolve("o")));
        assertThat(r.result().exitCode()).isZero();
        assertThat(harness.faults.count("Execute")).isEqualTo(1);
        assertThat(harness.faults.count("WaitExecution")).isEqualTo(1);
    }

    @Test
    void anActionWhoseInputsAreMissingFailsNamingThem() throws Exception {
        RemoteClient client = harness.client();
        // Upload a Command and an Action but not the input tree they name.
        var tree = dev.bitzel.cas.MerkleTree.build(input);
        byte[] command = dev.bitzel.remote.internal.proto.reapi.Command.newBuilder().addArguments("/bin/true").build()
                .toByteArray();
        byte[] action = dev.bitzel.remote.internal.proto.reapi.Action.newBuilder()
                .setCommandDigest(dev.bitzel.remote.internal.Protos.toProto(Digest.of(command)))
                .setInputRootDigest(dev.bitzel.remote.internal.Protos.toProto(tree.root())).build().toByteArray();
        Map<Digest, byte[]> blobs = Map.of(Digest.of(command), command, Digest.of(action), action);
        client.upload(blobs.keySet(), RemoteClientTest.source(blobs));
        assertThatThrownBy(() -> client.execute(Digest.of(action), false)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining("blobs/" + tree.root());
    }

    @Test
    void theCacheOnlyStrategyRecordsALocalRunAndFindsItAgain() throws Exception {
        try (ContentStore local = Cas.open(Files.createDirectories(tmp.resolve("local")))) {
            RemoteExecutor executor = new RemoteExecutor(harness.client());
            RemoteExecutor.Spawn s = spawn(SCRIPT, true);
            assertThat(executor.lookup(s)).isEmpty();
            Digest up = local.put("HELLO".getBytes(StandardCharsets.UTF_8));
            ActionResult ran = ActionResult.of(0, List.of(new ActionResult.OutputFile("out/up.txt", up, false)));
            Digest key = executor.upload(s, ran, local::open);
            assertThat(key).isEqualTo(executor.actionDigest(s));
            assertThat(executor.lookup(s)).get().extracting(r -> r.result().outputFiles())
                    .isEqualTo(ran.outputFiles());
        }
    }
}
