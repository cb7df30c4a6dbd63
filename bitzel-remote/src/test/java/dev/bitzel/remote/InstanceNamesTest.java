package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instance names are separate namespaces, each with its own store; an unknown one is refused, never a miss. */
class InstanceNamesTest {

    @TempDir
    Path tmp;

    ContentStore defaultStore;
    ContentStore teamStore;
    RemoteServer server;

    @BeforeEach
    void start() throws Exception {
        defaultStore = Cas.open(tmp.resolve("default"));
        teamStore = Cas.open(tmp.resolve("team"));
        server = RemoteServer.builder(defaultStore).instance("teams/a", teamStore).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        defaultStore.close();
        teamStore.close();
    }

    private RemoteClient client(String instance) throws Exception {
        return RemoteClient.connect(RemoteOptions.builder(new Endpoint("127.0.0.1", server.port(), false, instance))
                .build());
    }

    @Test
    void blobsAndResultsOfOneInstanceAreInvisibleToAnother() throws Exception {
        byte[] small = "team blob".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[6 << 20];
        large[17] = 1;
        Digest ds = Digest.of(small);
        Digest dl = Digest.of(large);
        Digest key = Digest.ofUtf8("action");
        try (RemoteClient team = client("teams/a"); RemoteClient plain = client("")) {
            team.upload(List.of(ds, dl), d -> new ByteArrayInputStream(d.equals(ds) ? small : large));
            team.updateActionResult(key, ActionResult.of(0, List.of(new ActionResult.OutputFile("f", ds, false))),
                    d -> new ByteArrayInputStream(small));
            assertThat(teamStore.contains(ds)).isTrue();
            assertThat(teamStore.contains(dl)).isTrue();
            assertThat(defaultStore.contains(ds)).isFalse();
            assertThat(defaultStore.contains(dl)).isFalse();
            assertThat(team.download(dl)).isEqualTo(large);
            assertThat(team.getActionResult(key)).isPresent();

            assertThat(plain.findMissing(List.of(ds, dl))).containsExactly(ds, dl);
            assertThat(plain.getActionResult(key)).isEmpty();
            assertThatThrownBy(() -> plain.download(dl)).isInstanceOf(RemoteException.class)
                    .extracting(e -> ((RemoteException) e).code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void anUnknownInstanceIsRefusedNamingItAndTheServedOnes() throws Exception {
        Digest d = Digest.ofUtf8("x");
        try (RemoteClient stranger = client("teams/b")) {
            for (RemoteClient.Work<?> call : List.<RemoteClient.Work<?>>of(stranger::capabilities,
                    () -> stranger.findMissing(List.of(d)), () -> stranger.getActionResult(d),
                    () -> stranger.download(d))) {
                assertThatThrownBy(call::run).isInstanceOf(RemoteException.class)
                        .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("unknown instance name 'teams/b'")
                        .hasMessageContaining("'teams/a'");
            }
        }
    }

    @Test
    void reservedOrMalformedInstanceNamesAreRefusedWhenConfigured() {
        assertThatThrownBy(() -> RemoteServer.builder(defaultStore).instance("a/blobs", teamStore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blobs");
        assertThatThrownBy(() -> RemoteServer.builder(defaultStore).instance("/a", teamStore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/a'");
    }
}
