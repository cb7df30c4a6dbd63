package dev.bitzel.examples.cli;

import dev.bitzel.graph.GraphException;
import dev.bitzel.graph.RecipeUniverse;
import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.RecipeFile;
import java.util.List;

/**
 * The build directory parsed and indexed, as {@code graph}, {@code query} and {@code build} start from it:
 * configuration, every recipe (through the parse cache), then the providers.
 *
 * @param build the loaded build directory
 * @param universe every recipe indexed by what it provides
 * @param parseSeconds wall time of configuration plus recipe parsing
 * @param indexSeconds wall time of indexing providers
 */
record LoadedMetadata(BuildDirectory build, RecipeUniverse universe, double parseSeconds, double indexSeconds) {

    /**
     * Loads and parses; problems in the metadata become a {@link UserInputException} naming them.
     *
     * @throws InterruptedException if interrupted while parsing
     */
    static LoadedMetadata load(BitzelCommand parent, PythonOption python, boolean noCache, int jobs)
            throws InterruptedException {
        long start = System.nanoTime();
        BuildDirectory build = BuildDirectory.builder(parent.buildDir()).python(python.evaluator())
                .parseCache(noCache ? null : parent.cacheDir().resolve("parse")).load();
        if (build.failure().isPresent()) {
            throw new UserInputException(build.failure().get().toString());
        }
        List<RecipeFile> parsed = build.parseAll(Math.max(1, jobs));
        long indexing = System.nanoTime();
        try {
            RecipeUniverse universe = RecipeUniverse.of(build, parsed);
            long done = System.nanoTime();
            return new LoadedMetadata(build, universe, (indexing - start) / 1e9, (done - indexing) / 1e9);
        } catch (GraphException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
