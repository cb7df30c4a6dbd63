package dev.bitzel.cas;

import java.io.IOException;
import java.util.Optional;

/**
 * Maps an action key (the digest of an action or task signature) to the {@link ActionResult} it produced.
 *
 * <p>Thread-safe, and safe to share with other processes using the same store directory. A <em>miss</em> and a
 * <em>failure</em> differ: {@link #get} returns an empty Optional when there is no usable entry — none stored, or
 * one whose blobs have since been evicted or collected, or one found corrupt (quarantined and logged) — and throws
 * {@link IOException} only when the store itself cannot be read. No argument may be null.
 */
public interface ActionCache {

    /**
     * Looks an action up. A hit records an access on the entry and on every blob it references, so LRU eviction
     * keeps them together.
     *
     * @param actionKey the action's digest
     * @return the result when every blob it references is present; empty otherwise
     * @throws IOException when the store cannot be read
     */
    Optional<ActionResult> get(Digest actionKey) throws IOException;

    /**
     * Records a result, durably and atomically, replacing any earlier one.
     *
     * @param actionKey the action's digest
     * @param result the result
     * @throws BlobNotFoundException if a blob the result references (a file, stdout, stderr, or any part of a tree)
     *     is not in the store: an entry must never point at nothing
     * @throws IOException when the store cannot be written
     */
    void put(Digest actionKey, ActionResult result) throws IOException;
}
