package dev.bitzel.graph;

import java.util.Objects;

/**
 * The name of one task of one recipe, written {@code recipe:do_task} as BitBake and {@code bitzel query} do.
 *
 * <p>Immutable and thread-safe. The task name always carries its {@code do_} prefix.
 *
 * @param recipe the recipe (provider) name, for example {@code busybox} or {@code zlib-native}
 * @param task the task name with its {@code do_} prefix, for example {@code do_compile}
 */
public record TaskId(String recipe, String task) implements Comparable<TaskId> {

    /** Validates the components. */
    public TaskId {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(task, "task");
        if (recipe.isEmpty() || recipe.contains(":") || recipe.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("recipe must be a non-empty name without ':' or spaces, was '"
                    + recipe + "'");
        }
        if (!task.startsWith("do_") || task.length() == 3 || task.contains(":")
                || task.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("task must look like do_NAME, was '" + task + "'");
        }
    }

    /**
     * Parses {@code recipe:task}; a task given without its {@code do_} prefix gets it, as with
     * {@code bitbake -c compile}.
     *
     * @throws IllegalArgumentException if {@code text} is not of that form
     */
    public static TaskId parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected RECIPE:TASK (e.g. busybox:do_compile), was '" + text + "'");
        }
        String task = text.substring(colon + 1);
        return new TaskId(text.substring(0, colon), task.startsWith("do_") ? task : "do_" + task);
    }

    /** Orders by recipe, then task name. */
    @Override
    public int compareTo(TaskId other) {
        int byRecipe = recipe.compareTo(other.recipe);
        return byRecipe != 0 ? byRecipe : task.compareTo(other.task);
    }

    /** Returns {@code recipe:task}. */
    @Override
    public String toString() {
        return recipe + ":" + task;
    }
}
