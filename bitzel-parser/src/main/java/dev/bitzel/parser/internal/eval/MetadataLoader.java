package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.ParseFailure;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.UncheckedExpansionException;
import dev.bitzel.parser.internal.bb.BitbakePython;
import dev.bitzel.parser.internal.python.EnvironmentChanges;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses configuration files and then recipes against it, as {@code bb.parse.handle} does for a lone recipe
 * (the {@code getvar --recipe-file} case) or the cooker does for a build directory. Thread-safe: recipes may
 * be parsed concurrently against one loaded configuration.
 */
public final class MetadataLoader {
    private static final System.Logger LOG = System.getLogger(MetadataLoader.class.getName());
    private final TreeCache trees;
    private final Evaluator evaluator;
    private final Finalizer finalizer;
    private final ParseState base;
    private final ParseFailure failure;
    private final Map<String, String> environment;
    private volatile String fingerprint;
    /** The evaluator given by the caller (the base store's may wrap it, see {@link LazyPython}). */
    private PythonEvaluator python;
    /** Set when the configuration came from {@link ConfigCache}. */
    private LazyPython lazy;

    private MetadataLoader(TreeCache trees, ParseState base, ParseFailure failure, Map<String, String> environment) {
        this.trees = trees;
        this.evaluator = new Evaluator(trees);
        this.finalizer = new Finalizer(evaluator);
        this.base = base;
        this.failure = failure;
        this.environment = environment;
        // every recipe's store is a copy of this one
        base.data.compactLayers();
    }

    private MetadataLoader(TreeCache trees, ParseState base, ParseFailure failure) {
        this(trees, base, failure, Map.of());
    }

    /**
     * Parses {@code confFiles} in order into a fresh datastore whose {@code BBPATH} is {@code bbpath}, with
     * {@code __bbclasstype} "global", then switches it to "recipe" for the recipes parsed against it.
     */
    public static MetadataLoader loadConfFiles(String bbpath, List<Path> confFiles, PythonEvaluator python,
            TreeCache trees) {
        Objects.requireNonNull(bbpath, "bbpath");
        ParseState st = new ParseState(DataStore.create(Objects.requireNonNull(python, "python")));
        st.data.setVar("BBPATH", bbpath);
        st.data.setVar("__bbclasstype", "global");
        MetadataLoader loader = new MetadataLoader(trees, st, null);
        loader.python = python;
        try {
            for (Path conf : confFiles) {
                loader.evaluator.handleConf(conf.toAbsolutePath().toString(), st, false, false);
            }
        } catch (MetadataError e) {
            return new MetadataLoader(trees, st, e.toFailure());
        } catch (UncheckedExpansionException e) {
            return new MetadataLoader(trees, st, new ParseFailure("ExpansionError", String.valueOf(confFiles), 0,
                    e.getMessage()));
        } catch (NoSuchFileException e) {
            return new MetadataLoader(trees, st, new ParseFailure("FileNotFoundError", e.getFile(), 0,
                    "configuration file not found: " + e.getFile()));
        }
        st.data.setVar("__bbclasstype", "recipe");
        return loader;
    }

    /**
     * Loads a build directory's configuration as BitBake's cooker does: {@code conf/bblayers.conf} under
     * {@code topDir}, each layer's {@code conf/layer.conf}, {@code conf/bitbake.conf} along BBPATH, the base
     * class and INHERIT. {@code env} supplies the environment variables BitBake lets through.
     */
    public static MetadataLoader loadBuildDirectory(Path topDir, Map<String, String> env, PythonEvaluator python,
            boolean trackHistory, TreeCache trees) {
        return loadBuildDirectory(topDir, env, python, trackHistory, trees, null);
    }

    /**
     * Like {@link #loadBuildDirectory(Path, Map, PythonEvaluator, boolean, TreeCache)}, reading the evaluated
     * configuration from {@code cache} when it is still valid there and storing it there otherwise (not while
     * history is tracked). A configuration read from the cache runs no Python until something needs Python; then
     * it is evaluated once in this process for the Python context (see {@link LazyPython}).
     */
    public static MetadataLoader loadBuildDirectory(Path topDir, Map<String, String> env, PythonEvaluator python,
            boolean trackHistory, TreeCache trees, ParseCache cache) {
        Objects.requireNonNull(topDir, "topDir");
        Objects.requireNonNull(python, "python");
        Map<String, String> passed = passedEnvironment(topDir, env, python);
        if (cache == null || trackHistory) {
            return evaluate(topDir, env, python, trackHistory, trees, passed);
        }
        ConfigCache configs = cache.configs();
        String key = ConfigCache.key(topDir, passed);
        LazyPython.Evaluation evaluation = () -> {
            MetadataLoader real = evaluate(topDir, env, python, false, trees, passed);
            if (real.failure != null) {
                throw new IllegalStateException("evaluating the configuration of " + topDir + " for Python failed "
                        + "(it was read from the configuration cache): " + real.failure);
            }
        };
        ConfigCache.Loaded loaded = configs.load(key, names -> new LazyPython(python, evaluation, names));
        if (loaded != null) {
            LazyPython lazy = (LazyPython) loaded.python();
            try {
                ConfigCache.retime(loaded.state().data, loaded.timed(), raw -> {
                    try {
                        return DataStore.create(python).expand(raw);
                    } catch (dev.bitzel.parser.data.ExpansionException e) {
                        // more than the time module: the full Python context, then the cached store
                        lazy.ensure();
                        return Evaluator.data("configuration", 0, () -> loaded.state().data.createCopy().expand(raw));
                    }
                });
            } catch (MetadataError e) {
                return new MetadataLoader(trees, loaded.state(), e.toFailure());
            }
            refreshWorkingDirectory(loaded.state().data, loaded.workingDirectory(),
                    BuildLoader.approvedVariables(env).contains("PWD") ? env.get("PWD") : null);
            MetadataLoader loader = new MetadataLoader(trees, loaded.state(), null, passed);
            loader.fingerprint = loaded.fingerprint();
            loader.python = python;
            loader.lazy = lazy;
            return loader;
        }
        ConfigRecorder recorder = new ConfigRecorder();
        MetadataLoader loader = evaluateRecording(topDir, env, python, trees, passed, recorder);
        if (loader.failure == null && recorder.changedHost()) {
            // It created or changed paths it probes (poky's HOSTTOOLS_DIR links, on a build directory's first run or
            // after BitBake, running as another user, made them differently): the next run would see them changed
            // and key its recipes differently. Evaluated again now, it keys them as every later run will.
            recorder = new ConfigRecorder();
            loader = evaluateRecording(topDir, env, python, trees, passed, recorder);
        }
        if (loader.failure == null) {
            String reason = recorder.uncacheableReason();
            ConfigCache.Inputs inputs = configs.inputs(loader.base, recorder);
            loader.fingerprint = configs.fingerprint(key, inputs);
            if (reason == null) {
                reason = recorder.uncacheableReason();
            }
            if (reason == null) {
                configs.store(key, loader.fingerprint, loader.base, inputs,
                        python instanceof BitbakePython b ? b.contextNames() : Set.of(),
                        BuildLoader.approvedVariables(env).contains("PWD") ? env.get("PWD") : null);
            } else {
                String why = reason;
                LOG.log(System.Logger.Level.DEBUG, () -> "configuration of " + topDir + " not cached: " + why);
            }
        }
        return loader;
    }

    /**
     * Gives a configuration read from the cache the {@code PWD} of this run, as BitBake's configuration (parsed
     * every run) has it: when the cached value is the one the environment gave then (no configuration file set it).
     */
    private static void refreshWorkingDirectory(DataStore d, String then, String now) {
        String cached = Evaluator.data("PWD", 0, () -> d.getVar("PWD", false));
        if (java.util.Objects.equals(then, now) || !java.util.Objects.equals(cached, then)) {
            return;
        }
        if (now == null) {
            d.delVar("PWD", new dev.bitzel.parser.data.Origin("from env", null, 0));
        } else {
            d.setVar("PWD", now, new dev.bitzel.parser.data.Origin("from env", null, 0));
            d.setVarFlag("PWD", "export", "1", new dev.bitzel.parser.data.Origin("auto env export", null, 0));
        }
    }

    private static Map<String, String> passedEnvironment(Path topDir, Map<String, String> env,
            PythonEvaluator python) {
        Map<String, String> passed = new java.util.TreeMap<>();
        for (String name : BuildLoader.approvedVariables(env)) {
            // PWD is where bitzel was started: as BitBake's cache (BB_HASHCONFIG_IGNORE_VARS), caches do not depend
            // on it; a cached configuration gets the current one (refreshWorkingDirectory)
            if (env.get(name) != null && !name.equals("PWD")) {
                passed.put(name, env.get(name));
            }
        }
        passed.put("\0python", python.getClass().getName());
        passed.put("\0topdir", topDir.toString());
        return passed;
    }

    private static MetadataLoader evaluateRecording(Path topDir, Map<String, String> env, PythonEvaluator python,
            TreeCache trees, Map<String, String> passed, ConfigRecorder recorder) {
        dev.bitzel.parser.internal.python.HostAccess.Recorder before =
                dev.bitzel.parser.internal.python.HostAccess.install(recorder);
        try {
            return evaluate(topDir, env, python, false, trees, passed);
        } finally {
            dev.bitzel.parser.internal.python.HostAccess.install(before);
        }
    }

    private static MetadataLoader evaluate(Path topDir, Map<String, String> env, PythonEvaluator python,
            boolean trackHistory, TreeCache trees, Map<String, String> passed) {
        ParseState st = BuildLoader.baseState(env, python, trackHistory);
        MetadataLoader loader = new MetadataLoader(trees, st, null);
        loader.python = python;
        try {
            ParseState loaded = new BuildLoader(loader.evaluator).load(topDir, st);
            MetadataLoader done = new MetadataLoader(trees, loaded, null, passed);
            done.python = python;
            return done;
        } catch (MetadataError e) {
            return new MetadataLoader(trees, st, e.toFailure());
        } catch (UncheckedExpansionException e) {
            return new MetadataLoader(trees, st, new ParseFailure("ExpansionError",
                    topDir.resolve("conf/bblayers.conf").toString(), 0, e.getMessage()));
        } catch (NoSuchFileException e) {
            return new MetadataLoader(trees, st, new ParseFailure("FileNotFoundError", e.getFile(), 0,
                    e.getReason() == null ? "file not found: " + e.getFile() : e.getReason()));
        }
    }

    /**
     * The layer collections (BBFILE_COLLECTIONS with patterns and priorities), longest pattern first.
     *
     * @throws IllegalStateException with BitBake's message when the collections are inconsistent
     */
    public List<LayerCollection> collections() {
        try {
            return BuildLoader.collections(base.data);
        } catch (MetadataError e) {
            throw new IllegalStateException(e.toFailure().toString(), e);
        }
    }

    /** Whether the configuration was read from the configuration cache rather than evaluated. */
    public boolean configurationFromCache() {
        return lazy != null;
    }

    /**
     * Whether the configuration has been evaluated in this process: always when it was not read from the cache;
     * when it was, once something needed its Python context.
     */
    public boolean configurationEvaluated() {
        return lazy == null || lazy.evaluated();
    }

    /** Why the configuration failed to parse, or null. */
    public ParseFailure failure() {
        return failure;
    }

    /** Diagnostics from parsing the configuration. */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(base.diagnostics);
    }

    /** A copy of the configuration's datastore. */
    public DataStore data() {
        return base.data.createCopy();
    }

    /** The syntax trees read so far. */
    public TreeCache trees() {
        return trees;
    }

    /**
     * Parses one recipe with its bbappends against the configuration ({@code bb.parse.handle(fn, d)} with
     * {@code __BBAPPEND} set), finalizing it and its BBCLASSEXTEND variants.
     */
    public RecipeFile parseRecipe(Path recipeFile, List<Path> appends) {
        return parseRecipe(recipeFile, appends, null);
    }

    /**
     * Parses one recipe as the cooker does for a build directory: like {@link #parseRecipe(Path, List)}, with
     * {@code FILE_LAYERNAME} set to the collection the file belongs to (when not null).
     */
    public RecipeFile parseRecipe(Path recipeFile, List<Path> appends, String layerName) {
        return parseRecipe(recipeFile, appends, layerName, null);
    }

    /**
     * Like {@link #parseRecipe(Path, List, String)}, served from and stored into {@code cache} when not null
     * (never while history is tracked: history is not cached).
     */
    public RecipeFile parseRecipe(Path recipeFile, List<Path> appends, String layerName, ParseCache cache) {
        // BitBake keeps file names as BBFILES globbed them, ".." included (BBFILE_PATTERNs match those).
        String fn = recipeFile.toAbsolutePath().toString();
        if (failure != null) {
            return new RecipeFile(fn, Map.of(), failure, base.diagnostics);
        }
        if (cache == null || base.data.isTracking()) {
            return parse(fn, appends, layerName, new LinkedHashSet<>());
        }
        List<String> appendNames = appends.stream().map(p -> p.toAbsolutePath().toString()).toList();
        String config = configFingerprint(cache);
        List<String> baseDependencies = List.copyOf(base.dependencies);
        RecipeFile cached = cache.load(config, fn, appendNames, base.data, baseDependencies,
                () -> reparse(fn, appends, layerName), new StoredObjects(python, Set.of()));
        if (cached != null) {
            return cached;
        }
        LinkedHashSet<String> deps = new LinkedHashSet<>();
        ParseCache.Reparsed parsed = parseRecordingObjects(fn, appends, layerName, deps);
        return cache.store(config, fn, appendNames, base.data, parsed.file(), new ArrayList<>(deps),
                baseDependencies, parsed.objects(), () -> reparse(fn, appends, layerName));
    }

    /**
     * Every recipe file from the parse snapshot of these inputs, or null when there is none that holds (then parse
     * them, through the cache, and write a snapshot with {@link #snapshotWriter}).
     *
     * @param recipes the recipe files, in order
     * @param appends each one's appends
     * @param layers each one's layer (collection) name, or null
     * @param cache the parse cache the snapshot belongs to
     * @return the parsed recipe files in order, or null
     */
    public List<RecipeFile> loadSnapshot(List<Path> recipes, List<List<Path>> appends, List<String> layers,
            ParseCache cache) {
        if (failure != null || base.data.isTracking()) {
            return null;
        }
        List<ParseSnapshot.Input> inputs = snapshotInputs(recipes, appends, layers);
        String key = ParseSnapshot.key(configFingerprint(cache), inputs);
        List<RecipeFile> loaded = cache.snapshots().load(key, inputs, base.data, new StoredObjects(python, Set.of()),
                fn -> {
                    int i = indexOf(inputs, fn);
                    return () -> reparse(fn, appends.get(i), layers.get(i));
                });
        if (loaded != null) {
            cache.countHits(loaded.size());
        }
        return loaded;
    }

    /** Takes the parsed recipe files one by one, in order, and writes their parse snapshot. Not thread-safe. */
    public interface SnapshotWriter {
        /**
         * Adds the next recipe file's result.
         *
         * @param result the recipe file parsed (through the cache) from the next input
         */
        void add(RecipeFile result);

        /** Writes the snapshot once every input's result was added. */
        void write();
    }

    /**
     * Starts the parse snapshot of these inputs, to be {@linkplain SnapshotWriter#add fed} each result as soon as it
     * is parsed (through {@code cache}): encoding it then, while later recipes are parsed, leaves only the file's
     * writing for the end.
     *
     * @param recipes the recipe files, in order
     * @param appends each one's appends
     * @param layers each one's layer (collection) name, or null
     * @param cache the parse cache the snapshot belongs to
     * @return the writer, or null when this configuration takes no snapshot
     */
    public SnapshotWriter snapshotWriter(List<Path> recipes, List<List<Path>> appends, List<String> layers,
            ParseCache cache) {
        if (failure != null || base.data.isTracking()) {
            return null;
        }
        List<ParseSnapshot.Input> inputs = snapshotInputs(recipes, appends, layers);
        return cache.snapshots().encoder(ParseSnapshot.key(configFingerprint(cache), inputs), inputs);
    }

    private static int indexOf(List<ParseSnapshot.Input> inputs, String fn) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).file().equals(fn)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a recipe file of the snapshot: " + fn);
    }

    private static List<ParseSnapshot.Input> snapshotInputs(List<Path> recipes, List<List<Path>> appends,
            List<String> layers) {
        List<ParseSnapshot.Input> inputs = new ArrayList<>(recipes.size());
        for (int i = 0; i < recipes.size(); i++) {
            inputs.add(new ParseSnapshot.Input(recipes.get(i).toAbsolutePath().toString(),
                    appends.get(i).stream().map(p -> p.toAbsolutePath().toString()).toList(), layers.get(i)));
        }
        return inputs;
    }

    /** A recipe file parsed again, for the datastores its cache entry does not hold. */
    private ParseCache.Reparsed reparse(String fn, List<Path> appends, String layerName) {
        return parseRecordingObjects(fn, appends, layerName, new LinkedHashSet<>());
    }

    /** Parses a recipe file, recording the Python objects the parse creates (which its cache entry may store). */
    private ParseCache.Reparsed parseRecordingObjects(String fn, List<Path> appends, String layerName,
            LinkedHashSet<String> deps) {
        Set<String> created = new java.util.HashSet<>();
        Set<String> recording = BitbakePython.recordObjects(created);
        try {
            return new ParseCache.Reparsed(parse(fn, appends, layerName, deps), new StoredObjects(python, created));
        } finally {
            BitbakePython.recordObjects(recording);
        }
    }

    /**
     * The fingerprint of everything the configuration was built from, as recipe entries in {@code cache} are keyed
     * by it.
     */
    public String cacheFingerprint(ParseCache cache) {
        return configFingerprint(cache);
    }

    private String configFingerprint(ParseCache cache) {
        String f = fingerprint;
        if (f == null) {
            f = cache.fingerprint(base.dependencies, environment);
            fingerprint = f;
        }
        return f;
    }

    /** Parses; {@code dependencies} receives every file read or probed, also when parsing fails. */
    private RecipeFile parse(String fn, List<Path> appends, String layerName, Set<String> dependencies) {
        ParseState st = base.copy();
        st.touched = java.util.Collections.synchronizedSet(new LinkedHashSet<>(base.dependencies));
        dev.bitzel.parser.internal.python.HostAccess.Recorder host =
                dev.bitzel.parser.internal.python.HostAccess.install(new RecipeReads(st.touched));
        Map<String, String> environment = EnvironmentChanges.begin();
        try {
            return parseInto(fn, appends, layerName, st);
        } finally {
            EnvironmentChanges.end(environment);
            dev.bitzel.parser.internal.python.HostAccess.install(host);
            synchronized (st.touched) {
                dependencies.addAll(st.touched);
            }
        }
    }

    private RecipeFile parseInto(String fn, List<Path> appends, String layerName, ParseState st) {
        if (layerName != null) {
            st.data.setVar("__BBMULTICONFIG", "");
            st.data.setVar("FILE_LAYERNAME", layerName);
        }
        List<String> appendFiles = appends.stream().map(p -> p.toAbsolutePath().toString()).toList();
        if (!appendFiles.isEmpty()) {
            st.data.setVar("__BBAPPEND", String.join(" ", appendFiles));
        }
        try {
            StateHooks hooks = StateHooks.install(st, fn);
            boolean skippedWhileParsing;
            try {
                skippedWhileParsing = evaluator.handleRecipeFile(fn, st, false);
            } finally {
                hooks.close();
            }
            // skipped while its statements were evaluated: BitBake returns the datastore as it is, unfinalized
            Map<String, ParseState> variants = skippedWhileParsing ? Map.of("", st)
                    : finalizer.multiFinalize(fn, st, appendFiles);
            Map<String, Recipe> recipes = new LinkedHashMap<>();
            LinkedHashSet<Diagnostic> diagnostics = new LinkedHashSet<>();
            for (Map.Entry<String, ParseState> entry : variants.entrySet()) {
                ParseState v = entry.getValue();
                diagnostics.addAll(v.diagnostics);
                Recipe recipe = new Recipe(fn, entry.getKey(), v.data, v.tasks, v.taskDeps,
                        v.inheritCache, new ArrayList<>(v.dependencies), v.skipReason, v.diagnostics);
                // Flags such as do_sdk_depends[depends] call Python that reads [deps] and __BBTASKS: read them as
                // bb.build.add_tasks does, with the variant's own parse state installed.
                StateHooks variantHooks = StateHooks.install(v, fn);
                try {
                    recipe.withCacheInfo(RecipeCacheInfo.read(v.data, v.tasks));
                } catch (dev.bitzel.parser.data.ExpansionException unreadOnPurpose) {
                    // Left unread: Recipe.cacheInfo() reads the fields again when they are needed and throws
                    // there, naming this recipe and the failure.
                } finally {
                    variantHooks.close();
                }
                recipes.put(entry.getKey(), recipe);
            }
            return new RecipeFile(fn, recipes, null, new ArrayList<>(diagnostics));
        } catch (MetadataError e) {
            return new RecipeFile(fn, Map.of(), e.toFailure(), st.diagnostics);
        } catch (UncheckedExpansionException e) {
            return new RecipeFile(fn, Map.of(), new ParseFailure("ExpansionError", fn, 0, e.getMessage()),
                    st.diagnostics);
        } catch (NoSuchFileException e) {
            return new RecipeFile(fn, Map.of(), new ParseFailure("FileNotFoundError", e.getFile(), 0,
                    e.getReason() == null ? "file not found: " + e.getFile() : e.getReason()), st.diagnostics);
        }
    }
}
