package dev.bitzel.graph.scheduler;

import java.util.Objects;

/**
 * What an {@link ActionCache} lookup found: a {@link Hit} with a handle to the stored result, or a {@link Miss}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface CacheLookup {

    /** Returns the miss (a singleton). */
    static CacheLookup miss() {
        return Miss.INSTANCE;
    }

    /**
     * Returns a hit.
     *
     * @param handle what identifies the stored result to the runner (for example an action-result digest); not null
     */
    static CacheLookup hit(String handle) {
        return new Hit(handle);
    }

    /**
     * The cache holds a result for the signature; its outputs are available to dependents.
     *
     * @param handle what identifies the stored result (for example an action-result digest)
     */
    record Hit(String handle) implements CacheLookup {
        /** Validates the handle. */
        public Hit {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /** The cache holds nothing for the signature; the task must run. */
    enum Miss implements CacheLookup {
        /** The only miss. */
        INSTANCE
    }
}
