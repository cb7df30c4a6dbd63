package dev.bitzel.cas;

/**
 * What a store holds, for {@code bitzel cas stats}. Immutable.
 *
 * @param blobs number of blobs
 * @param blobBytes bytes the blobs take on disk (compressed size for compressed blobs)
 * @param compressedBlobs how many of the blobs are stored zstd-compressed
 * @param actionEntries number of action cache entries
 * @param actionBytes bytes the action cache entries take
 * @param quotaBytes the configured quota, {@link CasOptions#UNLIMITED} for none
 * @param liveSessions processes (including this one) that have the store open
 * @param leftoversRemovedOnOpen temporary files of crashed writers that this store removed when it was opened
 */
public record CasStats(long blobs, long blobBytes, long compressedBlobs, long actionEntries, long actionBytes,
        long quotaBytes, int liveSessions, long leftoversRemovedOnOpen) {

    /** Returns blob plus action cache bytes, the figure the quota limits. */
    public long totalBytes() {
        return blobBytes + actionBytes;
    }
}
