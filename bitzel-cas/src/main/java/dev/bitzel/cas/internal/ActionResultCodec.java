package dev.bitzel.cas.internal;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of an action cache entry: a magic, a version, the fields, and a SHA-256 of all that so a torn
 * or flipped entry is recognised rather than misread.
 */
final class ActionResultCodec {

    private static final int MAGIC = 0x425a4143; // "BZAC"
    private static final int VERSION = 1;
    private static final int MAX_STRING = 1 << 20;

    /** An entry that does not decode; treated as a miss and quarantined. */
    static final class CorruptEntryException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ActionResultCodec() {
    }

    static byte[] encode(ActionResult r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(r.exitCode());
            out.writeInt(r.outputFiles().size());
            for (ActionResult.OutputFile f : r.outputFiles()) {
                string(out, f.path());
                digest(out, f.digest());
                out.writeBoolean(f.executable());
            }
            out.writeInt(r.outputDirectories().size());
            for (ActionResult.OutputDirectory d : r.outputDirectories()) {
                string(out, d.path());
                digest(out, d.rootDigest());
            }
            digest(out, r.stdoutDigest());
            digest(out, r.stderrDigest());
            out.writeInt(r.metadata().size());
            for (Map.Entry<String, String> e : r.metadata().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] sum = Hashing.sha256().digest(body);
            byte[] all = Arrays.copyOf(body, body.length + sum.length);
            System.arraycopy(sum, 0, all, body.length, sum.length);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    static ActionResult decode(byte[] all, String where) throws CorruptEntryException {
        try {
            if (all.length < 32 + 9) {
                throw new IOException("only " + all.length + " bytes");
            }
            byte[] body = Arrays.copyOf(all, all.length - 32);
            byte[] sum = Arrays.copyOfRange(all, all.length - 32, all.length);
            if (!MessageDigest.isEqual(sum, Hashing.sha256().digest(body))) {
                throw new IOException("checksum does not match");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            if (in.readInt() != MAGIC || in.readByte() != VERSION) {
                throw new IOException("unknown magic or version");
            }
            int exitCode = in.readInt();
            int n = count(in);
            List<ActionResult.OutputFile> files = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                files.add(new ActionResult.OutputFile(string(in), digest(in), in.readBoolean()));
            }
            n = count(in);
            List<ActionResult.OutputDirectory> dirs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dirs.add(new ActionResult.OutputDirectory(string(in), digest(in)));
            }
            Digest stdout = digest(in);
            Digest stderr = digest(in);
            n = count(in);
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                metadata.put(string(in), string(in));
            }
            if (in.available() != 0) {
                throw new IOException(in.available() + " trailing bytes");
            }
            return new ActionResult(exitCode, files, dirs, stdout, stderr, metadata);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptEntryException("action cache entry " + where + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void digest(DataOutputStream out, Digest d) throws IOException {
        out.write(d.hash().getBytes(StandardCharsets.US_ASCII));
        out.writeLong(d.sizeBytes());
    }

    private static Digest digest(DataInputStream in) throws IOException {
        byte[] hash = new byte[64];
        in.readFully(hash);
        return new Digest(new String(hash, StandardCharsets.US_ASCII), in.readLong());
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING || n > in.available()) {
            throw new IOException("bad string length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
