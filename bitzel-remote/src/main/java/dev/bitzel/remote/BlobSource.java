package dev.bitzel.remote;

import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where the client reads a blob it uploads. {@link dev.bitzel.cas.ContentStore#open} is one
 * ({@code store::open}); so is a lookup in a {@link dev.bitzel.cas.MerkleTree}.
 */
@FunctionalInterface
public interface BlobSource {

    /**
     * Opens the blob's content; the caller closes the stream. May be called more than once for one blob (a retry).
     *
     * @param digest the blob
     * @return its content
     * @throws IOException if it cannot be read
     */
    InputStream open(Digest digest) throws IOException;
}
