package dev.bitzel.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the recipe graph knows of one recipe: its provider name, where it came from and its variables.
 *
 * <p>Thread-safe as long as the variable lookup is (the parser's finalized stores are read under their own
 * lock). Variables are looked up lazily so that a graph over thousands of recipes does not expand every
 * variable of every recipe up front.
 *
 * @param name the recipe's name as BitBake's {@code PN} (variants carry their suffix or prefix:
 *     {@code zlib-native}, {@code nativesdk-zlib})
 * @param file the {@code .bb} file, absolute, or {@code ""} for a recipe built by hand
 * @param variant {@code ""} for the recipe itself, else its {@code BBCLASSEXTEND} name
 * @param buildFiles every file the recipe was built from, in read order: the {@code .bb}, its
 *     {@code .bbappend}s, included {@code .inc} files and inherited classes
 * @param inherits class names inherited, in first-inherit order
 * @param variables looks up one variable's expanded value, empty when unset
 */
public record RecipeNode(String name, String file, String variant, List<String> buildFiles, List<String> inherits,
        Function<String, Optional<String>> variables) {

    /** Validates and copies the components. */
    public RecipeNode {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains(":")) {
            throw new IllegalArgumentException("recipe name must be non-empty without ':', was '" + name + "'");
        }
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(variant, "variant");
        buildFiles = List.copyOf(buildFiles);
        inherits = List.copyOf(inherits);
        Objects.requireNonNull(variables, "variables");
    }

    /** A recipe built by hand with fixed variables (tests, synthetic graphs). */
    public static RecipeNode of(String name, Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new RecipeNode(name, "", "", List.of(), List.of(), v -> Optional.ofNullable(copy.get(v)));
    }

    /** One variable's expanded value, empty when the recipe does not set it. */
    public Optional<String> variable(String name) {
        return variables.apply(Objects.requireNonNull(name, "name"));
    }
}
