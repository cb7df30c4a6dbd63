package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.eval.LayerCollection;
import dev.bitzel.parser.internal.eval.MetadataLoader;
import dev.bitzel.parser.internal.eval.RecipeFiles;
import dev.bitzel.parser.internal.eval.TreeCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private final Path topDir;
    private final Configuration configuration;
    private final List<LayerCollection> collections;
    private final RecipeFiles files;
    private final ParseFailure failure;

    private BuildDirectory(Path topDir, Configuration configuration, List<LayerCollection> collections,
            RecipeFiles files, ParseFailure failure) {
        this.topDir = topDir;
        this.configuration = configuration;
        this.collections = collections;
        this.files = files;
        this.failure = failure;
    }

    /**
     * Loads {@code topDir} with the process environment, without evaluating Python.
     *
     * @param topDir the build directory (holding {@code conf/bblayers.conf})
     * @return the loaded build directory; check {@link #failure()}
     * @throws IllegalArgumentException if {@code topDir} has no {@code conf/bblayers.conf}
     */
    public static BuildDirectory load(Path topDir) {
        return load(topDir, System.getenv(), PythonEvaluator.UNSUPPORTED);
    }

    /**
     * Loads {@code topDir} with the given environment (BitBake lets only approved variables through) and
     * Python evaluator.
     *
     * @param topDir the build directory (holding {@code conf/bblayers.conf})
     * @param env the environment BitBake would see
     * @param python evaluates Python in metadata
     * @return the loaded build directory; check {@link #failure()}
     * @throws IllegalArgumentException if {@code topDir} has no {@code conf/bblayers.conf}
     */
    public static BuildDirectory load(Path topDir, Map<String, String> env, PythonEvaluator python) {
        Objects.requireNonNull(topDir, "topDir");
        Path top = topDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(top.resolve("conf/bblayers.conf"))) {
            throw new IllegalArgumentException("not a build directory (no conf/bblayers.conf): " + top);
        }
        MetadataLoader loader = MetadataLoader.loadBuildDirectory(top, Map.copyOf(env), python, new TreeCache());
        Configuration configuration = Configuration.of(loader);
        if (loader.failure() != null) {
            return new BuildDirectory(top, configuration, List.of(), new RecipeFiles(List.of(), List.of(), 0,
                    List.of()), loader.failure());
        }
        try {
            List<LayerCollection> collections = loader.collections();
            RecipeFiles files = RecipeFiles.collect(loader.data(), collections);
            return new BuildDirectory(top, configuration, collections, files, null);
        } catch (IllegalStateException e) {
            return new BuildDirectory(top, configuration, List.of(), new RecipeFiles(List.of(), List.of(), 0,
                    List.of()), new ParseFailure("CollectionError", top.resolve("conf/bblayers.conf").toString(),
                    0, e.getMessage()));
        } catch (ExpansionException e) {
            return new BuildDirectory(top, configuration, List.of(), new RecipeFiles(List.of(), List.of(), 0,
                    List.of()), new ParseFailure("ExpansionError", top.resolve("conf/bblayers.conf").toString(),
                    0, e.getMessage()));
        }
    }

    /** The build directory (TOPDIR). */
    public Path topDir() {
        return topDir;
    }

    /** Why loading failed, if it did: no recipe can be parsed then. */
    public Optional<ParseFailure> failure() {
        return Optional.ofNullable(failure);
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

    /** Parses one recipe file with its appends, as the cooker does. */
    public RecipeFile parseRecipe(Path recipe) {
        return configuration.loader().parseRecipe(recipe, appendsFor(recipe), collectionOf(recipe).orElse(null));
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
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bitzel-parse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RecipeFile>> futures = new ArrayList<>();
            for (Path recipe : recipeFiles()) {
                futures.add(pool.submit(() -> parseRecipe(recipe)));
            }
            List<RecipeFile> results = new ArrayList<>(futures.size());
            for (Future<RecipeFile> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("parser bug while parsing: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
