package dev.bitzel.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The order in which a {@link QueryResult} iterates and prints its targets, as
 * {@code bitzel query --order_output=auto|deps|name}.
 */
public enum OutputOrder {
    /**
     * Graph order: recipes in recipe-graph node order, then tasks in task-graph node order, then files in the
     * order recipes first name them. For graphs built from metadata that is the parse order, stable from run to
     * run. The one exception, as in Bazel: a query whose outermost expression is {@code somepath} prints the path
     * from its start to its end.
     */
    AUTO,
    /**
     * Bazel's deps order: a topological order of the result's own edges in which every target comes before the
     * targets it depends on; ties (and the members of a cycle) in graph order.
     */
    DEPS,
    /** Sorted by label (UTF-16 code unit order). */
    NAME;

    /**
     * Parses the name as users type it ({@code auto}, {@code deps}, {@code name}).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static OutputOrder parse(String text) {
        Objects.requireNonNull(text, "text");
        for (OutputOrder order : values()) {
            if (order.name().equalsIgnoreCase(text.trim())) {
                return order;
            }
        }
        throw new IllegalArgumentException("output order must be one of " + Arrays.stream(values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; was '" + text
                + "'");
    }
}
