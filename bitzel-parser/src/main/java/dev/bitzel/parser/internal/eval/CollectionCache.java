package dev.bitzel.parser.internal.eval;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The recipe and append files BBFILES finds, kept between runs ({@code CACHE_DIR/parse/collections/KEY}) with the
 * state of every directory the search listed or looked into: a directory's modification and change times move
 * whenever an entry is added, removed or renamed in it, so while none moved the search would find the same files.
 * A directory changed less than {@link FileStates#SETTLE_MILLIS} before the search is too close to tell from a later
 * change: such a search is not kept. A damaged entry is reported and searched again. Thread-safe.
 */
final class CollectionCache {
    private static final System.Logger LOG = System.getLogger(CollectionCache.class.getName());
    private static final int MAGIC = 0x425a4643; // "BZFC"
    private static final int FORMAT = 1;

    private final Path dir;

    CollectionCache(Path dir) {
        this.dir = dir;
    }

    static String key(String configFingerprint, List<String> bbfiles, String bbmask, List<LayerCollection> collections) {
        MessageDigest md = ParseCache.sha256();
        md.update(("bitzel-collection-" + FORMAT + '\0' + configFingerprint + '\0' + String.join("\1", bbfiles) + '\0'
                + bbmask).getBytes(StandardCharsets.UTF_8));
        for (LayerCollection c : collections) {
            md.update(('\2' + c.name() + '\0' + c.pattern() + '\0' + c.priority()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The state of what {@link RecipeCollector} observed: for a listed directory ({@code "L:path"}) its modification
     * and change times and identity; for a path tested ({@code "P:path"}) whether it is a directory or something
     * else; {@code "-"} when missing, {@code "f"} for a listed path that is not a directory.
     */
    static String state(String observed) {
        if (observed.startsWith("P:")) {
            Path p = Path.of(observed.substring(2));
            return Files.isDirectory(p) ? "d" : Files.exists(p) ? "e" : "-";
        }
        String directory = observed.substring(2);
        try {
            BasicFileAttributes a = Files.readAttributes(Path.of(directory), BasicFileAttributes.class);
            if (!a.isDirectory()) {
                return "f";
            }
            String changed;
            try {
                Map<String, Object> unix = Files.readAttributes(Path.of(directory), "unix:ctime,ino,dev");
                changed = nanos((FileTime) unix.get("ctime")) + ":" + unix.get("dev") + ":" + unix.get("ino");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                changed = String.valueOf(a.fileKey());
            }
            return nanos(a.lastModifiedTime()) + ":" + changed;
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /** The files found by an earlier search whose directories are unchanged, or null. */
    RecipeCollector.Collected load(String key) {
        Path path = dir.resolve(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read " + path + ": " + e);
            return null;
        }
        try {
            int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a recipe collection");
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, length));
            int dirs = count(in, length);
            boolean same = true;
            for (int i = 0; i < dirs; i++) {
                String d = in.readUTF();
                String s = in.readUTF();
                same = same && s.equals(state(d));
            }
            if (!same) {
                return null;
            }
            List<String> recipes = strings(in, length);
            List<String> appends = strings(in, length);
            int masked = in.readInt();
            List<String> warnings = strings(in, length);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return new RecipeCollector.Collected(recipes, appends, masked, warnings);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "ignoring damaged recipe collection " + path + ": " + e);
            return null;
        }
    }

    /** Keeps a search's result, unless one of its directories changed too recently to be told apart. */
    void store(String key, RecipeCollector.Collected found, Set<String> directories) {
        Path path = dir.resolve(key);
        Map<String, String> states = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (String d : directories) {
            String s = state(d);
            String[] parts = s.split(":");
            if (parts.length > 2) {
                long changedMillis = Math.max(Long.parseLong(parts[0]), Long.parseLong(parts[1])) / 1_000_000;
                if (now - changedMillis <= FileStates.SETTLE_MILLIS) {
                    return;
                }
            }
            states.put(d, s);
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
            DataOutputStream out = new DataOutputStream(body);
            out.writeInt(states.size());
            for (Map.Entry<String, String> e : states.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            writeStrings(found.recipes(), out);
            writeStrings(found.appends(), out);
            out.writeInt(found.masked());
            writeStrings(found.warnings(), out);
            out.flush();
            FramedFile.write(path, MAGIC, FORMAT, body.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot write " + path + ": " + e);
        }
    }

    private static int count(DataInputStream in, int limit) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > limit) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static List<String> strings(DataInputStream in, int limit) throws IOException {
        int n = count(in, limit);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.readUTF());
        }
        return List.copyOf(list);
    }

    static Set<String> newObserved() {
        return new LinkedHashSet<>();
    }
}
