package dev.bitzel.parser.internal.bb;

/**
 * Metadata Python raised {@code bb.parse.SkipRecipe}: the recipe (variant) is skipped with this reason, as
 * BitBake's {@code multi_finalize} records it in {@code __SKIPPED}. Unchecked so that it passes through the
 * datastore's expansion unchanged, as BitBake lets SkipRecipe through {@code expand}.
 */
public final class SkipRecipeSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     *
     * @param reason the exception's first argument, as BitBake reports it
     */
    public SkipRecipeSignal(String reason) {
        super(reason, null, false, false);
    }

    /** The reason, as {@code e.args[0]}. */
    public String reason() {
        return getMessage();
    }
}
