package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.data.DataStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything BitBake keeps in a recipe's datastore while parsing: the variables themselves, and the Python
 * objects it stores beside them ({@code __BBTASKS}, task {@code [deps]} lists, {@code __inherit_cache},
 * {@code __BBANONFUNCS}, {@code __BBDEFINHERITS}, {@code __BBHANDLERS}, {@code __depends}), kept here as Java
 * collections. Copies are independent, as BitBake's copies of those lists are.
 */
final class ParseState {
    final DataStore data;
    final List<String> tasks;
    final Map<String, List<String>> taskDeps;
    final List<String> inheritCache;
    final List<AnonymousFunction> anonymousFunctions;
    final List<DeferredInherit> deferredInherits;
    final List<String> handlers;
    final Set<String> dependencies;
    /**
     * Every file read or probed by this state and by all copies made from it, for cache invalidation; shared by
     * reference between copies (unlike {@link #dependencies}, which is BitBake's per-datastore {@code __depends}).
     */
    Set<String> touched;
    final List<Diagnostic> diagnostics;
    final List<PythonLibrary> pythonLibraries;
    String skipReason;
    /** The files being evaluated, outermost first: guards against includes that never end. */
    final java.util.ArrayDeque<String> fileStack = new java.util.ArrayDeque<>();

    ParseState(DataStore data) {
        this.data = data;
        this.tasks = new ArrayList<>();
        this.taskDeps = new LinkedHashMap<>();
        this.inheritCache = new ArrayList<>();
        this.anonymousFunctions = new ArrayList<>();
        this.deferredInherits = new ArrayList<>();
        this.handlers = new ArrayList<>();
        this.dependencies = new LinkedHashSet<>();
        this.touched = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        this.diagnostics = new ArrayList<>();
        this.pythonLibraries = new ArrayList<>();
    }

    private ParseState(ParseState from) {
        this.data = from.data.createCopy();
        this.tasks = new ArrayList<>(from.tasks);
        this.taskDeps = new LinkedHashMap<>();
        from.taskDeps.forEach((task, deps) -> taskDeps.put(task, new ArrayList<>(deps)));
        this.inheritCache = new ArrayList<>(from.inheritCache);
        this.anonymousFunctions = new ArrayList<>(from.anonymousFunctions);
        this.deferredInherits = new ArrayList<>(from.deferredInherits);
        this.handlers = new ArrayList<>(from.handlers);
        this.dependencies = new LinkedHashSet<>(from.dependencies);
        this.touched = from.touched;
        this.diagnostics = new ArrayList<>(from.diagnostics);
        this.pythonLibraries = new ArrayList<>(from.pythonLibraries);
        this.skipReason = from.skipReason;
    }

    ParseState copy() {
        return new ParseState(this);
    }

    /** Records files read or probed, in {@link #dependencies} and {@link #touched}. */
    void depend(String file) {
        dependencies.add(file);
        touched.add(file);
    }

    void dependAll(java.util.Collection<String> files) {
        dependencies.addAll(files);
        touched.addAll(files);
    }

    List<String> depsOf(String task) {
        return taskDeps.computeIfAbsent(task, t -> new ArrayList<>());
    }
}
