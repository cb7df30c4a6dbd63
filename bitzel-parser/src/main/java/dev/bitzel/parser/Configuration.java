package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.eval.MetadataLoader;
import dev.bitzel.parser.internal.eval.TreeCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed BitBake configuration, the base every recipe is parsed against: the entry point for reading
 * recipes.
 *
 * <pre>{@code
 * Configuration conf = Configuration.ofConfFiles("/layers/meta", List.of(Path.of("conf/site.conf")));
 * RecipeFile parsed = conf.parseRecipe(Path.of("recipes/zlib/zlib_1.3.bb"));
 * String depends = parsed.recipe().data().getVar("DEPENDS");
 * }</pre>
 *
 * <p>Immutable and thread-safe: recipes may be parsed concurrently; each gets its own copy of the
 * configuration's datastore.
 */
public final class Configuration {
    private final MetadataLoader loader;

    private Configuration(MetadataLoader loader) {
        this.loader = loader;
    }

    static Configuration of(MetadataLoader loader) {
        return new Configuration(loader);
    }

    MetadataLoader loader() {
        return loader;
    }

    /**
     * Parses configuration files in order, as BitBake parses {@code --conf} files for a lone recipe: BBPATH is
     * {@code bbpath} (colon-separated), classes inherited by recipes are looked up in {@code classes-recipe/}
     * then {@code classes/} along it. Python in metadata is not evaluated.
     *
     * @param bbpath the colon-separated BBPATH
     * @param confFiles configuration files, parsed in this order
     * @return the configuration; check {@link #failure()}
     */
    public static Configuration ofConfFiles(String bbpath, List<Path> confFiles) {
        return ofConfFiles(bbpath, confFiles, PythonEvaluator.UNSUPPORTED);
    }

    /**
     * Like {@link #ofConfFiles(String, List)}, evaluating Python through {@code python}.
     *
     * @param bbpath the colon-separated BBPATH
     * @param confFiles configuration files, parsed in this order
     * @param python evaluates inline Python, {@code def} and anonymous functions
     * @return the configuration; check {@link #failure()}
     */
    public static Configuration ofConfFiles(String bbpath, List<Path> confFiles, PythonEvaluator python) {
        Objects.requireNonNull(confFiles, "confFiles");
        return new Configuration(MetadataLoader.loadConfFiles(bbpath, List.copyOf(confFiles), python,
                new TreeCache()));
    }

    /** Why parsing the configuration failed, if it did; recipes parsed against it fail the same way. */
    public Optional<ParseFailure> failure() {
        return Optional.ofNullable(loader.failure());
    }

    /** Diagnostics from parsing the configuration. */
    public List<Diagnostic> diagnostics() {
        return loader.diagnostics();
    }

    /** A fresh copy of the configuration's datastore, for the caller to read or change. */
    public DataStore data() {
        return loader.data();
    }

    /**
     * Parses one recipe file (and its bbappends, in order) against this configuration, with finalization and
     * BBCLASSEXTEND variants. Never throws for bad metadata: see {@link RecipeFile#failed()}.
     *
     * @param recipe the {@code .bb} file
     * @param appends its {@code .bbappend} files, in the order BitBake applies them
     * @return the parsed recipe file
     */
    public RecipeFile parseRecipe(Path recipe, List<Path> appends) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(appends, "appends");
        return loader.parseRecipe(recipe, appends);
    }

    /**
     * Parses one recipe file without bbappends.
     *
     * @param recipe the {@code .bb} file
     * @return the parsed recipe file
     */
    public RecipeFile parseRecipe(Path recipe) {
        return parseRecipe(recipe, List.of());
    }
}
