package dev.bitzel.cas;

/**
 * Keeps blobs alive while a build uses them: neither {@link ContentStore#gc()} nor quota eviction, in this or any
 * other process sharing the store, deletes a pinned blob. A pin dies with its process, so a crashed build never
 * pins anything for ever.
 *
 * <p>Thread-safe. Use with try-with-resources: {@code try (Pin pin = store.pin(digests)) { ... }}.
 */
public interface Pin extends AutoCloseable {

    /** Releases the pin; idempotent, never throws. */
    @Override
    void close();
}
