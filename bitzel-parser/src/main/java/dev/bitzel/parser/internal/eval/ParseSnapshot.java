package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.ParseFailure;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.internal.data.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every recipe file of a build directory in one file, as BitBake's {@code bb_cache.dat} holds its recipe cache: what
 * the individual parse cache entries hold (tasks, inherits, cache fields, diagnostics), with each string stored
 * once, and the version of each entry (whose datastore file is read when a datastore is needed). A run whose
 * configuration and recipe files are those of the snapshot, and whose files all have the content recorded, reads
 * this one file instead of one entry per recipe; the task flags of a recipe are decoded when first read.
 *
 * <p>The key ({@code CACHE_DIR/parse/snapshots/KEY}) covers the configuration fingerprint and the recipe files with
 * their appends and layers; the file lists every file the recipes read (with its content hash). A snapshot that
 * does not match is not used (the entries are), and a damaged one is reported and ignored: it never yields a
 * recipe. Written atomically after a run that could not use one. Thread-safe.
 */
final class ParseSnapshot {
    private static final System.Logger LOG = System.getLogger(ParseSnapshot.class.getName());
    private static final int MAGIC = 0x425a5053; // "BZPS"
    private static final int FORMAT = 3;

    /** A recipe file to parse: the file, its appends, its layer (or null). */
    record Input(String file, List<String> appends, String layer) {
    }

    private final Path dir;
    private final ParseCache cache;

    ParseSnapshot(Path dir, ParseCache cache) {
        this.dir = dir;
        this.cache = cache;
    }

    static String key(String configFingerprint, List<Input> inputs) {
        MessageDigest md = ParseCache.sha256();
        md.update(("bitzel-parse-snapshot-" + FORMAT + '\0' + configFingerprint).getBytes(StandardCharsets.UTF_8));
        for (Input in : inputs) {
            md.update(('\1' + in.file() + '\0' + String.join("\0", in.appends()) + '\2' + in.layer())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The recipe files of a snapshot, in input order, or null when there is none that still holds.
     *
     * @param reparse parses a recipe file again when its datastores are not stored: file to its parse
     */
    List<RecipeFile> load(String key, List<Input> inputs, DataStore base, StoredObjects objects,
            Function<String, Supplier<ParseCache.Reparsed>> reparse) {
        Path path = dir.resolve(key);
        BasicFileAttributes stat;
        try {
            stat = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read parse snapshot " + path + ": " + e);
            return null;
        }
        Decoded earlier = Decoded.of(path, stat);
        if (earlier != null) {
            return earlier.stillValid(cache) ? earlier.recipes() : null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read parse snapshot " + path + ": " + e);
            return null;
        }
        try {
            List<String[]> files = new ArrayList<>();
            AtomicBoolean storesRead = new AtomicBoolean();
            List<RecipeFile> decoded = decode(bytes, inputs, base, objects, reparse, files, storesRead);
            if (decoded == null) {
                return null;
            }
            List<RecipeFile> recipes = List.copyOf(decoded);
            Decoded.remember(path, stat, bytes.length, files, recipes, storesRead);
            return recipes;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "ignoring damaged parse snapshot " + path + ": " + e);
            return null;
        }
    }

    /**
     * A snapshot decoded earlier in this process, kept (softly, the last few) for a long-lived process such as
     * {@code bitzel}'s command server: while the snapshot file is the same file, unchanged, and every file it
     * lists still has the content recorded, its recipes are the ones decoded then, so later loads skip decoding
     * and hand out the same recipe files. Only until one of their datastores has been read, though: Python run on
     * a store (an inline expression, a function) may change it or an object it holds, which a later load must not
     * see; the recipes' other fields never change.
     */
    private record Decoded(Object fileKey, long size, long modified, List<String[]> files,
            List<RecipeFile> recipes, AtomicBoolean storesRead) {
        private static final com.google.common.cache.Cache<Path, Decoded> RECENT =
                com.google.common.cache.CacheBuilder.newBuilder().maximumSize(4).softValues().build();

        static Decoded of(Path path, BasicFileAttributes stat) {
            Decoded d = RECENT.getIfPresent(path);
            boolean same = d != null && !d.storesRead.get() && stat.fileKey() != null
                    && stat.fileKey().equals(d.fileKey) && stat.size() == d.size
                    && stat.lastModifiedTime().toMillis() == d.modified;
            return same ? d : null;
        }

        static void remember(Path path, BasicFileAttributes stat, long length, List<String[]> files,
                List<RecipeFile> recipes, AtomicBoolean storesRead) {
            if (stat.fileKey() == null || stat.size() != length) {
                return;
            }
            Decoded d = new Decoded(stat.fileKey(), stat.size(), stat.lastModifiedTime().toMillis(),
                    List.copyOf(files), recipes, storesRead);
            RECENT.put(path, d);
        }

        boolean stillValid(ParseCache cache) {
            for (String[] f : files) {
                if (!f[1].equals(cache.contentHash(f[0]))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads the snapshot's fields from a byte array. */
    static final class Reader {
        final byte[] b;
        int p;
        final int end;
        String[] strings;

        Reader(byte[] b, int from, int end) {
            this.b = b;
            this.p = from;
            this.end = end;
        }

        int u() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                if (p >= end) {
                    throw new IOException("snapshot ends early");
                }
                int x = b[p++];
                v |= (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    if (v < 0) {
                        throw new IOException("bad number");
                    }
                    return v;
                }
            }
            throw new IOException("bad number");
        }

        long l() throws IOException {
            if (p + 8 > end) {
                throw new IOException("snapshot ends early");
            }
            long v = ByteBuffer.wrap(b, p, 8).getLong();
            p += 8;
            return v;
        }

        int count() throws IOException {
            int n = u();
            if (n > end - p) {
                throw new IOException("bad count " + n);
            }
            return n;
        }

        String s() throws IOException {
            int i = u();
            if (i >= strings.length) {
                throw new IOException("bad string " + i);
            }
            return strings[i];
        }

        String nullable() throws IOException {
            int i = u();
            if (i == 0) {
                return null;
            }
            if (i - 1 >= strings.length) {
                throw new IOException("bad string " + i);
            }
            return strings[i - 1];
        }

        List<String> list() throws IOException {
            int n = count();
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = s();
            }
            return List.of(a);
        }
    }

    private List<RecipeFile> decode(byte[] bytes, List<Input> inputs, DataStore base, StoredObjects objects,
            Function<String, Supplier<ParseCache.Reparsed>> reparse, List<String[]> files, AtomicBoolean storesRead)
            throws IOException {
        int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a parse snapshot");
        Reader in = new Reader(bytes, 12, 12 + length);
        int n = in.count();
        in.strings = new String[n];
        for (int i = 0; i < n; i++) {
            int len = in.count();
            in.strings[i] = new String(bytes, in.p, len, StandardCharsets.UTF_8);
            in.p += len;
        }
        int fileCount = in.count();
        for (int i = 0; i < fileCount; i++) {
            String file = in.s();
            String hash = in.s();
            if (!hash.equals(cache.contentHash(file))) {
                return null;
            }
            files.add(new String[] {file, hash});
        }
        int recipes = in.count();
        if (recipes != inputs.size()) {
            throw new IOException(recipes + " recipe files, not " + inputs.size());
        }
        List<RecipeFile> result = new ArrayList<>(recipes);
        for (int index = 0; index < inputs.size(); index++) {
            Input input = inputs.get(index);
            String fn = in.s();
            if (!fn.equals(input.file())) {
                throw new IOException("recipe file " + fn + " where " + input.file() + " was expected");
            }
            Path entry = Path.of(in.s());
            long generation = in.l();
            ParseFailure failure = null;
            if (in.u() == 1) {
                failure = new ParseFailure(in.s(), in.s(), in.u(), in.s());
            }
            List<Diagnostic> diagnostics = diagnostics(in);
            int variants = in.count();
            Map<String, Recipe> recipesOf = new LinkedHashMap<>();
            int at = index;
            Supplier<ParseCache.Reparsed> again = reparse.apply(inputs.get(at).file());
            for (int v = 0; v < variants; v++) {
                String variant = in.s();
                List<String> tasks = in.list();
                int nd = in.count();
                Map<String, List<String>> taskDeps = new LinkedHashMap<>();
                for (int j = 0; j < nd; j++) {
                    taskDeps.put(in.s(), in.list());
                }
                List<String> inherited = in.list();
                List<String> dependencies = in.list();
                String skip = in.nullable();
                List<Diagnostic> variantDiagnostics = diagnostics(in);
                Map<String, String> info = null;
                if (in.u() == 1) {
                    int core = in.count();
                    Map<String, String> coreFields = new LinkedHashMap<>();
                    for (int j = 0; j < core; j++) {
                        coreFields.put(in.s(), in.s());
                    }
                    int flagBytes = in.count();
                    info = new LazyCacheFields(coreFields, in.b, in.p, in.p + flagBytes, in.strings);
                    in.p += flagBytes;
                }
                Supplier<DataStore> data = () -> {
                    storesRead.set(true);
                    return cache.datastore(entry, generation, variant, base, objects, again);
                };
                Recipe recipe = new Recipe(fn, variant, data, tasks, taskDeps, inherited, dependencies, skip,
                        variantDiagnostics);
                if (info != null) {
                    recipe.withCacheInfo(info);
                }
                recipesOf.put(variant, recipe);
            }
            result.add(new RecipeFile(fn, recipesOf, failure, diagnostics));
        }
        if (in.p != in.end) {
            throw new IOException((in.end - in.p) + " unexpected trailing bytes");
        }
        return result;
    }

    private static List<Diagnostic> diagnostics(Reader in) throws IOException {
        int n = in.count();
        List<Diagnostic> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String file = in.s();
            int line = in.u();
            int column = in.u();
            int severity = in.u();
            if (severity >= Severity.values().length) {
                throw new IOException("bad severity " + severity);
            }
            list.add(new Diagnostic(file, line, column, Severity.values()[severity], in.s()));
        }
        return list;
    }

    /**
     * Starts writing the snapshot of {@code inputs}' results, which are then {@linkplain Encoder#add added} in
     * order as they come (while later recipes are still being parsed) and {@linkplain Encoder#write written}.
     */
    Encoder encoder(String key, List<Input> inputs) {
        return new Encoder(dir.resolve(key), inputs);
    }

    /**
     * Encodes recipe files into a snapshot one by one, collecting strings into a table written before them; a recipe
     * without an entry record leaves no snapshot (logged). Not thread-safe.
     */
    final class Encoder implements MetadataLoader.SnapshotWriter {
        private final Path path;
        private final List<Input> inputs;
        private final Writer w = new Writer();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final ByteSink recipes = new ByteSink(1 << 22);
        private int added;
        private boolean abandoned;

        private Encoder(Path path, List<Input> inputs) {
            this.path = path;
            this.inputs = inputs;
            w.out = recipes;
            w.u(inputs.size());
        }

        @Override
        public void add(RecipeFile file) {
            if (abandoned) {
                return;
            }
            int i = added++;
            ParseCache.EntryRecord record = cache.record(file.file());
            if (i >= inputs.size() || record == null || !file.file().equals(inputs.get(i).file())) {
                LOG.log(System.Logger.Level.DEBUG, () -> "no parse snapshot: " + file.file() + " has no cache entry");
                abandoned = true;
                return;
            }
            files.putAll(record.ownFiles());
            w.s(file.file());
            w.s(record.path().toString());
            w.l(record.generation());
            ParseFailure failure = file.failure();
            w.u(failure == null ? 0 : 1);
            if (failure != null) {
                w.s(failure.kind());
                w.s(failure.file());
                w.u(nonNegative(failure.line()));
                w.s(failure.message());
            }
            diagnostics(w, file.diagnostics());
            w.u(file.variants().size());
            for (Recipe r : file.variants().values()) {
                variant(r);
            }
        }

        private void variant(Recipe r) {
            w.s(r.variant());
            w.list(r.tasks());
            w.u(r.taskDependencies().size());
            r.taskDependencies().forEach((task, deps) -> {
                w.s(task);
                w.list(deps);
            });
            w.list(r.inheritedFiles());
            w.list(r.dependencies());
            w.nullable(r.skipReason());
            diagnostics(w, r.diagnostics());
            Map<String, String> info;
            try {
                info = r.cacheInfo();
            } catch (IllegalStateException e) {
                info = null;
            }
            w.u(info == null ? 0 : 1);
            if (info != null) {
                List<Map.Entry<String, String>> core = new ArrayList<>();
                List<Map.Entry<String, String>> flags = new ArrayList<>();
                for (Map.Entry<String, String> e : info.entrySet()) {
                    (e.getKey().indexOf('[') < 0 ? core : flags).add(e);
                }
                w.u(core.size());
                for (Map.Entry<String, String> e : core) {
                    w.s(e.getKey());
                    w.s(e.getValue());
                }
                ByteSink outer = w.out;
                w.out = new ByteSink(1024);
                for (Map.Entry<String, String> e : flags) {
                    w.s(e.getKey());
                    w.s(e.getValue());
                }
                byte[] flagBytes = w.out.toByteArray();
                w.out = outer;
                w.u(flagBytes.length);
                w.out.writeBytes(flagBytes);
            }
        }

        /** Writes the snapshot, unless a recipe had no entry record or not every input was added. */
        @Override
        public void write() {
            if (abandoned || added != inputs.size()) {
                return;
            }
            try {
                FramedFile.write(path, MAGIC, FORMAT, body());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "cannot write parse snapshot " + path + ": " + e);
            }
        }

        private byte[] body() {
            byte[] recipeBytes = recipes.toByteArray();
            ByteSink fileBytes = new ByteSink(files.size() * 16);
            w.out = fileBytes;
            w.u(files.size());
            files.forEach((f, h) -> {
                w.s(f);
                w.s(h);
            });
            ByteSink body = new ByteSink(recipeBytes.length + fileBytes.size() + (1 << 20));
            w.out = body;
            w.u(w.strings.size());
            for (String s : w.strings) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                w.u(b.length);
                body.writeBytes(b);
            }
            body.writeBytes(fileBytes.toByteArray());
            body.writeBytes(recipeBytes);
            return body.toByteArray();
        }
    }

    /** Writes the snapshot's fields, collecting strings into a table written before them. */
    private static final class Writer {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> strings = new ArrayList<>();
        ByteSink out = new ByteSink(1 << 20);

        void u(int v) {
            int x = v;
            while ((x & ~0x7f) != 0) {
                out.write((x & 0x7f) | 0x80);
                x >>>= 7;
            }
            out.write(x);
        }

        void l(long v) {
            for (int i = 7; i >= 0; i--) {
                out.write((int) (v >>> (i * 8)));
            }
        }

        int id(String s) {
            Integer i = ids.get(s);
            if (i == null) {
                i = strings.size();
                ids.put(s, i);
                strings.add(s);
            }
            return i;
        }

        void s(String s) {
            u(id(s));
        }

        void nullable(String s) {
            u(s == null ? 0 : id(s) + 1);
        }

        void list(List<String> list) {
            u(list.size());
            for (String s : list) {
                s(s);
            }
        }
    }

    private static int nonNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a negative line or column: " + n);
        }
        return n;
    }

    private static void diagnostics(Writer w, List<Diagnostic> diagnostics) {
        w.u(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            w.s(d.file());
            w.u(nonNegative(d.line()));
            w.u(nonNegative(d.column()));
            w.u(d.severity().ordinal());
            w.s(d.message());
        }
    }

}
