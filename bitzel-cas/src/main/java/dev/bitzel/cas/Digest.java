package dev.bitzel.cas;

import dev.bitzel.cas.internal.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a blob: its SHA-256 hash in lower-case hex plus its size in bytes, exactly as REAPI v2's
 * {@code Digest} message carries it.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the {@code hash/size} form REAPI uses in
 * ByteStream resource names.
 *
 * @param hash 64 lower-case hex digits
 * @param sizeBytes the blob's size, at least 0
 */
public record Digest(String hash, long sizeBytes) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The digest of the empty blob, which every store treats as present. */
    public static final Digest EMPTY = of(new byte[0]);

    /** Validates the components. */
    public Digest {
        Objects.requireNonNull(hash, "hash");
        if (!SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex digits (SHA-256), was '" + hash + "'");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
    }

    /** Computes the digest of {@code content}. */
    public static Digest of(byte[] content) {
        Objects.requireNonNull(content, "content");
        return new Digest(HexFormat.of().formatHex(sha256().digest(content)), content.length);
    }

    /**
     * Computes the digest of a file's content, streaming it.
     *
     * @param file a regular file, not null
     * @return its digest; never null
     * @throws IOException if the file cannot be read
     */
    public static Digest ofFile(Path file) throws IOException {
        return Hashing.digestFile(Objects.requireNonNull(file, "file"));
    }

    /** Computes the digest of {@code content} encoded as UTF-8. */
    public static Digest ofUtf8(String content) {
        return of(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the {@code hash/size} form.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected HASH/SIZE, was '" + text + "'");
        }
        long size;
        try {
            size = Long.parseLong(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size in '" + text + "' is not a number", e);
        }
        return new Digest(text.substring(0, slash), size);
    }

    /** Returns {@code hash/size}. */
    @Override
    public String toString() {
        return hash + "/" + sizeBytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
