package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.List;

/**
 * {@code addtask NAME [before ...] [after ...]}, as BitBake 2.8.1's {@code __addtask_regexp__} reads it.
 *
 * <p>The regex takes one task name; anything after it that is not {@code before}/{@code after} is ignored
 * (BitBake warns "addtask ignored"). The {@code before} text runs to the <em>last</em> {@code after} in the
 * line, even inside a word, and vice versa; with repeated keywords the last one wins. The lists are the
 * captured texts split at whitespace, unexpanded ({@code bb.build.addtask} does not expand them either).
 *
 * @param range where it lies
 * @param text its exact text
 * @param tasks the task name, a single element in 2.8.1
 * @param after the {@code after} list, possibly empty
 * @param before the {@code before} list, possibly empty
 */
public record AddTaskStatement(SourceRange range, String text, List<String> tasks, List<String> after,
                               List<String> before) implements Statement {

    /** Validates and copies the components. */
    public AddTaskStatement {
        Checks.node(range, text);
        tasks = List.copyOf(tasks);
        after = List.copyOf(after);
        before = List.copyOf(before);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must not be empty");
        }
    }
}
