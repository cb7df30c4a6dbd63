package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpers kas starts: the buildtools installer (downloaded with wget from a loopback server) and ssh-agent. */
class ToolsTest {
    @TempDir
    Path tmp;
    Upstream u;
    Process server;

    @BeforeEach
    void setUp() {
        u = new Upstream(tmp);
        u.core();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    /** Serves {@code dir} over HTTP on a free loopback port; answers the base url. */
    private String serve(Path dir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && Upstream.onPath("wget"),
                "python3 and wget are needed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1",
                String.valueOf(port)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var sock = new java.net.Socket("127.0.0.1", port)) {
                return "http://127.0.0.1:" + sock.getPort();
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the loopback http server did not start");
    }

    private static String sha256(Path f) throws Exception {
        try (InputStream in = Files.newInputStream(f)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    @Test
    void buildtoolsAreDownloadedCheckedInstalledAndSourcedBeforeTheInitScript() throws Exception {
        Path www = Files.createDirectories(tmp.resolve("www/yocto-5.0/buildtools"));
        Path installer = www.resolve("x86_64-buildtools-extended-nativesdk-standalone-5.0.sh");
        Files.writeString(installer, """
                #!/bin/sh
                # fake buildtools installer: -d DIR -y
                [ "$1" = -d ] && [ "$3" = -y ] || exit 9
                mkdir -p "$2"
                printf 'export BUILDTOOLS_MARK=installed\\n' > "$2/environment-setup-x86_64-pokysdk-linux"
                printf 'Distro: Poky\\nDistro Version: 5.0\\n' > "$2/version-x86_64-pokysdk-linux"
                """);
        String base = serve(tmp.resolve("www"));
        String cfg = u.project("kas.yml", """
                header:
                  version: 23
                buildtools:
                  version: "5.0"
                  sha256sum: "%s"
                  base_url: "%s/yocto-5.0/buildtools"
                  filename: x86_64-buildtools-extended-nativesdk-standalone-5.0.sh
                repos:
                  core:
                    url: "@UP@/core"
                    branch: main
                    layers:
                      meta:
                """.formatted(sha256(installer), base));
        int rc = u.runner().shell(cfg, "test \"$BUILDTOOLS_MARK\" = installed", KasCheckoutOptions.defaults());
        assertThat(rc).isZero();
        assertThat(u.work.resolve("build/buildtools/version-x86_64-pokysdk-linux")).exists();
        assertThat(u.log()).contains("Downloading Buildtools 5.0").contains("Buildtools installer's checksum (sha256) is: ");
        // present and of the wanted version: no second download
        u.log.reset();
        u.runner().checkout(cfg, KasCheckoutOptions.defaults());
        assertThat(u.log()).doesNotContain("Downloading Buildtools");
    }

    @Test
    void aBuildtoolsInstallerWithAnotherChecksumIsRefused() throws Exception {
        Path www = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(www.resolve("tools.sh"), "#!/bin/sh\nexit 0\n");
        String base = serve(www);
        String cfg = u.project("kas.yml", """
                header:
                  version: 23
                buildtools:
                  version: "5.0"
                  sha256sum: "0000000000000000000000000000000000000000000000000000000000000000"
                  base_url: "%s"
                  filename: tools.sh
                repos:
                  core:
                    url: "@UP@/core"
                    branch: main
                    layers:
                      meta:
                """.formatted(base));
        assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                .isInstanceOf(KasException.class).hasMessage("sha256sum mismatch: installer may be corrupted");
    }

    @Test
    void anSshPrivateKeyIsServedByAnAgentForTheDurationOfTheCommand() throws IOException {
        assumeTrue(Upstream.onPath("ssh-agent") && Upstream.onPath("ssh-keygen"), "openssh is needed");
        Path key = tmp.resolve("id_ed25519");
        u.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "agent-test", "-f", key.toString()), tmp,
                Map.of());
        String cfg = u.project("kas.yml", """
                header:
                  version: 23
                repos:
                  core:
                    url: "@UP@/core"
                    branch: main
                    layers:
                      meta:
                """);
        KasRunner kas = u.runner(Map.of("SSH_PRIVATE_KEY_FILE", key.toString()));
        assertThat(kas.steps()).contains("setup_ssh_agent");
        int rc = kas.shell(cfg, "ssh-add -l | grep -q agent-test", KasCheckoutOptions.defaults());
        assertThat(rc).isZero();
        assertThat(u.log()).contains("adding SSH key from file '" + key + "'");
        assertThatThrownBy(() -> u.runner(Map.of("SSH_PRIVATE_KEY_FILE", key.toString(), "SSH_AUTH_SOCK", "/x"))
                .checkout(cfg, KasCheckoutOptions.defaults())).isInstanceOf(KasException.class)
                .hasMessageContaining("Internal SSH agent (e.g. for \"SSH_PRIVATE_KEY\") can only be started if no "
                        + "external one is passed.");
    }
}
