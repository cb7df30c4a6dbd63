package dev.bitzel.cas.internal;

import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The protobuf wire encoding of REAPI's {@code Directory}, written by hand: proto3 omits default values (false,
 * zero, empty) and writes fields in field-number order, which is what every REAPI client's serializer does.
 */
public final class DirectoryCodec {

    private DirectoryCodec() {
    }

    /** Encodes {@code d} canonically. */
    public static byte[] encode(Directory d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 100 * (d.files().size() + d.directories().size()));
        for (Directory.FileNode f : d.files()) {
            ByteArrayOutputStream node = new ByteArrayOutputStream();
            string(node, 1, f.name());
            message(node, 2, digest(f.digest()));
            if (f.executable()) {
                varint(node, (4 << 3));
                varint(node, 1);
            }
            message(out, 1, node.toByteArray());
        }
        for (Directory.DirectoryNode n : d.directories()) {
            ByteArrayOutputStream node = new ByteArrayOutputStream();
            string(node, 1, n.name());
            message(node, 2, digest(n.digest()));
            message(out, 2, node.toByteArray());
        }
        for (Directory.SymlinkNode s : d.symlinks()) {
            ByteArrayOutputStream node = new ByteArrayOutputStream();
            string(node, 1, s.name());
            string(node, 2, s.target());
            message(out, 3, node.toByteArray());
        }
        return out.toByteArray();
    }

    private static byte[] digest(Digest digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(76);
        string(out, 1, digest.hash());
        if (digest.sizeBytes() != 0) {
            varint(out, (2 << 3));
            varint(out, digest.sizeBytes());
        }
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, int field, String value) {
        if (!value.isEmpty()) {
            message(out, field, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void message(ByteArrayOutputStream out, int field, byte[] bytes) {
        varint(out, (field << 3) | 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Decodes a Directory, skipping unknown fields; throws IllegalArgumentException on malformed input. */
    public static Directory decode(byte[] bytes) {
        Reader r = new Reader(bytes, 0, bytes.length);
        List<Directory.FileNode> files = new ArrayList<>();
        List<Directory.DirectoryNode> dirs = new ArrayList<>();
        List<Directory.SymlinkNode> links = new ArrayList<>();
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            if (type == 2 && field >= 1 && field <= 3) {
                Reader node = r.sub();
                switch (field) {
                    case 1 -> files.add(fileNode(node));
                    case 2 -> dirs.add(dirNode(node));
                    default -> links.add(symlinkNode(node));
                }
            } else {
                r.skip(type);
            }
        }
        return new Directory(files, dirs, links);
    }

    private static Directory.FileNode fileNode(Reader r) {
        String name = "";
        Digest digest = null;
        boolean executable = false;
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            if (field == 1 && type == 2) {
                name = r.sub().utf8();
            } else if (field == 2 && type == 2) {
                digest = digest(r.sub());
            } else if (field == 4 && type == 0) {
                executable = r.varint() != 0;
            } else {
                r.skip(type);
            }
        }
        return new Directory.FileNode(name, require(digest, name), executable);
    }

    private static Directory.DirectoryNode dirNode(Reader r) {
        String name = "";
        Digest digest = null;
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            if (field == 1 && type == 2) {
                name = r.sub().utf8();
            } else if (field == 2 && type == 2) {
                digest = digest(r.sub());
            } else {
                r.skip(type);
            }
        }
        return new Directory.DirectoryNode(name, require(digest, name));
    }

    private static Directory.SymlinkNode symlinkNode(Reader r) {
        String name = "";
        String target = "";
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            if (field == 1 && type == 2) {
                name = r.sub().utf8();
            } else if (field == 2 && type == 2) {
                target = r.sub().utf8();
            } else {
                r.skip(type);
            }
        }
        return new Directory.SymlinkNode(name, target);
    }

    private static Digest digest(Reader r) {
        String hash = "";
        long size = 0;
        while (r.more()) {
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            if (field == 1 && type == 2) {
                hash = r.sub().utf8();
            } else if (field == 2 && type == 0) {
                size = r.varint();
            } else {
                r.skip(type);
            }
        }
        return new Digest(hash, size);
    }

    private static Digest require(Digest digest, String name) {
        if (digest == null) {
            throw new IllegalArgumentException("entry '" + name + "' has no digest");
        }
        return digest;
    }

    private static final class Reader {
        private final byte[] bytes;
        private int pos;
        private final int end;

        Reader(byte[] bytes, int pos, int end) {
            this.bytes = bytes;
            this.pos = pos;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw new IllegalArgumentException("truncated varint at byte " + pos);
                }
                byte b = bytes[pos++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at byte " + pos);
        }

        Reader sub() {
            long length = varint();
            if (length < 0 || length > end - pos) {
                throw new IllegalArgumentException("length " + length + " at byte " + pos + " runs past the end");
            }
            Reader r = new Reader(bytes, pos, pos + (int) length);
            pos += (int) length;
            return r;
        }

        String utf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, pos, end - pos)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("string at byte " + pos + " is not valid UTF-8", e);
            }
        }

        void skip(int type) {
            switch (type) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> sub();
                case 5 -> advance(4);
                default -> throw new IllegalArgumentException("unsupported wire type " + type + " at byte " + pos);
            }
        }

        private void advance(int n) {
            if (n > end - pos) {
                throw new IllegalArgumentException("field at byte " + pos + " runs past the end");
            }
            pos += n;
        }
    }
}
