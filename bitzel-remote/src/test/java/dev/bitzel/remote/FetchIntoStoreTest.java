package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.reapi.ActionCacheGrpc;
import dev.bitzel.remote.internal.proto.reapi.ActionResult;
import dev.bitzel.remote.internal.proto.reapi.GetActionResultRequest;
import dev.bitzel.remote.internal.proto.reapi.OutputDirectory;
import dev.bitzel.remote.internal.proto.reapi.Tree;
import dev.bitzel.remote.internal.server.ServerConfig;
import dev.bitzel.remote.internal.server.Services;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteClient#fetchIntoStore} against a server whose action cache answers what the test makes it answer
 * (its CAS is Bitzel's): a good result lands in the local store whole; a malformed one is refused, naming what is
 * wrong, and the local store's action cache is never given anything.
 */
class FetchIntoStoreTest {

    @TempDir
    Path tmp;

    ContentStore serverStore;
    ContentStore local;
    Services services;
    Server server;
    ManagedChannel channel;
    RemoteClient client;
    final Map<Digest, ActionResult> answers = new ConcurrentHashMap<>();
    final Faults faults = new Faults();

    /** An action cache that answers from {@link #answers}, unchecked. */
    final class ScriptedActionCache extends ActionCacheGrpc.ActionCacheImplBase {
        @Override
        public void getActionResult(GetActionResultRequest request, StreamObserver<ActionResult> response) {
            ActionResult r = answers.get(Protos.fromProto(request.getActionDigest(), "action_digest"));
            if (r == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(r);
            response.onCompleted();
        }
    }

    @BeforeEach
    void start() throws Exception {
        serverStore = Cas.open(tmp.resolve("server"));
        local = Cas.open(tmp.resolve("local"));
        services = new Services(new ServerConfig(serverStore, 1L << 30, 64 << 10, null,
                Files.createDirectories(tmp.resolve("scratch")), 1));
        String name = UUID.randomUUID().toString();
        InProcessServerBuilder b = InProcessServerBuilder.forName(name);
        // The scripted action cache instead of the real one.
        b.addService(io.grpc.ServerInterceptors.intercept(new ScriptedActionCache(), faults));
        services.definitions(List.of(faults)).stream()
                .filter(d -> !d.getServiceDescriptor().getName().endsWith("ActionCache"))
                .forEach(b::addService);
        server = b.build().start();
        channel = InProcessChannelBuilder.forName(name).build();
        client = RemoteClient.forChannel(channel, RemoteOptions.builder(Endpoint.parse("grpc://in-process:1"))
                .maxAttempts(1).build());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdownNow();
        services.close();
        serverStore.close();
        local.close();
    }

    /** Stores a directory tree on the server; returns its root and the digest of its stored Tree blob. */
    private Digest[] serverTree() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree/sub"));
        Files.writeString(dir.resolve("f.txt"), "file in a tree", StandardCharsets.UTF_8);
        Files.write(dir.getParent().resolve("big.bin"), new byte[200_000]);
        Digest root = serverStore.putTree(dir.getParent());
        Tree tree = new dev.bitzel.remote.internal.server.ResultConverter(serverStore).tree(root);
        Digest treeDigest = serverStore.put(tree.toByteArray());
        return new Digest[] {root, treeDigest};
    }

    private ActionResult result(String path, Digest root, Digest tree) {
        return ActionResult.newBuilder().addOutputDirectories(OutputDirectory.newBuilder().setPath(path)
                .setRootDirectoryDigest(Protos.toProto(root)).setTreeDigest(Protos.toProto(tree))).build();
    }

    @Test
    void aGoodResultLandsWholeInTheLocalStore() throws Exception {
        Digest[] t = serverTree();
        Digest key = Digest.ofUtf8("good");
        answers.put(key, result("out", t[0], t[1]));
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        client.fetchIntoStore(r, local);
        local.actionCache().put(key, r);
        Path restored = tmp.resolve("restored");
        local.materializeTree(r.outputDirectories().get(0).rootDigest(), restored);
        assertThat(restored.resolve("sub/f.txt")).hasContent("file in a tree");
        assertThat(Files.size(restored.resolve("big.bin"))).isEqualTo(200_000);
    }

    @Test
    void anOutputPathLeavingTheWorkDirectoryIsRefused() throws Exception {
        Digest[] t = serverTree();
        Digest key = Digest.ofUtf8("escape");
        answers.put(key, result("../escape", t[0], t[1]));
        assertThatThrownBy(() -> client.getActionResult(key)).isInstanceOf(RemoteException.class)
                .satisfies(e -> assertThat(((RemoteException) e).code()).isEqualTo("DATA_LOSS"))
                .hasMessageContaining("../escape");
    }

    @Test
    void aTreeWhoseRootIsNotTheNamedRootIsRefused() throws Exception {
        Digest[] t = serverTree();
        Digest other = serverStore.putTree(Files.createDirectories(tmp.resolve("other")));
        Digest key = Digest.ofUtf8("wrong root");
        answers.put(key, result("out", other, t[1]));
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        assertThatThrownBy(() -> client.fetchIntoStore(r, local)).isInstanceOf(RemoteException.class)
                .satisfies(e -> assertThat(((RemoteException) e).code()).isEqualTo("DATA_LOSS")).hasMessageContaining(t[1].toString())
                .hasMessageContaining(other.toString());
        assertThat(local.findMissing(List.of(t[0]))).containsExactly(t[0]);
    }

    @Test
    void aTreeBlobThatIsNoTreeIsRefused() throws Exception {
        Digest[] t = serverTree();
        Digest garbage = serverStore.put("this is not a Tree message \u0000\u00ff".getBytes(StandardCharsets.UTF_8));
        Digest key = Digest.ofUtf8("garbage tree");
        answers.put(key, result("out", t[0], garbage));
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        assertThatThrownBy(() -> client.fetchIntoStore(r, local)).isInstanceOf(RemoteException.class)
                .satisfies(e -> assertThat(((RemoteException) e).code()).isEqualTo("DATA_LOSS")).hasMessageContaining(garbage.toString());
    }

    @Test
    void aTreeThatLacksADirectoryItNamesIsRefused() throws Exception {
        Digest[] t = serverTree();
        Tree full = Tree.parseFrom(serverStore.get(t[1]));
        Digest truncated = serverStore.put(full.toBuilder().clearChildren().build().toByteArray());
        Digest key = Digest.ofUtf8("truncated tree");
        answers.put(key, result("out", t[0], truncated));
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        assertThatThrownBy(() -> client.fetchIntoStore(r, local)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("lacks directory");
        assertThat(local.findMissing(List.of(t[0]))).containsExactly(t[0]);
    }

    @Test
    void aResultNamingABlobTheServerLacksIsNotFoundAndRecordsNothing() throws Exception {
        Digest[] t = serverTree();
        Digest absent = Digest.ofUtf8("never stored anywhere");
        Digest key = Digest.ofUtf8("dangling");
        answers.put(key, result("out", t[0], t[1]).toBuilder().addOutputFiles(
                dev.bitzel.remote.internal.proto.reapi.OutputFile.newBuilder().setPath("f")
                        .setDigest(Protos.toProto(absent))).build());
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        assertThatThrownBy(() -> client.fetchIntoStore(r, local)).isInstanceOf(RemoteException.class)
                .hasMessageContaining(absent.toString());
        assertThatThrownBy(() -> local.actionCache().put(key, r)).isInstanceOf(dev.bitzel.cas.BlobNotFoundException.class);
        assertThat(local.actionCache().get(key)).isEmpty();
    }

    @Test
    void blobsAlteredInTransitAreRefusedAndNotStored() throws Exception {
        Digest[] t = serverTree();
        Digest key = Digest.ofUtf8("tampered");
        answers.put(key, result("out", t[0], t[1]));
        dev.bitzel.cas.ActionResult r = client.getActionResult(key).orElseThrow();
        faults.tamper = true;
        assertThatThrownBy(() -> client.fetchIntoStore(r, local)).isInstanceOf(DigestMismatchException.class);
        assertThat(local.findMissing(List.of(t[0], Digest.ofUtf8("file in a tree")))).hasSize(2);
        assertThat(local.actionCache().get(key)).isEmpty();
    }
}
