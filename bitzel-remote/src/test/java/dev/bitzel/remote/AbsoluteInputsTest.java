package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Directory;
import dev.bitzel.cas.MerkleTree;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server side of {@link RemoteExecutor#ABSOLUTE_INPUTS}: an input root that mirrors absolute paths is presented
 * at those paths in the sandbox, read-only except the output paths, and the outputs come back with their symbolic
 * links as they are.
 */
class AbsoluteInputsTest {

    @TempDir
    Path tmp;

    Sandbox sandbox;
    ContentStore serverStore;
    RemoteServer server;
    RemoteClient client;
    /** A top-level directory that exists only in the input root, never on this host. */
    final String top = "bitzel-abs-" + UUID.randomUUID();
    Path mirror;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.create(tmp.resolve("sandbox-helper"));
        serverStore = Cas.open(Files.createDirectories(tmp.resolve("server-cas")));
        server = RemoteServer.builder(serverStore).execution(sandbox).absoluteInputs(true).build().start();
        client = RemoteClient.connect(RemoteOptions.builder(Endpoint.parse("grpc://127.0.0.1:" + server.port()))
                .build());
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        Path src = Files.createDirectories(mirror.resolve(top + "/src"));
        Files.writeString(src.resolve("in.txt"), "hello absolute\n");
        Files.createSymbolicLink(src.resolve("rel-link"), Path.of("in.txt"));
        Path out = Files.createDirectories(mirror.resolve(top + "/work/out"));
        Files.writeString(out.resolve("old.txt"), "old\n");
        Files.writeString(out.resolve("gone.txt"), "to be removed\n");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
        serverStore.close();
        sandbox.close();
    }

    RemoteExecutor.SpawnResult run(String script, List<String> outputs, Map<String, String> platform)
            throws IOException, InterruptedException {
        MerkleTree tree = MerkleTree.build(mirror);
        RemoteExecutor.Spawn spawn = new RemoteExecutor.Spawn(List.of("/bin/sh", "-c", script),
                Map.of("PATH", "/usr/bin:/bin"), mirror, outputs, Duration.ofMinutes(1), false, platform);
        return new RemoteExecutor(client).execute(spawn, tree, d -> Files.newInputStream(tree.files().get(d)));
    }

    String text(dev.bitzel.cas.Digest d) throws IOException {
        return new String(serverStore.get(d), StandardCharsets.UTF_8);
    }

    @Test
    void theInputRootAppearsAtItsAbsolutePathsReadOnlyExceptTheOutputs() throws Exception {
        String t = "/" + top;
        RemoteExecutor.SpawnResult r = run("cd " + t + "/work/out && cat " + t + "/src/rel-link > up.txt"
                + " && echo more >> old.txt && rm gone.txt && ln -s " + t + "/src/in.txt abs-link"
                + " && mkdir -p empty && (echo x > " + t + "/src/in.txt) 2>/dev/null || echo src-is-read-only;"
                + " pwd", List.of(top + "/work/out"), Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1"));
        assertThat(r.result().exitCode()).as(text(r.result().stderrDigest())).isZero();
        assertThat(text(r.result().stdoutDigest())).isEqualTo("src-is-read-only\n" + t + "/work/out\n");
        assertThat(r.result().outputDirectories()).singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo(top + "/work/out"));
        Directory out = serverStore.getDirectory(r.result().outputDirectories().get(0).rootDigest());
        assertThat(out.files()).extracting(Directory.FileNode::name).containsExactly("old.txt", "up.txt");
        assertThat(text(out.files().get(0).digest())).isEqualTo("old\nmore\n");
        assertThat(text(out.files().get(1).digest())).isEqualTo("hello absolute\n");
        // an absolute link is an output like any other: kept as it is, not followed, not removed
        assertThat(out.symlinks()).containsExactly(new Directory.SymlinkNode("abs-link", t + "/src/in.txt"));
        assertThat(out.directories()).extracting(Directory.DirectoryNode::name).containsExactly("empty");
        assertThat(Path.of(t)).as("nothing of the input root reaches the host's own paths").doesNotExist();
    }

    @Test
    void inputsUnderTmpAppearInTheSandboxesOwnWritableTmp() throws Exception {
        Path inTmp = Files.createDirectories(mirror.resolve("tmp/" + top + "/build"));
        Files.writeString(inTmp.resolve("conf"), "under tmp\n");
        String t = "/tmp/" + top;
        RemoteExecutor.SpawnResult r = run("cat " + t + "/build/conf && echo scratch > /tmp/scratch && cat /tmp/scratch"
                + " && echo out > " + t + "/build/out/f", List.of("tmp/" + top + "/build/out"),
                Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1"));
        assertThat(r.result().exitCode()).as(text(r.result().stderrDigest())).isZero();
        assertThat(text(r.result().stdoutDigest())).isEqualTo("under tmp\nscratch\n");
        assertThat(r.result().outputDirectories()).extracting(ActionResult.OutputDirectory::path)
                .containsExactly("tmp/" + top + "/build/out");
    }

    @Test
    void anOutputPathMissingFromTheInputRootIsCreatedAsADirectory() throws Exception {
        RemoteExecutor.SpawnResult r = run("echo made > /" + top + "/new/dir/f", List.of(top + "/new/dir"),
                Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1"));
        assertThat(r.result().exitCode()).as(text(r.result().stderrDigest())).isZero();
        List<ActionResult.OutputDirectory> dirs = r.result().outputDirectories();
        assertThat(dirs).extracting(ActionResult.OutputDirectory::path).containsExactly(top + "/new/dir");
        assertThat(serverStore.getDirectory(dirs.get(0).rootDigest()).files()).extracting(Directory.FileNode::name)
                .containsExactly("f");
    }

    @Test
    void theActionHasNoNetworkAndTheHostNetworkIsRefusedUnlessOffered() throws Exception {
        RemoteExecutor.SpawnResult r = run("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '", List.of(),
                Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1", RemoteExecutor.NETWORK, "none"));
        assertThat(r.result().exitCode()).isZero();
        assertThat(text(r.result().stdoutDigest())).isEqualTo("lo\n");
        assertThatThrownBy(() -> run("true", List.of(), Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1",
                RemoteExecutor.NETWORK, "host"))).isInstanceOf(RemoteException.class)
                .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining(RemoteExecutor.NETWORK);
    }

    @Test
    void topLevelNamesTheSandboxProvidesAndOutputsThroughLinksAreRefused() throws Exception {
        Files.createDirectories(mirror.resolve("etc"));
        Files.writeString(mirror.resolve("etc/passwd"), "root::0:0::/:/bin/sh\n");
        assertThatThrownBy(() -> run("true", List.of(), Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1")))
                .isInstanceOf(RemoteException.class).hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("'/etc' would hide the sandbox's own /etc");
        Files.delete(mirror.resolve("etc/passwd"));
        Files.delete(mirror.resolve("etc"));
        Files.createSymbolicLink(mirror.resolve(top + "/escape"), Path.of("src"));
        assertThatThrownBy(() -> run("true", List.of(top + "/escape/out"), Map.of(RemoteExecutor.ABSOLUTE_INPUTS,
                "1"))).isInstanceOf(RemoteException.class).hasMessageContaining("INVALID_ARGUMENT")
                .hasMessageContaining("passes through '" + top + "/escape'");
    }

    @Test
    void aServerThatDoesNotOfferTheModeRefusesItNamingTheProperty() throws Exception {
        try (ContentStore plainStore = Cas.open(Files.createDirectories(tmp.resolve("plain-cas")));
                RemoteServer plain = RemoteServer.builder(plainStore).execution(sandbox).build().start();
                RemoteClient c = RemoteClient.connect(RemoteOptions.builder(
                        Endpoint.parse("grpc://127.0.0.1:" + plain.port())).build())) {
            MerkleTree tree = MerkleTree.build(mirror);
            RemoteExecutor.Spawn spawn = new RemoteExecutor.Spawn(List.of("/bin/true"), Map.of(), mirror, List.of(),
                    Duration.ofMinutes(1), false, Map.of(RemoteExecutor.ABSOLUTE_INPUTS, "1"));
            assertThatThrownBy(() -> new RemoteExecutor(c).execute(spawn, tree,
                    d -> Files.newInputStream(tree.files().get(d)))).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining(RemoteExecutor.ABSOLUTE_INPUTS);
        }
    }
}
