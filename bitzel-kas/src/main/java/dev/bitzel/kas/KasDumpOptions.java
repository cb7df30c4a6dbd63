package dev.bitzel.kas;

/**
 * What {@code kas dump} prints.
 *
 * @param json JSON instead of YAML
 * @param indent indentation width (kas' default is 2)
 * @param sort sort mapping keys instead of keeping merge order
 * @param resolveRefs write the resolved commit of every managed repo and drop {@code overrides}
 * @param resolveLocal add url and commit of unmanaged (local) repos from their VCS
 * @param resolveEnv replace {@code env} defaults by the caller's values
 * @param lock print a lock file instead of the configuration
 */
public record KasDumpOptions(boolean json, int indent, boolean sort, boolean resolveRefs, boolean resolveLocal,
        boolean resolveEnv, boolean lock) {

    /** Validates the combination as kas does. */
    public KasDumpOptions {
        if (indent < 0) {
            throw new IllegalArgumentException("indent must be >= 0, was " + indent);
        }
        if (resolveEnv && lock) {
            throw new IllegalArgumentException("--resolve-env and --lock cannot be combined");
        }
        if (lock && resolveLocal) {
            throw new IllegalArgumentException("--lock cannot be combined with --resolve-local");
        }
    }

    /** Plain YAML in merge order, indent 2. */
    public static KasDumpOptions defaults() {
        return new KasDumpOptions(false, 2, false, false, false, false, false);
    }
}
