package dev.bitzel.parser.internal.eval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The content hashes of files, remembered between runs by their {@code stat} (as git's index does): a file whose
 * size, modification and change times, inode and device are those recorded when it was hashed is not read again.
 * The change time cannot be set back by a program, so a file rewritten and given its old modification time is
 * still hashed again. A file changed within the timestamp granularity of its hashing cannot be told from the one
 * hashed, so files modified less than {@link #SETTLE_MILLIS} before they were hashed are not remembered. The index
 * ({@code CACHE_DIR/parse/files}) is written atomically; a damaged one is ignored (everything is hashed again).
 * Thread-safe.
 */
final class FileStates {
    private static final System.Logger LOG = System.getLogger(FileStates.class.getName());
    private static final int MAGIC = 0x425a4649; // "BZFI"
    private static final int FORMAT = 1;
    static final long SETTLE_MILLIS = 2_000;
    private static final String MISSING = "-";

    /** What {@code stat} says of a file, and its content hash when that was taken. */
    private record State(long size, long modified, long changed, String key, String hash) {
        boolean sameFile(State now) {
            return size == now.size && modified == now.modified && changed == now.changed && key.equals(now.key);
        }
    }

    private final Path file;
    private final ConcurrentHashMap<String, String> hashes = new ConcurrentHashMap<>();
    private volatile Map<String, State> remembered;
    private final ConcurrentHashMap<String, State> learned = new ConcurrentHashMap<>();

    FileStates(Path file) {
        this.file = file;
    }

    /** The SHA-256 of a file's content ({@code "-"} when it does not exist), memoized for this run. */
    String contentHash(String path) {
        return hashes.computeIfAbsent(path, this::compute);
    }

    private String compute(String path) {
        Path p = Path.of(path);
        State now;
        try {
            now = stat(p);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException | RuntimeException e) {
            // Unreadable now: equal only to a recorded unreadable state, so a change from it re-parses.
            return "unreadable:" + e.getClass().getSimpleName();
        }
        State before = remembered().get(path);
        if (before != null && before.sameFile(now)) {
            return before.hash();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(ParseCache.sha256().digest(Files.readAllBytes(p)));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException | RuntimeException e) {
            return "unreadable:" + e.getClass().getSimpleName();
        }
        long age = System.currentTimeMillis() - Math.max(now.modified(), now.changed()) / 1_000_000;
        if (age > SETTLE_MILLIS) {
            learned.put(path, new State(now.size(), now.modified(), now.changed(), now.key(), hash));
        }
        return hash;
    }

    private static State stat(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        long changed;
        String key;
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:ctime,ino,dev");
            changed = nanos((FileTime) unix.get("ctime"));
            key = unix.get("dev") + ":" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            changed = nanos(a.lastModifiedTime());
            key = String.valueOf(a.fileKey());
        }
        if (!a.isRegularFile()) {
            // a directory or device: no content to remember
            key = "not a file " + key + " " + System.nanoTime();
        }
        return new State(a.size(), nanos(a.lastModifiedTime()), changed, key, null);
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    private Map<String, State> remembered() {
        Map<String, State> r = remembered;
        if (r == null) {
            synchronized (this) {
                r = remembered;
                if (r == null) {
                    r = read();
                    remembered = r;
                }
            }
        }
        return r;
    }

    private Map<String, State> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read the file index " + file + ": " + e);
            return Map.of();
        }
        try {
            int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a file index");
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, length));
            int n = in.readInt();
            if (n < 0 || n > length) {
                throw new IOException("bad count " + n);
            }
            Map<String, State> states = new ConcurrentHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                states.put(path, new State(in.readLong(), in.readLong(), in.readLong(), in.readUTF(), in.readUTF()));
            }
            return states;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "ignoring damaged file index " + file + ": " + e
                    + "; files are hashed again");
            return Map.of();
        }
    }

    /** Writes what this run learned into the index, when it learned anything; failures are logged. */
    void save() {
        if (learned.isEmpty()) {
            return;
        }
        synchronized (this) {
            Map<String, State> all = new java.util.TreeMap<>(remembered());
            // only hashes taken in this run of files unchanged since: a file changed meanwhile is dropped
            all.putAll(learned);
            learned.clear();
            try {
                ByteArrayOutputStream body = new ByteArrayOutputStream(all.size() * 128);
                DataOutputStream out = new DataOutputStream(body);
                out.writeInt(all.size());
                for (Map.Entry<String, State> e : all.entrySet()) {
                    State s = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeLong(s.size());
                    out.writeLong(s.modified());
                    out.writeLong(s.changed());
                    out.writeUTF(s.key());
                    out.writeUTF(s.hash());
                }
                out.flush();
                FramedFile.write(file, MAGIC, FORMAT, body.toByteArray());
                remembered = new ConcurrentHashMap<>(all);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "cannot write the file index " + file + ": " + e);
            }
        }
    }

    /** For tests: whether {@code path} is remembered with its hash. */
    boolean remembers(String path) {
        return remembered().containsKey(path) || learned.containsKey(path);
    }

}
