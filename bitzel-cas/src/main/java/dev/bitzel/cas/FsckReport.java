package dev.bitzel.cas;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ContentStore#fsck()} found, for {@code bitzel cas fsck}. Immutable; lists never null.
 *
 * @param blobsChecked blobs whose content was re-hashed
 * @param bytesChecked bytes read to do so
 * @param actionEntriesChecked action cache entries parsed
 * @param problems every corrupt or misnamed object found; each was moved to the quarantine directory
 */
public record FsckReport(long blobsChecked, long bytesChecked, long actionEntriesChecked, List<Problem> problems) {

    /** Copies the list. */
    public FsckReport {
        problems = List.copyOf(problems);
    }

    /** Returns whether no problem was found. */
    public boolean clean() {
        return problems.isEmpty();
    }

    /**
     * One corrupt or misnamed object. Immutable; components never null.
     *
     * @param path where the object was, relative to the store directory
     * @param problem what was wrong with it
     * @param quarantinedAs where it now is, relative to the store directory
     */
    public record Problem(String path, String problem, String quarantinedAs) {
        /** Checks the components. */
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(quarantinedAs, "quarantinedAs");
        }
    }
}
