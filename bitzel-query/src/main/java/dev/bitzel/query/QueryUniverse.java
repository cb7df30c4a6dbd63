package dev.bitzel.query;

import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.query.internal.Universe;

/**
 * What queries are answered over: one recipe graph and one task graph (of the same build), indexed once.
 *
 * <p>Building it takes time linear in the number of recipes, tasks and build files; queries then cost only what
 * they walk. Immutable and thread-safe: evaluate as many queries as you like, from any thread. The provider index
 * ({@code PROVIDES}, {@code PACKAGES}, {@code RPROVIDES} of every recipe), needed by {@code labels()} and by names
 * such as {@code virtual/kernel}, is built on first use.
 *
 * <pre>{@code
 * QueryUniverse universe = QueryUniverse.of(recipeGraph, taskGraph);
 * Query.parse("somepath(core-image-minimal, zlib)").evaluate(universe).labels();
 * }</pre>
 */
public final class QueryUniverse {
    private final Universe index;

    private QueryUniverse(Universe index) {
        this.index = index;
    }

    /**
     * A universe over a recipe graph and a task graph; either may be empty.
     *
     * @throws NullPointerException if either is null
     */
    public static QueryUniverse of(RecipeGraph recipes, TaskGraph tasks) {
        return new QueryUniverse(new Universe(recipes, tasks));
    }

    /** A universe of recipes only (task patterns then match nothing). */
    public static QueryUniverse of(RecipeGraph recipes) {
        return of(recipes, TaskGraph.builder().build());
    }

    /** The recipe graph. */
    public RecipeGraph recipes() {
        return index.recipes;
    }

    /** The task graph. */
    public TaskGraph tasks() {
        return index.tasks;
    }

    /** The number of build files recipes name (the file targets of {@code buildfiles}). */
    public int fileCount() {
        return index.fileCount;
    }

    Universe index() {
        return index;
    }

    @Override
    public String toString() {
        return "QueryUniverse[" + index.recipeCount + " recipes, " + index.taskCount + " tasks, " + index.fileCount
                + " files]";
    }
}
