package dev.bitzel.examples.cli;

import dev.bitzel.cas.ContentStore;
import dev.bitzel.examples.build.RemoteShellRunner;
import dev.bitzel.examples.build.RemoteTaskCache;
import dev.bitzel.examples.build.TaskOutputCache;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.remote.Endpoint;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code bitzel build} that reach a REAPI server, named like Bazel's: {@code --remote} (Bazel's
 * {@code --remote_cache}), {@code --remote-header}, {@code --remote-instance-name}, TLS files, and
 * {@code --remote-exec URL} (Bazel's {@code --remote_executor}, which also makes the executor the remote cache) with
 * {@code --remote-local-fallback}.
 */
final class RemoteCacheOptions {

    @Option(names = "--remote", paramLabel = "URL", description = "Share results through a REAPI v2 cache "
            + "(grpc://HOST:PORT or grpcs://HOST[:PORT], optionally /INSTANCE; e.g. a 'bitzel serve'): a task the "
            + "local cache misses is fetched from it, a task run here is uploaded to it.")
    String url;

    @Option(names = "--remote-instance-name", paramLabel = "NAME", description = "The REAPI instance name (instead "
            + "of a /INSTANCE in the URL).")
    String instanceName;

    @Option(names = "--remote-header", paramLabel = "NAME=VALUE", description = "A header sent on every remote "
            + "call, e.g. 'authorization=Bearer TOKEN' (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--remote-tls-ca", paramLabel = "PEM", description = "CA certificates that sign the server's "
            + "certificate (grpcs://), instead of the system's.")
    Path tlsCa;

    @Option(names = "--remote-tls-client-cert", paramLabel = "PEM", description = "Client certificate chain for "
            + "mutual TLS.")
    Path tlsClientCert;

    @Option(names = "--remote-tls-client-key", paramLabel = "PEM", description = "PKCS#8 private key of "
            + "--remote-tls-client-cert.")
    Path tlsClientKey;

    @Option(names = "--remote-timeout", paramLabel = "SECONDS", description = "Deadline of each remote call "
            + "(default 60).")
    Integer timeoutSeconds;

    @Option(names = "--no-remote-upload", description = "Only read the remote cache; upload nothing (Bazel's "
            + "--remote_upload_local_results=false).")
    boolean noUpload;

    @Option(names = "--remote-exec", paramLabel = "URL", description = "Run the tasks' shell functions on this "
            + "REAPI v2 executor (a 'bitzel serve': it must offer the bitzel-absolute-inputs platform property); "
            + "also shares results through its cache, as --remote does (Bazel's --remote_executor). Python task "
            + "bodies run here.")
    String execUrl;

    @Option(names = "--remote-local-fallback", description = "With --remote-exec: run shell functions in the local "
            + "sandbox when the executor is unreachable or refuses them (Bazel's --remote_local_fallback).")
    boolean localFallback;

    /**
     * Checks the options; call before any work.
     *
     * @throws UserInputException for a bad combination or value, naming it
     */
    void check() {
        if (execUrl != null) {
            if (url != null && !url.equals(execUrl)) {
                throw new UserInputException("--remote " + url + " and --remote-exec " + execUrl + " name different "
                        + "servers; one server is both cache and executor (give --remote-exec alone)");
            }
            url = execUrl;
        } else if (localFallback) {
            throw new UserInputException("--remote-local-fallback needs --remote-exec URL");
        }
        if (url == null) {
            if (instanceName != null || !headers.isEmpty() || tlsCa != null || tlsClientCert != null
                    || tlsClientKey != null || timeoutSeconds != null || noUpload) {
                throw new UserInputException("--remote-* options need --remote URL");
            }
            return;
        }
        if ((tlsClientCert == null) != (tlsClientKey == null)) {
            throw new UserInputException("--remote-tls-client-cert and --remote-tls-client-key go together");
        }
        for (Path p : new Path[] {tlsCa, tlsClientCert, tlsClientKey}) {
            if (p != null && !Files.isReadable(p)) {
                throw new UserInputException("cannot read TLS file " + p);
            }
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new UserInputException("--remote-timeout must be positive, was " + timeoutSeconds);
        }
        options();
    }

    private RemoteOptions options() {
        try {
            Endpoint e = Endpoint.parse(url);
            if (instanceName != null) {
                e = new Endpoint(e.host(), e.port(), e.tls(), instanceName);
            }
            RemoteOptions.Builder b = RemoteOptions.builder(e).tool("bitzel", version());
            for (String h : headers) {
                int eq = h.indexOf('=');
                if (eq <= 0) {
                    throw new UserInputException("--remote-header must be NAME=VALUE, was '" + h + "'");
                }
                b.header(h.substring(0, eq).trim(), h.substring(eq + 1).trim());
            }
            if (tlsCa != null) {
                b.trustCertificates(tlsCa);
            }
            if (tlsClientCert != null) {
                b.clientCertificate(tlsClientCert, tlsClientKey);
            }
            if (timeoutSeconds != null) {
                b.deadline(Duration.ofSeconds(timeoutSeconds));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--remote: " + e.getMessage(), e);
        }
    }

    private static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * Connects to the server, or returns null without {@code --remote}. The first call dials.
     *
     * @throws IOException if the TLS files cannot be read
     */
    RemoteClient connect() throws IOException {
        return url == null ? null : RemoteClient.connect(options());
    }

    /** Whether shell functions run on the remote executor. */
    boolean executes() {
        return execUrl != null;
    }

    /** Whether shell functions run locally when the executor is unavailable or refuses them. */
    boolean localFallback() {
        return localFallback;
    }

    /** The action cache of a build: {@code local}, fronted by the remote one when connected. */
    ActionCache cache(TaskOutputCache local, ContentStore store, RemoteClient client) {
        return client == null ? local : new RemoteTaskCache(local, store, client, !noUpload);
    }

    /** Prints what remote execution did and cost. */
    static void printExecutionSummary(RemoteShellRunner runner, int localRuns, PrintWriter err) {
        RemoteShellRunner.Stats s = runner.stats();
        long n = Math.max(1, s.actions());
        err.printf(Locale.ROOT, "NOTE: Remote execution: %d shell functions ran remotely, %d in the local sandbox "
                + "(%d after a fallback); per remote action: %.1f ms inputs (%d files, %d hashed in all), %.1f ms "
                + "upload and execution, %.1f ms outputs%n", s.actions(), localRuns, s.fallbacks(),
                s.input().toNanos() / 1e6 / n, s.inputFiles() / n, s.hashed(), s.remote().toNanos() / 1e6 / n,
                s.output().toNanos() / 1e6 / n);
        runner.disabledReason().ifPresent(r -> err.println("WARNING: remote execution was switched off during "
                + "this build: " + r));
    }

    /** Prints what the remote cache did, if there was one. */
    static void printSummary(ActionCache cache, PrintWriter err) {
        if (cache instanceof RemoteTaskCache remote) {
            RemoteTaskCache.Stats s = remote.stats();
            err.printf(Locale.ROOT, "NOTE: Remote cache: %d hits, %d misses, %d uploads%n", s.hits(), s.misses(),
                    s.uploads());
            remote.disabledReason().ifPresent(r -> err.println("WARNING: the remote cache was switched off during "
                    + "this build: " + r));
        }
    }
}
