package dev.bitzel.remote;

/**
 * What a REAPI server said it supports, as the client negotiated it. Immutable.
 *
 * @param maxBatchBytes the largest batch request (0 means the server set no limit; the client then uses 4 MiB)
 * @param maxBlobBytes the largest blob the server takes, 0 when it set no limit
 * @param zstd whether the server takes and serves zstd-compressed ByteStream resources
 * @param actionCacheUpdate whether clients may write the action cache
 * @param execution whether the server executes actions
 * @param apiLow the lowest REAPI version the server speaks, as {@code MAJOR.MINOR}
 * @param apiHigh the highest REAPI version the server speaks, as {@code MAJOR.MINOR}
 */
public record ServerCapabilities(long maxBatchBytes, long maxBlobBytes, boolean zstd, boolean actionCacheUpdate,
        boolean execution, String apiLow, String apiHigh) {
}
