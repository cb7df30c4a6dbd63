package dev.bitzel.query.internal;

import dev.bitzel.graph.RecipeNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which recipes provide a name: {@code PROVIDES} (build-time names such as {@code virtual/kernel}) and
 * {@code PACKAGES}/{@code RPROVIDES} (runtime names). Built once per universe, on first use, by reading those
 * variables of every recipe.
 */
final class Providers {
    private static final Pattern VERSION_CONSTRAINT = Pattern.compile("\\([^)]*\\)");

    private final Map<String, int[]> provides;
    private final Map<String, int[]> packages;

    private Providers(Map<String, int[]> provides, Map<String, int[]> packages) {
        this.provides = provides;
        this.packages = packages;
    }

    static Providers build(Universe u) {
        Map<String, Set<Integer>> provides = new HashMap<>();
        Map<String, Set<Integer>> packages = new HashMap<>();
        for (int r = 0; r < u.recipeCount; r++) {
            for (String word : words(variable(u, r, "PROVIDES").orElse(""))) {
                provides.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(r);
            }
            List<String> pkgs = words(variable(u, r, "PACKAGES").orElse(""));
            for (String word : words(variable(u, r, "RPROVIDES").orElse(""))) {
                packages.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(r);
            }
            for (String pkg : pkgs) {
                packages.computeIfAbsent(pkg, w -> new LinkedHashSet<>()).add(r);
                for (String word : words(variable(u, r, "RPROVIDES:" + pkg).orElse(""))) {
                    packages.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(r);
                }
            }
        }
        return new Providers(freeze(provides), freeze(packages));
    }

    private static Map<String, int[]> freeze(Map<String, Set<Integer>> map) {
        Map<String, int[]> out = new HashMap<>();
        map.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).sorted().toArray()));
        return Map.copyOf(out);
    }

    /** The recipes whose {@code PROVIDES} names {@code name}. */
    int[] providersOf(String name) {
        return provides.getOrDefault(name, new int[0]);
    }

    /** The recipes that make a package of this name or runtime-provide it. */
    int[] packagersOf(String name) {
        return packages.getOrDefault(name, new int[0]);
    }

    /**
     * A recipe variable, with {@code ${PN}} in the name replaced by the recipe name (so
     * {@code RDEPENDS:${PN}} works).
     *
     * @throws VariableLookupException when the lookup fails
     */
    static Optional<String> variable(Universe u, int recipe, String name) {
        RecipeNode node = u.recipe(recipe);
        String resolved = name.replace("${PN}", node.name());
        try {
            return node.variable(resolved);
        } catch (RuntimeException e) {
            throw new VariableLookupException(node.name(), resolved, e);
        }
    }

    /** The names in a dependency list, without version constraints ({@code foo (>= 1.0) bar} gives foo, bar). */
    static List<String> words(String value) {
        String stripped = VERSION_CONSTRAINT.matcher(value).replaceAll(" ");
        List<String> out = new ArrayList<>();
        for (String word : stripped.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }
}
