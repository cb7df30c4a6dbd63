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
            RecipeUniverse universe = indexed(build, parsed);
            long done = System.nanoTime();
            return new LoadedMetadata(build, universe, (indexing - start) / 1e9, (done - indexing) / 1e9);
        } catch (GraphException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /** The recipes last indexed in this process, with their index. */
    private record Indexed(List<RecipeFile> parsed, RecipeUniverse universe) {
    }

    private static volatile Indexed last;

    /**
     * The index of {@code parsed}: the one built last in this process (e.g. by the previous command a command
     * server ran) when the parser handed out the very same recipe list again, which it does only while its parse
     * snapshot, the configuration it was parsed against and every file they read are unchanged.
     */
    private static RecipeUniverse indexed(BuildDirectory build, List<RecipeFile> parsed) throws GraphException {
        Indexed earlier = last;
        if (earlier != null && earlier.parsed() == parsed) {
            return earlier.universe();
        }
        RecipeUniverse universe = RecipeUniverse.of(build, parsed);
        last = new Indexed(parsed, universe);
        return universe;
    }
}
