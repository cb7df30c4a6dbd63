package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitzel build}'s remote options are checked before any work, with messages naming what is wrong. */
class RemoteCacheOptionsTest {
    @TempDir
    Path cache;

    private MainTest.Run build(String... remoteArgs) {
        String[] args = new String[remoteArgs.length + 6];
        args[0] = "--cache-dir";
        args[1] = cache.toString();
        args[2] = "build";
        args[3] = "-d";
        args[4] = Path.of("build").toAbsolutePath().toString();
        System.arraycopy(remoteArgs, 0, args, 5, remoteArgs.length);
        args[args.length - 1] = "demo-image";
        return MainTest.run(args);
    }

    @Test
    void remoteExecutionIsRefusedSayingWhy() {
        MainTest.Run run = build("--remote", "grpc://127.0.0.1:1", "--remote-exec");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--remote-exec is not supported yet", "absolute paths under TMPDIR",
                "--remote URL");
    }

    @Test
    void aMalformedUrlOrHeaderNamesTheValue() {
        assertThat(build("--remote", "http://cache:80").err()).contains("grpc://", "http://cache:80");
        MainTest.Run header = build("--remote", "grpc://127.0.0.1:1", "--remote-header", "no-equals-sign");
        assertThat(header.exitCode()).isEqualTo(2);
        assertThat(header.err()).contains("NAME=VALUE", "no-equals-sign");
    }

    @Test
    void remoteOptionsWithoutARemoteAreBadUsage() {
        MainTest.Run run = build("--remote-header", "a=b");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("need --remote URL");
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        MainTest.Run run = build("--remote", "grpcs://cache:443", "--remote-tls-client-cert", "cert.pem");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--remote-tls-client-key");
    }
}
