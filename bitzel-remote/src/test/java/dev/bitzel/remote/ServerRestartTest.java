package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server (Netty, TCP) stopped in the middle of an upload. */
class ServerRestartTest {

    @TempDir
    Path tmp;

    /** A stream that runs {@code action} once, after {@code after} bytes were read. */
    static InputStream interrupting(byte[] data, long after, AtomicBoolean once, Runnable action) {
        return new FilterInputStream(new java.io.ByteArrayInputStream(data)) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= after && once.compareAndSet(false, true)) {
                    action.run();
                }
                int n = super.read(b, off, len);
                if (n > 0) {
                    read += n;
                }
                return n;
            }
        };
    }

    @Test
    void anUploadCutByAServerRestartIsSentAgainAndCompletes() throws Exception {
        try (ContentStore store = Cas.open(Files.createDirectories(tmp.resolve("cas")))) {
            RemoteServer[] server = {RemoteServer.builder(store).build().start()};
            int port = server[0].port();
            byte[] blob = RemoteClientTest.random(6 << 20, 11);
            Digest d = Digest.of(blob);
            AtomicBoolean restarted = new AtomicBoolean();
            try (RemoteClient client = RemoteClient.connect(RemoteOptions.builder(
                    Endpoint.parse("grpc://127.0.0.1:" + port)).backoff(Duration.ofMillis(50), Duration.ofMillis(500))
                    .build())) {
                client.upload(List.of(d), digest -> interrupting(blob, 2 << 20, restarted, () -> {
                    try {
                        server[0].close();
                        server[0] = RemoteServer.builder(store).port(port).build().start();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                assertThat(restarted).isTrue();
                assertThat(store.get(d)).isEqualTo(blob);
            } finally {
                server[0].close();
            }
        }
    }

    @Test
    void whenTheServerDiesMidUploadTheClientFailsClearlyAndRecordsNoActionResult() throws Exception {
        try (ContentStore store = Cas.open(Files.createDirectories(tmp.resolve("cas")));
                ContentStore local = Cas.open(Files.createDirectories(tmp.resolve("local")))) {
            RemoteServer server = RemoteServer.builder(store).build().start();
            byte[] blob = RemoteClientTest.random(6 << 20, 12);
            Digest d = local.put(blob);
            Digest key = Digest.ofUtf8("action-killed");
            AtomicBoolean killed = new AtomicBoolean();
            try (RemoteClient client = RemoteClient.connect(RemoteOptions.builder(
                    Endpoint.parse("grpc://127.0.0.1:" + server.port())).maxAttempts(3)
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build())) {
                ActionResult result = ActionResult.of(0, List.of(new ActionResult.OutputFile("big", d, false)));
                assertThatThrownBy(() -> client.updateActionResult(key, result, digest -> interrupting(
                        local.get(digest), 1 << 20, killed, () -> {
                            try {
                                server.close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }))).isInstanceOf(RemoteException.class).hasMessageContaining("UNAVAILABLE")
                        .hasMessageContaining(d.toString());
                assertThat(killed).isTrue();
                assertThat(store.actionCache().get(key)).isEmpty();
                assertThat(store.contains(d)).isFalse();
            } finally {
                server.close();
            }
        }
    }
}
