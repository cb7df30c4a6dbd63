package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finalized recipe: a {@code .bb} file, or one of its {@code BBCLASSEXTEND} variants, with its data as
 * BitBake would hold it after parsing.
 *
 * <p>The record is immutable except for {@link #data()}, which is this recipe's own datastore: reading it is
 * safe from one thread at a time; changing it changes only this recipe.
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
public record Recipe(String file, String variant, DataStore data, List<String> tasks,
        Map<String, List<String>> taskDependencies, List<String> inheritedFiles, List<String> dependencies,
        String skipReason, List<Diagnostic> diagnostics) {

    /** Validates and copies the components. */
    public Recipe {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(data, "data");
        tasks = List.copyOf(tasks);
        Map<String, List<String>> deps = new LinkedHashMap<>();
        taskDependencies.forEach((task, list) -> deps.put(task, List.copyOf(list)));
        taskDependencies = java.util.Collections.unmodifiableMap(deps);
        inheritedFiles = List.copyOf(inheritedFiles);
        dependencies = List.copyOf(dependencies);
        diagnostics = List.copyOf(diagnostics);
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
}
