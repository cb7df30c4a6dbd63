package dev.bitzel.examples.cli;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.RemoteServer;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bitzel serve}: the local store over REAPI v2 (cache and, unless {@code --no-execution}, execution in the
 * sandbox) and BES, like bazel-remote. Runs until killed; prints the URL to use on stdout once listening.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the local store over REAPI v2 (CAS, ByteStream, ActionCache, Execution) and BES.",
            "Bazel: --remote_cache=grpc://HOST:PORT, --remote_executor=grpc://HOST:PORT, --bes_backend=grpc://HOST:PORT."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: 9092; 0 picks a free one).")
    int port = 9092;

    @Option(names = "--token", paramLabel = "T", description = "Require 'authorization: Bearer T' on every call "
            + "(Bazel: --remote_header=authorization=Bearer T). Default: $BITZEL_SERVE_TOKEN, else none.")
    String token;

    @Option(names = "--no-execution", description = "Serve the cache only; refuse Execute.")
    boolean noExecution;

    @Option(names = "--no-absolute-inputs", description = "Refuse actions asking for the bitzel-absolute-inputs "
            + "platform property (the input root presented at its absolute paths, which 'bitzel build --remote-exec' "
            + "needs).")
    boolean noAbsoluteInputs;

    @Option(names = "--allow-network", description = "Let actions ask for the host's network (platform property "
            + "bitzel-network=host: tasks with [network] = \"1\"); by default actions have no network.")
    boolean allowNetwork;

    @Option(names = "--max-blob", paramLabel = "BYTES", description = "Largest blob accepted (default: 64 GiB).")
    Long maxBlob;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve TLS with this certificate chain.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The PKCS#8 private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "PEM", description = "Require mutual TLS: clients must present "
            + "a certificate signed by one of these CA certificates (needs --tls-cert).")
    Path tlsClientCa;

    @Option(names = "--instance", paramLabel = "NAME", description = "Also serve this REAPI instance name, from its "
            + "own store under CACHE_DIR/instances/NAME (repeatable). Instance names are separate namespaces; the "
            + "default instance '' is the main store, and any other name is refused.")
    List<String> instances = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserInputException("--port must be 0 to 65535, was " + port);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UserInputException("--tls-cert and --tls-key go together");
        }
        if (tlsClientCa != null && tlsCert == null) {
            throw new UserInputException("--tls-client-ca needs --tls-cert and --tls-key");
        }
        String bearer = token != null ? token : System.getenv("BITZEL_SERVE_TOKEN");
        Path dir = parent.cacheDir().resolve("cas");
        Files.createDirectories(dir);
        List<ContentStore> named = new ArrayList<>();
        try (ContentStore store = Cas.open(dir);
                Sandbox sandbox = noExecution ? null : Sandbox.create()) {
            RemoteServer.Builder b = RemoteServer.builder(store).port(port).execution(sandbox)
                    .absoluteInputs(!noAbsoluteInputs).networkAccess(allowNetwork);
            try {
                for (String name : instances) {
                    Path instanceDir = parent.cacheDir().resolve("instances").resolve(name).normalize();
                    if (!instanceDir.startsWith(parent.cacheDir().resolve("instances"))) {
                        throw new UserInputException("--instance '" + name + "' leaves the cache directory");
                    }
                    ContentStore s = Cas.open(Files.createDirectories(instanceDir.resolve("cas")));
                    named.add(s);
                    b.instance(name, s);
                }
                b.bearerToken(bearer == null || bearer.isEmpty() ? null : bearer);
                if (maxBlob != null) {
                    b.maxBlobBytes(maxBlob);
                }
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            if (tlsCert != null) {
                b.tls(tlsCert, tlsKey);
            }
            if (tlsClientCa != null) {
                b.requireClientCertificates(tlsClientCa);
            }
            try (RemoteServer server = b.build().start()) {
                stopOnExit(server);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%s://localhost:%d%n", tlsCert != null ? "grpcs" : "grpc", server.port());
                out.flush();
                System.err.printf(Locale.ROOT, "bitzel serve: store %s, %s%s; Ctrl-C stops%n", store.directory(),
                        noExecution ? "cache only" : "cache and execution",
                        bearer == null || bearer.isEmpty() ? "" : ", bearer token required");
                server.awaitTermination();
            }
        } finally {
            for (ContentStore s : named) {
                s.close();
            }
        }
        return ExitCodes.OK;
    }

    /** Ctrl-C or SIGTERM: stop serving cleanly so the scratch directory goes too. */
    private static void stopOnExit(RemoteServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("bitzel serve: stopping: " + e.getMessage());
            }
        }, "bitzel-serve-shutdown"));
    }
}
