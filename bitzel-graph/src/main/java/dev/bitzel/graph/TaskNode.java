package dev.bitzel.graph;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the task graph knows of one task: its name and its flags ({@code noexec}, {@code nostamp},
 * {@code dirs}, {@code network}, {@code filename}, {@code lineno}, …) as BitBake holds them after parsing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the task, {@code recipe:do_task}
 * @param flags the task function's flags, expanded
 */
public record TaskNode(TaskId id, Map<String, String> flags) {

    /** Validates and copies the components. */
    public TaskNode {
        Objects.requireNonNull(id, "id");
        flags = Map.copyOf(flags);
    }

    /** One flag's value, empty when unset. */
    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(Objects.requireNonNull(name, "name")));
    }

    /** Whether a flag is set to a true value as BitBake reads it ({@code bb.utils.to_boolean}-like: non-empty, not {@code 0}). */
    public boolean isSet(String name) {
        String value = flags.get(Objects.requireNonNull(name, "name"));
        return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false")
                && !value.equalsIgnoreCase("no") && !value.equalsIgnoreCase("n") && !value.equalsIgnoreCase("f")
                && !value.equalsIgnoreCase("off");
    }
}
