package dev.bitzel.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of parsing one {@code .bb} file with its bbappends: the recipe and its BBCLASSEXTEND variants,
 * or the failure that stopped BitBake.
 *
 * <p>Immutable; see {@link Recipe} for its datastores.
 *
 * @param file the recipe file, absolute
 * @param variants the recipe under key {@code ""} first, then each variant by name; empty when parsing failed
 * @param failure why parsing stopped, or null
 * @param diagnostics everything reported while parsing
 */
public record RecipeFile(String file, Map<String, Recipe> variants, ParseFailure failure,
        List<Diagnostic> diagnostics) {

    /** Validates and copies the components. */
    public RecipeFile {
        Objects.requireNonNull(file, "file");
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        diagnostics = List.copyOf(diagnostics);
        if (failure == null && !variants.containsKey("")) {
            throw new IllegalArgumentException("a parsed recipe file needs its base recipe (variant \"\"), had "
                    + variants.keySet());
        }
    }

    /**
     * Strict use: this result when parsing succeeded.
     *
     * @return this
     * @throws MetadataException holding the failure and every diagnostic when parsing failed
     */
    public RecipeFile requireSuccess() throws MetadataException {
        if (failure != null) {
            throw new MetadataException(failure, diagnostics);
        }
        return this;
    }

    /** Why parsing stopped, if it did. */
    public Optional<ParseFailure> failed() {
        return Optional.ofNullable(failure);
    }

    /**
     * The recipe itself (variant {@code ""}).
     *
     * @throws IllegalStateException with the failure when parsing failed
     */
    public Recipe recipe() {
        return variant("");
    }

    /**
     * The named variant ({@code ""} for the recipe itself).
     *
     * @throws IllegalStateException with the failure when parsing failed
     * @throws IllegalArgumentException naming the variants there are when there is no such variant
     */
    public Recipe variant(String name) {
        if (failure != null) {
            throw new IllegalStateException("parsing " + file + " failed: " + failure);
        }
        Recipe recipe = variants.get(name);
        if (recipe == null) {
            throw new IllegalArgumentException("no variant '" + name + "' of " + file + "; it has "
                    + variants.keySet());
        }
        return recipe;
    }
}
