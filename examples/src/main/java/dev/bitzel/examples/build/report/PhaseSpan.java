package dev.bitzel.examples.build.report;

import java.util.Objects;

/**
 * One phase of a build command (parse, graph, signatures, execution, ...) as {@link BuildPhases} timed it.
 *
 * <p>Immutable.
 *
 * @param name the phase's name
 * @param startNanos when it began, on the report's nanosecond clock
 * @param endNanos when it ended, {@code >= startNanos}
 */
public record PhaseSpan(String name, long startNanos, long endNanos) {

    /** Validates the components. */
    public PhaseSpan {
        Objects.requireNonNull(name, "name");
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("phase " + name + " ends (" + endNanos + ") before it starts ("
                    + startNanos + ")");
        }
    }

    /** Returns how long the phase took, in nanoseconds. */
    public long durationNanos() {
        return endNanos - startNanos;
    }
}
