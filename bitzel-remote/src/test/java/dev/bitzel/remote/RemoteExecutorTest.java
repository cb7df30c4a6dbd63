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
import org.junit.jupiter.api.Nested;
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

    @Test
    void anActionMayAskForTheHostsPlatform() throws Exception {
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        RemoteExecutor.Spawn s = new RemoteExecutor.Spawn(List.of("/bin/sh", "-c", SCRIPT), Map.of("PATH",
                "/usr/bin:/bin"), input, List.of("out/up.txt"), Duration.ofMinutes(1), true,
                Map.of("OSFamily", "Linux", "ISA", "x86-64"));
        assertThat(executor.execute(s, Files.createDirectories(tmp.resolve("o"))).result().exitCode()).isZero();
        assertThat(executor.actionDigest(s)).isNotEqualTo(executor.actionDigest(spawn(SCRIPT, true)));
    }

    @Test
    void aPlatformPropertyTheServerCannotSatisfyIsRefusedNamingItWithoutUploadingAgain() throws Exception {
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        RemoteExecutor.Spawn image = new RemoteExecutor.Spawn(List.of("/bin/true"), Map.of(), input, List.of(),
                Duration.ofMinutes(1), true, Map.of("container-image", "docker://debian:12"));
        assertThatThrownBy(() -> executor.execute(image, tmp.resolve("o"))).isInstanceOf(RemoteException.class)
                .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining("container-image")
                .extracting(e -> ((RemoteException) e).missingBlobs()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).isEmpty();
        assertThat(harness.faults.count("Execute")).isEqualTo(1);

        RemoteExecutor.Spawn arm = new RemoteExecutor.Spawn(List.of("/bin/true"), Map.of(), input, List.of(),
                Duration.ofMinutes(1), true, Map.of("OSFamily", "windows"));
        assertThatThrownBy(() -> executor.execute(arm, tmp.resolve("o"))).isInstanceOf(RemoteException.class)
                .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining("OSFamily")
                .hasMessageContaining("windows");
    }

    @Test
    void outputsLeftOnTheServerAreFetchedOneByOneOnDemand() throws Exception {
        RemoteExecutor executor = new RemoteExecutor(harness.client());
        RemoteExecutor.SpawnResult r = executor.execute(spawn(SCRIPT, true));
        assertThat(r.result().exitCode()).isZero();
        assertThat(harness.faults.count("Read")).isZero();
        Path file = tmp.resolve("lazy/up.txt");
        executor.fetch(r, "out/up.txt", file);
        assertThat(file).hasContent("HELLO REMOTE");
        assertThat(tmp.resolve("lazy/d")).doesNotExist();
        executor.fetch(r, "out/d", tmp.resolve("lazy/d"));
        assertThat(tmp.resolve("lazy/d/e/x")).hasContent("x");
        assertThatThrownBy(() -> executor.fetch(r, "out/none", tmp.resolve("lazy/none")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out/none");
    }

    @Nested
    class LocalFallback {
        @Test
        void aServerThatDoesNotExecuteLeavesTheSpawnToTheLocalSandbox() throws Exception {
            try (Harness cacheOnly = new Harness(tmp.resolve("cache-only"), 1 << 20, null, null);
                    ContentStore local = Cas.open(tmp.resolve("local"))) {
                RemoteExecutor plain = new RemoteExecutor(cacheOnly.client());
                assertThatThrownBy(() -> plain.execute(spawn(SCRIPT, true), tmp.resolve("x")))
                        .isInstanceOf(RemoteException.class).hasMessageContaining("UNIMPLEMENTED");

                RemoteExecutor executor = plain.withLocalFallback(sandbox, local, tmp.resolve("scratch"));
                Path out = Files.createDirectories(tmp.resolve("fallback-out"));
                RemoteExecutor.SpawnResult r = executor.execute(spawn(SCRIPT, true), out);
                assertThat(r.executedLocally()).isTrue();
                assertThat(r.result().exitCode()).isZero();
                assertThat(out.resolve("out/up.txt")).hasContent("HELLO REMOTE");
                assertThat(out.resolve("out/d/e/x")).hasContent("x");
                assertThat(new String(local.get(r.result().stderrDigest()), StandardCharsets.UTF_8))
                        .isEqualTo("to-stderr\n");
                assertThat(input.resolve("out")).doesNotExist();
                assertThat(tmp.resolve("scratch")).isEmptyDirectory();
            }
        }

        @Test
        void anUnreachableServerLeavesTheSpawnToTheLocalSandbox() throws Exception {
            try (ContentStore local = Cas.open(tmp.resolve("local"))) {
                harness.faults.fail("Execute", 100, io.grpc.Status.UNAVAILABLE);
                RemoteExecutor executor = new RemoteExecutor(harness.client(b -> b.maxAttempts(2)))
                        .withLocalFallback(sandbox, local, tmp.resolve("scratch"));
                RemoteExecutor.SpawnResult r = executor.execute(spawn("echo local > out/up.txt", true));
                assertThat(r.executedLocally()).isTrue();
                assertThat(harness.faults.count("Execute")).isEqualTo(2);
                executor.fetch(r, "out/up.txt", tmp.resolve("f.txt"));
                assertThat(tmp.resolve("f.txt")).hasContent("local");
            }
        }

        @Test
        void aFailureThatIsNotAboutAvailabilityIsNotRetriedLocally() throws Exception {
            try (ContentStore local = Cas.open(tmp.resolve("local"))) {
                RemoteExecutor executor = new RemoteExecutor(harness.client())
                        .withLocalFallback(sandbox, local, tmp.resolve("scratch"));
                RemoteExecutor.Spawn image = new RemoteExecutor.Spawn(List.of("/bin/true"), Map.of(), input,
                        List.of(), Duration.ofMinutes(1), true, Map.of("container-image", "docker://debian:12"));
                assertThatThrownBy(() -> executor.execute(image)).isInstanceOf(RemoteException.class)
                        .hasMessageContaining("container-image");
            }
        }
    }
}
