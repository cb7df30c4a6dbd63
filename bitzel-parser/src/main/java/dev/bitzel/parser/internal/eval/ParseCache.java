package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.ParseFailure;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * A persistent cache of parsed recipes, keyed by content: an entry holds the recipe file's variants as
 * datastore deltas against the configuration, and the content hash of every file that went into them (files
 * read, and files probed but missing). It is used only when the configuration fingerprint (the content of
 * every configuration file, the environment BitBake let through, the Python evaluator) and every recorded file
 * still match, so an unchanged tree re-parses from cache and a changed file re-parses only the recipes that
 * read it.
 *
 * <p>Entries are written to a temporary file and renamed into place, so concurrent parsers (threads or
 * processes) never see a partial entry. A corrupt or unreadable entry is a miss, reported once through
 * {@link System.Logger}, and is overwritten. Thread-safe.
 */
public final class ParseCache {
    private static final System.Logger LOG = System.getLogger(ParseCache.class.getName());
    private static final int MAGIC = 0x425a5043; // "BZPC"
    private static final int FORMAT = 1;
    private static final String MISSING = "-";

    private final Path dir;
    private final ConcurrentHashMap<String, String> fileHashes = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger corrupt = new AtomicInteger();

    /**
     * A cache in {@code dir} (created when first written).
     *
     * @param dir the cache directory
     */
    public ParseCache(Path dir) {
        this.dir = dir;
    }

    /** Recipes served from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Recipes parsed because no valid entry existed. */
    public int misses() {
        return misses.get();
    }

    /** Entries found corrupt and ignored. */
    public int corruptEntries() {
        return corrupt.get();
    }

    /** The SHA-256 of a file's content, or {@code "-"} when it does not exist; memoized for this run. */
    String contentHash(String file) {
        return fileHashes.computeIfAbsent(file, f -> {
            try {
                return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(Path.of(f))));
            } catch (NoSuchFileException e) {
                return MISSING;
            } catch (IOException e) {
                // Unreadable now: never equal to a recorded hash, so the recipe re-parses and reports it.
                return "unreadable:" + e.getClass().getSimpleName();
            }
        });
    }

    /** A fingerprint of everything a configuration was built from. */
    String fingerprint(Iterable<String> files, Map<String, String> extra) {
        MessageDigest md = sha256();
        md.update(("bitzel-parse-cache-" + FORMAT).getBytes(StandardCharsets.UTF_8));
        for (String f : files) {
            md.update(('\0' + f + '\0' + contentHash(f)).getBytes(StandardCharsets.UTF_8));
        }
        extra.forEach((k, v) -> md.update(('\1' + k + '=' + v).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    private Path entryPath(String configFingerprint, String recipe, List<String> appends) {
        MessageDigest md = sha256();
        md.update((configFingerprint + '\0' + recipe + '\0' + String.join("\0", appends))
                .getBytes(StandardCharsets.UTF_8));
        String key = HexFormat.of().formatHex(md.digest());
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    /** The cached result, or null when there is no entry still valid. */
    RecipeFile load(String configFingerprint, String recipe, List<String> appends, DataStore base) {
        Path path = entryPath(configFingerprint, recipe, appends);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            misses.incrementAndGet();
            return null;
        } catch (IOException e) {
            reportCorrupt(path, e);
            return null;
        }
        try {
            RecipeFile result = decode(bytes, recipe, base);
            if (result == null) {
                misses.incrementAndGet();
            } else {
                hits.incrementAndGet();
            }
            return result;
        } catch (IOException | RuntimeException e) {
            reportCorrupt(path, e);
            return null;
        }
    }

    private void reportCorrupt(Path path, Exception e) {
        misses.incrementAndGet();
        corrupt.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, () -> "ignoring corrupt parse cache entry " + path + ": " + e);
    }

    /** Stores a result; failures to write are logged and leave the cache without that entry. */
    void store(String configFingerprint, String recipe, List<String> appends, DataStore base, RecipeFile result,
            List<String> dependencies) {
        Path path = entryPath(configFingerprint, recipe, appends);
        try {
            byte[] bytes = encode(result, base, dependencies);
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), ".tmp-", "");
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
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot write parse cache entry for " + recipe + ": " + e);
        }
    }

    private byte[] encode(RecipeFile result, DataStore base, List<String> dependencies) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        writeString(result.file(), out);
        out.writeInt(dependencies.size());
        for (String f : dependencies) {
            writeString(f, out);
            writeString(contentHash(f), out);
        }
        writeFailure(result.failure(), out);
        writeDiagnostics(result.diagnostics(), out);
        out.writeInt(result.variants().size());
        for (Recipe r : result.variants().values()) {
            writeString(r.variant(), out);
            r.data().writeDelta(base, out);
            writeStrings(r.tasks(), out);
            out.writeInt(r.taskDependencies().size());
            for (Map.Entry<String, List<String>> e : r.taskDependencies().entrySet()) {
                writeString(e.getKey(), out);
                writeStrings(e.getValue(), out);
            }
            writeStrings(r.inheritedFiles(), out);
            writeStrings(r.dependencies(), out);
            out.writeBoolean(r.skipReason() != null);
            if (r.skipReason() != null) {
                writeString(r.skipReason(), out);
            }
            writeDiagnostics(r.diagnostics(), out);
        }
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return buffer.toByteArray();
    }

    private RecipeFile decode(byte[] bytes, String recipe, DataStore base) throws IOException {
        if (bytes.length < 8) {
            throw new IOException("truncated entry (" + bytes.length + " bytes)");
        }
        int bodyLength = bytes.length - 8;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bodyLength);
        long stored = new DataInputStream(new ByteArrayInputStream(bytes, bodyLength, 8)).readLong();
        if (crc.getValue() != stored) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a parse cache entry of format " + FORMAT);
        }
        String file = readString(in);
        if (!file.equals(recipe)) {
            throw new IOException("entry is for " + file + ", not " + recipe);
        }
        int deps = count(in);
        for (int i = 0; i < deps; i++) {
            String f = readString(in);
            String hash = readString(in);
            if (!hash.equals(contentHash(f))) {
                return null;
            }
        }
        ParseFailure failure = readFailure(in);
        List<Diagnostic> diagnostics = readDiagnostics(in);
        int n = count(in);
        Map<String, Recipe> variants = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String variant = readString(in);
            DataStore data = DataStore.readDelta(base, in);
            List<String> tasks = readStrings(in);
            int nd = count(in);
            Map<String, List<String>> taskDeps = new LinkedHashMap<>();
            for (int j = 0; j < nd; j++) {
                taskDeps.put(readString(in), readStrings(in));
            }
            List<String> inherited = readStrings(in);
            List<String> dependencies = readStrings(in);
            String skip = in.readBoolean() ? readString(in) : null;
            variants.put(variant, new Recipe(file, variant, data, tasks, taskDeps, inherited, dependencies, skip,
                    readDiagnostics(in)));
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected trailing bytes");
        }
        return new RecipeFile(file, variants, failure, diagnostics);
    }

    private static void writeFailure(ParseFailure failure, DataOutputStream out) throws IOException {
        out.writeBoolean(failure != null);
        if (failure != null) {
            writeString(failure.kind(), out);
            writeString(failure.file(), out);
            out.writeInt(failure.line());
            writeString(failure.message(), out);
        }
    }

    private static ParseFailure readFailure(DataInputStream in) throws IOException {
        return in.readBoolean() ? new ParseFailure(readString(in), readString(in), in.readInt(), readString(in))
                : null;
    }

    private static void writeDiagnostics(List<Diagnostic> diagnostics, DataOutputStream out) throws IOException {
        out.writeInt(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            writeString(d.file(), out);
            out.writeInt(d.line());
            out.writeInt(d.column());
            out.writeByte(d.severity().ordinal());
            writeString(d.message(), out);
        }
    }

    private static List<Diagnostic> readDiagnostics(DataInputStream in) throws IOException {
        int n = count(in);
        List<Diagnostic> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String file = readString(in);
            int line = in.readInt();
            int column = in.readInt();
            int severity = in.readByte();
            if (severity < 0 || severity >= Severity.values().length) {
                throw new IOException("bad severity " + severity);
            }
            list.add(new Diagnostic(file, line, column, Severity.values()[severity], readString(in)));
        }
        return list;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void writeString(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        // readFully into an exact-size array: InputStream.readNBytes allocates 8 KiB chunks per call.
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(s, out);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
