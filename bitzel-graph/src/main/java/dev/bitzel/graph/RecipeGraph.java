package dev.bitzel.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recipes and what they need: build-time edges from {@code DEPENDS} (names resolved to providers) and
 * runtime edges from the {@code RDEPENDS}/{@code RRECOMMENDS} of their packages (resolved through
 * {@code PACKAGES}/{@code RPROVIDES}).
 *
 * <p>Both graphs have the same nodes with the same numbers, so a node number found in one is valid in the
 * other and in {@link #recipe(int)}. Immutable and thread-safe.
 */
public final class RecipeGraph {
    private final Digraph build;
    private final Digraph runtime;
    private final List<RecipeNode> recipes;

    private RecipeGraph(Digraph build, Digraph runtime, List<RecipeNode> recipes) {
        this.build = build;
        this.runtime = runtime;
        this.recipes = recipes;
    }

    /** A builder for a recipe graph. */
    public static Builder builder() {
        return new Builder();
    }

    /** Build-time edges: {@code a → b} when {@code a} has {@code b} in {@code DEPENDS} (resolved). */
    public Digraph build() {
        return build;
    }

    /** Runtime edges: {@code a → b} when a package of {@code a} runtime-depends on a package of {@code b}. */
    public Digraph runtime() {
        return runtime;
    }

    /** The number of recipes. */
    public int size() {
        return recipes.size();
    }

    /** The recipe of a node number. */
    public RecipeNode recipe(int node) {
        return recipes.get(node);
    }

    /** The recipe of this name, if the graph has it. */
    public Optional<RecipeNode> recipe(String name) {
        int i = build.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(recipes.get(i));
    }

    /** All recipes, in node-number order. */
    public List<RecipeNode> recipes() {
        return recipes;
    }

    @Override
    public String toString() {
        return "RecipeGraph[" + recipes.size() + " recipes, " + build.edgeCount() + " build edges, "
                + runtime.edgeCount() + " runtime edges]";
    }

    /** Collects recipes and edges; not thread-safe. */
    public static final class Builder {
        private final Digraph.Builder build = Digraph.builder();
        private final Digraph.Builder runtime = Digraph.builder();
        private final List<RecipeNode> recipes = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a recipe and returns its node number.
         *
         * @throws IllegalArgumentException if a recipe of that name was added before
         */
        public int recipe(RecipeNode recipe) {
            Objects.requireNonNull(recipe, "recipe");
            if (build.indexOf(recipe.name()) >= 0) {
                throw new IllegalArgumentException("recipe '" + recipe.name() + "' added twice");
            }
            build.node(recipe.name());
            runtime.node(recipe.name());
            recipes.add(recipe);
            return recipes.size() - 1;
        }

        /** Adds a build-time edge between recipes already added. */
        public Builder buildEdge(String from, String to) {
            build.edge(require(from), require(to));
            return this;
        }

        /** Adds a runtime edge between recipes already added. */
        public Builder runtimeEdge(String from, String to) {
            runtime.edge(require(from), require(to));
            return this;
        }

        private int require(String name) {
            int i = build.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no recipe '" + name + "' added before its edge");
            }
            return i;
        }

        /** Builds the immutable graph. */
        public RecipeGraph build() {
            return new RecipeGraph(build.build(), runtime.build(), List.copyOf(recipes));
        }
    }
}
