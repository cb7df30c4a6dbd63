package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against {@link RemoteServer} over real TLS (Netty, 127.0.0.1) with certificates made for the run:
 * server authentication, mutual TLS, a wrong CA, and a bearer token over TLS.
 */
class TlsTest {

    @TempDir
    static Path tmp;

    static TestCertificates.Ca ca;
    static TestCertificates.Ca otherCa;
    static TestCertificates.Identity serverId;
    static TestCertificates.Identity clientId;
    static TestCertificates.Identity strangerId;
    static ContentStore store;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates certs = new TestCertificates(Files.createDirectories(tmp.resolve("certs")));
        ca = certs.ca("test-ca");
        otherCa = certs.ca("other-ca");
        serverId = certs.issue(ca, "localhost", true);
        clientId = certs.issue(ca, "client", false);
        strangerId = certs.issue(otherCa, "stranger", false);
        store = Cas.open(tmp.resolve("cas"));
    }

    @AfterAll
    static void closeStore() throws Exception {
        store.close();
    }

    private static RemoteServer start(UnaryOperator<RemoteServer.Builder> configure) throws Exception {
        return configure.apply(RemoteServer.builder(store).tls(serverId.chain(), serverId.key())).build().start();
    }

    private static RemoteClient client(RemoteServer server, UnaryOperator<RemoteOptions.Builder> configure)
            throws Exception {
        return RemoteClient.connect(configure.apply(RemoteOptions.builder(Endpoint.parse("grpcs://localhost:"
                + server.port())).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).maxAttempts(3)
                .deadline(Duration.ofSeconds(20))).build());
    }

    private static void roundTrip(RemoteClient client, String text) throws Exception {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        Digest d = Digest.of(data);
        assertThat(client.upload(List.of(d), x -> new ByteArrayInputStream(data))).isEqualTo(1);
        assertThat(client.download(d)).isEqualTo(data);
    }

    @Nested
    class ServerAuthentication {
        @Test
        void aClientTrustingTheCaTalksToTheServer() throws Exception {
            try (RemoteServer server = start(b -> b);
                    RemoteClient client = client(server, b -> b.trustCertificates(ca.certificate()))) {
                assertThat(client.capabilities().apiHigh()).startsWith("2.");
                roundTrip(client, "over tls");
            }
        }

        @Test
        void aServerCertificateFromAnotherCaIsAClearErrorWithoutRetries() throws Exception {
            try (RemoteServer server = start(b -> b);
                    RemoteClient client = client(server, b -> b.trustCertificates(otherCa.certificate()))) {
                assertThatThrownBy(client::capabilities).isInstanceOf(RemoteException.class)
                        .hasMessageContaining("TLS handshake failed").hasMessageContaining("certificate authority")
                        .hasMessageNotContaining("attempts");
            }
        }

        @Test
        void aBearerTokenTravelsOverTls() throws Exception {
            try (RemoteServer server = start(b -> b.bearerToken("s3cret"));
                    RemoteClient without = client(server, b -> b.trustCertificates(ca.certificate()));
                    RemoteClient with = client(server, b -> b.trustCertificates(ca.certificate())
                            .bearerToken("s3cret"))) {
                assertThatThrownBy(() -> without.findMissing(List.of(Digest.ofUtf8("t"))))
                        .isInstanceOf(RemoteException.class).extracting(e -> ((RemoteException) e).code())
                        .isEqualTo("UNAUTHENTICATED");
                roundTrip(with, "token over tls");
            }
        }
    }

    @Nested
    class MutualTls {
        @Test
        void aClientWithACertificateFromTheCaIsServed() throws Exception {
            try (RemoteServer server = start(b -> b.requireClientCertificates(ca.certificate()));
                    RemoteClient client = client(server, b -> b.trustCertificates(ca.certificate())
                            .clientCertificate(clientId.chain(), clientId.key()))) {
                roundTrip(client, "over mutual tls");
            }
        }

        @Test
        void aClientWithoutACertificateIsRefused() throws Exception {
            try (RemoteServer server = start(b -> b.requireClientCertificates(ca.certificate()));
                    RemoteClient client = client(server, b -> b.trustCertificates(ca.certificate()))) {
                assertThatThrownBy(() -> client.findMissing(List.of(Digest.ofUtf8("m"))))
                        .isInstanceOf(RemoteException.class).hasMessageContaining(server.port() + "")
                        .hasMessageContaining("TLS handshake failed");
            }
        }

        @Test
        void aClientCertificateFromAnotherCaIsRefused() throws Exception {
            try (RemoteServer server = start(b -> b.requireClientCertificates(ca.certificate()));
                    RemoteClient client = client(server, b -> b.trustCertificates(ca.certificate())
                            .clientCertificate(strangerId.chain(), strangerId.key()))) {
                assertThatThrownBy(() -> client.findMissing(List.of(Digest.ofUtf8("m"))))
                        .isInstanceOf(RemoteException.class).hasMessageContaining(server.port() + "")
                        .hasMessageContaining("TLS handshake failed");
                assertThat(store.contains(Digest.ofUtf8("m"))).isFalse();
            }
        }

        @Test
        void requiringClientCertificatesWithoutTlsIsRefused() {
            assertThatThrownBy(() -> RemoteServer.builder(store).requireClientCertificates(ca.certificate()).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tls");
        }
    }
}
