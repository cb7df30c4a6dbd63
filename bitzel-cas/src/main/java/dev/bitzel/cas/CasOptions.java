package dev.bitzel.cas;

import java.time.Duration;
import java.util.Objects;

/**
 * How a local store behaves: its size quota, compression, verification and durability.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} or derive one with {@link #toBuilder()}.
 * {@link #defaults()} suits a developer machine: no quota, no compression (so every blob can be hard-linked),
 * fsync on, no verification on read.
 */
public final class CasOptions {

    /** The value of {@link #quotaBytes()} that means "no quota". */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static final CasOptions DEFAULTS = builder().build();

    private final long quotaBytes;
    private final boolean compression;
    private final long compressionMinSize;
    private final int compressionLevel;
    private final boolean verifyOnRead;
    private final boolean hardLinks;
    private final boolean fsync;
    private final Duration accessTimeResolution;
    private final Duration gcGracePeriod;

    private CasOptions(Builder b) {
        this.quotaBytes = b.quotaBytes;
        this.compression = b.compression;
        this.compressionMinSize = b.compressionMinSize;
        this.compressionLevel = b.compressionLevel;
        this.verifyOnRead = b.verifyOnRead;
        this.hardLinks = b.hardLinks;
        this.fsync = b.fsync;
        this.accessTimeResolution = b.accessTimeResolution;
        this.gcGracePeriod = b.gcGracePeriod;
    }

    /** Returns the default options; never null. */
    public static CasOptions defaults() {
        return DEFAULTS;
    }

    /** Returns a builder holding the defaults; never null. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options; never null. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.quotaBytes = quotaBytes;
        b.compression = compression;
        b.compressionMinSize = compressionMinSize;
        b.compressionLevel = compressionLevel;
        b.verifyOnRead = verifyOnRead;
        b.hardLinks = hardLinks;
        b.fsync = fsync;
        b.accessTimeResolution = accessTimeResolution;
        b.gcGracePeriod = gcGracePeriod;
        return b;
    }

    /** Returns the bytes (blobs and action cache entries as stored) above which least recently used ones are evicted. */
    public long quotaBytes() {
        return quotaBytes;
    }

    /** Returns whether blobs are stored zstd-compressed when that saves at least a tenth of their size. */
    public boolean compression() {
        return compression;
    }

    /** Returns the size below which blobs are never compressed. */
    public long compressionMinSize() {
        return compressionMinSize;
    }

    /** Returns the zstd level used when compressing. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** Returns whether every read re-hashes the content and fails with {@link DigestMismatchException} on corruption. */
    public boolean verifyOnRead() {
        return verifyOnRead;
    }

    /** Returns whether materialisation hard-links blobs when the file system allows it (else it always copies). */
    public boolean hardLinks() {
        return hardLinks;
    }

    /** Returns whether writes are fsync'ed (file and directory) before they count as done. */
    public boolean fsync() {
        return fsync;
    }

    /** Returns how stale a blob's recorded last access may get before a read records a new one; never null. */
    public Duration accessTimeResolution() {
        return accessTimeResolution;
    }

    /** Returns how long a new blob is safe from {@link ContentStore#gc()} even when nothing references it; never null. */
    public Duration gcGracePeriod() {
        return gcGracePeriod;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CasOptions other
                && quotaBytes == other.quotaBytes
                && compression == other.compression
                && compressionMinSize == other.compressionMinSize
                && compressionLevel == other.compressionLevel
                && verifyOnRead == other.verifyOnRead
                && hardLinks == other.hardLinks
                && fsync == other.fsync
                && accessTimeResolution.equals(other.accessTimeResolution)
                && gcGracePeriod.equals(other.gcGracePeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quotaBytes, compression, compressionMinSize, compressionLevel, verifyOnRead, hardLinks,
                fsync, accessTimeResolution, gcGracePeriod);
    }

    @Override
    public String toString() {
        return "CasOptions{quotaBytes=" + (quotaBytes == UNLIMITED ? "unlimited" : quotaBytes)
                + ", compression=" + compression + ", compressionMinSize=" + compressionMinSize
                + ", compressionLevel=" + compressionLevel + ", verifyOnRead=" + verifyOnRead
                + ", hardLinks=" + hardLinks + ", fsync=" + fsync
                + ", accessTimeResolution=" + accessTimeResolution + ", gcGracePeriod=" + gcGracePeriod + "}";
    }

    /**
     * Builds {@link CasOptions}. Not thread-safe; each setter validates its argument and throws
     * {@link IllegalArgumentException} naming the bad value, or {@link NullPointerException} for null.
     */
    public static final class Builder {
        private long quotaBytes = UNLIMITED;
        private boolean compression = false;
        private long compressionMinSize = 4096;
        private int compressionLevel = 3;
        private boolean verifyOnRead = false;
        private boolean hardLinks = true;
        private boolean fsync = true;
        private Duration accessTimeResolution = Duration.ofMinutes(1);
        private Duration gcGracePeriod = Duration.ofHours(1);

        private Builder() {
        }

        /**
         * Sets the quota in bytes; {@link #UNLIMITED} for none.
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder quotaBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("quotaBytes must be >= 1, was " + bytes);
            }
            this.quotaBytes = bytes;
            return this;
        }

        /**
         * Turns zstd compression of stored blobs on or off. Compressed blobs are materialised by copying.
         *
         * @param on whether to compress
         * @return this builder
         */
        public Builder compression(boolean on) {
            this.compression = on;
            return this;
        }

        /**
         * Sets the size below which blobs are stored uncompressed.
         *
         * @param bytes at least 0
         * @return this builder
         */
        public Builder compressionMinSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("compressionMinSize must be >= 0, was " + bytes);
            }
            this.compressionMinSize = bytes;
            return this;
        }

        /**
         * Sets the zstd compression level.
         *
         * @param level 1 to 19
         * @return this builder
         */
        public Builder compressionLevel(int level) {
            if (level < 1 || level > 19) {
                throw new IllegalArgumentException("compressionLevel must be in 1..19, was " + level);
            }
            this.compressionLevel = level;
            return this;
        }

        /**
         * Turns hash verification of every read on or off.
         *
         * @param on whether to verify
         * @return this builder
         */
        public Builder verifyOnRead(boolean on) {
            this.verifyOnRead = on;
            return this;
        }

        /**
         * Allows or forbids hard links when materialising.
         *
         * @param on whether to try hard links first
         * @return this builder
         */
        public Builder hardLinks(boolean on) {
            this.hardLinks = on;
            return this;
        }

        /**
         * Turns fsync of written files and directories on or off. Off loses crash durability (not atomicity); for
         * throw-away stores and tests only.
         *
         * @param on whether to fsync
         * @return this builder
         */
        public Builder fsync(boolean on) {
            this.fsync = on;
            return this;
        }

        /**
         * Sets how stale a recorded last access may get before a read updates it (each update costs a system call).
         *
         * @param resolution not negative, not null
         * @return this builder
         */
        public Builder accessTimeResolution(Duration resolution) {
            Objects.requireNonNull(resolution, "accessTimeResolution");
            if (resolution.isNegative()) {
                throw new IllegalArgumentException("accessTimeResolution must not be negative, was " + resolution);
            }
            this.accessTimeResolution = resolution;
            return this;
        }

        /**
         * Sets how long an unreferenced new blob survives {@link ContentStore#gc()}, which protects blobs of builds
         * that have written outputs but not yet their action cache entry.
         *
         * @param grace not negative, not null
         * @return this builder
         */
        public Builder gcGracePeriod(Duration grace) {
            Objects.requireNonNull(grace, "gcGracePeriod");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("gcGracePeriod must not be negative, was " + grace);
            }
            this.gcGracePeriod = grace;
            return this;
        }

        /** Returns the options; never null. */
        public CasOptions build() {
            return new CasOptions(this);
        }
    }
}
