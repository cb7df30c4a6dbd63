package dev.bitzel.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a {@link RemoteClient} reaches a REAPI server: the endpoint (with its instance name), authentication (TLS,
 * mutual TLS, a bearer token, arbitrary headers), deadlines, retries, concurrency, compression, and what goes into
 * the {@code RequestMetadata} header of every call.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(Endpoint)}, change a copy with {@link #toBuilder()}.
 */
public final class RemoteOptions {

    private final Endpoint endpoint;
    private final String bearerToken;
    private final Map<String, String> headers;
    private final Path trustCertificates;
    private final Path clientCertificate;
    private final Path clientKey;
    private final Duration deadline;
    private final Duration executionDeadline;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxConcurrentCalls;
    private final boolean compression;
    private final String toolName;
    private final String toolVersion;
    private final String invocationId;

    private RemoteOptions(Builder b) {
        this.endpoint = b.endpoint;
        this.bearerToken = b.bearerToken;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.trustCertificates = b.trustCertificates;
        this.clientCertificate = b.clientCertificate;
        this.clientKey = b.clientKey;
        this.deadline = b.deadline;
        this.executionDeadline = b.executionDeadline;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxConcurrentCalls = b.maxConcurrentCalls;
        this.compression = b.compression;
        this.toolName = b.toolName;
        this.toolVersion = b.toolVersion;
        this.invocationId = b.invocationId;
    }

    /** Returns a builder for {@code endpoint} with the defaults; never null. */
    public static Builder builder(Endpoint endpoint) {
        return new Builder(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Returns a builder holding these options; never null. */
    public Builder toBuilder() {
        Builder b = new Builder(endpoint);
        b.bearerToken = bearerToken;
        b.headers.putAll(headers);
        b.trustCertificates = trustCertificates;
        b.clientCertificate = clientCertificate;
        b.clientKey = clientKey;
        b.deadline = deadline;
        b.executionDeadline = executionDeadline;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxConcurrentCalls = maxConcurrentCalls;
        b.compression = compression;
        b.toolName = toolName;
        b.toolVersion = toolVersion;
        b.invocationId = invocationId;
        return b;
    }

    /** Returns the server's address and instance name; never null. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** Returns the bearer token sent as {@code authorization: Bearer ...}, if any. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** Returns extra headers sent on every call; never null. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns the PEM file of CA certificates trusted for TLS, if not the system's. */
    public Optional<Path> trustCertificates() {
        return Optional.ofNullable(trustCertificates);
    }

    /** Returns the PEM client certificate chain for mutual TLS, if any. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** Returns the PKCS#8 PEM private key of {@link #clientCertificate()}, if any. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /** Returns the deadline of each cache call (each attempt); never null. */
    public Duration deadline() {
        return deadline;
    }

    /** Returns the deadline of a whole remote execution, re-attaches included; never null. */
    public Duration executionDeadline() {
        return executionDeadline;
    }

    /** Returns how often a call is tried when it fails with a transient code (at least 1). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Returns the first retry's base delay; later ones double up to {@link #maxBackoff()}, with full jitter. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Returns the largest base delay between attempts; never null. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Returns how many calls may be in flight at once. */
    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** Returns whether large blobs travel zstd-compressed when the server supports it. */
    public boolean compression() {
        return compression;
    }

    /** Returns the tool name in RequestMetadata; never null. */
    public String toolName() {
        return toolName;
    }

    /** Returns the tool version in RequestMetadata; never null. */
    public String toolVersion() {
        return toolVersion;
    }

    /** Returns the invocation id in RequestMetadata (a random UUID unless set); never null. */
    public String invocationId() {
        return invocationId;
    }

    /** Builds {@link RemoteOptions}. Not thread-safe. */
    public static final class Builder {
        private final Endpoint endpoint;
        private String bearerToken;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Path trustCertificates;
        private Path clientCertificate;
        private Path clientKey;
        private Duration deadline = Duration.ofMinutes(1);
        private Duration executionDeadline = Duration.ofHours(3);
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int maxConcurrentCalls = 64;
        private boolean compression;
        private String toolName = "bitzel";
        private String toolVersion = "0.1.0";
        private String invocationId = UUID.randomUUID().toString();

        private Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** Sends {@code authorization: Bearer TOKEN}; null for none. */
        public Builder bearerToken(String value) {
            this.bearerToken = value;
            return this;
        }

        /** Adds a header sent on every call (names are lower-cased ASCII). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new IllegalArgumentException("header name must be printable ASCII, was '" + name + "'");
            }
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }

        /** Trusts these PEM CA certificates for TLS instead of the system's. */
        public Builder trustCertificates(Path value) {
            this.trustCertificates = value;
            return this;
        }

        /** Authenticates with this PEM certificate chain and PKCS#8 PEM key (mutual TLS). */
        public Builder clientCertificate(Path certificateChain, Path key) {
            this.clientCertificate = Objects.requireNonNull(certificateChain, "certificateChain");
            this.clientKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The deadline of each cache call attempt (default 1 minute). */
        public Builder deadline(Duration value) {
            this.deadline = positive(value, "deadline");
            return this;
        }

        /** The deadline of a whole remote execution (default 3 hours). */
        public Builder executionDeadline(Duration value) {
            this.executionDeadline = positive(value, "executionDeadline");
            return this;
        }

        /** Attempts per call on transient failures (default 5; 1 disables retries). */
        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** Backoff between attempts: initial and maximal base delay (defaults 100 ms and 5 s). */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial");
            this.maxBackoff = positive(max, "max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
            }
            return this;
        }

        /** Calls in flight at once (default 64). */
        public Builder maxConcurrentCalls(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, was " + value);
            }
            this.maxConcurrentCalls = value;
            return this;
        }

        /** Sends and fetches ByteStream blobs zstd-compressed when the server supports it (default off). */
        public Builder compression(boolean value) {
            this.compression = value;
            return this;
        }

        /** Tool name and version for RequestMetadata (default {@code bitzel}). */
        public Builder tool(String name, String version) {
            this.toolName = Objects.requireNonNull(name, "name");
            this.toolVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The invocation id for RequestMetadata (default: a random UUID). */
        public Builder invocationId(String value) {
            this.invocationId = Objects.requireNonNull(value, "invocationId");
            return this;
        }

        /** Returns the options; never null. */
        public RemoteOptions build() {
            if (clientCertificate != null && !endpoint.tls()) {
                throw new IllegalArgumentException("a client certificate needs a grpcs:// endpoint, was " + endpoint);
            }
            return new RemoteOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
