package dev.bitzel.remote.internal;

import dev.bitzel.cas.Digest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parsed ByteStream resource name as REAPI defines them:
 * {@code [instance/]blobs/HASH/SIZE} and {@code [instance/]compressed-blobs/zstd/HASH/SIZE} for reads,
 * {@code [instance/]uploads/UUID/blobs/HASH/SIZE[/meta...]} and the {@code compressed-blobs} form for writes.
 * An optional {@code sha256/} digest-function segment before the hash is accepted.
 *
 * @param instanceName the instance name, possibly empty
 * @param uploadId the upload's UUID, empty for reads
 * @param compressed whether the data is zstd-compressed
 * @param digest the (uncompressed) blob's digest
 */
public record ResourceName(String instanceName, String uploadId, boolean compressed, Digest digest) {

    /** Validates the components. */
    public ResourceName {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * Parses a read resource name.
     *
     * @throws IllegalArgumentException naming the value and what is wrong
     */
    public static ResourceName parseRead(String name) {
        return parse(name, false);
    }

    /**
     * Parses a write resource name.
     *
     * @throws IllegalArgumentException naming the value and what is wrong
     */
    public static ResourceName parseWrite(String name) {
        return parse(name, true);
    }

    private static ResourceName parse(String name, boolean write) {
        List<String> parts = Arrays.asList(name.split("/", -1));
        int kind = -1;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (write ? p.equals("uploads") : p.equals("blobs") || p.equals("compressed-blobs")) {
                kind = i;
                break;
            }
        }
        if (kind < 0) {
            throw new IllegalArgumentException("resource name '" + name + "' is not of the form "
                    + (write ? "[INSTANCE/]uploads/UUID/blobs/HASH/SIZE" : "[INSTANCE/]blobs/HASH/SIZE"));
        }
        String instance = String.join("/", parts.subList(0, kind));
        String uploadId = "";
        int i = kind;
        if (write) {
            if (parts.size() < i + 2) {
                throw new IllegalArgumentException("resource name '" + name + "' has no upload id after 'uploads/'");
            }
            uploadId = parts.get(i + 1);
            i += 2;
        }
        if (i >= parts.size()) {
            throw new IllegalArgumentException("resource name '" + name + "' ends before the blob's digest");
        }
        boolean compressed;
        if (parts.get(i).equals("blobs")) {
            compressed = false;
            i++;
        } else if (parts.get(i).equals("compressed-blobs")) {
            if (i + 1 >= parts.size() || !parts.get(i + 1).equals("zstd")) {
                throw new IllegalArgumentException("resource name '" + name
                        + "' asks for a compressor this server lacks (only zstd is supported)");
            }
            compressed = true;
            i += 2;
        } else {
            throw new IllegalArgumentException("resource name '" + name + "' has '" + parts.get(i)
                    + "' where 'blobs' or 'compressed-blobs' belongs");
        }
        if (i < parts.size() && parts.get(i).equals("sha256")) {
            i++;
        }
        if (i + 2 > parts.size()) {
            throw new IllegalArgumentException("resource name '" + name + "' lacks HASH/SIZE");
        }
        Digest digest;
        try {
            digest = Digest.parse(parts.get(i) + "/" + parts.get(i + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resource name '" + name + "': " + e.getMessage(), e);
        }
        if (!write && i + 2 != parts.size()) {
            throw new IllegalArgumentException("resource name '" + name + "' has extra segments after HASH/SIZE");
        }
        return new ResourceName(instance, uploadId, compressed, digest);
    }

    /** Formats the read form. */
    public static String read(String instanceName, Digest digest, boolean compressed) {
        return prefix(instanceName) + (compressed ? "compressed-blobs/zstd/" : "blobs/") + digest;
    }

    /** Formats the write form. */
    public static String write(String instanceName, String uploadId, Digest digest, boolean compressed) {
        return prefix(instanceName) + "uploads/" + uploadId + "/" + (compressed ? "compressed-blobs/zstd/" : "blobs/")
                + digest;
    }

    private static String prefix(String instanceName) {
        return instanceName.isEmpty() ? "" : instanceName + "/";
    }
}
