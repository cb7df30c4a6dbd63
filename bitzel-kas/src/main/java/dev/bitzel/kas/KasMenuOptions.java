package dev.bitzel.kas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the non-interactive {@code kas menu} does.
 *
 * @param set symbol assignments applied after the saved selection ({@code y}/{@code n} for bool symbols, text for
 *     string symbols, a number for int and hex symbols), in order
 * @param build run {@code kas build} with the written configuration afterwards (the menu's "Build" button)
 */
public record KasMenuOptions(Map<String, String> set, boolean build) {

    /** Copies the assignments, keeping their order. */
    public KasMenuOptions {
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(set, "set")));
    }

    /** No assignments, no build: rewrite {@code .config.yaml} from the saved selection and the defaults. */
    public static KasMenuOptions defaults() {
        return new KasMenuOptions(Map.of(), false);
    }

    /**
     * Reads {@code NAME=VALUE} strings.
     *
     * @throws IllegalArgumentException naming an entry without {@code =} or without a name
     */
    public static Map<String, String> parseAssignments(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected SYMBOL=VALUE, got '" + a + "'");
            }
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }
}
