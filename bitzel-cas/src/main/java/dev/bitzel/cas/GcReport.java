package dev.bitzel.cas;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link ContentStore#gc()} did, for {@code bitzel cas gc}. Immutable; {@code duration} is never null.
 *
 * @param bytesBefore stored bytes (blobs and action entries) before
 * @param actionRoots action cache entries whose blobs were marked live
 * @param pinnedBlobs blobs pinned by running builds
 * @param unreachableDeleted blobs deleted because nothing referenced them
 * @param unreachableBytes bytes those blobs took
 * @param keptYoung unreferenced blobs kept because they are newer than the grace period
 * @param evicted blobs and action entries evicted, least recently used first, to get under the quota
 * @param evictedBytes bytes evicted
 * @param bytesAfter stored bytes after
 * @param duration how long it took
 */
public record GcReport(long bytesBefore, long actionRoots, long pinnedBlobs, long unreachableDeleted,
        long unreachableBytes, long keptYoung, long evicted, long evictedBytes, long bytesAfter, Duration duration) {

    /** Checks that duration is present. */
    public GcReport {
        Objects.requireNonNull(duration, "duration");
    }
}
