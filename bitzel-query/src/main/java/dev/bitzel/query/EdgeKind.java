package dev.bitzel.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which recipe edges a query follows, as {@code bitzel query --edges=build|runtime|both}.
 *
 * <p>Only edges between recipes differ: task nodes always follow the task graph, whose edges already include
 * the runtime ones BitBake adds ({@code rdeptask}, {@code recrdeptask}).
 */
public enum EdgeKind {
    /** Build-time edges, from {@code DEPENDS} (the default, like {@code bitbake -g}'s recipe view). */
    BUILD,
    /** Runtime edges, from the {@code RDEPENDS}/{@code RRECOMMENDS} of a recipe's packages. */
    RUNTIME,
    /** Both: a recipe depends on another if it needs it at build time or at run time. */
    BOTH;

    /** Whether build-time edges are followed. */
    public boolean build() {
        return this != RUNTIME;
    }

    /** Whether runtime edges are followed. */
    public boolean runtime() {
        return this != BUILD;
    }

    /**
     * Parses the name as users type it ({@code build}, {@code runtime}, {@code both}).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static EdgeKind parse(String text) {
        Objects.requireNonNull(text, "text");
        for (EdgeKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("edges must be one of " + Arrays.stream(values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; was '" + text
                + "'");
    }
}
