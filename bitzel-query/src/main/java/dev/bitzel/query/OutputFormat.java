package dev.bitzel.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How {@code bitzel query} prints a result, as {@code bazel query --output} does. */
public enum OutputFormat {
    /** One label per line. */
    LABEL,
    /** Kind and label per line. */
    LABEL_KIND,
    /** A dot graph. */
    GRAPH,
    /** A JSON document. */
    JSON,
    /** An indented tree. */
    TREE,
    /** Labels ranked by minimum depth. */
    MINRANK,
    /** Labels ranked by maximum depth. */
    MAXRANK,
    /** The file and line where each recipe or task is defined. */
    LOCATION;

    /**
     * Parses the name as users type it ({@code label_kind}, {@code graph}, …).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static OutputFormat parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output format must be one of " + Arrays.stream(values())
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + "; was '" + text + "'", e);
        }
    }
}
