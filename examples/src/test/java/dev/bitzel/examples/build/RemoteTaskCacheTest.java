package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.remote.Endpoint;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteException;
import dev.bitzel.remote.RemoteOptions;
import dev.bitzel.remote.RemoteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two "machines" (each its own local store and build directory) share one {@link RemoteServer}: what one ran, the
 * other restores; what the server sends is verified before anything is recorded.
 */
class RemoteTaskCacheTest {
    @TempDir
    Path root;

    private ContentStore serverStore;
    private RemoteServer server;
    private final List<AutoCloseable> closeLater = new ArrayList<>();
    private final TaskNode task = new TaskNode(TaskId.parse("demo:do_compile"), Map.of());

    /** One machine: a local store, a TMPDIR, the local cache and the remote layer over it. */
    private final class Machine {
        final ContentStore store;
        final Path tmpdir;
        final Path workdir;
        final TaskOutputCache local;
        final RemoteTaskCache cache;

        Machine(String name, boolean upload) throws IOException {
            store = Cas.open(root.resolve(name + "/cas"));
            closeLater.add(store);
            tmpdir = root.resolve(name + "/build/tmp");
            workdir = tmpdir.resolve("work/core2-64/demo/1.0-r0");
            local = new TaskOutputCache(store, tmpdir, root.resolve(name + "/build/downloads"),
                    (t, signature) -> tmpdir.resolve("stamps/demo." + t.id().task() + "." + signature));
            cache = new RemoteTaskCache(local, store, client(), upload);
        }

        void runTask(String signature) throws Exception {
            OutputTracker tracker = new OutputTracker(workdir.resolve("temp"));
            tracker.track(workdir);
            Files.createDirectories(workdir.resolve("build/sub"));
            Files.writeString(workdir.resolve("build/demo.o"), "object code", StandardCharsets.UTF_8);
            Files.writeString(workdir.resolve("build/sub/big.bin"), "x".repeat(300_000), StandardCharsets.UTF_8);
            Path tool = workdir.resolve("build/tool");
            Files.writeString(tool, "#!/bin/sh\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
            local.recordChanges(signature, tracker.changes());
            cache.store(task, signature, SpawnResult.success());
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        serverStore = Cas.open(root.resolve("server/cas"));
        // maxBatchBytes below the big file's size, so that both batches and ByteStream carry blobs.
        server = RemoteServer.builder(serverStore).maxBatchBytes(128 << 10).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeLater.size() - 1; i >= 0; i--) {
            closeLater.get(i).close();
        }
        server.close();
        serverStore.close();
    }

    private RemoteClient client() throws IOException {
        RemoteClient c = RemoteClient.connect(RemoteOptions.builder(Endpoint.parse("grpc://127.0.0.1:" + server.port()))
                .maxAttempts(2).backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build());
        closeLater.add(c);
        return c;
    }

    @Test
    void aTaskRunOnOneMachineIsRestoredOnAnotherFromTheSharedServer() throws Exception {
        Machine a = new Machine("a", true);
        a.runTask("sig1");
        assertThat(a.cache.stats().uploads()).isEqualTo(1);
        Digest action = RemoteTaskCache.actionDigest(task, "sig1");
        assertThat(serverStore.actionCache().get(action)).isPresent();

        Machine b = new Machine("b", true);
        CacheLookup hit = b.cache.lookup(task, "sig1");
        assertThat(hit).isEqualTo(CacheLookup.hit(RemoteTaskCache.REMOTE_HANDLE_PREFIX + action.hash()));
        assertThat(b.workdir.resolve("build/demo.o")).hasContent("object code");
        assertThat(Files.size(b.workdir.resolve("build/sub/big.bin"))).isEqualTo(300_000);
        assertThat(b.workdir.resolve("build/tool")).isExecutable();
        assertThat(b.tmpdir.resolve("stamps/demo.do_compile.sig1")).exists();
        assertThat(b.local.storedResult("sig1")).isPresent();
        assertThat(b.cache.stats()).isEqualTo(new RemoteTaskCache.Stats(1, 0, 0));

        // Now local: the stamp answers, the remote is not asked again.
        CacheLookup again = b.cache.lookup(task, "sig1");
        assertThat(((CacheLookup.Hit) again).handle()).doesNotStartWith(RemoteTaskCache.REMOTE_HANDLE_PREFIX);
        assertThat(b.cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void anUnknownSignatureIsAMissEverywhere() throws Exception {
        Machine a = new Machine("a", true);
        a.runTask("sig1");
        Machine b = new Machine("b", true);
        assertThat(b.cache.lookup(task, "sig2")).isEqualTo(CacheLookup.miss());
        assertThat(b.cache.stats()).isEqualTo(new RemoteTaskCache.Stats(0, 1, 0));
        assertThat(b.workdir).doesNotExist();
    }

    @Test
    void withoutUploadNothingReachesTheServer() throws Exception {
        Machine a = new Machine("a", false);
        a.runTask("sig1");
        assertThat(a.local.storedResult("sig1")).isPresent();
        assertThat(serverStore.actionCache().get(RemoteTaskCache.actionDigest(task, "sig1"))).isEmpty();
        assertThat(a.cache.stats().uploads()).isZero();
    }

    @Test
    void aBlobTheServerSendsCorruptedIsRejectedAndNothingIsRecordedLocally() throws Exception {
        Machine a = new Machine("a", true);
        a.runTask("sig1");
        Digest object = Digest.ofUtf8("object code");
        corruptOnServer(object, "OBJECT CODE");

        Machine b = new Machine("b", true);
        assertThatThrownBy(() -> b.cache.lookup(task, "sig1")).isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining(object.hash());
        assertThat(b.local.storedResult("sig1")).isEmpty();
        assertThat(b.tmpdir.resolve("stamps/demo.do_compile.sig1")).doesNotExist();
        assertThat(b.workdir).doesNotExist();
        assertThat(b.store.contains(object)).isFalse();
        assertThat(b.cache.stats().hits()).isZero();
        assertThat(b.cache.disabledReason()).isEmpty();
    }

    @Test
    void aCorruptedTreeBlobIsRejected() throws Exception {
        Machine a = new Machine("a", true);
        a.runTask("sig1");
        var remote = client().getActionResult(RemoteTaskCache.actionDigest(task, "sig1")).orElseThrow();
        Digest tree = Digest.parse(remote.metadata().get("reapi.tree." + remote.outputDirectories().get(0).path()));
        corruptOnServer(tree, null);

        Machine b = new Machine("b", true);
        assertThatThrownBy(() -> b.cache.lookup(task, "sig1")).isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining(tree.hash());
        assertThat(b.local.storedResult("sig1")).isEmpty();
        assertThat(b.workdir).doesNotExist();
    }

    @Test
    void anUnreachableServerIsSwitchedOffForTheRestOfTheBuild() throws Exception {
        Machine b = new Machine("b", true);
        server.close();
        assertThatThrownBy(() -> b.cache.lookup(task, "sig1")).isInstanceOf(RemoteException.class)
                .extracting(e -> ((RemoteException) e).code()).isEqualTo("UNAVAILABLE");
        assertThat(b.cache.disabledReason()).get().asString().contains("UNAVAILABLE");
        // Local only from now on: a miss at once, and a task that runs is still stored locally.
        assertThat(b.cache.lookup(task, "sig1")).isEqualTo(CacheLookup.miss());
        b.runTask("sig1");
        assertThat(b.local.storedResult("sig1")).isPresent();
        assertThat(b.cache.stats().uploads()).isZero();
    }

    /** Overwrites a blob in the server's store (keeping its sealed mtime, so the store does not notice). */
    private void corruptOnServer(Digest digest, String replacement) throws IOException {
        Path file;
        try (Stream<Path> walk = Files.walk(serverStore.directory().resolve("cas"))) {
            file = walk.filter(p -> p.getFileName().toString().equals(digest.hash())).findFirst().orElseThrow();
        }
        FileTime sealed = Files.getLastModifiedTime(file);
        byte[] bytes = replacement != null ? replacement.getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
        if (replacement == null) {
            bytes[bytes.length / 2] ^= 0x5a;
        }
        assertThat((long) bytes.length).isEqualTo(digest.sizeBytes());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setLastModifiedTime(file, sealed);
    }
}
