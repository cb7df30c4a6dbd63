package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.internal.data.PyStrings;
import java.util.List;

/**
 * The recipe and append files of a loaded configuration, found as BitBake's cooker finds them.
 *
 * @param recipes recipe files in BitBake's collection order
 * @param appends append files in collection order
 * @param masked how many files BBMASK excluded
 * @param warnings problems worth reporting (bad BBMASK entries)
 */
public record RecipeFiles(List<String> recipes, List<String> appends, int masked, List<String> warnings) {

    /** Collects the files named by the configuration's BBFILES and BBMASK. */
    public static RecipeFiles collect(DataStore config, List<LayerCollection> collections)
            throws ExpansionException {
        String bbfiles = config.getVar("BBFILES");
        RecipeCollector.Collected c = RecipeCollector.collect(
                bbfiles == null ? List.of() : PyStrings.split(bbfiles),
                collections, config.getVar("BBMASK"));
        return new RecipeFiles(c.recipes(), c.appends(), c.masked(), c.warnings());
    }

    /**
     * Like {@link #collect(DataStore, List)}, kept in {@code cache} between runs while the directories searched are
     * unchanged ({@link CollectionCache}).
     *
     * @param configFingerprint the fingerprint of the configuration the files are for
     */
    public static RecipeFiles collect(DataStore config, List<LayerCollection> collections, ParseCache cache,
            String configFingerprint) throws ExpansionException {
        String bbfiles = config.getVar("BBFILES");
        List<String> patterns = bbfiles == null ? List.of() : PyStrings.split(bbfiles);
        String bbmask = config.getVar("BBMASK");
        String key = CollectionCache.key(configFingerprint, patterns, String.valueOf(bbmask), collections);
        RecipeCollector.Collected c = cache.collections().load(key);
        if (c == null) {
            java.util.Set<String> directories = CollectionCache.newObserved();
            c = RecipeCollector.collect(patterns, collections, bbmask, directories);
            cache.collections().store(key, c, directories);
        }
        return new RecipeFiles(c.recipes(), c.appends(), c.masked(), c.warnings());
    }

    /** The appends of one recipe file, in the order BitBake applies them. */
    public List<String> appendsFor(String recipe) {
        return RecipeCollector.appendsFor(recipe, appends);
    }

    /** The collection a file belongs to, or null. */
    public static LayerCollection collectionOf(String file, List<LayerCollection> collections) {
        return RecipeCollector.collectionOf(file, collections);
    }
}
