/**
 * A content-addressed store: blobs and Merkle trees named by their {@link dev.bitzel.cas.Digest}, an action
 * cache, garbage collection and quotas. Usable on its own, without the rest of Bitzel. Start from
 * {@link dev.bitzel.cas.Cas}.
 */
module dev.bitzel.cas {
    requires com.google.common;
    requires com.github.luben.zstd_jni;

    exports dev.bitzel.cas;
}
