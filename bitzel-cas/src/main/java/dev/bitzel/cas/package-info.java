/**
 * A local content-addressed store. Start from {@link dev.bitzel.cas.Cas#open(java.nio.file.Path,
 * dev.bitzel.cas.CasOptions)}, which returns a {@link dev.bitzel.cas.ContentStore}; its
 * {@link dev.bitzel.cas.ContentStore#actionCache()} maps task signatures to {@link dev.bitzel.cas.ActionResult}s.
 * Blobs are named by {@link dev.bitzel.cas.Digest} and trees by the digest of their root
 * {@link dev.bitzel.cas.Directory}, both as in REAPI v2.
 */
package dev.bitzel.cas;
