package dev.bitzel.graph;

import java.util.List;

/**
 * The metadata does not give a task graph: a name nothing provides, a task that does not exist, a dependency
 * cycle. The message is BitBake's where BitBake has one; {@link #problems()} lists every problem found.
 */
public final class GraphException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Every problem found, first the one that stopped the computation. */
    private final List<String> problems;

    /** Creates the exception from the problems found (at least one). */
    public GraphException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<String> problems() {
        return problems;
    }
}
