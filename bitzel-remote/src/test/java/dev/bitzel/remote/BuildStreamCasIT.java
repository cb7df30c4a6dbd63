package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.cas.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against an independent REAPI server: BuildStream 1.6's CAS server ({@code bst-artifact-server}, Python
 * and grpcio, from Debian's {@code python3-buildstream}). It implements Capabilities, ContentAddressableStorage
 * (FindMissingBlobs, BatchReadBlobs, BatchUpdateBlobs) and ByteStream Read/Write of REAPI v2 — no ActionCache, no
 * Execution, no zstd, no QueryWriteStatus, no instance names — with a 1 MiB batch limit, over plain text, TLS or
 * mutual TLS. Skipped, saying why, when the package is not installed ({@code .ci/run} installs it).
 */
class BuildStreamCasIT {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    private Process server;
    private final List<RemoteClient> clients = new ArrayList<>();

    @BeforeAll
    static void requireBuildStream() throws Exception {
        boolean present = Files.isExecutable(Path.of(PYTHON));
        if (present) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import buildstream._artifactcache.casserver")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(present, "BuildStream's CAS server is not installed: apt-get install python3-buildstream to run "
                + "the client against an independent REAPI server");
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(RemoteClient::close);
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Starts bst-artifact-server with {@code extra} arguments; returns its port once it listens. */
    private int startServer(String... extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", "import sys; sys.argv[0] = 'bst-artifact-server'; "
                + "from buildstream._artifactcache.casserver import server_main; server_main()",
                "--port", Integer.toString(port), "--enable-push"));
        cmd.addAll(List.of(extra));
        cmd.add(Files.createDirectories(tmp.resolve("repo")).toString());
        server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("bst-artifact-server exited: " + Files.readString(tmp.resolve("server.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return port;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("bst-artifact-server did not listen on port " + port + " within 60 s");
    }

    private RemoteClient client(String url, UnaryOperator<RemoteOptions.Builder> configure) throws IOException {
        RemoteClient c = RemoteClient.connect(configure.apply(RemoteOptions.builder(Endpoint.parse(url))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100)).maxAttempts(3)).build());
        clients.add(c);
        return c;
    }

    private static Map<Digest, byte[]> blobs(int count, int size, long seed) {
        Random r = new Random(seed);
        Map<Digest, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[size];
            r.nextBytes(b);
            out.put(Digest.of(b), b);
        }
        return out;
    }

    @Test
    void negotiatesTheIndependentServersCapabilities() throws Exception {
        RemoteClient client = client("grpc://127.0.0.1:" + startServer(), b -> b);
        ServerCapabilities caps = client.capabilities();
        assertThat(caps.apiLow()).isEqualTo("2.0");
        assertThat(caps.maxBatchBytes()).isEqualTo(1 << 20);
        assertThat(caps.zstd()).isFalse();
        assertThat(caps.actionCacheUpdate()).isFalse();
        assertThat(caps.execution()).isFalse();
    }

    @Test
    void uploadsAndDownloadsSmallBlobsInConcurrentBatchesAndLargeOnesByByteStream() throws Exception {
        // compression is asked for but the server offers none: the client must fall back to plain transfers.
        RemoteClient client = client("grpc://127.0.0.1:" + startServer(), b -> b.compression(true));
        Map<Digest, byte[]> all = blobs(3000, 1024, 1);
        Map<Digest, byte[]> large = blobs(2, 5 << 20, 2);
        all.putAll(large);
        BlobSource source = d -> new ByteArrayInputStream(all.get(d));

        assertThat(client.upload(all.keySet(), source)).isEqualTo(all.size());
        assertThat(client.findMissing(all.keySet())).isEmpty();
        assertThat(client.upload(all.keySet(), source)).isZero();

        Map<Digest, byte[]> back = client.downloadAll(all.keySet());
        assertThat(back).hasSameSizeAs(all);
        all.forEach((d, b) -> assertThat(back.get(d)).as(d.toString()).isEqualTo(b));
        for (Digest d : large.keySet()) {
            Path file = tmp.resolve(d.hash());
            client.download(d, file, false);
            assertThat(Files.readAllBytes(file)).isEqualTo(large.get(d));
        }
        Digest absent = Digest.ofUtf8("never uploaded");
        assertThatThrownBy(() -> client.download(absent)).isInstanceOf(RemoteException.class)
                .extracting(e -> ((RemoteException) e).code()).isEqualTo("NOT_FOUND");
        assertThatThrownBy(() -> client.downloadAll(List.of(absent))).isInstanceOf(RemoteException.class)
                .hasMessageContaining(absent.toString());
    }

    @Test
    void aBlobThatIsNotWhatItsDigestSaysIsNotStoredThere() throws Exception {
        RemoteClient client = client("grpc://127.0.0.1:" + startServer(), b -> b);
        byte[] real = "what the digest says".getBytes(StandardCharsets.UTF_8);
        byte[] forged = "what the digest SAYS".getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.of(real);
        assertThatThrownBy(() -> client.upload(List.of(d), x -> new ByteArrayInputStream(forged)))
                .isInstanceOf(RemoteException.class).hasMessageContaining(d.toString());
        assertThat(client.findMissing(List.of(d))).containsExactly(d);
    }

    @Test
    void talksMutualTlsWithTheIndependentServer() throws Exception {
        TestCertificates certs = new TestCertificates(Files.createDirectories(tmp.resolve("certs")));
        TestCertificates.Ca ca = certs.ca("bst-ca");
        TestCertificates.Identity serverId = certs.issue(ca, "localhost", true);
        TestCertificates.Identity clientId = certs.issue(ca, "bst-client", false);
        int port = startServer("--server-key", serverId.key().toString(), "--server-cert",
                serverId.chain().toString(), "--client-certs", ca.certificate().toString());
        String url = "grpcs://localhost:" + port;

        RemoteClient client = client(url, b -> b.trustCertificates(ca.certificate())
                .clientCertificate(clientId.chain(), clientId.key()));
        Map<Digest, byte[]> some = blobs(20, 4096, 3);
        some.putAll(blobs(1, 3 << 20, 4));
        client.upload(some.keySet(), d -> new ByteArrayInputStream(some.get(d)));
        Map<Digest, byte[]> back = client.downloadAll(some.keySet());
        some.forEach((d, b) -> assertThat(back.get(d)).isEqualTo(b));

        RemoteClient anonymous = client(url, b -> b.trustCertificates(ca.certificate()));
        assertThatThrownBy(() -> anonymous.findMissing(some.keySet())).isInstanceOf(RemoteException.class)
                .hasMessageContaining(Integer.toString(port));
    }
}
