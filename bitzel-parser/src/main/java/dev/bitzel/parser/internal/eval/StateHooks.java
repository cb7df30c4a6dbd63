package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.internal.bb.BitbakePython;
import dev.bitzel.parser.internal.bb.ParseHooks;
import java.util.List;

/** The {@link ParseHooks} of one {@link ParseState}: Python's messages become its diagnostics, tasks its tasks. */
final class StateHooks implements ParseHooks {
    private final ParseState st;
    private final String fn;
    private final ParseHooks before;

    private StateHooks(ParseState st, String fn) {
        this.st = st;
        this.fn = fn;
        this.before = BitbakePython.installHooks(this);
    }

    /** Installs hooks for {@code st} on this thread until {@link #close()}. */
    static StateHooks install(ParseState st, String fn) {
        return new StateHooks(st, fn);
    }

    /** Restores the hooks installed before. */
    void close() {
        BitbakePython.installHooks(before);
    }

    @Override
    public void message(String level, String text) {
        Severity severity = switch (level) {
            case "error", "fatal" -> Severity.ERROR;
            case "warn" -> Severity.WARNING;
            case "debug" -> null;
            default -> Severity.NOTE;
        };
        if (severity != null) {
            String file = st.fileStack.isEmpty() ? fn : st.fileStack.peekLast();
            st.diagnostics.add(new Diagnostic(file, 0, 0, severity, text));
        }
    }

    @Override
    public void addTask(String task, List<String> before, List<String> after) {
        Evaluator.addTask(st, task, before, after, null);
    }

    @Override
    public void delTask(String task) {
        Evaluator.delTask(task, st);
    }

    @Override
    public void dependency(String file) {
        st.depend(file);
    }

    @Override
    public List<String> taskDeps(String task) {
        List<String> deps = st.taskDeps.get(task);
        return deps == null ? null : List.copyOf(deps);
    }

    @Override
    public void setTasks(List<String> tasks) {
        st.tasks.clear();
        st.tasks.addAll(tasks);
    }

    @Override
    public void setTaskDeps(String task, List<String> deps) {
        if (deps == null) {
            st.taskDeps.remove(task);
        } else {
            st.taskDeps.put(task, new java.util.ArrayList<>(deps));
        }
    }

    @Override
    public List<String> handlers() {
        return List.copyOf(st.handlers);
    }

    @Override
    public List<String> tasks() {
        return List.copyOf(st.tasks);
    }
}
