package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.eval.LayerCollection;
import dev.bitzel.parser.internal.eval.MetadataLoader;
import dev.bitzel.parser.internal.eval.ParseCache;
import dev.bitzel.parser.internal.eval.RecipeFiles;
import dev.bitzel.parser.internal.eval.TreeCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A BitBake build directory ({@code conf/bblayers.conf}, {@code conf/local.conf}) loaded as BitBake's cooker
 * loads it: the configuration, the layer collections, and the recipe and append files BBFILES names.
 *
 * <pre>{@code
 * BuildDirectory build = BuildDirectory.load(Path.of("build"));
 * for (RecipeFile recipe : build.parseAll(Runtime.getRuntime().availableProcessors())) {
 *     recipe.failed().ifPresent(System.err::println);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BuildDirectory {
    private static final System.Logger LOG = System.getLogger(BuildDirectory.class.getName());
    private final Path topDir;
    private final Configuration configuration;
    private final List<LayerCollection> collections;
    private final RecipeFiles files;
    private final ParseFailure failure;
    private final ParseCache cache;

    private BuildDirectory(Path topDir, Configuration configuration, List<LayerCollection> collections,
            RecipeFiles files, ParseFailure failure, ParseCache cache) {
        this.cache = cache;
        this.topDir = topDir;
        this.configuration = configuration;
        this.collections = collections;
        this.files = files;
        this.failure = failure;
    }

    /**
     * Loads {@code topDir} with the process environment, without evaluating Python and without history.
     *
     * @param topDir the build directory (holding {@code conf/bblayers.conf})
     * @return the loaded build directory; check {@link #failure()}
     * @throws IllegalArgumentException if {@code topDir} has no {@code conf/bblayers.conf}
     */
    public static BuildDirectory load(Path topDir) {
        return builder(topDir).load();
    }

    /**
     * Starts configuring how {@code topDir} is loaded.
     *
     * @param topDir the build directory (holding {@code conf/bblayers.conf})
     * @return a builder with the process environment, no Python evaluation and no history
     */
    public static Builder builder(Path topDir) {
        return new Builder(Objects.requireNonNull(topDir, "topDir"));
    }

    /** How a build directory is loaded. Not thread-safe; {@link #load()} may be called more than once. */
    public static final class Builder {
        private final Path topDir;
        private Map<String, String> env = System.getenv();
        private PythonEvaluator python = PythonEvaluator.UNSUPPORTED;
        private boolean trackHistory;
        private Path parseCache;

        private Builder(Path topDir) {
            this.topDir = topDir;
        }

        /**
         * The environment BitBake would see; only the variables BitBake lets through are used.
         *
         * @param env the environment
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /**
         * Evaluates Python in metadata through {@code python}.
         *
         * @param python the evaluator
         * @return this builder
         */
        public Builder python(PythonEvaluator python) {
            this.python = Objects.requireNonNull(python, "python");
            return this;
        }

        /**
         * Records every variable's history (file, line, operation, value), as {@code bitbake -e} shows it;
         * costs time and memory.
         *
         * @param trackHistory whether to record history
         * @return this builder
         */
        public Builder trackHistory(boolean trackHistory) {
            this.trackHistory = trackHistory;
            return this;
        }

        /**
         * Keeps parsed recipes in {@code dir}, keyed by the content of every file that went into them, so that
         * an unchanged tree re-parses from it; null (the default) parses everything every time. Not used while
         * history is tracked.
         *
         * @param dir the cache directory, created when first written
         * @return this builder
         */
        public Builder parseCache(Path dir) {
            this.parseCache = dir;
            return this;
        }

        /**
         * Loads the build directory.
         *
         * @return the loaded build directory; check {@link BuildDirectory#failure()}
         * @throws IllegalArgumentException if the directory has no {@code conf/bblayers.conf}
         */
        public BuildDirectory load() {
            return BuildDirectory.load(topDir, env, python, trackHistory,
                    parseCache == null ? null : new ParseCache(parseCache));
        }
    }

    private static BuildDirectory load(Path topDir, Map<String, String> env, PythonEvaluator python,
            boolean trackHistory, ParseCache cache) {
        Path top = topDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(top.resolve("conf/bblayers.conf"))) {
            throw new IllegalArgumentException("not a build directory (no conf/bblayers.conf): " + top);
        }
        MetadataLoader loader = MetadataLoader.loadBuildDirectory(top, env, python, trackHistory, new TreeCache(),
                cache);
        Configuration configuration = Configuration.of(loader);
        RecipeFiles none = new RecipeFiles(List.of(), List.of(), 0, List.of());
        if (loader.failure() != null) {
            return new BuildDirectory(top, configuration, List.of(), none, loader.failure(), cache);
        }
        String bblayers = top.resolve("conf/bblayers.conf").toString();
        try {
            List<LayerCollection> collections = loader.collections();
            RecipeFiles files = cache == null ? RecipeFiles.collect(loader.data(), collections)
                    : RecipeFiles.collect(loader.data(), collections, cache, loader.cacheFingerprint(cache));
            return new BuildDirectory(top, configuration, collections, files, null, cache);
        } catch (IllegalStateException e) {
            return new BuildDirectory(top, configuration, List.of(), none,
                    new ParseFailure("CollectionError", bblayers, 0, e.getMessage()), cache);
        } catch (ExpansionException e) {
            return new BuildDirectory(top, configuration, List.of(), none,
                    new ParseFailure("ExpansionError", bblayers, 0, e.getMessage()), cache);
        }
    }

    /**
     * How the parse cache served this build directory so far.
     *
     * @param hits recipe files served from the cache
     * @param misses recipe files parsed (no valid entry)
     * @param corrupt entries found corrupt, ignored and rewritten
     * @param configurationCached whether the evaluated configuration was read from the cache (its Python context is
     *     then built only when Python is needed)
     * @param reparsed recipe files parsed again because a variant's datastore was needed and not stored (they are
     *     stored then)
     */
    public record CacheStatistics(int hits, int misses, int corrupt, boolean configurationCached, int reparsed) {
    }

    /** The parse cache's counts, or empty when no cache is used. */
    public Optional<CacheStatistics> cacheStatistics() {
        return cache == null ? Optional.empty()
                : Optional.of(new CacheStatistics(cache.hits(), cache.misses(), cache.corruptEntries(),
                        configuration.loader().configurationFromCache(), cache.reparsed()));
    }

    /** The build directory (TOPDIR). */
    public Path topDir() {
        return topDir;
    }

    /** Why loading failed, if it did: no recipe can be parsed then. */
    public Optional<ParseFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Strict use: this build directory when its configuration loaded.
     *
     * @return this
     * @throws MetadataException holding the failure and every diagnostic when loading failed
     */
    public BuildDirectory requireSuccess() throws MetadataException {
        if (failure != null) {
            throw new MetadataException(failure, diagnostics());
        }
        return this;
    }

    /** The base configuration every recipe is parsed against. */
    public Configuration configuration() {
        return configuration;
    }

    /** A copy of the configuration's datastore. */
    public DataStore data() {
        return configuration.data();
    }

    /** Diagnostics from loading: configuration warnings and collection problems. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(configuration.diagnostics());
        for (String warning : files.warnings()) {
            all.add(Diagnostic.warning(topDir.resolve("conf/bblayers.conf").toString(), 0, 0, warning));
        }
        return List.copyOf(all);
    }

    /** The layer collection names, with the highest-priority pattern first. */
    public List<String> collectionNames() {
        return collections.stream().map(LayerCollection::name).toList();
    }

    /** The recipe files BBFILES names, minus BBMASK, in BitBake's order (lowest priority first). */
    public List<Path> recipeFiles() {
        return files.recipes().stream().map(Path::of).toList();
    }

    /** The append files BBFILES names, minus BBMASK. */
    public List<Path> appendFiles() {
        return files.appends().stream().map(Path::of).toList();
    }

    /** How many files BBMASK excluded. */
    public int maskedFiles() {
        return files.masked();
    }

    /** The appends BitBake applies to {@code recipe}, in order (matching by name, {@code %} as a wildcard). */
    public List<Path> appendsFor(Path recipe) {
        return files.appendsFor(recipe.toString()).stream().map(Path::of).toList();
    }

    /** The BBFILE_COLLECTIONS name a file belongs to, if any. */
    public Optional<String> collectionOf(Path file) {
        LayerCollection c = RecipeFiles.collectionOf(file.toString(), collections);
        return c == null ? Optional.empty() : Optional.of(c.name());
    }

    /**
     * The {@code BBFILE_PRIORITY} BitBake gives a recipe file: its collection's priority, or 0 when no
     * {@code BBFILE_PATTERN} matches it.
     */
    public int priorityOf(Path file) {
        LayerCollection c = RecipeFiles.collectionOf(file.toString(), collections);
        return c == null ? 0 : c.priority();
    }

    /**
     * Finds and parses the recipe whose PN is {@code name}, as {@code bitbake -e NAME} picks it for a plain name:
     * BBCLASSEXTEND variants count ({@code zlib-native}); among several files of the PN, BitBake's
     * {@code findBestProvider} decides ({@link PreferredVersions}: REQUIRED_VERSION or PREFERRED_VERSION, else the
     * highest BBFILE_PRIORITY, DEFAULT_PREFERENCE and version). Candidates are the files whose name BitBake derives
     * PN from ({@code NAME_VERSION.bb}); full provider resolution (PROVIDES, virtual/ names) belongs to the graph
     * module.
     *
     * @param name the recipe name (PN)
     * @return the parsed recipe variant, or empty when no recipe file provides that name (or a required version is
     *     not available); a skipped one (with its reason) when all files of the name were skipped
     * @throws IllegalStateException naming the file when a candidate failed to parse, or its version fields do not
     *     read
     */
    public Optional<Recipe> findRecipe(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, Recipe> byFile = new LinkedHashMap<>();
        List<PreferredVersions.Candidate> candidates = new ArrayList<>();
        List<Recipe> skipped = new ArrayList<>();
        for (Path file : recipeFiles()) {
            String base = file.getFileName().toString();
            String pn = base.substring(0, base.length() - ".bb".length()).split("_", -1)[0];
            if (!name.equals(pn) && !name.startsWith(pn + "-") && !name.endsWith("-" + pn)) {
                continue;
            }
            RecipeFile parsed = parseRecipe(file);
            if (parsed.failed().isPresent()) {
                throw new IllegalStateException("recipe " + name + ": parsing " + file + " failed: "
                        + parsed.failure());
            }
            for (Recipe recipe : parsed.variants().values()) {
                if (recipe.skipReason() != null && name.equals(pnOf(recipe, file))) {
                    skipped.add(recipe);
                } else if (name.equals(pnOf(recipe, file))) {
                    byFile.put(recipe.fn(), recipe);
                    candidates.add(candidateOf(recipe, file));
                }
            }
        }
        try {
            List<String> warnings = new ArrayList<>();
            PreferredVersions.Candidate best = PreferredVersions.best(name, candidates, configuration.data(),
                    warnings);
            warnings.forEach(w -> LOG.log(System.Logger.Level.WARNING, w)); // as BitBake warns
            if (best != null) {
                return Optional.of(byFile.get(best.file()));
            }
            // only skipped files (BitBake: "Nothing PROVIDES", with the skip reason): the first, for its reason
            return candidates.isEmpty() ? skipped.stream().findFirst() : Optional.empty();
        } catch (ExpansionException e) {
            throw new IllegalStateException("recipe " + name + ": the preferred version does not expand: "
                    + e.getMessage(), e);
        }
    }

    private PreferredVersions.Candidate candidateOf(Recipe recipe, Path file) {
        Map<String, String> info = recipe.cacheInfo();
        String dp = info.get("DEFAULT_PREFERENCE");
        int preference;
        try {
            preference = dp == null || dp.isBlank() ? 0 : Integer.parseInt(dp.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + ": DEFAULT_PREFERENCE is not an integer: '" + dp + "'", e);
        }
        return new PreferredVersions.Candidate(recipe.fn(), info.getOrDefault("PE", ""), info.getOrDefault("PV", ""),
                info.getOrDefault("PR", ""), priorityOf(file), preference);
    }

    /** The recipe's PN; where PN still holds unevaluated Python, the name BitBake derives from the file. */
    private static String pnOf(Recipe recipe, Path file) {
        try {
            String pn = recipe.data().getVar("PN");
            if (pn != null && !pn.contains("${@")) {
                return pn;
            }
        } catch (ExpansionException e) {
            // Fall through to the name BitBake derives from the file (bb.parse.vars_from_file).
        }
        String base = file.getFileName().toString();
        String pn = base.substring(0, base.length() - ".bb".length()).split("_", -1)[0];
        String variant = recipe.variant();
        if (variant.isEmpty()) {
            return pn;
        }
        return variant.equals("nativesdk") ? "nativesdk-" + pn : pn + "-" + variant;
    }

    /** Parses one recipe file with its appends, as the cooker does. */
    public RecipeFile parseRecipe(Path recipe) {
        return configuration.loader().parseRecipe(recipe, appendsFor(recipe), collectionOf(recipe).orElse(null),
                cache);
    }

    /**
     * Parses every recipe file on {@code threads} threads, returning results in {@link #recipeFiles()} order.
     *
     * @throws InterruptedException if interrupted while waiting; parsing stops
     */
    public List<RecipeFile> parseAll(int threads) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        List<Path> recipes = recipeFiles();
        List<List<Path>> appends = null;
        List<String> layers = null;
        if (cache != null) {
            appends = recipes.stream().map(this::appendsFor).toList();
            layers = recipes.stream().map(r -> collectionOf(r).orElse(null)).toList();
            List<RecipeFile> snapshot = configuration.loader().loadSnapshot(recipes, appends, layers, cache);
            if (snapshot != null) {
                cache.save();
                return snapshot;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitzel-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RecipeFile>> futures = new ArrayList<>();
            for (Path recipe : recipes) {
                futures.add(pool.submit(() -> parseRecipe(recipe)));
            }
            MetadataLoader.SnapshotWriter snapshot = cache == null ? null
                    : configuration.loader().snapshotWriter(recipes, appends, layers, cache);
            List<RecipeFile> results = new ArrayList<>(futures.size());
            for (Future<RecipeFile> future : futures) {
                RecipeFile result;
                try {
                    result = future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("parser bug while parsing: " + e.getCause(), e.getCause());
                }
                results.add(result);
                if (snapshot != null) {
                    snapshot.add(result); // encoded while the parse threads go on
                }
            }
            if (snapshot != null) {
                snapshot.write();
            }
            if (cache != null) {
                cache.save();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
