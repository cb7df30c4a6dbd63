package dev.bitzel.remote;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.internal.proto.bep.BuildEvent;
import dev.bitzel.remote.internal.server.ServerConfig;
import dev.bitzel.remote.internal.server.Services;
import dev.bitzel.remote.internal.server.TokenInterceptor;
import dev.bitzel.sandbox.Sandbox;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A REAPI v2 server on a local {@link ContentStore}: Capabilities, ContentAddressableStorage, ByteStream (with
 * resumable and zstd-compressed transfers), ActionCache, Execution (when given a {@link Sandbox}) and a Build
 * Event Service. What {@code bitzel serve} runs; Bazel and other REAPI clients use it as {@code --remote_cache},
 * {@code --remote_executor} and {@code --bes_backend}.
 *
 * <pre>{@code
 * try (ContentStore cas = Cas.open(dir);
 *      RemoteServer server = RemoteServer.builder(cas).port(9092).bearerToken("s3cret").build().start()) {
 *     System.out.println("serving on grpc://localhost:" + server.port());
 *     server.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Instance names are separate namespaces ({@link Builder#instance}): the store given to {@link #builder} serves
 * the default instance {@code ""}, each named instance has a store of its own, and a request naming any other
 * instance fails with INVALID_ARGUMENT naming it. Execution refuses (FAILED_PRECONDITION, naming the property) an
 * action whose platform asks for a property it cannot satisfy: it offers the host's {@code OSFamily} and
 * {@code ISA} and what {@link Builder#platformProperty} adds.
 *
 * <p>Every uploaded blob is hashed before it is stored and refused (INVALID_ARGUMENT) when it does not match its
 * digest; blobs above {@link Builder#maxBlobBytes} and batches above {@link Builder#maxBatchBytes} are refused; the
 * empty blob is always present. Thread-safe. Closing stops the server and removes its scratch files; the store
 * stays open (the caller owns it).
 */
public final class RemoteServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemoteServer.class.getName());

    private final Builder options;
    private Services services;
    private Server server;
    private Path scratch;

    private RemoteServer(Builder b) {
        this.options = b;
    }

    /**
     * Returns a builder for a server on {@code store}.
     *
     * @param store the store to serve, not null; the server does not close it
     * @return a builder with port 0 (any free port), no token, no execution
     */
    public static Builder builder(ContentStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws IOException if the port cannot be bound or the scratch directory created
     * @throws IllegalStateException if already started
     */
    public synchronized RemoteServer start() throws IOException {
        if (server != null || services != null) {
            throw new IllegalStateException("server already started (a closed server cannot be restarted; build a new one)");
        }
        scratch = Files.createTempDirectory(options.store.directory().getParent() == null
                ? Path.of(System.getProperty("java.io.tmpdir")) : options.store.directory().getParent(), "bitzel-serve-");
        Map<String, ContentStore> instances = new LinkedHashMap<>(options.instances);
        instances.put("", options.store);
        Map<String, Set<String>> platform = new LinkedHashMap<>(ServerConfig.hostPlatform());
        options.platform.forEach((k, v) -> platform.merge(k, v, (a, b) -> {
            Set<String> both = new LinkedHashSet<>(a);
            both.addAll(b);
            return both;
        }));
        if (options.absoluteInputs) {
            platform.put(RemoteExecutor.ABSOLUTE_INPUTS, Set.of("1"));
        }
        platform.put(RemoteExecutor.NETWORK, options.networkAccess ? Set.of("none", "host") : Set.of("none"));
        ServerConfig config = new ServerConfig(instances, options.maxBlobBytes, options.maxBatchBytes,
                options.sandbox, scratch, options.executors, platform);
        services = new Services(config);
        ServerCredentials credentials = InsecureServerCredentials.create();
        if (options.certChain != null) {
            TlsServerCredentials.Builder tls = TlsServerCredentials.newBuilder()
                    .keyManager(options.certChain.toFile(), options.privateKey.toFile());
            if (options.clientCa != null) {
                tls.trustManager(options.clientCa.toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
            }
            credentials = tls.build();
        }
        ServerBuilder<?> b = Grpc.newServerBuilderForPort(options.port, credentials)
                .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, options.maxBatchBytes + (1 << 20)));
        List<ServerInterceptor> interceptors = new ArrayList<>();
        if (options.token != null) {
            interceptors.add(new TokenInterceptor(options.token));
        }
        services.definitions(interceptors).forEach(b::addService);
        server = b.build().start();
        LOG.log(System.Logger.Level.INFO, () -> "REAPI server listening on port " + server.getPort()
                + (options.sandbox != null ? " with execution" : " (cache only)"));
        return this;
    }

    /** Returns the bound port; only after {@link #start()}. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("server not started, or closed");
        }
        return server.getPort();
    }

    /**
     * Waits until the server stops (by {@link #close()} from another thread).
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitTermination() throws InterruptedException {
        Server s;
        synchronized (this) {
            s = server;
        }
        if (s != null) {
            s.awaitTermination();
        }
    }

    /** Returns the invocation ids whose build events the BES received, oldest first; never null. */
    public List<String> buildEventInvocations() {
        return services == null ? List.of() : services.bes().invocationIds();
    }

    /**
     * Returns the Bazel build events (BEP) the BES received for an invocation, each as one line of JSON in the form
     * Bazel's {@code --build_event_json_file} writes, in sequence order.
     *
     * @param invocationId the invocation, not null
     * @return the events; empty when none arrived; never null
     */
    public List<String> buildEventsJson(String invocationId) {
        Objects.requireNonNull(invocationId, "invocationId");
        if (services == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
        for (BuildEvent e : services.bes().events(invocationId)) {
            try {
                out.add(printer.print(e));
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException("a stored build event cannot be printed: " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** Stops the server (running actions are interrupted) and removes its scratch directory. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (server == null) {
            return;
        }
        Server s = server;
        server = null;
        s.shutdownNow();
        try {
            s.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
        try (var walk = Files.walk(scratch)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Configures a {@link RemoteServer}. Not thread-safe. */
    public static final class Builder {
        private final ContentStore store;
        private int port;
        private String token;
        private Sandbox sandbox;
        private int executors = Math.max(1, Runtime.getRuntime().availableProcessors());
        private long maxBlobBytes = 64L << 30;
        private long maxBatchBytes = 4L << 20;
        private Path certChain;
        private Path privateKey;
        private Path clientCa;
        private final Map<String, ContentStore> instances = new LinkedHashMap<>();
        private final Map<String, Set<String>> platform = new LinkedHashMap<>();
        private boolean absoluteInputs;
        private boolean networkAccess;

        private Builder(ContentStore store) {
            this.store = store;
        }

        /** The TCP port, 0 for any free one (see {@link RemoteServer#port()}). */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /** Requires every call to carry {@code authorization: Bearer TOKEN}; null for none. */
        public Builder bearerToken(String value) {
            if (value != null && (value.isEmpty() || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
                throw new IllegalArgumentException("bearer token must be non-empty printable ASCII without spaces");
            }
            this.token = value;
            return this;
        }

        /** Turns Execution on, running each action in {@code value}; null turns it off (cache only). */
        public Builder execution(Sandbox value) {
            this.sandbox = value;
            return this;
        }

        /**
         * Offers Bitzel's absolute-inputs mode (default off): an action whose platform has
         * {@value RemoteExecutor#ABSOLUTE_INPUTS}{@code =1} sees its input root at the sandbox's file system root,
         * with its output paths writable at their absolute paths, so that a command naming absolute paths (a BitBake
         * task's run script) runs as it would locally. Top-level names the sandbox provides ({@code /usr},
         * {@code /etc}, ...) are refused; {@code /tmp} stays private and writable around the entries of it.
         * Without it, such actions are refused with FAILED_PRECONDITION naming the property. Actions without the
         * property are not affected.
         */
        public Builder absoluteInputs(boolean value) {
            this.absoluteInputs = value;
            return this;
        }

        /**
         * Lets actions ask for the host's network with {@value RemoteExecutor#NETWORK}{@code =host} (default off:
         * only {@code none} is accepted, and actions that do not ask get no network either).
         */
        public Builder networkAccess(boolean value) {
            this.networkAccess = value;
            return this;
        }

        /** How many actions run at once (default: the number of processors). */
        public Builder executors(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("executors must be at least 1, was " + value);
            }
            this.executors = value;
            return this;
        }

        /** The largest blob accepted or served (default 64 GiB). */
        public Builder maxBlobBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBlobBytes must be positive, was " + value);
            }
            this.maxBlobBytes = value;
            return this;
        }

        /** The largest total of a batch request (default 4 MiB, gRPC's usual message limit). */
        public Builder maxBatchBytes(long value) {
            if (value < 1 || value > (1L << 30)) {
                throw new IllegalArgumentException("maxBatchBytes must be 1 byte to 1 GiB, was " + value);
            }
            this.maxBatchBytes = value;
            return this;
        }

        /** Serves TLS with this PEM certificate chain and PKCS#8 PEM private key. */
        public Builder tls(Path certificateChain, Path key) {
            this.certChain = Objects.requireNonNull(certificateChain, "certificateChain");
            this.privateKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Requires mutual TLS: every client must present a certificate that these PEM CA certificates signed
         * (needs {@link #tls}).
         */
        public Builder requireClientCertificates(Path caCertificates) {
            this.clientCa = Objects.requireNonNull(caCertificates, "caCertificates");
            return this;
        }

        /**
         * Serves another instance name from its own store. Instance names are separate namespaces: each has its own
         * CAS and action cache, and a request naming an instance the server does not serve fails with
         * INVALID_ARGUMENT naming it. The store given to {@link RemoteServer#builder} serves the default instance
         * ({@code ""}).
         *
         * @param name the instance name, not empty, without {@code blobs}, {@code uploads} or
         *     {@code compressed-blobs} segments (which ByteStream resource names could not tell apart)
         * @param store its store, not null; the server does not close it
         */
        public Builder instance(String name, ContentStore store) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(store, "store");
            if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
                throw new IllegalArgumentException("instance name must be non-empty segments joined by '/', was '"
                        + name + "'");
            }
            for (String segment : name.split("/")) {
                if (List.of("blobs", "uploads", "compressed-blobs").contains(segment)) {
                    throw new IllegalArgumentException("instance name '" + name + "' has the reserved segment '"
                            + segment + "'");
                }
            }
            instances.put(name, store);
            return this;
        }

        /**
         * Lets actions ask for a platform property value (besides the host's {@code OSFamily} and {@code ISA},
         * which are always accepted); an action asking for any other property or value is refused with
         * FAILED_PRECONDITION naming it.
         */
        public Builder platformProperty(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            platform.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
            return this;
        }

        /** Returns the (not yet started) server. */
        public RemoteServer build() {
            if (clientCa != null && certChain == null) {
                throw new IllegalStateException("requireClientCertificates needs tls(certificateChain, key)");
            }
            return new RemoteServer(this);
        }
    }
}
