package dev.bitzel.parser.internal.python;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changes metadata Python makes to {@code os.environ} while one recipe is evaluated on a thread. They are seen by
 * the rest of that evaluation only, never by the process or by other recipes: in BitBake they change the environment
 * of the parser process, so that recipes parsed after it in the same process see them too, which depends on how
 * recipes are spread over processes.
 */
public final class EnvironmentChanges {
    private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

    private EnvironmentChanges() {
    }

    /**
     * Starts an empty set of changes for the evaluation about to run on this thread.
     *
     * @return the changes in place before, to hand to {@link #end}
     */
    public static Map<String, String> begin() {
        Map<String, String> before = CURRENT.get();
        CURRENT.set(new LinkedHashMap<>());
        return before;
    }

    /**
     * Drops this evaluation's changes and restores those in place before {@link #begin}.
     *
     * @param before what {@link #begin} returned
     */
    public static void end(Map<String, String> before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    /** This thread's changes (a null value is a deleted variable), or null when changes are not allowed here. */
    static Map<String, String> current() {
        return CURRENT.get();
    }
}
