package dev.bitzel.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How {@code bitzel query} prints a result, as {@code bazel query --output}; see
 * {@link QueryResult#format(OutputFormat, Appendable)}. Targets come in the result's order; edges shown are those
 * among the result's own members. Every line ends with a newline.
 */
public enum OutputFormat {
    /** One label per line: {@code busybox}, {@code busybox:do_compile}, or a file's path. */
    LABEL,
    /**
     * Kind and label per line: {@code recipe busybox}, {@code native recipe zlib-native}, {@code image recipe
     * core-image-minimal}, {@code task busybox:do_compile}, {@code file /path/busybox.inc}.
     */
    LABEL_KIND,
    /**
     * A dot graph, {@code digraph query { node [shape=box]; "a" "a" -> "b" … }}: each target, then its edges.
     * With {@link EdgeKind#BOTH}, edges that are only runtime edges are dashed.
     */
    GRAPH,
    /**
     * A JSON document {@code {"targets": [{"label": …, "kind": …, "location": …, "deps": [labels]}, …]}};
     * {@code location} only when known.
     */
    JSON,
    /**
     * An indented dependency tree (two spaces a level) from the targets nothing in the result depends on. A
     * target is expanded once; later mentions end in {@code (*)}, and a mention of a target being expanded
     * further up ends in {@code (cycle)}.
     */
    TREE,
    /**
     * {@code RANK LABEL} per line, by rank: the length of the shortest path to the target from a target nothing in
     * the result depends on (members of a cycle share a rank).
     */
    MINRANK,
    /** {@code RANK LABEL} per line, by rank: the length of the longest such path (cycles collapsed). */
    MAXRANK,
    /**
     * {@code FILE:LINE: KIND LABEL} per line, where the target is defined: a recipe's {@code .bb} file at line 1,
     * a task's {@code filename}/{@code lineno} flags (else its recipe's {@code .bb} file at line 1), a file at line
     * 1; {@code <unknown>} for graphs built without files.
     */
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
