package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.ParseFailure;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.internal.data.ByteSink;
import dev.bitzel.parser.internal.python.PyCodec;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * A persistent cache of parsed recipes, keyed by content: an entry holds what parsing a recipe file reports (its
 * variants' tasks, classes, files, cache fields, skips and diagnostics), and the content hash of every file that went
 * into them (files read, and files probed but missing). It is used only when the configuration fingerprint (the
 * content of every configuration file, the environment BitBake let through, the Python evaluator) and every
 * recorded file still match, so an unchanged tree re-parses from cache and a changed file re-parses only the
 * recipes that read it.
 *
 * <p>Like BitBake's cache, an entry does not hold the variants' finalized datastores: a whole-tree parse does not
 * write them. The first time a variant's datastore is asked for, the recipe file is parsed again, as BitBake's
 * workers do, and all its variants' datastores are written beside the entry ({@code ENTRY.stores}, deltas against
 * the configuration, their long strings in {@code strings/}); later runs read them from there. That file belongs to
 * one version of the entry (it records the entry header's checksum) and is ignored once the entry is rewritten.
 *
 * <p>Entries are written to a temporary file and renamed into place, so concurrent parsers (threads or
 * processes) never see a partial entry. A corrupt or unreadable entry is a miss, reported once through
 * {@link System.Logger}, and is overwritten. Thread-safe.
 */
public final class ParseCache {
    private static final System.Logger LOG = System.getLogger(ParseCache.class.getName());
    private static final int MAGIC = 0x425a5043; // "BZPC"
    private static final int FORMAT = 4;
    /** A store value standing for a Python object kept in {@code objects/}: prefix, local number, hash. */
    private static final String STORED = "\u0000bitzel-python-stored:";
    private static final int STORES_MAGIC = 0x425a5044; // "BZPD"
    private static final int STORES_FORMAT = 1;
    /** The length of a variant's datastore that could not be stored (it is parsed again whenever needed). */
    private static final int NOT_STORED = -1;
    private static final String MISSING = "-";

    private final Path dir;
    private final FileStates files;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger corrupt = new AtomicInteger();
    private final AtomicInteger reparsed = new AtomicInteger();
    private final java.util.Set<Path> broken = ConcurrentHashMap.newKeySet();
    /**
     * Large plain-data objects written to {@code objects/} by this process, with their hashes: the same table held
     * by every recipe (create-spdx's license data) is encoded and hashed once, later ones compared with it.
     */
    private final List<PlainObject> plainObjects = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final int PLAIN_MEMO_MIN_SIZE = 64;
    private static final int PLAIN_MEMO_MAX_ENTRIES = 32;

    private record PlainObject(PyCodec.Plain content, String hash) {
    }

    /** Encodings of stored Python objects read (and checked) so far, by hash: shared by all recipes holding one. */
    private final ConcurrentHashMap<String, byte[]> objectBytes = new ConcurrentHashMap<>();
    private final ConfigCache configs;
    private final SharedStringFiles sharedStrings;
    private final ParseSnapshot snapshots;
    private final CollectionCache collections;
    /** The entry of each recipe file read or written in this run, for {@link ParseSnapshot}. */
    private final ConcurrentHashMap<String, EntryRecord> records = new ConcurrentHashMap<>();

    /**
     * Where a recipe file's entry is and what it holds beyond its recipes: the files it is validated against
     * (with their hashes; the configuration's files left out) and its version.
     *
     * @param path the entry file
     * @param ownFiles file to content hash
     * @param generation the CRC32C of the entry's header, which its datastore file records
     */
    record EntryRecord(Path path, Map<String, String> ownFiles, long generation) {
    }

    /**
     * A recipe file parsed again for its datastores.
     *
     * @param file the result
     * @param objects the Python objects that parse created
     */
    record Reparsed(RecipeFile file, StoredObjects objects) {
    }

    /** The entry {@code recipe} was read from or written to in this run, or null. */
    EntryRecord record(String recipe) {
        return records.get(recipe);
    }

    /**
     * A cache in {@code dir} (created when first written).
     *
     * @param dir the cache directory
     */
    public ParseCache(Path dir) {
        this.dir = dir;
        this.files = new FileStates(dir.resolve("files"));
        this.configs = new ConfigCache(dir.resolve("config"), this);
        this.sharedStrings = new SharedStringFiles(dir.resolve("strings"));
        this.snapshots = new ParseSnapshot(dir.resolve("snapshots"), this);
        this.collections = new CollectionCache(dir.resolve("collections"));
    }

    /** The recipe file searches kept beside the recipes. */
    CollectionCache collections() {
        return collections;
    }

    /** The snapshots of whole parses kept beside the recipes. */
    ParseSnapshot snapshots() {
        return snapshots;
    }

    /** Counts recipe files served from a snapshot as hits. */
    void countHits(int n) {
        hits.addAndGet(n);
    }

    /** The cache of evaluated configurations kept beside the recipes. */
    ConfigCache configs() {
        return configs;
    }

    /** Recipes served from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Recipes parsed because no valid entry existed. */
    public int misses() {
        return misses.get();
    }

    /** Recipe files parsed again because a datastore was asked for that was not stored. */
    public int reparsed() {
        return reparsed.get();
    }

    /** Distinct entries found corrupt (or gone) and ignored. */
    public int corruptEntries() {
        return corrupt.get();
    }

    /**
     * The SHA-256 of a file's content, or {@code "-"} when it does not exist; memoized for this run, and known
     * without reading the file when its {@code stat} is unchanged since an earlier run ({@link FileStates}).
     */
    String contentHash(String file) {
        return files.contentHash(file);
    }

    /** Remembers the file hashes taken so far for later runs (see {@link FileStates}); failures are logged. */
    public void save() {
        files.save();
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

    /**
     * The cached result, or null when there is no entry still valid. The recipes' datastores are read from the
     * entry's datastore file on first use, or, when it does not hold them, from {@code reparse} (see
     * {@link #datastore}).
     */
    RecipeFile load(String configFingerprint, String recipe, List<String> appends, DataStore base,
            List<String> baseDependencies, Supplier<Reparsed> reparse, StoredObjects objects) {
        Path path = entryPath(configFingerprint, recipe, appends);
        try {
            byte[] bytes = Files.readAllBytes(path);
            int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a parse cache entry");
            RecipeFile result = decodeHeader(
                    new DataInputStream(new ByteArrayInputStream(bytes, FramedFile.BODY, length)), recipe, path,
                    FramedFile.checksum(bytes, length), base, baseDependencies, reparse, objects);
            if (result == null) {
                misses.incrementAndGet();
            } else {
                hits.incrementAndGet();
            }
            return result;
        } catch (NoSuchFileException e) {
            misses.incrementAndGet();
            return null;
        } catch (IOException | RuntimeException e) {
            reportCorrupt(path, e);
            return null;
        }
    }

    private void reportCorrupt(Path path, Exception e) {
        misses.incrementAndGet();
        if (broken.add(path)) {
            corrupt.incrementAndGet();
        }
        LOG.log(System.Logger.Level.WARNING, () -> "ignoring corrupt parse cache entry " + path + ": " + e);
    }

    /**
     * Stores a result; failures to write are logged and leave the cache without that entry.
     *
     * @param reparse parses the recipe file again when a variant's datastore is first needed
     * @return the result to hand out: on success, {@code result} with each variant's datastore parsed again when
     *     first used (as a later run's cache hit would), so that a whole-tree parse does not keep every finalized
     *     datastore in memory; {@code result} itself when nothing was stored
     */
    RecipeFile store(String configFingerprint, String recipe, List<String> appends, DataStore base, RecipeFile result,
            List<String> dependencies, List<String> baseDependencies, StoredObjects objects,
            Supplier<Reparsed> reparse) {
        Path path = entryPath(configFingerprint, recipe, appends);
        try {
            Map<String, String> ownFiles = new LinkedHashMap<>();
            byte[] header = encode(result, dependencies, baseDependencies, ownFiles);
            CRC32C crc = new CRC32C();
            crc.update(header);
            long generation = crc.getValue();
            FramedFile.write(path, MAGIC, FORMAT, header);
            records.put(recipe, new EntryRecord(path, ownFiles, generation));
            return detached(result, path, generation, base, objects, reparse);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot write parse cache entry for " + recipe + ": " + e);
            return result;
        }
    }

    /** {@code result} with its datastores read from the entry's datastore file (or parsed again) when first used. */
    private RecipeFile detached(RecipeFile result, Path path, long generation, DataStore base,
            StoredObjects objects, Supplier<Reparsed> reparse) {
        Map<String, Recipe> variants = new LinkedHashMap<>();
        StoredObjects reading = objects.forReading();
        for (Recipe r : result.variants().values()) {
            Map<String, String> info = cacheInfoOrNull(r);
            if (info == null) {
                variants.put(r.variant(), r);
                continue;
            }
            String variant = r.variant();
            Recipe stored = new Recipe(r.file(), variant,
                    () -> datastore(path, generation, variant, base, reading, reparse),
                    r.tasks(), r.taskDependencies(), r.inheritedFiles(), r.dependencies(), r.skipReason(),
                    r.diagnostics());
            variants.put(variant, stored.withCacheInfo(info));
        }
        if (variants.values().stream().noneMatch(result.variants().values()::contains)) {
            objects.releaseCreated();
        }
        return new RecipeFile(result.file(), variants, result.failure(), result.diagnostics());
    }

    /**
     * A variant's datastore: read from the entry's datastore file when that holds it for this version of the entry,
     * else parsed again, with all variants' datastores then written to that file for later runs.
     *
     * @param entry the entry file
     * @param generation the entry's version ({@link EntryRecord#generation})
     * @param variant the variant
     * @param base the configuration the datastores are deltas against
     * @param reading restores stored Python objects
     * @param reparse parses the recipe file again
     * @throws IllegalStateException if parsing again fails or lacks the variant
     */
    DataStore datastore(Path entry, long generation, String variant, DataStore base, StoredObjects reading,
            Supplier<Reparsed> reparse) {
        Optional<DataStore> stored = readStored(entry, generation, variant, base, reading);
        if (stored.isPresent()) {
            return stored.get();
        }
        reparsed.incrementAndGet();
        Reparsed again = reparse.get();
        RecipeFile file = again.file();
        if (file.failed().isPresent() || !file.variants().containsKey(variant)) {
            throw new IllegalStateException("parse cache entry for " + file.file() + " holds variant '" + variant
                    + "', but parsing it again gave "
                    + (file.failed().isPresent() ? file.failure() : "no such variant"));
        }
        writeStores(entry, generation, file, base, again.objects());
        return file.variant(variant).data();
    }

    /** The path of an entry's datastore file. */
    static Path storesPath(Path entry) {
        return entry.resolveSibling(entry.getFileName() + ".stores");
    }

    /**
     * Writes every variant's datastore of a freshly parsed recipe file beside its entry. Layout (framed, see
     * {@link FramedFile}): the entry's generation, the number of variants, each one's name and delta length (or
     * {@link #NOT_STORED}: a value that cannot be stored exactly, so the variant is parsed again when needed), then
     * the deltas. Failures are logged; the datastores are then parsed again next time.
     */
    private void writeStores(Path entry, long generation, RecipeFile file, DataStore base, StoredObjects objects) {
        Path path = storesPath(entry);
        java.util.IdentityHashMap<Object, Object> seen = new java.util.IdentityHashMap<>();
        ByteSink deltas = DELTAS.get();
        deltas.reset();
        try {
            ByteSink index = new ByteSink(256);
            DataOutputStream out = new DataOutputStream(index);
            out.writeLong(generation);
            out.writeInt(file.variants().size());
            for (Recipe r : file.variants().values()) {
                writeString(r.variant(), out);
                out.writeInt(delta(r, base, objects, seen, deltas));
            }
            out.flush();
            byte[] body = new byte[index.size() + deltas.size()];
            System.arraycopy(index.toByteArray(), 0, body, 0, index.size());
            System.arraycopy(deltas.array(), 0, body, index.size(), deltas.size());
            FramedFile.write(path, STORES_MAGIC, STORES_FORMAT, body);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot write the datastores of " + file.file() + " to "
                    + path + ": " + e);
        } finally {
            deltas.release(BUFFER_KEPT, BUFFER_INITIAL);
        }
    }

    /**
     * The entry's body, framed by {@link FramedFile} (whose checksum of it is the entry's generation): what
     * {@code parse} reports (files and their hashes, failure, diagnostics, each variant's tasks, classes, files and
     * cache fields). Files the configuration already read are left out: the configuration fingerprint covers them.
     */
    private byte[] encode(RecipeFile result, List<String> dependencies, List<String> baseDependencies,
            Map<String, String> ownFiles) throws IOException {
        java.util.Set<String> inBase = new java.util.HashSet<>(baseDependencies);
        ByteSink headerBuffer = HEADERS.get();
        headerBuffer.release(BUFFER_KEPT, BUFFER_INITIAL);
        DataOutputStream header = new DataOutputStream(headerBuffer);
        writeString(result.file(), header);
        List<String> own = dependencies.stream().filter(f -> !inBase.contains(f)).toList();
        header.writeInt(own.size());
        for (String f : own) {
            writeString(f, header);
            writeString(contentHash(f), header);
            ownFiles.put(f, contentHash(f));
        }
        writeFailure(result.failure(), header);
        writeDiagnostics(result.diagnostics(), header);
        header.writeInt(result.variants().size());
        for (Recipe r : result.variants().values()) {
            writeString(r.variant(), header);
            writeStrings(r.tasks(), header);
            header.writeInt(r.taskDependencies().size());
            for (Map.Entry<String, List<String>> e : r.taskDependencies().entrySet()) {
                writeString(e.getKey(), header);
                writeStrings(e.getValue(), header);
            }
            writeStrings(r.inheritedFiles(), header);
            List<String> deps = r.dependencies();
            int prefix = 0;
            while (prefix < deps.size() && prefix < baseDependencies.size()
                    && deps.get(prefix).equals(baseDependencies.get(prefix))) {
                prefix++;
            }
            header.writeInt(prefix);
            writeStrings(deps.subList(prefix, deps.size()), header);
            header.writeBoolean(r.skipReason() != null);
            if (r.skipReason() != null) {
                writeString(r.skipReason(), header);
            }
            writeDiagnostics(r.diagnostics(), header);
            Map<String, String> info = cacheInfoOrNull(r);
            header.writeBoolean(info != null);
            if (info != null) {
                header.writeInt(info.size());
                for (Map.Entry<String, String> e : info.entrySet()) {
                    writeString(e.getKey(), header);
                    writeString(e.getValue(), header);
                }
            }
        }
        header.flush();
        return headerBuffer.toByteArray();
    }

    /** The per-thread buffers' first capacity, and the largest kept from one recipe to the next. */
    private static final int BUFFER_INITIAL = 256 * 1024;
    private static final int BUFFER_KEPT = 4 * 1024 * 1024;
    /** The datastore file being written, one per thread: its capacity is kept from file to file unless it got big. */
    private static final ThreadLocal<ByteSink> DELTAS = ThreadLocal.withInitial(() -> new ByteSink(BUFFER_INITIAL));
    /** The entry body being encoded, one per thread, kept like {@link #DELTAS}. */
    private static final ThreadLocal<ByteSink> HEADERS = ThreadLocal.withInitial(() -> new ByteSink(BUFFER_INITIAL));

    /**
     * Appends a variant's datastore as a delta against the configuration to {@code deltas}, its Python objects
     * stored in {@code objects/}; returns its length, or {@link #NOT_STORED} (nothing appended) when a value cannot
     * be stored exactly (the variant is then parsed again when its datastore is needed).
     */
    private int delta(Recipe r, DataStore base, StoredObjects objects,
            java.util.IdentityHashMap<Object, Object> seen, ByteSink deltas) throws IOException {
        DataStore data = r.data();
        Map<String, String> refs = new java.util.HashMap<>();
        int start = deltas.size();
        DataOutputStream deltaOut = new DataOutputStream(deltas);
        try {
            data.writeDelta(base, deltaOut, value -> {
                if (!dev.bitzel.parser.internal.bb.BitbakePython.isObjectToken(value)) {
                    return value;
                }
                String ref = refs.get(value);
                if (ref == null) {
                    ref = storeObject(value, data, objects, seen, refs.size());
                    refs.put(value, ref);
                }
                return ref;
            }, sharedStrings);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> r + ": datastore not cached, it is parsed again when needed: "
                    + e.getMessage());
            deltas.truncate(start);
            return NOT_STORED;
        }
        deltaOut.flush();
        return deltas.size() - start;
    }

    /** Writes a Python object's encoding under its hash (once for equal objects); returns the value to store. */
    private String storeObject(String token, DataStore holder, StoredObjects objects,
            java.util.IdentityHashMap<Object, Object> seen, int number) {
        if (objects == null || !objects.createdByThisParse(token)) {
            throw new IllegalArgumentException("a Python object that this recipe's parse did not create");
        }
        Object live = objects.liveObject(token);
        if (live != null) {
            for (PlainObject known : plainObjects) {
                if (known.content().claimIfSame(live, seen)) {
                    return STORED + number + ":" + known.hash();
                }
            }
        }
        byte[] encoding;
        try {
            encoding = objects.encode(token, holder, seen);
        } catch (PyCodec.NotEncodableException e) {
            throw new IllegalArgumentException("a Python object value cannot be stored: " + e.getMessage(), e);
        }
        String hash = HexFormat.of().formatHex(sha256().digest(encoding));
        Path file = objectPath(hash);
        try {
            if (!Files.isRegularFile(file)) {
                FramedFile.writeAtomically(file, encoding);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (live != null && plainObjects.size() < PLAIN_MEMO_MAX_ENTRIES) {
            PyCodec.Plain content = PyCodec.Plain.of(live);
            if (content != null && content.size() >= PLAIN_MEMO_MIN_SIZE) {
                plainObjects.add(new PlainObject(content, hash));
            }
        }
        return STORED + number + ":" + hash;
    }

    private Path objectPath(String hash) {
        return dir.resolve("objects").resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** The cache fields of a recipe, or null when they do not expand (the entry then reads them again on use). */
    private static Map<String, String> cacheInfoOrNull(Recipe r) {
        try {
            return r.cacheInfo();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private RecipeFile decodeHeader(DataInputStream in, String recipe, Path path, long generation,
            DataStore base, List<String> baseDependencies, Supplier<Reparsed> reparse,
            StoredObjects objects) throws IOException {
        String file = readString(in);
        if (!file.equals(recipe)) {
            throw new IOException("entry is for " + file + ", not " + recipe);
        }
        int deps = count(in);
        Map<String, String> ownFiles = new LinkedHashMap<>();
        for (int i = 0; i < deps; i++) {
            String f = readString(in);
            String hash = readString(in);
            if (!hash.equals(contentHash(f))) {
                return null;
            }
            ownFiles.put(f, hash);
        }
        ParseFailure failure = readFailure(in);
        List<Diagnostic> diagnostics = readDiagnostics(in);
        int n = count(in);
        Map<String, Recipe> variants = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String variant = readString(in);
            List<String> tasks = readStrings(in);
            int nd = count(in);
            Map<String, List<String>> taskDeps = new LinkedHashMap<>();
            for (int j = 0; j < nd; j++) {
                taskDeps.put(readString(in), readStrings(in));
            }
            List<String> inherited = readStrings(in);
            int prefix = in.readInt();
            if (prefix < 0 || prefix > baseDependencies.size()) {
                throw new IOException("bad dependency prefix " + prefix);
            }
            List<String> dependencies = new ArrayList<>(baseDependencies.subList(0, prefix));
            dependencies.addAll(readStrings(in));
            String skip = in.readBoolean() ? readString(in) : null;
            List<Diagnostic> variantDiagnostics = readDiagnostics(in);
            Map<String, String> info = null;
            if (in.readBoolean()) {
                int entries = count(in);
                info = new LinkedHashMap<>();
                for (int j = 0; j < entries; j++) {
                    info.put(readString(in), readString(in));
                }
            }
            Supplier<DataStore> data = () -> datastore(path, generation, variant, base, objects, reparse);
            Recipe cached = new Recipe(file, variant, data, tasks, taskDeps, inherited, dependencies, skip,
                    variantDiagnostics);
            if (info != null) {
                cached.withCacheInfo(info);
            }
            variants.put(variant, cached);
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected trailing header bytes");
        }
        records.put(recipe, new EntryRecord(path, ownFiles, generation));
        return new RecipeFile(file, variants, failure, diagnostics);
    }

    /**
     * Reads one variant's datastore from an entry's datastore file, with its Python objects (read and checked now,
     * decoded when first read); empty when there is no such file for this version of the entry or it does not hold
     * the variant. A damaged file (or object) is logged and removed, and is empty too.
     */
    private Optional<DataStore> readStored(Path entry, long generation, String variant, DataStore base,
            StoredObjects objects) {
        Path path = storesPath(entry);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read " + path + " (" + e + "); parsing the recipe "
                    + "again");
            return Optional.empty();
        }
        try {
            int length = FramedFile.bodyLength(bytes, STORES_MAGIC, STORES_FORMAT, "a datastore file");
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, FramedFile.BODY, length));
            if (in.readLong() != generation) {
                return Optional.empty(); // written for an older version of the entry
            }
            int n = count(in);
            int found = -1;
            int foundLength = NOT_STORED;
            int total = 0;
            for (int i = 0; i < n; i++) {
                String name = readString(in);
                int size = in.readInt();
                if (size < NOT_STORED || size > length) {
                    throw new IOException("bad datastore length " + size);
                }
                if (name.equals(variant)) {
                    found = total;
                    foundLength = size;
                }
                total += Math.max(0, size);
            }
            int offset = FramedFile.BODY + length - in.available();
            if (total != in.available()) {
                throw new IOException("datastore lengths do not add up to the file's");
            }
            if (found < 0 || foundLength == NOT_STORED) {
                return Optional.empty();
            }
            Map<String, String> tokens = new java.util.HashMap<>();
            DataStore d;
            try {
                d = DataStore.readDelta(base,
                        new DataInputStream(new ByteArrayInputStream(bytes, offset + found, foundLength)),
                        (store, value) -> {
                            if (!value.startsWith(STORED)) {
                                return value;
                            }
                            return tokens.computeIfAbsent(value, ref -> restoreObject(ref, store, objects));
                        }, sharedStrings);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            if (objects != null) {
                objects.restored(d);
            }
            return Optional.of(d);
        } catch (IOException | RuntimeException e) {
            if (broken.add(path)) {
                corrupt.incrementAndGet();
            }
            LOG.log(System.Logger.Level.WARNING, () -> "datastore file " + path + " is damaged (" + e
                    + "); removing it and parsing the recipe again");
            try {
                Files.deleteIfExists(path);
            } catch (IOException removal) {
                LOG.log(System.Logger.Level.WARNING, () -> "cannot remove damaged datastore file " + path + ": "
                        + removal);
            }
            return Optional.empty();
        }
    }

    /** Reads and checks a stored Python object's encoding; a new token for it, decoded when first read. */
    private String restoreObject(String ref, DataStore holder, StoredObjects objects) {
        int colon = ref.indexOf(':', STORED.length());
        String hash = colon < 0 ? "" : ref.substring(colon + 1);
        try {
            if (objects == null) {
                throw new IOException("a Python object value, but no Python evaluator to restore it");
            }
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IOException("bad Python object reference");
            }
            byte[] encoding = objectBytes.get(hash);
            if (encoding == null) {
                encoding = Files.readAllBytes(objectPath(hash));
                if (!HexFormat.of().formatHex(sha256().digest(encoding)).equals(hash)) {
                    throw new IOException("Python object " + hash + " does not match its hash");
                }
                objectBytes.putIfAbsent(hash, encoding);
            }
            return objects.restore(encoding, holder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
