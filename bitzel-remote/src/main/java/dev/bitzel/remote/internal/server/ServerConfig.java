package dev.bitzel.remote.internal.server;

import dev.bitzel.cas.ContentStore;
import dev.bitzel.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the services share: the store, the limits and, when execution is on, the sandbox and a scratch directory.
 *
 * @param store the content-addressed store, not null
 * @param maxBlobBytes the largest blob accepted or served
 * @param maxBatchBytes the largest total of a batch request or response (REAPI's max_batch_total_size_bytes)
 * @param sandbox the sandbox running Execute requests, or null when execution is off
 * @param scratch a directory for uploads in progress and execution roots, not null
 * @param executors how many actions run at once
 */
public record ServerConfig(ContentStore store, long maxBlobBytes, long maxBatchBytes, Sandbox sandbox, Path scratch,
        int executors) {

    /** Validates. */
    public ServerConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(scratch, "scratch");
        if (maxBlobBytes <= 0 || maxBatchBytes <= 0 || executors <= 0) {
            throw new IllegalArgumentException("limits must be positive, were maxBlobBytes=" + maxBlobBytes
                    + " maxBatchBytes=" + maxBatchBytes + " executors=" + executors);
        }
    }
}
