package dev.bitzel.query;

import java.util.Objects;

/**
 * One member of a query result: a recipe, a task or a build file.
 *
 * <p>Immutable and thread-safe. Two targets are equal when they have the same type, node number and label.
 *
 * @param type what it is
 * @param node its number: the node number in {@link dev.bitzel.graph.RecipeGraph} for a recipe, in
 *     {@link dev.bitzel.graph.TaskGraph} for a task, the index of the file in its universe for a file
 * @param label how queries and outputs name it: {@code busybox}, {@code busybox:do_compile}, or the file's path
 */
public record Target(Type type, int node, String label) {

    /** The kinds of target. */
    public enum Type {
        /** A recipe of the recipe graph. */
        RECIPE,
        /** A task of the task graph. */
        TASK,
        /** A file a recipe was built from ({@code .bb}, {@code .bbappend}, {@code .inc}, {@code .bbclass}). */
        FILE
    }

    /** Validates the components. */
    public Target {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        if (node < 0) {
            throw new IllegalArgumentException("node must be >= 0, was " + node);
        }
    }

    /** Returns the label. */
    @Override
    public String toString() {
        return label;
    }
}
