package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.internal.data.CompactStringMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One finalized recipe: a {@code .bb} file, or one of its {@code BBCLASSEXTEND} variants, with its data as
 * BitBake would hold it after parsing.
 *
 * <p>Thread-safe. Everything but {@link #data()} is immutable; {@link #data()} is this recipe's own datastore,
 * which a recipe read from the parse cache materializes on first use. Reading the store is safe from one
 * thread at a time; changing it changes only this recipe.
 */
public final class Recipe {
    private final String file;
    private final String variant;
    private final List<String> tasks;
    private final Map<String, List<String>> taskDependencies;
    private final List<String> inheritedFiles;
    private final List<String> dependencies;
    private final String skipReason;
    private final List<Diagnostic> diagnostics;
    private final Supplier<DataStore> dataSupplier;
    private volatile DataStore data;
    private volatile Map<String, String> cacheInfo;

    /**
     * Creates a recipe.
     *
     * @param file the recipe file, absolute
     * @param variant {@code ""} for the recipe itself, else the BBCLASSEXTEND name ({@code native},
     *     {@code nativesdk}, {@code multilib:lib32}, …)
     * @param data the finalized datastore
     * @param tasks task names in BitBake's order ({@code __BBTASKS})
     * @param taskDependencies each task's {@code [deps]} list (tasks it runs after), as BitBake keeps it
     * @param inheritedFiles the class files inherited, in first-inherit order ({@code __inherit_cache})
     * @param dependencies every file read or probed while parsing, for cache invalidation
     * @param skipReason why BitBake would skip this recipe, or null
     * @param diagnostics warnings and notes from parsing, including Python that was not evaluated
     */
    public Recipe(String file, String variant, DataStore data, List<String> tasks,
            Map<String, List<String>> taskDependencies, List<String> inheritedFiles, List<String> dependencies,
            String skipReason, List<Diagnostic> diagnostics) {
        this(file, variant, () -> data, tasks, taskDependencies, inheritedFiles, dependencies, skipReason,
                diagnostics);
        Objects.requireNonNull(data, "data");
        this.data = data;
    }

    /**
     * Creates a recipe whose datastore is produced on first use, as the parse cache does.
     *
     * @param file the recipe file, absolute
     * @param variant {@code ""} or the BBCLASSEXTEND name
     * @param data produces the finalized datastore, once; may throw an unchecked exception naming the problem
     * @param tasks task names in BitBake's order
     * @param taskDependencies each task's {@code [deps]} list
     * @param inheritedFiles the class files inherited, in first-inherit order
     * @param dependencies every file read or probed while parsing
     * @param skipReason why BitBake would skip this recipe, or null
     * @param diagnostics warnings and notes from parsing
     */
    public Recipe(String file, String variant, Supplier<DataStore> data, List<String> tasks,
            Map<String, List<String>> taskDependencies, List<String> inheritedFiles, List<String> dependencies,
            String skipReason, List<Diagnostic> diagnostics) {
        this.file = Objects.requireNonNull(file, "file");
        this.variant = Objects.requireNonNull(variant, "variant");
        this.dataSupplier = Objects.requireNonNull(data, "data");
        this.tasks = List.copyOf(tasks);
        Map<String, List<String>> deps = new LinkedHashMap<>();
        taskDependencies.forEach((task, list) -> deps.put(task, List.copyOf(list)));
        this.taskDependencies = Collections.unmodifiableMap(deps);
        this.inheritedFiles = List.copyOf(inheritedFiles);
        this.dependencies = List.copyOf(dependencies);
        this.skipReason = skipReason;
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The recipe file, absolute, as BBFILES named it. */
    public String file() {
        return file;
    }

    /** {@code ""} for the recipe itself, else the BBCLASSEXTEND name. */
    public String variant() {
        return variant;
    }

    /** BitBake's name for this variant: the file, or {@code virtual:VARIANT:FILE} ({@code virtual:native:/x.bb}). */
    public String fn() {
        return variant.isEmpty() ? file : "virtual:" + variant + ":" + file;
    }

    /**
     * Returns this recipe with the cache fields already read. For the parser's own loaders, which call it once
     * before the recipe is shared; like the constructors it is public only because they live in another package.
     *
     * @param info the fields, as {@link #cacheInfo()} describes them
     * @return this recipe
     */
    public Recipe withCacheInfo(Map<String, String> info) {
        // the parse snapshot's fields are immutable already, and decode their task flags only when read; a compact
        // map (another recipe's fields) is shared, not copied
        this.cacheInfo = info instanceof dev.bitzel.parser.internal.eval.LazyCacheFields ? info
                : CompactStringMap.copyOf(info);
        return this;
    }

    /**
     * The fields BitBake keeps of a recipe in its parse cache ({@code CoreRecipeInfo}), readable without
     * materializing the datastore: {@code PN PE PV PR PROVIDES RPROVIDES PACKAGES PACKAGES_DYNAMIC DEPENDS
     * RDEPENDS RRECOMMENDS DEFAULT_PREFERENCE EXCLUDE_FROM_WORLD} (expanded; unset ones absent), {@code
     * RPROVIDES:pkg}, {@code RDEPENDS:pkg} and {@code RRECOMMENDS:pkg} for each package, and every task flag as
     * {@code do_task[flag]} (the flags BitBake's {@code _task_deps} records expanded, the others as written).
     *
     * @throws IllegalStateException naming the recipe when a field does not expand
     */
    public Map<String, String> cacheInfo() {
        Map<String, String> info = cacheInfo;
        if (info == null) {
            try {
                info = CompactStringMap.copyOf(dev.bitzel.parser.internal.eval.RecipeCacheInfo.read(data(), tasks));
            } catch (dev.bitzel.parser.data.ExpansionException e) {
                throw new IllegalStateException(this + ": " + e.getMessage(), e);
            }
            cacheInfo = info;
        }
        return info;
    }

    /** The finalized datastore (materialized on first use for a recipe read from the parse cache). */
    public DataStore data() {
        DataStore d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = Objects.requireNonNull(dataSupplier.get(), "datastore supplier returned null");
                    data = d;
                }
            }
        }
        return d;
    }

    /** Task names in BitBake's order ({@code __BBTASKS}). */
    public List<String> tasks() {
        return tasks;
    }

    /** Each task's {@code [deps]} list (tasks it runs after), as BitBake keeps it. */
    public Map<String, List<String>> taskDependencies() {
        return taskDependencies;
    }

    /** The class files inherited, in first-inherit order ({@code __inherit_cache}). */
    public List<String> inheritedFiles() {
        return inheritedFiles;
    }

    /** Every file read or probed while parsing this variant (BitBake's {@code __depends}). */
    public List<String> dependencies() {
        return dependencies;
    }

    /** Why BitBake would skip this recipe, or null. */
    public String skipReason() {
        return skipReason;
    }

    /** Warnings and notes from parsing, including Python that was not evaluated. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The class names inherited, in first-inherit order (file names without {@code .bbclass}). */
    public List<String> inherits() {
        return inheritedFiles.stream().map(f -> {
            String base = f.substring(f.lastIndexOf('/') + 1);
            return base.endsWith(".bbclass") ? base.substring(0, base.length() - ".bbclass".length()) : base;
        }).toList();
    }

    /** Whether BitBake would skip this recipe ({@code SkipRecipe} raised while parsing). */
    public Optional<String> skipped() {
        return Optional.ofNullable(skipReason);
    }

    @Override
    public String toString() {
        return "Recipe[" + file + (variant.isEmpty() ? "" : " (" + variant + ")") + "]";
    }
}
