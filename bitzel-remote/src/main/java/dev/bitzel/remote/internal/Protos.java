package dev.bitzel.remote.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bitzel.cas.Digest;
import dev.bitzel.remote.internal.proto.reapi.Directory;
import dev.bitzel.remote.internal.proto.reapi.DirectoryNode;
import dev.bitzel.remote.internal.proto.reapi.DigestFunction;
import dev.bitzel.remote.internal.proto.reapi.FileNode;
import dev.bitzel.remote.internal.proto.reapi.SymlinkNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Conversions between bitzel-cas values and their REAPI messages, and validation of what peers send. */
public final class Protos {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Protos() {
    }

    /** Converts a cas digest to its message. */
    public static dev.bitzel.remote.internal.proto.reapi.Digest toProto(Digest d) {
        return dev.bitzel.remote.internal.proto.reapi.Digest.newBuilder()
                .setHash(d.hash()).setSizeBytes(d.sizeBytes()).build();
    }

    /**
     * Converts a digest message, naming the field when it is not a SHA-256 digest.
     *
     * @throws IllegalArgumentException naming {@code field} and the bad value
     */
    public static Digest fromProto(dev.bitzel.remote.internal.proto.reapi.Digest d, String field) {
        if (!SHA256_HEX.matcher(d.getHash()).matches()) {
            throw new IllegalArgumentException(field + ": '" + d.getHash() + "/" + d.getSizeBytes()
                    + "' is not a SHA-256 digest (64 lower-case hex digits); only SHA256 is supported");
        }
        if (d.getSizeBytes() < 0) {
            throw new IllegalArgumentException(field + ": size " + d.getSizeBytes() + " is negative");
        }
        return new Digest(d.getHash(), d.getSizeBytes());
    }

    /**
     * Checks the request's digest function: unset (meaning SHA-256 for 64-digit hashes) or SHA256.
     *
     * @throws IllegalArgumentException when another function is asked for
     */
    public static void checkDigestFunction(DigestFunction.Value value) {
        if (value != DigestFunction.Value.UNKNOWN && value != DigestFunction.Value.SHA256) {
            throw new IllegalArgumentException("digest_function " + value + " is not supported; this server speaks"
                    + " SHA256 only");
        }
    }

    /** Converts a cas directory to its message (same wire bytes as {@link dev.bitzel.cas.Directory#toBytes()}). */
    public static Directory toProto(dev.bitzel.cas.Directory d) {
        Directory.Builder b = Directory.newBuilder();
        for (dev.bitzel.cas.Directory.FileNode f : d.files()) {
            b.addFiles(FileNode.newBuilder().setName(f.name()).setDigest(toProto(f.digest()))
                    .setIsExecutable(f.executable()));
        }
        for (dev.bitzel.cas.Directory.DirectoryNode n : d.directories()) {
            b.addDirectories(DirectoryNode.newBuilder().setName(n.name()).setDigest(toProto(n.digest())));
        }
        for (dev.bitzel.cas.Directory.SymlinkNode s : d.symlinks()) {
            b.addSymlinks(SymlinkNode.newBuilder().setName(s.name()).setTarget(s.target()));
        }
        return b.build();
    }

    /** Lists the child directory digests of a directory message. */
    public static List<Digest> childDirectories(Directory d) {
        List<Digest> out = new ArrayList<>(d.getDirectoriesCount());
        for (DirectoryNode n : d.getDirectoriesList()) {
            out.add(fromProto(n.getDigest(), "directory '" + n.getName() + "'"));
        }
        return out;
    }

    /**
     * Parses a message, naming what it was meant to be on failure.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    public static <T> T parse(ProtoParser<T> parser, byte[] bytes, String what) {
        try {
            return parser.parse(ByteString.copyFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(what + " is not a valid message: " + e.getMessage(), e);
        }
    }

    /** A message's {@code parseFrom(ByteString)}. */
    @FunctionalInterface
    public interface ProtoParser<T> {
        /** Parses. */
        T parse(ByteString bytes) throws InvalidProtocolBufferException;
    }
}
