package dev.bitzel.parser.internal.bb;

import java.util.List;

/**
 * What metadata Python reaches in the parse that is running on this thread: BitBake's logging functions, the
 * recipe's task list ({@code bb.build.addtask}/{@code deltask}). Installed by the evaluator around each file and
 * finalization step with {@link BitbakePython#installHooks}; Python run outside a parse (e.g. a value expanded
 * afterwards) sees none and the calls fail naming themselves.
 */
public interface ParseHooks {

    /**
     * A message from {@code bb.note}/{@code debug}/{@code plain}/{@code warn}/{@code error}/{@code fatal}.
     *
     * @param level the function name
     * @param text the message
     */
    void message(String level, String text);

    /**
     * {@code bb.build.addtask(task, before, after, d)}.
     *
     * @param task the task, {@code do_} prefixed
     * @param before the tasks that depend on it
     * @param after the tasks it depends on
     */
    void addTask(String task, List<String> before, List<String> after);

    /**
     * {@code bb.build.deltask(task, d)}.
     *
     * @param task the task, {@code do_} prefixed
     */
    void delTask(String task);

    /** The recipe's tasks ({@code __BBTASKS}) in order, for {@code RecipeTaskPreProcess.tasklist}. */
    List<String> tasks();

    /**
     * A task's {@code [deps]} list (BitBake keeps it as a list in the flag).
     *
     * @param task the task
     * @return its dependencies, or null when it has none recorded
     */
    List<String> taskDeps(String task);

    /**
     * {@code d.setVar('__BBTASKS', tasks)}: replaces the task list.
     *
     * @param tasks the tasks, {@code do_} prefixed, in order
     */
    void setTasks(List<String> tasks);

    /**
     * {@code d.setVarFlag(task, 'deps', value)}: replaces a task's {@code [deps]} list.
     *
     * @param task the task
     * @param deps its new dependencies, or null to leave it none recorded ({@code None})
     */
    void setTaskDeps(String task, List<String> deps);

    /** The event handlers added so far ({@code __BBHANDLERS}), in order. */
    List<String> handlers();

    /**
     * {@code bb.parse.mark_dependency(d, file)}: the parse depends on a file Python read (the parse cache
     * re-parses the recipe when it changes).
     *
     * @param file the file's path
     */
    void dependency(String file);
}
