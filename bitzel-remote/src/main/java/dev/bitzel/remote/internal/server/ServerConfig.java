package dev.bitzel.remote.internal.server;

import dev.bitzel.cas.ContentStore;
import dev.bitzel.sandbox.Sandbox;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the services share: the store of each instance name, the limits and, when execution is on, the sandbox, a
 * scratch directory and the platform properties the executor satisfies.
 *
 * @param instances the store of each instance name ({@code ""} is the default instance), not empty; instance names
 *     are separate namespaces: each has its own CAS and action cache
 * @param maxBlobBytes the largest blob accepted or served
 * @param maxBatchBytes the largest total of a batch request or response (REAPI's max_batch_total_size_bytes)
 * @param sandbox the sandbox running Execute requests, or null when execution is off
 * @param scratch a directory for uploads in progress and execution roots, not null
 * @param executors how many actions run at once
 * @param platform the platform properties actions may ask for: each name with the values this executor satisfies
 *     (compared without regard to case); any other property is refused
 */
public record ServerConfig(Map<String, ContentStore> instances, long maxBlobBytes, long maxBatchBytes,
        Sandbox sandbox, Path scratch, int executors, Map<String, Set<String>> platform) {

    /** Validates and copies. */
    public ServerConfig {
        instances = Map.copyOf(instances);
        Objects.requireNonNull(scratch, "scratch");
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one instance");
        }
        if (maxBlobBytes <= 0 || maxBatchBytes <= 0 || executors <= 0) {
            throw new IllegalArgumentException("limits must be positive, were maxBlobBytes=" + maxBlobBytes
                    + " maxBatchBytes=" + maxBatchBytes + " executors=" + executors);
        }
        Map<String, Set<String>> lower = new TreeMap<>();
        platform.forEach((k, v) -> lower.put(k, v.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet())));
        platform = Map.copyOf(lower);
    }

    /** One store as the default instance, and the host's platform. */
    public ServerConfig(ContentStore store, long maxBlobBytes, long maxBatchBytes, Sandbox sandbox, Path scratch,
            int executors) {
        this(Map.of("", store), maxBlobBytes, maxBatchBytes, sandbox, scratch, executors, hostPlatform());
    }

    /**
     * The platform of this host in the terms of REAPI's platform lexicon: {@code OSFamily} and {@code ISA}.
     */
    public static Map<String, Set<String>> hostPlatform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        Set<String> isa = switch (arch) {
            case "amd64", "x86_64" -> Set.of("x86-64", "x86_64", "amd64");
            case "aarch64", "arm64" -> Set.of("arm-a64", "aarch64", "arm64");
            default -> Set.of(arch);
        };
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return Map.of("OSFamily", Set.of(os.startsWith("linux") ? "linux" : os), "ISA", isa);
    }

    /**
     * Returns the store of an instance.
     *
     * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming the unknown instance and the served ones
     */
    public ContentStore store(String instanceName) {
        ContentStore s = instances.get(instanceName);
        if (s == null) {
            throw Status.INVALID_ARGUMENT.withDescription("unknown instance name '" + instanceName
                    + "'; this server serves " + describeInstances()).asRuntimeException();
        }
        return s;
    }

    /** The default instance's store, or the only one's. */
    public ContentStore defaultStore() {
        ContentStore s = instances.get("");
        return s != null ? s : instances.values().iterator().next();
    }

    private String describeInstances() {
        return new TreeMap<>(instances).keySet().stream().map(n -> n.isEmpty() ? "the default instance ''"
                : "'" + n + "'").collect(Collectors.joining(", "));
    }
}
