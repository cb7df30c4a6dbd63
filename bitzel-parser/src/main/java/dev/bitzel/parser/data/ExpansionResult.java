package dev.bitzel.parser.data;

import java.util.Set;

/**
 * The outcome of expanding a text: its value and the names it referred to (BitBake's {@code VariableParse}).
 *
 * @param value the expanded text, {@code null} when the input was {@code null}
 * @param references variables referred to by {@code ${VAR}} or, as reported by the {@link PythonEvaluator}, by
 *     inline Python; unmodifiable, in first-reference order
 * @param execs functions inline Python calls, as reported by the {@link PythonEvaluator}; unmodifiable
 */
public record ExpansionResult(String value, Set<String> references, Set<String> execs) {

    /** Copies the sets. */
    public ExpansionResult {
        references = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(references));
        execs = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(execs));
    }
}
