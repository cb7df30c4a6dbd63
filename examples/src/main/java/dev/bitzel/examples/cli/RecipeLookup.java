package dev.bitzel.examples.cli;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Recipe;

/** Finding the recipe a user named with {@code -r}, with the error messages BitBake users expect. */
final class RecipeLookup {

    private RecipeLookup() {
    }

    /**
     * The recipe named {@code name} in {@code build}.
     *
     * @throws UserInputException when nothing provides it or its file failed to parse
     */
    static Recipe find(BuildDirectory build, String name) {
        try {
            return build.findRecipe(name).orElseThrow(() -> new UserInputException(
                    "Nothing PROVIDES '" + name + "' (no recipe file named " + name + "_*.bb)"));
        } catch (IllegalStateException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
