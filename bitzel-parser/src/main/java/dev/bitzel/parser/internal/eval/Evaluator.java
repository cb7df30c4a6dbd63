package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.ObjectValues;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.data.UncheckedExpansionException;
import dev.bitzel.parser.internal.bb.SkipRecipeSignal;
import dev.bitzel.parser.internal.data.PyStrings;
import dev.bitzel.parser.syntax.AddHandlerStatement;
import dev.bitzel.parser.syntax.AddPylibStatement;
import dev.bitzel.parser.syntax.AddTaskStatement;
import dev.bitzel.parser.syntax.Assignment;
import dev.bitzel.parser.syntax.DelTaskStatement;
import dev.bitzel.parser.syntax.Dialect;
import dev.bitzel.parser.syntax.ExportFunctionsStatement;
import dev.bitzel.parser.syntax.ExportStatement;
import dev.bitzel.parser.syntax.FunctionStatement;
import dev.bitzel.parser.syntax.IncludeKind;
import dev.bitzel.parser.syntax.IncludeStatement;
import dev.bitzel.parser.syntax.InheritStatement;
import dev.bitzel.parser.syntax.Node;
import dev.bitzel.parser.syntax.PythonDefStatement;
import dev.bitzel.parser.syntax.Statement;
import dev.bitzel.parser.syntax.SyntaxTree;
import dev.bitzel.parser.syntax.UnsetStatement;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates metadata files into a {@link ParseState} with BitBake 2.8's semantics: a port of
 * {@code bb.parse.handle}, {@code BBHandler.handle/inherit}, {@code ConfHandler.handle/include} and the
 * {@code eval} methods of {@code bb/parse/ast.py}. Thread-safe when each thread evaluates its own state.
 */
final class Evaluator {
    private static final String EXPORT_SENTINEL = "    # Export function set\n";
    private static final List<String> SETVAR_KEYWORDS = List.of(":append", ":prepend", ":remove");

    /** Python's default recursion limit stops BitBake's include recursion at about this depth. */
    private static final int MAX_FILE_DEPTH = 100;

    private final TreeCache trees;

    Evaluator(TreeCache trees) {
        this.trees = trees;
    }

    /** A datastore operation that may fail to expand. */
    @FunctionalInterface
    interface DataOp<T> {
        T run() throws ExpansionException;
    }

    /**
     * An expansion's failure kind: BitBake's expansion lets a {@code BBHandledException} (from {@code bb.fatal} in
     * inline Python) through, and wraps anything else into an {@code ExpansionError}.
     */
    private static String expansionFailureKind(ExpansionException e) {
        return "BBHandledException".equals(e.exceptionType()) ? MetadataError.FATAL : MetadataError.EXPANSION_ERROR;
    }

    /** Runs {@code op}, turning datastore failures into the BitBake error they are. */
    static <T> T data(String file, int line, DataOp<T> op) {
        try {
            return op.run();
        } catch (ExpansionException e) {
            throw new MetadataError(expansionFailureKind(e), file, line, e.getMessage(), e);
        } catch (UncheckedExpansionException e) {
            throw new MetadataError(expansionFailureKind(e.getCause()), file, line, e.getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            // data_smart's bb.fatal() for the old override syntax and similar misuse of variable names.
            throw new MetadataError(MetadataError.FATAL, file, line, e.getMessage(), e);
        }
    }

    // ---- bb.parse.handle -------------------------------------------------------------------------------

    /**
     * {@code bb.parse.handle(fn, d, include=True)}: includes, requires, inherits and bbappends. A missing file
     * throws {@link NoSuchFileException} for the caller to report as BitBake does.
     */
    void handleIncluded(String fn, ParseState st) throws NoSuchFileException {
        String ext = PathSearch.extension(fn);
        switch (ext) {
            case ".conf" -> handleConf(fn, st, true, false);
            // BBHandler.supports: bbappends are only read through BBHandler.handle by multi_finalize.
            case ".bb", ".bbclass", ".inc" -> handleRecipeFile(fn, st, true);
            default -> throw MetadataError.parseError(fn, 0, "not a BitBake file");
        }
    }

    /**
     * {@code ConfHandler.handle}; {@code baseConfig} is true for the files the cooker reads itself
     * (bblayers.conf, layer.conf, bitbake.conf), the only ones where {@code addpylib} is allowed.
     */
    void handleConf(String fn, ParseState st, boolean include, boolean baseConfig) throws NoSuchFileException {
        DataStore d = st.data;
        String oldFile = include ? data(fn, 0, () -> d.getVar("FILE", false)) : null;
        String absFn = resolveFile(fn, st);
        SyntaxTree tree = load(absFn, Dialect.CONF);
        d.setVar("FILE", absFn);
        evalTree(tree, absFn, st, "", baseConfig);
        if (oldFile != null) {
            d.setVar("FILE", oldFile);
        }
    }

    /**
     * {@code BBHandler.handle} for classes, includes and appends ({@code include = true}) and for the recipe
     * itself ({@code include = false}, without the finalization that {@link RecipeParser} does).
     *
     * <p>{@code bb.parse.SkipRecipe} raised while the file's statements are evaluated (by inline Python in an
     * immediate assignment, say) ends that file's evaluation and sets {@code __SKIPPED} to True, as BitBake's
     * handler does; parsing goes on in the file that included this one.
     *
     * @return whether the recipe itself ({@code include = false}) was skipped that way: BitBake then returns its
     *     datastore unfinalized
     */
    boolean handleRecipeFile(String fn, ParseState st, boolean include) throws NoSuchFileException {
        DataStore d = st.data;
        String ext = PathSearch.extension(fn);
        String base = PathSearch.basename(fn);
        String className = "";
        if (ext.equals(".bbclass")) {
            className = base.substring(0, base.length() - ext.length());
            if (!st.inheritCache.contains(fn)) {
                recordInherit(st, fn);
            }
        }
        String oldFile = include ? data(fn, 0, () -> d.getVar("FILE", false)) : null;
        String absFn = resolveFile(fn, st);
        SyntaxTree tree = load(absFn, Dialect.RECIPE);
        boolean isClass = ext.equals(".bbclass");
        if (!isClass && !absFn.equals(oldFile)) {
            d.setVar("FILE", absFn);
        }
        try {
            evalTree(tree, fn, st, className, false);
        } catch (SkipRecipeSignal e) {
            d.setVar("__SKIPPED", SKIPPED_WHILE_PARSING);
            st.skipReason = SKIPPED_WHILE_PARSING;
            if (!include) {
                return true;
            }
        }
        if (!isClass && include && oldFile != null && !absFn.equals(oldFile)) {
            d.setVar("FILE", oldFile);
        }
        return false;
    }

    /** {@code __SKIPPED} after a SkipRecipe while statements were evaluated: BitBake sets True, not the reason. */
    static final String SKIPPED_WHILE_PARSING = "True";

    /** {@code bb.parse.resolve_file}: finds a relative name along BBPATH, recording every candidate. */
    String resolveFile(String fn, ParseState st) throws NoSuchFileException {
        String file = fn;
        if (!file.startsWith("/")) {
            String bbpath = data(fn, 0, () -> st.data.getVar("BBPATH"));
            PathSearch.Result found = PathSearch.which(bbpath, file);
            st.dependAll(found.attempts());
            if (found.found() == null) {
                throw new NoSuchFileException(fn, null, "file " + fn + " not found in " + bbpath);
            }
            file = found.found();
        } else {
            st.depend(file);
        }
        if (!PathSearch.isFile(file)) {
            throw new NoSuchFileException(file, null, "file " + file + " not found");
        }
        return file;
    }

    private SyntaxTree load(String absFn, Dialect dialect) throws NoSuchFileException {
        SyntaxTree tree;
        try {
            tree = trees.get(Path.of(absFn), dialect);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw MetadataError.parseError(absFn, 0, "cannot read: " + e);
        }
        for (Diagnostic diagnostic : tree.diagnostics()) {
            if (diagnostic.severity() == Severity.ERROR) {
                // BitBake reads a whole file before evaluating any of it: one syntax error fails the file.
                String kind = diagnostic.message().contains("multiline") ? MetadataError.FATAL
                        : MetadataError.PARSE_ERROR;
                throw new MetadataError(kind, diagnostic.file(), diagnostic.line(), diagnostic.message());
            }
        }
        return tree;
    }

    private void evalTree(SyntaxTree tree, String fn, ParseState st, String className, boolean baseConfig)
            throws NoSuchFileException {
        if (st.fileStack.size() >= MAX_FILE_DEPTH) {
            // BitBake recurses until Python's recursion limit
            throw new MetadataError("RecursionError", fn, 0, "files include each other without end: "
                    + String.join(" -> ", st.fileStack.stream().limit(6).toList()) + " -> ... -> " + fn);
        }
        st.fileStack.addLast(fn);
        try {
            evalStatements(tree, fn, st, className, baseConfig);
        } finally {
            st.fileStack.removeLast();
        }
    }

    private void evalStatements(SyntaxTree tree, String fn, ParseState st, String className, boolean baseConfig)
            throws NoSuchFileException {
        for (Node node : tree.nodes()) {
            if (node instanceof Statement statement) {
                if (statement instanceof AddPylibStatement && !baseConfig) {
                    // ConfHandler.feeder only accepts addpylib in base configuration files.
                    throw MetadataError.parseError(fn, statement.line(), "unparsed line: '"
                            + statement.text().strip() + "'");
                }
                eval(statement, fn, st, className);
            }
        }
    }

    // ---- ast.py ----------------------------------------------------------------------------------------

    private void eval(Statement statement, String fn, ParseState st, String className) throws NoSuchFileException {
        int line = statement.line();
        DataStore d = st.data;
        if (statement instanceof Assignment a) {
            evalAssignment(a, fn, line, d);
        } else if (statement instanceof ExportStatement e) {
            d.setVarFlag(e.name(), "export", "1", new Origin("exported", fn, line));
        } else if (statement instanceof UnsetStatement u) {
            if (u.flag() == null) {
                data(fn, line, () -> {
                    d.delVar(u.name(), new Origin("del", fn, line));
                    return null;
                });
            } else {
                d.delVarFlag(u.name(), u.flag(), new Origin("delFlag", fn, line));
            }
        } else if (statement instanceof IncludeStatement i) {
            if (i.kind() == IncludeKind.INCLUDE_ALL) {
                includeAll(i.path(), fn, line, st);
            } else {
                include(fn, i.path(), line, st, i.kind() == IncludeKind.REQUIRE ? "include required" : null);
            }
        } else if (statement instanceof InheritStatement i) {
            if (i.deferred()) {
                st.deferredInherits.add(new DeferredInherit(i.classes(), fn, line));
            } else {
                inherit(i.classes(), fn, line, st);
            }
        } else if (statement instanceof FunctionStatement f) {
            evalFunction(f, fn, line, st);
        } else if (statement instanceof PythonDefStatement p) {
            evalPythonDef(p, fn, line, d);
        } else if (statement instanceof AddTaskStatement t) {
            addTask(t, fn, line, st);
        } else if (statement instanceof DelTaskStatement t) {
            String tasks = data(fn, line, () -> d.expand(String.join(" ", t.tasks())));
            for (String task : PyStrings.split(tasks)) {
                if (!task.isEmpty()) {
                    delTask(task, st);
                }
            }
        } else if (statement instanceof AddHandlerStatement h) {
            for (String handler : h.handlers()) {
                st.handlers.add(handler);
                d.setVarFlag(handler, "handler", "1", new Origin("addhandler", fn, line));
            }
        } else if (statement instanceof ExportFunctionsStatement e) {
            exportFunctions(e.functions(), className, fn, line, d);
        } else if (statement instanceof AddPylibStatement p) {
            String dir = data(fn, line, () -> d.expand(p.directory()));
            st.pythonLibraries.add(new PythonLibrary(dir, p.namespace()));
            String globalModules = data(fn, line, () -> d.getVar("BB_GLOBAL_PYMODULES"));
            boolean loaded;
            try {
                loaded = d.python().loadLibrary(dir, p.namespace(),
                        globalModules == null || globalModules.isBlank() ? List.of()
                                : PyStrings.split(globalModules));
            } catch (PythonException e) {
                throw MetadataError.parseError(fn, line, "addpylib " + dir + " " + p.namespace()
                        + ": importing the library failed: " + e.getMessage());
            }
            if (!loaded) {
                st.diagnostics.add(new Diagnostic(fn, line, 0, Severity.NOTE, "addpylib " + dir + " "
                        + p.namespace() + ": recorded; this Python evaluator does not load libraries"));
            }
        } else {
            throw new IllegalStateException("statement kind not handled: " + statement.getClass().getName());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The current value as {@code DataNode.eval} formats it into {@code "%s %s"}: {@code getFunc(...) or ""}, so
     * None and a false Python object are empty and any other object is its {@code str()}.
     */
    private static String formatted(DataStore d, String s) {
        if (s == null) {
            return "";
        }
        if (ObjectValues.isObject(s)) {
            ObjectValues.Described o = ObjectValues.describe(s, d.python());
            return o.truth() ? o.text() : "";
        }
        return s;
    }

    /** {@code DataNode.eval}. */
    private void evalAssignment(Assignment a, String fn, int line, DataStore d) {
        String key = a.name();
        String flag = a.flag();
        if (a.exported()) {
            d.setVarFlag(key, "export", "1", new Origin("exported", fn, line));
        }
        String value = a.value();
        String op;
        String result = data(fn, line, () -> switch (a.op()) {
            case DEFAULT -> {
                String now = current(d, key, flag);
                yield now == null ? value : now;
            }
            case IMMEDIATE -> immediate(d, key, flag, value, fn, line);
            case APPEND -> formatted(d, current(d, key, flag)) + " " + value;
            case PREPEND -> value + " " + formatted(d, current(d, key, flag));
            case APPEND_NOSPACE -> formatted(d, current(d, key, flag)) + value;
            case PREPEND_NOSPACE -> value + formatted(d, current(d, key, flag));
            case SET, WEAK_DEFAULT -> value;
        });
        op = switch (a.op()) {
            case DEFAULT -> "set?";
            case IMMEDIATE -> "immediate";
            case APPEND -> "append";
            case PREPEND -> "prepend";
            case APPEND_NOSPACE -> "postdot";
            case PREPEND_NOSPACE -> "predot";
            case SET, WEAK_DEFAULT -> "set";
        };
        String targetFlag = flag != null ? flag : a.op() == dev.bitzel.parser.syntax.AssignOp.WEAK_DEFAULT
                ? "_defaultval" : null;
        // DataNode.eval: loginfo['detail'] is the right-hand side as written, not the value it produces.
        Origin origin = new Origin(op, fn, line, value);
        data(fn, line, () -> {
            if (targetFlag != null) {
                d.setVarFlag(key, targetFlag, result, origin);
            } else {
                d.setVar(key, result, origin, true);
            }
            return null;
        });
    }

    /**
     * An immediate assignment's value; while a configuration is recorded for {@link ConfigCache}, one that reads
     * the clock is recorded too, so that a cached configuration computes it again.
     */
    private static String immediate(DataStore d, String key, String flag, String value, String fn, int line)
            throws ExpansionException {
        if (!(dev.bitzel.parser.internal.python.HostAccess.current() instanceof ConfigRecorder recorder)) {
            return d.createCopy().expand(value, key + "[:=]");
        }
        long before = recorder.clockReads();
        dev.bitzel.parser.data.ExpansionResult result = d.createCopy().expandWithRefs(value, key + "[:=]");
        long reads = recorder.clockReads() - before;
        if (reads > 0) {
            recorder.timedAssignment(new ConfigRecorder.TimedAssignment(key, flag, value, result.value(), fn, line),
                    result.references().isEmpty(), reads);
        }
        return result.value();
    }

    /** {@code DataNode.getFunc}: the current unexpanded value, ignoring weak defaults and overrides. */
    private static String current(DataStore d, String key, String flag) throws ExpansionException {
        return flag != null ? d.getVarFlag(key, flag, false) : d.getVar(key, false, true, true);
    }

    /** {@code MethodNode.eval}. */
    private void evalFunction(FunctionStatement f, String fn, int line, ParseState st) {
        DataStore d = st.data;
        String text = f.body();
        String funcName = f.name();
        boolean python = f.python();
        int bodyLines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        if (funcName.isEmpty() || funcName.equals("__anonymous")) {
            funcName = "__anon_" + line + "_" + translateFileName(fn);
            python = true;
            try {
                d.python().compileAnonymous(funcName, text, fn, f.bodyLine());
            } catch (PythonException e) {
                throw new MetadataError(MetadataError.FATAL, fn, line, e.getMessage());
            }
            st.anonymousFunctions.add(new AnonymousFunction(funcName, text, fn, f.bodyLine()));
            text = "def " + funcName + "(d):\n" + text;
        }
        String name = funcName;
        Origin origin = new Origin("set", fn, line);
        if (data(fn, line, () -> d.getVar(name, false)) != null) {
            d.delVarFlag(name, "python", origin);
            d.delVarFlag(name, "fakeroot", origin);
        }
        if (python) {
            d.setVarFlag(name, "python", "1", origin);
        }
        if (f.fakeroot()) {
            d.setVarFlag(name, "fakeroot", "1", origin);
        }
        d.setVarFlag(name, "func", "1", origin);
        String value = text;
        data(fn, line, () -> {
            d.setVar(name, value, origin, true);
            return null;
        });
        d.setVarFlag(name, "filename", fn, origin);
        d.setVarFlag(name, "lineno", Integer.toString(line - bodyLines), origin);
    }

    /** {@code MethodNode.tr_tbl}. */
    private static String translateFileName(String fn) {
        StringBuilder sb = new StringBuilder(fn.length());
        for (int i = 0; i < fn.length(); i++) {
            char c = fn.charAt(i);
            sb.append("/.+-@%&~".indexOf(c) >= 0 ? '_' : c);
        }
        return sb.toString();
    }

    /** {@code PythonMethodNode.eval}. */
    private void evalPythonDef(PythonDefStatement p, String fn, int line, DataStore d) {
        // methodpool.insert_method first: a block that does not compile or define ends the parse here
        int recordedLine = p.recordedLine();
        try {
            d.python().compileFunction(p.source(), fn, recordedLine);
            d.python().define(p.name(), p.source(), fn, recordedLine);
        } catch (PythonException e) {
            throw new MetadataError(MetadataError.FATAL, fn, line, e.getMessage());
        }
        Origin origin = new Origin("set", fn, line);
        d.setVarFlag(p.name(), "func", "1", origin);
        d.setVarFlag(p.name(), "python", "1", origin);
        data(fn, line, () -> {
            d.setVar(p.name(), p.source(), origin, true);
            return null;
        });
        d.setVarFlag(p.name(), "filename", fn, origin);
        d.setVarFlag(p.name(), "lineno", Integer.toString(recordedLine), origin);
    }

    /** {@code ExportFuncsNode.eval}. */
    private void exportFunctions(List<String> functions, String className, String fn, int line, DataStore d) {
        Origin origin = new Origin("set", fn, line);
        for (String func : functions) {
            String called = className + "_" + func;
            data(fn, line, () -> {
                String base = d.getVar(func, false);
                if (base != null && !base.isEmpty() && !base.contains(EXPORT_SENTINEL)) {
                    return null;
                }
                if (base != null && !base.isEmpty()) {
                    d.delVarFlag(func, "python", origin);
                    d.delVarFlag(func, "func", origin);
                }
                for (String flag : List.of("func", "python")) {
                    String v = d.getVarFlag(called, flag, false);
                    if (v != null && !v.isEmpty()) {
                        d.setVarFlag(func, flag, v, origin);
                    }
                }
                for (String flag : List.of("dirs", "cleandirs", "fakeroot")) {
                    String v = d.getVarFlag(func, flag, false);
                    if (v != null && !v.isEmpty()) {
                        d.setVarFlag(called, flag, v, origin);
                    }
                }
                d.setVarFlag(func, "filename", "autogenerated", origin);
                d.setVarFlag(func, "lineno", "1", origin);
                String python = d.getVarFlag(called, "python", false);
                if (python != null && !python.isEmpty()) {
                    d.setVar(func, EXPORT_SENTINEL + "    bb.build.exec_func('" + called + "', d)\n", origin, true);
                } else {
                    if (className.contains("-")) {
                        throw MetadataError.fatal(fn, line, "The classname " + className + " contains a dash "
                                + "character and is calling an sh function " + called + " using EXPORT_FUNCTIONS. "
                                + "Since a dash is illegal in sh function names, this cannot work, please rename "
                                + "the class or don't use EXPORT_FUNCTIONS.");
                    }
                    d.setVar(func, EXPORT_SENTINEL + "    " + called + "\n", origin, true);
                }
                return null;
            });
        }
    }

    /** {@code bb.build.addtask}, with BBHandler's check of task names. */
    private void addTask(AddTaskStatement t, String fn, int line, ParseState st) {
        for (String word : PyStrings.split(t.text())) {
            for (String keyword : SETVAR_KEYWORDS) {
                if (word.contains(keyword + "_")) {
                    throw MetadataError.parseError(fn, 0, "Task name '" + word + "' contains a keyword which is "
                            + "not recommended/supported.\nPlease rename the task not to include the keyword.\n"
                            + String.join("\n", SETVAR_KEYWORDS));
                }
            }
        }
        for (String name : t.tasks()) {
            String task = name.startsWith("do_") ? name : "do_" + name;
            addTask(st, task, t.before(), t.after(), new Origin("addtask", fn, line));
        }
    }

    /** {@code bb.build.addtask} for a {@code do_}-prefixed task. */
    static void addTask(ParseState st, String task, List<String> before, List<String> after, Origin origin) {
        st.data.setVarFlag(task, "task", "1", origin);
        if (!st.tasks.contains(task)) {
            st.tasks.add(task);
        }
        List<String> existing = st.depsOf(task);
        for (String entry : after) {
            if (!existing.contains(entry)) {
                existing.add(entry);
            }
        }
        for (String entry : before) {
            List<String> deps = st.depsOf(entry);
            if (!deps.contains(task)) {
                deps.add(0, task);
            }
        }
    }

    /** {@code bb.build.deltask}. */
    static void delTask(String name, ParseState st) {
        String task = name.startsWith("do_") ? name : "do_" + name;
        if (st.tasks.remove(task)) {
            st.data.delVarFlag(task, "task", null);
        }
        st.taskDeps.remove(task);
        for (String other : st.tasks) {
            List<String> deps = st.taskDeps.get(other);
            if (deps != null) {
                deps.remove(task);
            }
        }
    }

    // ---- include / inherit -----------------------------------------------------------------------------

    /** {@code ConfHandler.include}: {@code errorOut} is the verb for the error, or null to ignore missing files. */
    void include(String parentFn, String files, int line, ParseState st, String errorOut) {
        DataStore d = st.data;
        String expanded = data(parentFn, line, () -> d.expand(files));
        String parent = data(parentFn, line, () -> d.expand(parentFn));
        for (String fn : PyStrings.split(expanded)) {
            if (!fn.isEmpty()) {
                includeSingleFile(parent, fn, line, st, errorOut);
            }
        }
    }

    private void includeSingleFile(String parentFn, String fn, int line, ParseState st, String errorOut) {
        if (parentFn.equals(fn)) {
            return;
        }
        String file = fn;
        if (!file.startsWith("/")) {
            String bbpath = PathSearch.dirname(parentFn) + ":" + data(parentFn, line, () -> st.data.getVar("BBPATH"));
            PathSearch.Result found = PathSearch.which(bbpath, file);
            st.dependAll(found.attempts());
            if (found.found() != null) {
                file = found.found();
            }
        }
        try {
            handleIncluded(file, st);
        } catch (NoSuchFileException e) {
            if (errorOut != null) {
                throw MetadataError.parseError(parentFn, line, "Could not " + errorOut + " file " + file);
            }
        }
    }

    /** {@code IncludeAllNode.eval}: includes the name relative to every BBPATH entry, ignoring missing ones. */
    private void includeAll(String files, String fn, int line, ParseState st) {
        DataStore d = st.data;
        String expanded = data(fn, line, () -> d.expand(files));
        for (String dir : nz(data(fn, line, () -> d.getVar("BBPATH"))).split(":", -1)) {
            include(fn, PathSearch.join(dir, expanded), line, st, null);
        }
    }

    /** {@code BBHandler.inherit}. */
    void inherit(String classes, String fn, int line, ParseState st) {
        DataStore d = st.data;
        String expanded = data(fn, line, () -> d.expand(classes));
        for (String origFile : PyStrings.split(expanded)) {
            if (origFile.isEmpty()) {
                continue;
            }
            String classType = data(fn, line, () -> d.getVar("__bbclasstype", false));
            String file = origFile;
            for (String dir : Arrays.asList("classes-" + classType, "classes")) {
                file = origFile;
                if (!file.startsWith("/") && !file.endsWith(".bbclass")) {
                    file = dir + "/" + file + ".bbclass";
                }
                if (!file.startsWith("/")) {
                    PathSearch.Result found = PathSearch.which(data(fn, line, () -> d.getVar("BBPATH")), file);
                    for (String attempt : found.attempts()) {
                        if (!attempt.equals(found.found())) {
                            st.depend(attempt);
                        }
                    }
                    if (found.found() != null) {
                        file = found.found();
                    }
                }
                if (PathSearch.exists(file)) {
                    break;
                }
            }
            if (!PathSearch.exists(file)) {
                throw MetadataError.parseError(fn, line, "Could not inherit file " + file);
            }
            if (!st.inheritCache.contains(file)) {
                recordInherit(st, file);
                try {
                    handleIncluded(file, st);
                } catch (NoSuchFileException e) {
                    throw MetadataError.parseError(fn, line, "Could not inherit file " + fn + ": " + e.getMessage());
                }
            }
        }
    }

    /** Adds a class file to {@code __inherit_cache}, kept in the datastore too for bb.data.inherits_class. */
    private static void recordInherit(ParseState st, String file) {
        st.inheritCache.add(file);
        st.data.setVar("__inherit_cache", String.join(" ", st.inheritCache));
    }

    /** The class names of the inherit cache, as {@code bb.data.inherits_class} sees them. */
    static List<String> classNames(List<String> inheritCache) {
        List<String> names = new ArrayList<>(inheritCache.size());
        for (String file : inheritCache) {
            String base = PathSearch.basename(file);
            names.add(base.endsWith(".bbclass") ? base.substring(0, base.length() - ".bbclass".length()) : base);
        }
        return names;
    }
}
