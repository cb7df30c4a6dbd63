package dev.bitzel.parser.internal.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;

/**
 * The framing the parse cache's one-file stores share (configuration entries, the parse snapshot, the recipe file
 * search, the file index): a magic number, the format, the body's length, the body, and the body's CRC32C; written
 * to a temporary file in the same directory and renamed into place, so a reader sees a whole file or none.
 */
final class FramedFile {
    /** Where the body starts. */
    static final int BODY = 12;

    private FramedFile() {
    }

    /**
     * Writes {@code body} framed to {@code path} atomically, creating its directory.
     *
     * @throws IOException if it cannot be written (the old file, if any, is left as it was)
     */
    static void write(Path path, int magic, int format, byte[] body) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] all = ByteBuffer.allocate(body.length + 20).putInt(magic).putInt(format).putInt(body.length).put(body)
                .putLong(crc.getValue()).array();
        writeAtomically(path, all);
    }

    /**
     * Writes {@code bytes} to {@code path} through a temporary file in the same directory renamed into place,
     * creating the directory.
     *
     * @throws IOException if it cannot be written (the old file, if any, is left as it was)
     */
    static void writeAtomically(Path path, byte[] bytes) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", "");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The CRC32C of a framed file's body, as {@link #bodyLength} checked it. */
    static long checksum(byte[] bytes, int bodyLength) {
        return ByteBuffer.wrap(bytes, BODY + bodyLength, 8).getLong();
    }

    /**
     * Checks the framing of a file's bytes; answers the body's length (the body starts at {@link #BODY}).
     *
     * @param what what the file should be, for the error ("a parse snapshot")
     * @throws IOException naming what is wrong: magic or format, length, checksum
     */
    static int bodyLength(byte[] bytes, int magic, int format, String what) throws IOException {
        ByteBuffer head = ByteBuffer.wrap(bytes);
        if (bytes.length < 20 || head.getInt() != magic || head.getInt() != format) {
            throw new IOException("not " + what + " of format " + format);
        }
        int length = head.getInt();
        if (length < 0 || length != bytes.length - 20) {
            throw new IOException("bad length " + length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, BODY, length);
        if (crc.getValue() != ByteBuffer.wrap(bytes, BODY + length, 8).getLong()) {
            throw new IOException("checksum mismatch");
        }
        return length;
    }
}
