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
    void aCacheAndAnExecutorOnDifferentServersOrAFallbackWithoutExecutorAreBadUsage() {
        MainTest.Run two = build("--remote", "grpc://127.0.0.1:1", "--remote-exec", "grpc://127.0.0.1:2");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("name different servers", "grpc://127.0.0.1:2");
        MainTest.Run fallback = build("--remote", "grpc://127.0.0.1:1", "--remote-local-fallback");
        assertThat(fallback.exitCode()).isEqualTo(2);
        assertThat(fallback.err()).contains("--remote-local-fallback needs --remote-exec URL");
    }

    @Test
    void anUnreachableExecutorFailsTheFirstTaskWithShellWorkNamingItAndTheServer() throws Exception {
        Path top = BuildCommandTest.copyDemo("rexec-unreachable-"); // its tasks run: not in the repository's build
        MainTest.Run run;
        try {
            run = MainTest.run("--cache-dir", cache.toString(), "build", "-d", top.resolve("build").toString(),
                    "--remote-exec", "grpc://127.0.0.1:1", "--remote-timeout", "5", "demo-image");
        } finally {
            BuildCommandTest.deleteTree(top);
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).containsPattern("remote execution of do_\\w+ of [\\w-]+:do_\\w+ at grpc://127.0.0.1:1 "
                + "failed: .*UNAVAILABLE");
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
