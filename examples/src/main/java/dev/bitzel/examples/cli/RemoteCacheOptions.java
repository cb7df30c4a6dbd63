package dev.bitzel.examples.cli;

import dev.bitzel.cas.ContentStore;
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
 * {@code --remote-exec}.
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

    @Option(names = "--remote-exec", description = "Run tasks on the REAPI server (not supported yet: the command "
            + "says why).")
    boolean exec;

    /**
     * Checks the options; call before any work.
     *
     * @throws UserInputException for a bad combination or value, naming it
     */
    void check() {
        if (exec) {
            throw new UserInputException("--remote-exec is not supported yet: a task's run script names absolute "
                    + "paths under TMPDIR, the layers and DL_DIR, and python tasks run inside the bitzel process, "
                    + "while a REAPI action sees only a relative input root; a remote executor would have to "
                    + "recreate those paths, which no server does today. Use --remote URL to share results through "
                    + "a remote cache.");
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

    /** The action cache of a build: {@code local}, fronted by the remote one when connected. */
    ActionCache cache(TaskOutputCache local, ContentStore store, RemoteClient client) {
        return client == null ? local : new RemoteTaskCache(local, store, client, !noUpload);
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
