package dev.bitzel.parser.internal.bb;

import dev.bitzel.parser.Versions;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.ObjectValues;
import dev.bitzel.parser.data.OldOverrideSyntaxException;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.data.TaskServices;
import dev.bitzel.parser.data.UncheckedExpansionException;
import dev.bitzel.parser.internal.data.PyStrings;
import dev.bitzel.parser.internal.python.Code;
import dev.bitzel.parser.internal.python.EnvironmentChanges;
import dev.bitzel.parser.internal.python.Exceptions;
import dev.bitzel.parser.internal.python.HostAccess;
import dev.bitzel.parser.internal.python.NativeObject;
import dev.bitzel.parser.internal.python.Ops;
import dev.bitzel.parser.internal.python.PyCodec;
import dev.bitzel.parser.internal.python.PyDict;
import dev.bitzel.parser.internal.python.PyList;
import dev.bitzel.parser.internal.python.PyModule;
import dev.bitzel.parser.internal.python.PyNone;
import dev.bitzel.parser.internal.python.PyTuple;
import dev.bitzel.parser.internal.python.PyType;
import dev.bitzel.parser.internal.python.PythonError;
import dev.bitzel.parser.internal.python.PythonRuntime;
import dev.bitzel.parser.internal.python.PythonSyntaxError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link PythonEvaluator} that runs metadata's Python on the built-in interpreter, with BitBake's {@code d}
 * and the {@code bb} API that parsing poky reaches: {@code bb.utils} (contains, contains_any, filter, to_boolean,
 * vercmp_string(_op), explode_deps, explode_dep_versions(2), join_deps, which, mkdirhier), {@code bb.data}
 * (inherits_class, createCopy, expand), {@code bb.build} (addtask, deltask, tasksbetween), {@code bb.fetch2}
 * (decodeurl, encodeurl, URI, local-only Fetch, the exceptions), {@code bb.parse} (SkipRecipe, vars_from_file),
 * {@code bb.event} (the parse-time events), {@code bb.process.run} (git queries only), the logging functions, and
 * layers' libraries loaded by {@code addpylib} with their {@code BBIMPORTS}. Anything else a layer calls raises a
 * Python exception naming it ({@code NotImplementedError: bitzel: bb.x.y is not supported}), which fails the
 * recipe with a located error — never a silently wrong value.
 *
 * <p>Metadata Python shares one global context, as BitBake's {@code bb.utils._context}: {@code def} functions,
 * libraries and {@code BB_GLOBAL_PYMODULES}; inline expressions get a scope of their own holding {@code d} on top
 * of it. Code is compiled once per source text and shared by all recipes.
 *
 * <p>Thread-safe: one instance serves all recipes parsed in parallel; definitions and library loading take a
 * write lock, evaluations a read lock on the shared context.
 */
public final class BitbakePython implements PythonEvaluator {
    private final PythonRuntime runtime = PythonRuntime.builder().build();
    /** The source of each {@code def} function defined, by name, as BitBake's method pool holds them. */
    private final Map<String, String> defSources = new ConcurrentHashMap<>();
    /**
     * {@code bb.utils._context}: the global scope of all metadata Python ({@code bb}, {@code os}, {@code time},
     * {@code BB_GLOBAL_PYMODULES}, {@code addpylib} namespaces, {@code def} functions). Written only under the
     * write lock (definitions, library loading), read by evaluations under the read lock.
     */
    private final PyDict shared;
    /** The names {@link #shared} binds before any configuration is evaluated. */
    private final Set<String> bareNames;
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** Function bodies (by identity) to their header and whole source: see {@link #functionSource}. */
    private final com.google.common.cache.Cache<String, String[]> functionSources =
            com.google.common.cache.CacheBuilder.newBuilder().weakKeys().build();

    /** The parse running on each thread, for {@code bb.build.addtask} and the logging functions. */
    private static final ThreadLocal<ParseHooks> HOOKS = new ThreadLocal<>();
    /** {@code bb.data_smart.ExpansionError}: what a {@code d} read that fails to expand raises. */
    static final PyType EXPANSION_ERROR = Exceptions.subclass("ExpansionError", "bb.data_smart",
            Exceptions.EXCEPTION);
    private static final System.Logger LOG = System.getLogger(BitbakePython.class.getName());
    /** The services of the task whose Python runs on each thread, at build time. */
    private static final ThreadLocal<TaskServices> TASK = new ThreadLocal<>();

    /**
     * Installs the hooks of the parse running on this thread (null to remove them).
     *
     * @return the hooks installed before, to restore afterwards
     */
    public static ParseHooks installHooks(ParseHooks hooks) {
        ParseHooks before = HOOKS.get();
        if (hooks == null) {
            HOOKS.remove();
        } else {
            HOOKS.set(hooks);
        }
        return before;
    }

    private static ParseHooks hooks(String api) {
        ParseHooks h = HOOKS.get();
        if (h == null) {
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: " + api + " called outside parsing");
        }
        return h;
    }

    /** Creates an evaluator with the {@code bb} API registered. */
    public BitbakePython() {
        PyModule utils = module("bb.utils", BbSources.UTILS)
                .def("contains", (a, kw) -> contains(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "truevalue"), arg(a, kw, 3, "falsevalue"), arg(a, kw, 4, "d"), false))
                .def("contains_any", (a, kw) -> contains(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "truevalue"), arg(a, kw, 3, "falsevalue"), arg(a, kw, 4, "d"), true))
                .def("filter", (a, kw) -> filter(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "d")))
                .def("to_boolean", (a, kw) -> toBoolean(arg(a, kw, 0, "string"),
                        optional(a, kw, 1, "default", PyNone.NONE)))
                .def("vercmp_string", (a, kw) -> (long) Versions.compare(Ops.str(a[0]), Ops.str(a[1])))
                .def("vercmp", (a, kw) -> vercmp(arg(a, kw, 0, "ta"), arg(a, kw, 1, "tb")))
                .def("prune_suffix", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    for (Object suffix : Ops.toList(arg(a, kw, 1, "suffixes"))) {
                        String s = Ops.str(suffix);
                        if (!s.isEmpty() && var.endsWith(s)) {
                            return var.substring(0, var.length() - s.length());
                        }
                    }
                    return var;
                })
                .def("vercmp_string_op", (a, kw) -> {
                    try {
                        return Versions.matches(Ops.str(a[0]), Ops.str(a[2]), Ops.str(a[1]));
                    } catch (IllegalArgumentException e) {
                        throw PythonError.of(Exceptions.VALUE_ERROR, e.getMessage());
                    }
                })
                .def("explode_deps", (a, kw) -> new PyList(new ArrayList<>(Versions.explodeDeps(Ops.str(a[0])))))
                .def("_explode_dep_versions2", (a, kw) -> {
                    try {
                        return PythonRuntime.toPython(Versions.explodeDepVersions(Ops.str(a[0]), Ops.isTrue(a[1])));
                    } catch (IllegalArgumentException e) {
                        throw PythonError.of(Exceptions.VALUE_ERROR, e.getMessage());
                    }
                })
                .def("which", (a, kw) -> which(arg(a, kw, 0, "path"), arg(a, kw, 1, "item"),
                        optional(a, kw, 2, "direction", 0L), optional(a, kw, 3, "history", Boolean.FALSE),
                        optional(a, kw, 4, "executable", Boolean.FALSE)));
        utils.markStub();
        PyModule parse = module("bb.parse", BbSources.PARSE)
                .def("vars_from_file", (a, kw) -> varsFromFile(a.length > 0 ? a[0] : PyNone.NONE))
                .def("_mark_dependency", (a, kw) -> {
                    ParseHooks h = HOOKS.get();
                    if (h != null) {
                        h.dependency(Ops.str(a[0]));
                    }
                    return PyNone.NONE;
                });
        parse.markStub();
        PyModule bb = module("bb", BbSources.BB)
                .def("_message", (a, kw) -> {
                    message(Ops.str(a[0]), Ops.str(a[1]));
                    return PyNone.NONE;
                });
        bb.markStub();
        PyModule event = module("bb.event", BbSources.EVENT).markStub();
        PyModule process = module("bb.process", "")
                .def("_run", (a, kw) -> ParseTimeProcess.run(a[0], a[1], a[2]));
        runtime.exec(process, BbSources.PROCESS, "<bitzel>/bb/process.py");
        PyModule data = module("bb.data", "").def("inherits_class", (a, kw) -> inheritsClass(
                Ops.str(arg(a, kw, 0, "klass")), arg(a, kw, 1, "d")));
        runtime.exec(data, BbSources.DATA, "<bitzel>/bb/data.py");
        data.markStub();
        PyModule build = module("bb.build", "")
                .def("_addtask", (a, kw) -> {
                    hooks("bb.build.addtask").addTask(Ops.str(a[0]), strings(a[1]), strings(a[2]));
                    return PyNone.NONE;
                })
                .def("_deltask", (a, kw) -> {
                    hooks("bb.build.deltask").delTask(Ops.str(a[0]));
                    return PyNone.NONE;
                })
                .def("_exec_func", (a, kw) -> {
                    String func = Ops.str(a[0]);
                    TaskServices task = task("bb.build.exec_func('" + func + "')");
                    return failure(() -> task.execFunction(func, store(a[1])));
                });
        runtime.exec(build, BbSources.BUILD, "<bitzel>/bb/build.py");
        build.markStub();
        PyModule fetch = module("bb.fetch2", "")
                .def("_in_task", (a, kw) -> TASK.get() != null)
                .def("_localpath", (a, kw) -> {
                    TaskServices.SourceUrl url = sourceUrl(a[0], a[1]);
                    TaskServices task = task("bb.fetch2 for '" + url.redacted() + "'");
                    try {
                        return task.localPath(url, store(a[2]));
                    } catch (IOException e) {
                        throw PythonError.of(Exceptions.VALUE_ERROR, e.getMessage());
                    }
                })
                .def("_download", (a, kw) -> {
                    TaskServices.SourceUrl url = sourceUrl(a[0], a[1]);
                    TaskServices task = task("bb.fetch2.Fetch.download of '" + url.redacted() + "'");
                    return failure(() -> task.download(url, Ops.str(a[2]), sourceUrls(a[3]), sourceUrls(a[4]),
                            store(a[5])));
                })
                .def("_unpack", (a, kw) -> {
                    TaskServices.SourceUrl url = sourceUrl(a[0], a[1]);
                    TaskServices task = task("bb.fetch2.Fetch.unpack of '" + url.redacted() + "'");
                    return failure(() -> task.unpack(url, Ops.str(a[2]), Ops.str(a[3]), store(a[4])));
                });
        runtime.exec(fetch, BbSources.FETCH, "<bitzel>/bb/fetch2/__init__.py");
        fetch.markStub();
        PyModule compress = runtime.newModule("bb.compress").markStub();
        PyModule zstd = runtime.newModule("bb.compress.zstd").markStub();
        compress.set("zstd", zstd);
        PyModule dataSmart = runtime.newModule("bb.data_smart").set("ExpansionError", EXPANSION_ERROR).markStub();
        bb.set("utils", utils).set("parse", parse).set("event", event).set("process", process).set("data", data)
                .set("data_smart", dataSmart).set("build", build).set("fetch2", fetch).set("fetch", fetch)
                .set("compress", compress);
        for (PyModule m : List.of(bb, utils, parse, event, process, data, dataSmart, build, fetch, compress, zstd)) {
            runtime.registerModule(m);
        }
        runtime.registerModule("bb.fetch", fetch);
        for (String stub : List.of("siggen", "runqueue", "multiprocessing", "methodpool", "progress", "cooker",
                "cache", "providers", "taskdata", "persist_data", "msg", "tinfoil", "server")) {
            PyModule m = runtime.newModule("bb." + stub).markStub();
            bb.set(stub, m);
            runtime.registerModule(m);
        }
        // BitBake's configuration reads the build host's identity (bitbake.conf: BUILD_ARCH := os.uname()[4]).
        PyModule os = runtime.importModule("os");
        os.def("uname", (a, kw) -> hostUname());
        // insane.bbclass: HOST_USER_UID := os.getuid(); the ids of the parsing process, as BitBake's
        os.def("getuid", (a, kw) -> processId("Uid:", 0));
        os.def("geteuid", (a, kw) -> processId("Uid:", 1));
        os.def("getgid", (a, kw) -> processId("Gid:", 0));
        os.def("getegid", (a, kw) -> processId("Gid:", 1));
        os.def("getpid", (a, kw) -> {
            HostAccess.hostFact("os.getpid", Long.toString(ProcessHandle.current().pid()));
            return ProcessHandle.current().pid();
        });
        // oe.utils.cpu_count: the CPUs this process may run on
        os.def("sched_getaffinity", (a, kw) -> {
            java.util.Set<Long> cpus = new java.util.LinkedHashSet<>();
            for (long i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                cpus.add(i);
            }
            HostAccess.hostFact("os.sched_getaffinity", Integer.toString(cpus.size()));
            return PythonRuntime.toPython(cpus);
        });
        // base.bbclass's ConfigParsed handler links the host tools into ${HOSTTOOLS_DIR}, as under BitBake
        HostFiles.register(os, utils);
        HostFiles.registerGlob(runtime.importModule("glob"));
        // bb.build adds bb and os to the builtins of every namespace (layers' modules use bb unimported)
        runtime.setBuiltin("bb", bb);
        runtime.setBuiltin("os", runtime.importModule("os"));
        shared = runtime.newGlobals("__main__");
        shared.put("bb", bb);
        shared.put("os", runtime.importModule("os"));
        shared.put("time", runtime.importModule("time"));
        bareNames = Set.copyOf(shared.keys().stream().map(Object::toString).toList());
    }

    /** A module of the {@code bb} package: a fresh namespace with the given Python source run in it. */
    private PyModule module(String name, String source) {
        PyModule m = runtime.newModule(name);
        if (!source.isEmpty()) {
            runtime.exec(m, source, "<bitzel>/" + name.replace('.', '/') + ".py");
        }
        return m;
    }

    private static void message(String level, String text) {
        ParseHooks h = HOOKS.get();
        TaskServices task = TASK.get();
        if (task != null) {
            task.message(level, text);
        } else if (h != null) {
            h.message(level, text);
        } else {
            LOG.log(switch (level) {
                case "error", "fatal" -> System.Logger.Level.ERROR;
                case "warn" -> System.Logger.Level.WARNING;
                case "debug" -> System.Logger.Level.DEBUG;
                default -> System.Logger.Level.INFO;
            }, "bb.{0}: {1}", level, text);
        }
    }

    @Override
    public boolean runsFunctions() {
        return true;
    }

    @Override
    public boolean loadLibrary(String directory, String namespace, List<String> globalModules)
            throws PythonException {
        lock.writeLock().lock();
        try {
            for (String m : globalModules) {
                if (shared.get(m) == null) {
                    shared.put(m, topLevel(runtime.importModule(m)));
                }
            }
            runtime.addModulePath(java.nio.file.Path.of(directory));
            PyModule pkg = runtime.importModule(namespace);
            shared.put(namespace, pkg);
            Object toImport = pkg.dict().get("BBIMPORTS");
            if (toImport != null) {
                for (Object sub : Ops.toList(toImport)) {
                    runtime.importModule(namespace + "." + Ops.str(sub));
                }
            }
            return true;
        } catch (PythonSyntaxError e) {
            throw new PythonException("import " + namespace, "SyntaxError", e.getMessage());
        } catch (PythonError e) {
            throw new PythonException("import " + namespace, e.typeName(), e.format());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** What {@code __import__("a.b")} binds: the top-level package. */
    private PyModule topLevel(PyModule m) {
        int dot = m.name().indexOf('.');
        return dot < 0 ? m : runtime.importModule(m.name().substring(0, dot));
    }

    /**
     * Whether an inline expression reads none of {@code boundLater}, the names that evaluating a configuration
     * binds in the shared context ({@link #contextNames()}: its {@code def} functions, libraries, global modules).
     * Every other name it reads means the same before and after (a builtin, {@code bb}, {@code os}, {@code time},
     * {@code d}, or a variable read through BitBake's DataContext), so it gives the same result whether or not the
     * configuration's Python context has been built.
     *
     * @param code the code inside the expression, as {@link #evaluateExpression} takes it
     * @param boundLater the names the configuration binds in the shared context
     * @return whether the code needs nothing of the configuration's context
     */
    public boolean needsNoContext(String code, java.util.function.Predicate<String> boundLater) {
        Code compiled;
        try {
            compiled = runtime.compile(code.strip(), "<expansion>", 1, PythonRuntime.Mode.EVAL);
        } catch (PythonSyntaxError e) {
            return false;
        }
        for (String name : compiled.globalNames()) {
            if (boundLater.test(name)) {
                return false;
            }
        }
        return true;
    }

    /** The names bound in the shared context now beyond those a new evaluator binds. */
    public Set<String> contextNames() {
        lock.readLock().lock();
        try {
            Set<String> names = new java.util.TreeSet<>();
            for (Object k : shared.keys()) {
                if (!bareNames.contains(k.toString())) {
                    names.add(k.toString());
                }
            }
            return names;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String evaluateExpression(String code, DataStore d, String varname) throws PythonException {
        lock.readLock().lock();
        try {
            // compiled once per text: the variable's name is not part of the key (BitBake's compile cache is too)
            Code compiled = runtime.compile(code.strip(), "<expansion>", 1, PythonRuntime.Mode.EVAL);
            // better_eval: a copy of the context plus d; here a scope holding d that reads the rest from it
            PyDict g = runtime.newGlobals("__main__").withFallback(shared);
            g.put("d", datastore(d));
            // BitBake's DataContext: a name that is neither a builtin nor in the context reads the variable
            g.withMissing(name -> {
                String value = name.equals("oe") ? null : call(() -> d.getVar(name));
                return value == null ? null : fromStore(name, value);
            });
            Object value = runtime.eval(compiled, g);
            return value == PyNone.NONE ? "None" : Ops.str(value);
        } catch (PythonSyntaxError e) {
            throw PythonException.syntaxError(code, e.reason());
        } catch (PythonError e) {
            throw translate(e, code, false);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** SkipRecipe and handled failures become signals; other errors a PythonException with the traceback. */
    private PythonException translate(PythonError e, String code, boolean traceback) {
        PyModule parse = runtime.loadedModule("bb.parse");
        if (parse != null && parse.dict().get("SkipRecipe") instanceof PyType skip
                && e.isInstance(skip)) {
            throw new SkipRecipeSignal(e.pythonMessage());
        }
        return new PythonException(code, e.typeName(), traceback ? e.format() : e.pythonMessage());
    }

    @Override
    public void define(String name, String source, String file, int line) throws PythonException {
        if (source.equals(defSources.get(name))) {
            return; // the same class text seen by another recipe: nothing to (re)define, no lock taken
        }
        lock.writeLock().lock();
        try {
            if (source.equals(defSources.get(name))) {
                return;
            }
            runtime.eval(runtime.compile(source, file, Math.max(1, line), PythonRuntime.Mode.EXEC), shared);
            defSources.put(name, source); // only once defined: a failing block fails again for every recipe
        } catch (PythonSyntaxError e) {
            throw compileFailure(source, file, e);
        } catch (PythonError e) {
            PythonException cause = translate(e, source, true);
            throw new PythonException(source, "BBHandledException", "Error executing a python function in " + file
                    + ": " + cause.type() + ": " + cause.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void compileAnonymous(String name, String body, String file, int line) throws PythonException {
        // the source and key runAnonymous compiles: one shared source object per class text, found by identity
        compileFunction(functionSource(name, "d", body), file, line - 1);
    }

    @Override
    public void compileFunction(String source, String file, int line) throws PythonException {
        try {
            runtime.compile(source, file, Math.max(1, line), PythonRuntime.Mode.EXEC); // cached for define and runs
        } catch (PythonSyntaxError e) {
            throw compileFailure(source, file, e);
        }
    }

    /** {@code bb.utils.better_compile}'s failure: a handled exception naming the file and the line. */
    private static PythonException compileFailure(String source, String file, PythonSyntaxError e) {
        return new PythonException(source, "BBHandledException", "Error in compiling python function in " + file
                + ", line " + e.line() + ": SyntaxError: " + e.reason());
    }

    /**
     * {@code def NAME(PARAMS):} followed by {@code body}, as the same String object for the same body object (the
     * class text every recipe shares): the compile cache then finds it by its cached hash and by identity instead of
     * hashing and comparing the whole text on every call.
     */
    private String functionSource(String name, String params, String body) {
        String header = "def " + name + "(" + params + "):\n";
        String[] known = functionSources.getIfPresent(body);
        if (known != null && known[0].equals(header)) {
            return known[1];
        }
        String source = header + body;
        functionSources.put(body, new String[] {header, source});
        return source;
    }

    @Override
    public void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        String source = functionSource(name, "d", body);
        lock.readLock().lock();
        try {
            PyDict locals = new PyDict();
            runtime.eval(runtime.compile(source, file, Math.max(1, line - 1), PythonRuntime.Mode.EXEC), shared,
                    locals);
            runtime.call(locals.get(name), datastore(d));
        } catch (PythonSyntaxError e) {
            throw PythonException.syntaxError(source, e.reason());
        } catch (PythonError e) {
            throw translate(e, source, true);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void runTaskFunction(String name, String body, DataStore d, String file, int line,
            TaskServices services) throws PythonException {
        TaskServices before = TASK.get();
        TASK.set(services);
        // os.environ changes last as long as the task's Python, as in BitBake's task process
        Map<String, String> environment = EnvironmentChanges.begin();
        try {
            runAnonymous(name, body, d, file, line);
        } finally {
            EnvironmentChanges.end(environment);
            if (before == null) {
                TASK.remove();
            } else {
                TASK.set(before);
            }
        }
    }

    /** The running task's services; outside a task, a Python error naming the API that needs one. */
    private static TaskServices task(String api) {
        TaskServices task = TASK.get();
        if (task == null) {
            throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: " + api + " outside a running task");
        }
        return task;
    }

    /** A build-time call into the task's services. */
    @FunctionalInterface
    private interface TaskCall {
        void run() throws IOException, InterruptedException;
    }

    /** Runs a call; {@code None} when it succeeded, else its failure's message for the Python side to raise. */
    private static Object failure(TaskCall call) {
        try {
            call.run();
            return PyNone.NONE;
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: the build was interrupted");
        }
    }

    /** The store behind a Python {@code d}. */
    private static DataStore store(Object d) {
        if (d instanceof NativeObject o && o.payload() instanceof DataStore store) {
            return store;
        }
        throw PythonError.of(Exceptions.TYPE_ERROR, "expected a datastore, got " + Ops.typeName(d));
    }

    /** A list of (URL, {@code decodeurl} tuple) pairs. */
    private static List<TaskServices.SourceUrl> sourceUrls(Object pairs) {
        List<TaskServices.SourceUrl> urls = new ArrayList<>();
        for (Object pair : Ops.toList(pairs)) {
            List<Object> p = Ops.toList(pair);
            urls.add(sourceUrl(p.get(0), p.get(1)));
        }
        return urls;
    }

    /** A URL and its {@code decodeurl} tuple (type, host, path, user, pswd, parm) as the Java record. */
    private static TaskServices.SourceUrl sourceUrl(Object url, Object decoded) {
        List<Object> parts = Ops.toList(decoded);
        Map<String, String> params = new LinkedHashMap<>();
        for (Object item : Ops.toList(Ops.callMethod(parts.get(5), "items", new Object[0], null))) {
            List<Object> kv = Ops.toList(item);
            params.put(Ops.str(kv.get(0)), Ops.str(kv.get(1)));
        }
        return new TaskServices.SourceUrl(Ops.str(url), Ops.str(parts.get(0)), Ops.str(parts.get(1)),
                Ops.str(parts.get(2)), Ops.str(parts.get(3)), Ops.str(parts.get(4)), params);
    }

    @Override
    public void runEventHandler(String handler, String code, String event, DataStore d) throws PythonException {
        String source = functionSource(handler, "e, d", code);
        lock.readLock().lock();
        try {
            PyDict locals = new PyDict();
            runtime.eval(runtime.compile(source, handler + "(e, d)", 1, PythonRuntime.Mode.EXEC), shared, locals);
            PyModule events = runtime.importModule("bb.event");
            String className = event.substring(event.lastIndexOf('.') + 1);
            Object type = events.dict().get(className);
            if (type == null) {
                throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: event " + event);
            }
            Object dd = datastore(d);
            Object e;
            if (className.equals("ConfigParsed")) {
                e = runtime.call(type);
            } else if (className.equals("RecipeTaskPreProcess")) {
                e = runtime.call(type, pyValue(call(() -> d.getVar("FILE", false))),
                        new PyList(new ArrayList<>(hooks("RecipeTaskPreProcess").tasks())));
            } else {
                e = runtime.call(type, pyValue(call(() -> d.getVar("FILE", false))));
            }
            Ops.setattr(e, "data", dd);
            runtime.call(locals.get(handler), e, dd);
        } catch (PythonSyntaxError e) {
            throw PythonException.syntaxError(source, e.reason());
        } catch (PythonError e) {
            throw translate(e, source, true);
        } finally {
            lock.readLock().unlock();
        }
    }


    /** A {@code d} built for a store by an evaluator. */
    private record LastD(DataStore store, NativeObject d, BitbakePython owner) {}

    /**
     * The last {@code d} built on each thread: evaluations of one store come in long runs. Held weakly, so that a
     * thread does not keep an evaluator, its stores and everything they hold alive after their last use.
     */
    private static final ThreadLocal<java.lang.ref.WeakReference<LastD>> LAST_D = new ThreadLocal<>();

    /** BitBake's {@code d} for Python: the parser's store behind the {@code DataSmart} methods. */
    NativeObject datastore(DataStore d) {
        java.lang.ref.WeakReference<LastD> ref = LAST_D.get();
        LastD last = ref == null ? null : ref.get();
        if (last != null && last.store() == d && last.owner() == this) {
            return last.d();
        }
        NativeObject o = newDatastore(d);
        LAST_D.set(new java.lang.ref.WeakReference<>(new LastD(d, o, this)));
        return o;
    }

    private NativeObject newDatastore(DataStore d) {
        NativeObject[] self = new NativeObject[1];
        NativeObject.Builder builder = NativeObject.builder("DataSmart");
        mappingMethods(builder, () -> self[0]);
        self[0] = builder.payload(d)
                .method("getVar", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    if (var.equals("BB_ORIGENV")) {
                        return HostFiles.originalEnvironment();
                    }
                    if (var.equals("__inherit_cache")) {
                        // a list in BitBake; kept space-separated in the store
                        return wordList(call(() -> d.getVar(var, false)));
                    }
                    if (var.equals("__BBHANDLERS")) {
                        // a list in BitBake, as __BBTASKS
                        if (HOOKS.get() != null) {
                            return new PyList(new ArrayList<>(HOOKS.get().handlers()));
                        }
                        return wordList(call(() -> d.getVar(var, false)));
                    }
                    if (var.equals("__BBTASKS")) {
                        // a list in BitBake: the parse's own while parsing, kept space-separated in the store after
                        if (HOOKS.get() != null) {
                            return new PyList(new ArrayList<>(HOOKS.get().tasks()));
                        }
                        return wordList(call(() -> d.getVar(var, false)));
                    }
                    boolean expand = Ops.isTrue(optional(a, kw, 1, "expand", Boolean.TRUE));
                    return copyOf(fromStore(var, call(() -> d.getVar(var, expand))));
                })
                .method("getVarFlag", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    String flag = Ops.str(arg(a, kw, 1, "flag"));
                    boolean expand = Ops.isTrue(optional(a, kw, 2, "expand", Boolean.TRUE));
                    if (PENDING_OPERATIONS.contains(flag)) {
                        return pendingOperations(d, var, flag);
                    }
                    if (flag.equals("deps") && HOOKS.get() != null) {
                        // a list in BitBake, as __BBTASKS: kept beside the store while parsing
                        List<String> deps = HOOKS.get().taskDeps(var);
                        return deps == null ? PyNone.NONE : new PyList(new ArrayList<>(deps));
                    }
                    return flagValue(var, flag, call(() -> d.getVarFlag(var, flag, expand)));
                })
                .method("getVarFlags", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    Object expand = optional(a, kw, 1, "expand", Boolean.FALSE);
                    Map<String, String> flags;
                    try {
                        flags = expand instanceof Boolean b ? d.getVarFlags(var, b)
                                : d.getVarFlags(var, new LinkedHashSet<>(strings(expand)));
                    } catch (ExpansionException e) {
                        throw PythonError.of(EXPANSION_ERROR, e.getMessage());
                    }
                    PyDict dict = new PyDict();
                    if (Ops.isTrue(optional(a, kw, 2, "internalflags", Boolean.FALSE))) {
                        // the value and the pending operations are flags too in BitBake's store
                        String content = call(() -> d.getVar(var, false));
                        if (content != null) {
                            dict.put("_content", fromStore(var, content));
                        }
                        for (String kind : PENDING_OPERATIONS) {
                            Object ops = pendingOperations(d, var, kind);
                            if (ops != PyNone.NONE) {
                                dict.put(kind, ops);
                            }
                        }
                    }
                    flags.forEach((flag, value) -> dict.put(flag, flagValue(var, flag, value)));
                    List<String> deps = HOOKS.get() == null ? null : HOOKS.get().taskDeps(var);
                    if (deps != null) {
                        // kept beside the store while parsing: a list in the flag in BitBake
                        dict.put("deps", new PyList(new ArrayList<>(deps)));
                    }
                    return dict.size() == 0 ? PyNone.NONE : dict;
                })
                .method("setVar", (a, kw) -> {
                    // data_smart takes any "parsing" keyword, even parsing=False, as parsing (appends stay pending)
                    boolean parsing = kw != null && kw.containsKey("parsing");
                    write(() -> set(d, Ops.str(arg(a, kw, 0, "var")), arg(a, kw, 1, "value"), parsing));
                    return PyNone.NONE;
                })
                .method("setVarFlag", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    String flag = Ops.str(arg(a, kw, 1, "flag"));
                    Object value = arg(a, kw, 2, "value");
                    if (flag.equals("deps") && value != PyNone.NONE) {
                        // a task's [deps] list: kept beside the store while parsing, space-separated in it after
                        List<String> deps = strings(value);
                        if (HOOKS.get() != null) {
                            HOOKS.get().setTaskDeps(var, deps);
                        } else {
                            d.setVarFlag(var, flag, String.join(" ", deps), new Origin("setVarFlag", null, 0));
                        }
                        return PyNone.NONE;
                    }
                    if (flag.equals("deps") && HOOKS.get() != null) {
                        HOOKS.get().setTaskDeps(var, null);
                    }
                    write(() -> setFlag(d, var, flag, value, new Origin("setVarFlag", null, 0)));
                    return PyNone.NONE;
                })
                .method("setVarFlags", (a, kw) -> {
                    String var = Ops.str(arg(a, kw, 0, "var"));
                    Object given = arg(a, kw, 1, "flags");
                    write(() -> {
                        Map<String, String> flags = new java.util.LinkedHashMap<>();
                        for (Object k : Ops.toList(given)) {
                            Object value = Ops.getitem(given, k);
                            flags.put(Ops.str(k), value == PyNone.NONE ? null : storeValue(value));
                        }
                        flags.values().removeIf(java.util.Objects::isNull); // None: the flag reads as unset
                        d.setVarFlags(var, flags, new Origin("setVarFlags", null, 0));
                    });
                    return PyNone.NONE;
                })
                .method("appendVar", (a, kw) -> {
                    // kept pending, as BitBake's (a :append added with parsing=True); an object is added with +
                    write(() -> d.appendVar(Ops.str(a[0]), storeValue(a[1]), new Origin("append", null, 0)));
                    return PyNone.NONE;
                })
                .method("prependVar", (a, kw) -> {
                    write(() -> d.prependVar(Ops.str(a[0]), storeValue(a[1]), new Origin("prepend", null, 0)));
                    return PyNone.NONE;
                })
                .method("appendVarFlag", (a, kw) -> {
                    String var = Ops.str(a[0]);
                    String flag = Ops.str(a[1]);
                    if (a[2] instanceof String value && !isObjectFlag(d, var, flag)) {
                        write(() -> d.appendVarFlag(var, flag, value, new Origin("append", null, 0)));
                    } else {
                        // (getVarFlag(var, flag, False) or "") + value, with Python's + for objects
                        Object sum = Ops.add(orEmpty(flagValue(var, flag, call(() -> d.getVarFlag(var, flag, false)))),
                                a[2]);
                        write(() -> setFlag(d, var, flag, sum, new Origin("append", null, 0)));
                    }
                    return PyNone.NONE;
                })
                .method("prependVarFlag", (a, kw) -> {
                    String var = Ops.str(a[0]);
                    String flag = Ops.str(a[1]);
                    if (a[2] instanceof String value && !isObjectFlag(d, var, flag)) {
                        write(() -> d.prependVarFlag(var, flag, value, new Origin("prepend", null, 0)));
                    } else {
                        Object sum = Ops.add(a[2],
                                orEmpty(flagValue(var, flag, call(() -> d.getVarFlag(var, flag, false)))));
                        write(() -> setFlag(d, var, flag, sum, new Origin("prepend", null, 0)));
                    }
                    return PyNone.NONE;
                })
                .method("delVar", (a, kw) -> {
                    d.delVar(Ops.str(a[0]), new Origin("del", null, 0));
                    return PyNone.NONE;
                })
                .method("delVarFlag", (a, kw) -> {
                    d.delVarFlag(Ops.str(a[0]), Ops.str(a[1]), new Origin("delFlag", null, 0));
                    return PyNone.NONE;
                })
                .method("delVarFlags", (a, kw) -> {
                    d.delVarFlags(Ops.str(a[0]), new Origin("delete flags", null, 0));
                    return PyNone.NONE;
                })
                .method("renameVar", (a, kw) -> {
                    write(() -> call(() -> {
                        d.renameVar(Ops.str(a[0]), Ops.str(a[1]), new Origin("rename", null, 0));
                        return null;
                    }));
                    return PyNone.NONE;
                })
                .method("expand", (a, kw) -> pyValue(call(() -> d.expand(a[0] == PyNone.NONE ? null
                        : Ops.str(a[0])))))
                .method("hasOverrides", (a, kw) -> d.hasOverrides(Ops.str(a[0])))
                .method("keys", (a, kw) -> keysView(d))
                .attribute("overridedata", overrideDataView(d))
                .method("__iter__", (a, kw) -> Ops.iter(new PyList(new ArrayList<>(d.keys()))))
                .method("__contains__", (a, kw) -> d.contains(Ops.str(a[0])))
                .method("createCopy", (a, kw) -> newDatastore(d.createCopy()))
                .method("getVarHistory", (a, kw) -> {
                    throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: d.getVarHistory");
                })
                .payload(d)
                .build();
        return self[0];
    }

    /**
     * The methods DataSmart has as a {@code collections.abc.MutableMapping} (layers call {@code d.get(VAR)}:
     * meta-freescale's libubootenv append), written as the mixins are on top of DataSmart's {@code d[VAR]} (the
     * unexpanded value, a {@code KeyError} when it is None), {@code d[VAR] = v} ({@code setVar}), {@code del d[VAR]}
     * ({@code delVar}) and iteration over the names.
     */
    private static void mappingMethods(NativeObject.Builder builder, Supplier<NativeObject> self) {
        Function<Object, Object> item = key -> {
            Object value = Ops.call(self.get().getAttribute("getVar"), new Object[] {key, Boolean.FALSE}, null);
            if (value == PyNone.NONE) {
                throw PythonError.of(Exceptions.KEY_ERROR, Ops.str(key));
            }
            return value;
        };
        BiConsumer<Object, Object> set =
                (key, value) -> Ops.call(self.get().getAttribute("setVar"), new Object[] {key, value}, null);
        Consumer<Object> delete =
                key -> Ops.call(self.get().getAttribute("delVar"), new Object[] {key}, null);
        Supplier<List<Object>> names =
                () -> Ops.toList(Ops.call(self.get().getAttribute("__iter__"), new Object[0], null));
        builder.method("__getitem__", (a, kw) -> item.apply(a[0]))
                .method("__setitem__", (a, kw) -> {
                    set.accept(a[0], a[1]);
                    return PyNone.NONE;
                })
                .method("__delitem__", (a, kw) -> {
                    delete.accept(a[0]);
                    return PyNone.NONE;
                })
                .method("__len__", (a, kw) -> (long) new HashSet<>(names.get()).size())
                .method("get", (a, kw) -> {
                    Object[] p = {arg(a, kw, 0, "key"), optionalArg(a, kw, 1, "default")};
                    try {
                        return item.apply(p[0]);
                    } catch (PythonError e) {
                        if (e.isInstance(Exceptions.KEY_ERROR)) {
                            return p[1] == null ? PyNone.NONE : p[1];
                        }
                        throw e;
                    }
                })
                .method("items", (a, kw) -> {
                    List<Object> items = new ArrayList<>();
                    for (Object key : names.get()) {
                        items.add(new PyTuple(new Object[] {key, item.apply(key)}));
                    }
                    return new PyList(items);
                })
                .method("values", (a, kw) -> {
                    List<Object> values = new ArrayList<>();
                    for (Object key : names.get()) {
                        values.add(item.apply(key));
                    }
                    return new PyList(values);
                })
                .method("pop", (a, kw) -> {
                    Object[] p = {arg(a, kw, 0, "key"), optionalArg(a, kw, 1, "default")};
                    Object value;
                    try {
                        value = item.apply(p[0]);
                    } catch (PythonError e) {
                        if (p[1] != null && e.isInstance(Exceptions.KEY_ERROR)) {
                            return p[1];
                        }
                        throw e;
                    }
                    delete.accept(p[0]);
                    return value;
                })
                .method("setdefault", (a, kw) -> {
                    Object[] p = {arg(a, kw, 0, "key"), optionalArg(a, kw, 1, "default")};
                    try {
                        return item.apply(p[0]);
                    } catch (PythonError e) {
                        if (!e.isInstance(Exceptions.KEY_ERROR)) {
                            throw e;
                        }
                        Object value = p[1] == null ? PyNone.NONE : p[1];
                        set.accept(p[0], value);
                        return value;
                    }
                })
                .method("update", (a, kw) -> {
                    if (a.length > 1) {
                        throw PythonError.of(Exceptions.TYPE_ERROR, "update expected at most 1 argument, got "
                                + a.length);
                    }
                    if (a.length == 1) {
                        Object other = a[0];
                        boolean mapping = other instanceof PyDict || other instanceof NativeObject n
                                && n.getAttribute("keys") != null;
                        for (Object key : mapping ? Ops.toList(Ops.callMethod(other, "keys", new Object[0], null))
                                : List.of()) {
                            set.accept(key, Ops.getitem(other, key));
                        }
                        if (!mapping) {
                            for (Object pair : Ops.toList(other)) {
                                List<Object> kv = Ops.toList(pair);
                                set.accept(kv.get(0), kv.get(1));
                            }
                        }
                    }
                    if (kw != null) {
                        kw.forEach(set);
                    }
                    return PyNone.NONE;
                });
    }

    private void set(DataStore d, String var, Object value, boolean parsing) {
        Origin origin = new Origin("set", null, 0);
        if (var.equals("__BBTASKS") && HOOKS.get() != null && value != PyNone.NONE) {
            HOOKS.get().setTasks(strings(value)); // kept beside the store while parsing, as addtask's
            return;
        }
        if (value == PyNone.NONE) {
            d.setVar(var, null, origin, parsing); // the value None: the variable's flags stay, as in BitBake
        } else {
            d.setVar(var, storeValue(value), origin, parsing);
        }
    }

    /** A flag set from Python: None reads as unset afterwards, as BitBake's stored None does. */
    private void setFlag(DataStore d, String var, String flag, Object value, Origin origin) {
        if (value == PyNone.NONE) {
            d.delVarFlag(var, flag, origin);
        } else {
            d.setVarFlag(var, flag, storeValue(value), origin);
        }
    }

    /** How the store holds a Python value other than None: a str as it is, any other object as a token. */
    private String storeValue(Object value) {
        if (value instanceof String str) {
            return str;
        }
        if (value instanceof Boolean b) {
            return ObjectValues.ofBool(b);
        }
        if (value instanceof Long n) {
            return ObjectValues.ofInt(n);
        }
        if (value instanceof java.math.BigInteger n) {
            return ObjectValues.ofInt(n);
        }
        if (value instanceof Double) {
            return ObjectValues.ofFloat(Ops.str(value));
        }
        return objectToken(value);
    }

    /**
     * The flags BitBake's parser sets to the int 1 ({@code addtask}'s {@code [task]}, a function's {@code [func]},
     * {@code addhandler}'s {@code [handler]}, {@code export}'s {@code [export]}): the parser here stores the text
     * {@code 1}, and Python reads BitBake's int. ({@code X[export] = "1"} written in metadata reads as the int too;
     * BitBake would give the string, which every reader of the flag takes as the same truth value.)
     */
    private static final Set<String> INT_FLAGS = Set.of("task", "func", "handler", "export");

    /**
     * A list, dict or set read from the store, copied: BitBake hands out a copy of a stored object ({@code copy.copy}
     * of the value, then the expansion cache's), so changing what {@code getVar} returned does not change the store.
     */
    private static Object copyOf(Object value) {
        if (value instanceof PyList || value instanceof PyDict
                || value instanceof dev.bitzel.parser.internal.python.PySet) {
            return Ops.callMethod(value, "copy", new Object[] {}, null);
        }
        return value;
    }

    private static final List<String> PENDING_OPERATIONS = List.of(":append", ":prepend", ":remove");

    /** BitBake's internal list of {@code [value, override]} pairs of a pending operation, or None. */
    private Object pendingOperations(DataStore d, String var, String kind) {
        List<List<String>> ops = d.pendingOperations(var, kind);
        if (ops == null) {
            return PyNone.NONE;
        }
        List<Object> pairs = new ArrayList<>(ops.size());
        for (List<String> op : ops) {
            pairs.add(new PyList(new ArrayList<>(Arrays.asList(fromStore(var + kind, op.get(0)),
                    op.get(1) == null ? PyNone.NONE : op.get(1)))));
        }
        return new PyList(pairs);
    }

    /**
     * {@code d.keys()}: DataSmart is a {@code MutableMapping}, so this is a keys view. It iterates over every name, but
     * {@code VAR in d.keys()} asks the mapping, which holds only names whose value is not None (as {@code VAR in d}).
     */
    private static Object keysView(DataStore d) {
        List<String> names = new ArrayList<>(d.keys());
        return NativeObject.builder("KeysView")
                .method("__iter__", (a, kw) -> Ops.iter(new PyList(new ArrayList<>(names))))
                .method("__len__", (a, kw) -> (long) names.size())
                .method("__contains__", (a, kw) -> a[0] instanceof String name && d.contains(name))
                .build();
    }

    /**
     * {@code d.overridedata}, BitBake's dict of each name's override variables ({@code FOO} to
     * {@code [[FOO:arm, arm], ...]}), which layers read (meta-freescale's machine-overrides-extender walks it for
     * every recipe): a read-only view of the store as it is when asked, each list a copy.
     */
    private static Object overrideDataView(DataStore d) {
        Function<Object, Object> pairs = var -> {
            List<List<String>> found = var instanceof String name ? d.overrideVariables(name) : null;
            if (found == null) {
                return null;
            }
            List<Object> list = new ArrayList<>(found.size());
            for (List<String> pair : found) {
                list.add(new PyList(new ArrayList<>(pair)));
            }
            return new PyList(list);
        };
        return NativeObject.builder("dict")
                .method("__iter__", (a, kw) -> Ops.iter(new PyList(new ArrayList<>(d.overriddenNames()))))
                .method("keys", (a, kw) -> new PyList(new ArrayList<>(d.overriddenNames())))
                .method("__len__", (a, kw) -> (long) d.overriddenNames().size())
                .method("__contains__", (a, kw) -> a[0] instanceof String name && d.hasOverrides(name))
                .method("__getitem__", (a, kw) -> {
                    Object found = pairs.apply(a[0]);
                    if (found == null) {
                        throw PythonError.of(Exceptions.KEY_ERROR, Ops.str(a[0]));
                    }
                    return found;
                })
                .method("get", (a, kw) -> {
                    Object found = pairs.apply(a[0]);
                    return found != null ? found : a.length > 1 ? a[1] : PyNone.NONE;
                })
                .method("items", (a, kw) -> {
                    List<Object> items = new ArrayList<>();
                    for (String name : d.overriddenNames()) {
                        items.add(new PyTuple(new Object[] {name, pairs.apply(name)}));
                    }
                    return new PyList(items);
                })
                .build();
    }

    /** Whether a flag holds a Python object other than a string. */
    private static boolean isObjectFlag(DataStore d, String var, String flag) {
        return ObjectValues.isObject(call(() -> d.getVarFlag(var, flag, false)));
    }

    /** Python's {@code value or ""}. */
    private static Object orEmpty(Object value) {
        return Ops.isTrue(value) ? value : "";
    }

    /** A flag's value as Python sees it. */
    private Object flagValue(String var, String flag, String value) {
        if ("1".equals(value) && INT_FLAGS.contains(flag)) {
            return 1L;
        }
        if (flag.equals("deps")) {
            return wordList(value); // a task's list, kept space-separated in the store after parsing
        }
        return fromStore(var + "[" + flag + "]", value);
    }

    /**
     * Python objects stored in a datastore (BitBake keeps any object, e.g. {@code EXTENDERCLASS}, the class
     * extender of nativesdk/multilib, or create-spdx's license table): the store holds a token naming an entry
     * here, {@code d.getVar} hands the object back. An entry lives as long as its token string (held by the stores
     * that hold the value), or, for an object that refers to its own store (a class extender's {@code d}), as long
     * as this evaluator: the registry is the evaluator's, not the process's, so an evaluator no longer used is
     * collected with every object its parses stored. An entry restored from the parse cache holds the object's
     * encoding until it is first read ({@link Restored}).
     */
    private final Map<String, Object> objects = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private static final java.util.concurrent.atomic.AtomicLong OBJECT_IDS = new java.util.concurrent.atomic.AtomicLong();

    /** The tokens of objects stored by code running on each thread while a recording is open, or null. */
    private static final ThreadLocal<Set<String>> RECORDING = new ThreadLocal<>();

    /** An object restored from the parse cache, decoded on first read. */
    private static final class Restored {
        private final byte[] encoding;
        private final DataStore holder;
        private final BitbakePython python;
        private Object value;

        Restored(byte[] encoding, DataStore holder, BitbakePython python) {
            this.encoding = encoding;
            this.holder = holder;
            this.python = python;
        }

        synchronized Object value(String var) {
            if (value == null) {
                try {
                    value = PyCodec.decode(encoding, python.runtime, python.host(holder));
                } catch (java.io.IOException e) {
                    throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: the Python object value of " + var
                            + " cannot be restored from the parse cache: " + e.getMessage());
                }
            }
            return value;
        }
    }

    /**
     * Records into {@code tokens} the tokens of the Python objects that code running on this thread stores into
     * datastores from now on, until the next call; null stops recording.
     *
     * @param tokens the set to add to, or null
     * @return the set recorded into before, to restore afterwards
     */
    public static Set<String> recordObjects(Set<String> tokens) {
        Set<String> before = RECORDING.get();
        if (tokens == null) {
            RECORDING.remove();
        } else {
            RECORDING.set(tokens);
        }
        return before;
    }

    /**
     * Forgets the objects of these tokens, for a caller that knows no store holding them will be read again (the
     * parse cache, once it has stored a recipe and hands out stores read back from the entry instead). Needed
     * because an object that refers to its own store (a class extender's {@code d}) keeps its token, and so its
     * entry, alive as long as this evaluator.
     *
     * @param tokens tokens {@link #recordObjects} recorded
     */
    public void releaseObjects(Set<String> tokens) {
        for (String token : tokens) {
            objects.remove(token);
        }
    }

    /**
     * Runs a command that metadata ran at parse time again ({@link HostAccess.Recorder#commandRun}), for a cache
     * to check that its answer is still the same.
     *
     * @param argv the command
     * @param cwd its directory
     * @param mergeStderr whether standard error was merged
     * @return the result, described as it was reported
     */
    public static String rerunCommand(List<String> argv, String cwd, boolean mergeStderr) {
        return ParseTimeProcess.rerun(argv, cwd, mergeStderr);
    }

    /**
     * A host fact as metadata Python reads it now, under the name {@link HostAccess.Recorder#hostFact} reported.
     *
     * @param name the fact's name
     * @return its value now, or a text no recorded value equals when the name is unknown
     */
    public static String currentHostFact(String name) {
        try {
            switch (name) {
                case "os.uname":
                    return ((PyTuple) hostUname()).asList().toString();
                case "os.sched_getaffinity":
                    return Integer.toString(Runtime.getRuntime().availableProcessors());
                case "os.getpid":
                    return Long.toString(ProcessHandle.current().pid());
                default:
                    if (name.startsWith("id ") && name.length() > 4) {
                        String field = name.substring(3, name.length() - 1);
                        int which = name.charAt(name.length() - 1) - '0';
                        return processId(field, which).toString();
                    }
                    return "\0unknown fact " + name;
            }
        } catch (PythonError e) {
            return "\0error " + e.pythonMessage();
        }
    }

    /** A token no other object of any process has: this process's id and a counter. */
    private static String newToken() {
        return ObjectValues.ofEvaluatorObject(ProcessHandle.current().pid() + ":" + OBJECT_IDS.incrementAndGet());
    }

    /** Whether a store value is the token of a Python object rather than a string. */
    public static boolean isObjectToken(String value) {
        return ObjectValues.isEvaluatorObject(value);
    }

    @Override
    public String add(String left, String right) throws PythonException {
        try {
            return storeValue(Ops.add(fromStore("a variable", left), fromStore("its append", right)));
        } catch (PythonError e) {
            throw new PythonException(left + " + " + right, e.typeName(), e.pythonMessage());
        }
    }

    /** Whether Python code of this evaluator is running on this thread (which then holds its lock). */
    public boolean runningOnThisThread() {
        return lock.getReadHoldCount() > 0 || lock.isWriteLockedByCurrentThread();
    }

    @Override
    public ObjectValues.Described storedObject(String token) {
        Object o = objects.get(token);
        if (o == null) {
            throw new IllegalArgumentException("no Python object is stored under this token (it was set by another"
                    + " process, or is no longer held)");
        }
        if (o instanceof Restored r) {
            try {
                o = r.value("a variable");
            } catch (PythonError e) {
                throw new IllegalArgumentException(e.pythonMessage(), e);
            }
        }
        return new ObjectValues.Described(Ops.typeName(o), Ops.str(o), plain(o), Ops.isTrue(o));
    }

    /** A Python value as plain Java for a JSON answer, as the getvar protocol gives it. */
    private static Object plain(Object o) {
        if (o == PyNone.NONE) {
            return null;
        }
        if (o instanceof String || o instanceof Long || o instanceof Boolean || o instanceof Double
                || o instanceof java.math.BigInteger) {
            return o;
        }
        if (o instanceof PyList || o instanceof PyTuple || o instanceof dev.bitzel.parser.internal.python.PySet) {
            List<Object> items = new ArrayList<>();
            for (Object item : Ops.toList(o)) {
                items.add(plain(item));
            }
            return items;
        }
        return Ops.str(o);
    }

    private String objectToken(Object value) {
        String token = newToken();
        objects.put(token, value);
        Set<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(token);
        }
        return token;
    }

    /**
     * Encodes the object a token names, as it stands now, for a parse cache: see {@link PyCodec} for what can be.
     *
     * @param token a token the store {@code holder} holds
     * @param holder the store; the object may refer to it (as {@code oe.classextend.ClassExtender.d} does)
     * @param seen objects encoded into other tokens' values so far (shared ones are not encodable)
     * @return the encoding
     * @throws PyCodec.NotEncodableException when the object cannot be re-created exactly
     */
    public byte[] encodeObject(String token, DataStore holder, java.util.IdentityHashMap<Object, Object> seen)
            throws PyCodec.NotEncodableException {
        Object o = objects.get(token);
        if (o == null) {
            throw new PyCodec.NotEncodableException("the object is gone");
        }
        if (o instanceof Restored r) {
            synchronized (r) {
                if (r.value == null && r.holder == holder) {
                    return r.encoding;
                }
                o = r.value;
                if (o == null) {
                    throw new PyCodec.NotEncodableException("an object restored for another store");
                }
            }
        }
        return PyCodec.encode(o, runtime, host(holder), seen);
    }

    /**
     * The object a token names as it stands now, or null when it is gone or is a restored object not decoded yet
     * (whose encoding {@link #encodeObject} returns as it was read).
     *
     * @param token a token
     * @return the object, or null
     */
    public Object liveObject(String token) {
        Object o = objects.get(token);
        return o instanceof Restored ? null : o;
    }

    /**
     * Registers an object restored from a parse cache for the store {@code holder}, decoded when first read.
     *
     * @param encoding what {@link #encodeObject} returned
     * @param holder the store that will hold the token
     * @return a new token for the store
     */
    public String restoreObject(byte[] encoding, DataStore holder) {
        String token = newToken();
        objects.put(token, new Restored(encoding, holder, this));
        return token;
    }

    /** Host objects of an encoding: number 0 is the {@code d} of the holding store. */
    private PyCodec.Host host(DataStore holder) {
        return new PyCodec.Host() {
            @Override
            public int hostReference(Object o) {
                return o instanceof NativeObject n && n.payload() == holder ? 0 : -1;
            }

            @Override
            public Object hostObject(int number) throws java.io.IOException {
                if (number != 0) {
                    throw new java.io.IOException("no host object " + number);
                }
                return datastore(holder);
            }

            @Override
            public PyModule module(String name) {
                try {
                    return runtime.importModule(name);
                } catch (PythonError e) {
                    return null;
                }
            }
        };
    }

    private Object fromStore(String var, String s) {
        if (s == null) {
            return PyNone.NONE;
        }
        Object scalar = ObjectValues.scalar(s);
        if (scalar != null) {
            return scalar;
        }
        if (ObjectValues.isEvaluatorObject(s)) {
            Object o = objects.get(s);
            if (o == null) {
                throw PythonError.of(Exceptions.RUNTIME_ERROR, "bitzel: the Python object value of " + var
                        + " was set by another process and is not available");
            }
            return o instanceof Restored r ? r.value(var) : o;
        }
        return s;
    }

    /** A datastore read that may fail to expand. */
    @FunctionalInterface
    interface Read {
        String run() throws ExpansionException;
    }

    /**
     * A datastore write from Python: BitBake's {@code setVar} stops with {@code bb.fatal} on a name in the old
     * override syntax, which Python sees as {@code bb.BBHandledException}.
     */
    private void write(Runnable write) {
        try {
            write.run();
        } catch (OldOverrideSyntaxException e) {
            PyModule bb = runtime.loadedModule("bb");
            if (bb != null && bb.dict().get("BBHandledException") instanceof PyType handled) {
                throw PythonError.of(handled, e.getMessage());
            }
            throw e;
        }
    }

    private static String call(Read read) {
        try {
            return read.run();
        } catch (ExpansionException e) {
            throw PythonError.of(EXPANSION_ERROR, e.getMessage());
        } catch (UncheckedExpansionException e) {
            throw PythonError.of(EXPANSION_ERROR, e.getMessage());
        }
    }

    private static Object pyValue(String s) {
        return s == null ? PyNone.NONE : s;
    }

    /** An optional argument, by position or name; null when not given. */
    private static Object optionalArg(Object[] a, Map<String, Object> kw, int i, String name) {
        return i < a.length ? a[i] : kw != null ? kw.get(name) : null;
    }

    private static Object arg(Object[] a, Map<String, Object> kw, int i, String name) {
        if (i < a.length) {
            return a[i];
        }
        if (kw != null && kw.containsKey(name)) {
            return kw.get(name);
        }
        throw PythonError.of(Exceptions.TYPE_ERROR, "missing required argument '" + name + "'");
    }

    /** A user or group id of this process from {@code /proc/self/status} (real: 0, effective: 1). */
    private static Object processId(String field, int which) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    long id = Long.parseLong(line.substring(field.length()).trim().split("\\s+")[which]);
                    HostAccess.hostFact("id " + field + which, Long.toString(id));
                    return id;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw PythonError.of(Exceptions.OS_ERROR, "bitzel: cannot read " + field + " of /proc/self/status: " + e);
        }
        throw PythonError.of(Exceptions.OS_ERROR, "bitzel: no " + field + " in /proc/self/status");
    }

    /** {@code os.uname()} of the build host, as a tuple (sysname, nodename, release, version, machine). */
    private static Object hostUname() {
        String arch = System.getProperty("os.arch", "");
        String machine = switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64" -> "aarch64";
            default -> arch;
        };
        String node;
        try {
            node = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            node = "localhost";
        }
        PyTuple uname = PyTuple.of(System.getProperty("os.name", "Linux"), node, System.getProperty("os.version", ""),
                "", machine);
        HostAccess.hostFact("os.uname", uname.asList().toString());
        return uname;
    }

    private static Object optional(Object[] a, Map<String, Object> kw, int i, String name, Object dflt) {
        if (i < a.length) {
            return a[i];
        }
        return kw != null && kw.containsKey(name) ? kw.get(name) : dflt;
    }

    /** {@code bb.utils.which}: the first {@code dir/item} along a colon path that exists (or is executable). */
    private static Object which(Object path, Object item, Object direction, Object history, Object executable) {
        List<String> dirs = new ArrayList<>(Arrays.asList((path == PyNone.NONE ? "" : Ops.str(path)).split(":", -1)));
        if (Ops.isTrue(direction)) {
            java.util.Collections.reverse(dirs);
        }
        String name = Ops.str(item);
        PyList hist = new PyList(new ArrayList<>());
        for (String dir : dirs) {
            String next = name.startsWith("/") || dir.isEmpty() ? name
                    : dir.endsWith("/") ? dir + name : dir + "/" + name;
            Ops.callMethod(hist, "append", new Object[] {next}, null);
            java.nio.file.Path candidate = java.nio.file.Path.of(next);
            HostAccess.pathProbed(candidate.toAbsolutePath().toString());
            boolean ok = Ops.isTrue(executable)
                    ? java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)
                    : java.nio.file.Files.exists(candidate);
            if (ok) {
                String found = next.startsWith("/") ? next
                        : candidate.toAbsolutePath().normalize().toString();
                return Ops.isTrue(history) ? PyTuple.of(found, hist) : found;
            }
        }
        return Ops.isTrue(history) ? PyTuple.of("", hist) : "";
    }

    /** {@code bb.utils.contains} / {@code contains_any}. */
    private static Object contains(Object variable, Object checkValues, Object trueValue, Object falseValue,
            Object d, boolean any) {
        Object value = Ops.callMethod(d, "getVar", new Object[] {variable}, null);
        if (value == PyNone.NONE) {
            return falseValue;
        }
        String have = Ops.str(value);
        if (have.isEmpty()) {
            return falseValue; // BitBake: "if not val"
        }
        List<String> want = checkValues instanceof String s ? PyStrings.split(s) : strings(checkValues);
        boolean match = !any;
        for (String w : want) {
            if (hasWord(have, w) == any) {
                match = any;
                break;
            }
        }
        return match ? trueValue : falseValue;
    }

    /** {@code bb.utils.filter}: the check values present in the variable, space-joined in sorted order. */
    private static Object filter(Object variable, Object checkValues, Object d) {
        Object value = Ops.callMethod(d, "getVar", new Object[] {variable}, null);
        if (value == PyNone.NONE) {
            return "";
        }
        Set<String> have = new LinkedHashSet<>(PyStrings.split(Ops.str(value)));
        List<String> want = checkValues instanceof String s ? PyStrings.split(s) : strings(checkValues);
        return String.join(" ", want.stream().filter(have::contains).distinct().sorted().toList());
    }

    /** {@code bb.utils.to_boolean}: the default for any false value (None, "", 0), True for any other number. */
    private static Object toBoolean(Object value, Object dflt) {
        if (!Ops.isTrue(value)) {
            return dflt;
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof java.math.BigInteger) {
            return Boolean.TRUE; // isinstance(string, int): string != 0
        }
        if (!(value instanceof String str)) {
            throw PythonError.of(Exceptions.ATTRIBUTE_ERROR, "'" + Ops.typeName(value)
                    + "' object has no attribute 'lower'");
        }
        String s = str.toLowerCase(java.util.Locale.ROOT);
        if (List.of("y", "yes", "1", "true").contains(s)) {
            return Boolean.TRUE;
        }
        if (List.of("n", "no", "0", "false").contains(s)) {
            return Boolean.FALSE;
        }
        throw PythonError.of(Exceptions.VALUE_ERROR, "Invalid value for to_boolean: " + Ops.repr(value));
    }

    /**
     * {@code bb.utils.vercmp}: two {@code (PE, PV, PR)} sequences; the difference of the epochs ({@code int(e or
     * 0)}) when they differ, else the comparison of versions, then of revisions (-1, 0 or 1).
     */
    private static Object vercmp(Object ta, Object tb) {
        List<Object> a = Ops.toList(ta);
        List<Object> b = Ops.toList(tb);
        if (a.size() != 3 || b.size() != 3) {
            throw PythonError.of(Exceptions.VALUE_ERROR, "not enough values to unpack (expected 3)");
        }
        java.math.BigInteger r = epochOf(a.get(0)).subtract(epochOf(b.get(0)));
        if (r.signum() != 0) {
            return r.bitLength() < 64 ? (Object) r.longValue() : r; // a Python int either way
        }
        return (long) Versions.compare("", Ops.str(a.get(1)), Ops.str(a.get(2)), "", Ops.str(b.get(1)),
                Ops.str(b.get(2)));
    }

    /** {@code int(e or 0)} of an epoch. */
    private static java.math.BigInteger epochOf(Object e) {
        if (!Ops.isTrue(e)) {
            return java.math.BigInteger.ZERO;
        }
        if (e instanceof Long l) {
            return java.math.BigInteger.valueOf(l);
        }
        try {
            return new java.math.BigInteger(Ops.str(e).strip());
        } catch (NumberFormatException ex) {
            throw PythonError.of(Exceptions.VALUE_ERROR, "invalid literal for int() with base 10: " + Ops.repr(e));
        }
    }

    /** {@code bb.parse.vars_from_file}: (PN, PV, PR) from {@code name_version_revision.bb}, Nones when absent. */
    private static Object varsFromFile(Object file) {
        if (file == PyNone.NONE || !(Ops.str(file).endsWith(".bb") || Ops.str(file).endsWith(".bbappend"))) {
            return tuple(PyNone.NONE, PyNone.NONE, PyNone.NONE);
        }
        String name = Ops.str(file);
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.substring(0, name.lastIndexOf('.'));
        List<String> parts = new ArrayList<>(Arrays.asList(name.split("_", -1)));
        if (parts.size() > 3) {
            throw PythonError.of(Exceptions.RUNTIME_ERROR,
                    "ParseError: Unable to generate default variables from filename (too many underscores)");
        }
        Object[] values = new Object[] {PyNone.NONE, PyNone.NONE, PyNone.NONE};
        for (int i = 0; i < parts.size(); i++) {
            values[i] = parts.get(i);
        }
        // BitBake returns the list split() made, padded with None (a tuple only for non-recipe names).
        return new PyList(new ArrayList<>(Arrays.asList(values)));
    }

    private static Object tuple(Object... items) {
        return PyTuple.of(items);
    }

    /** A list BitBake keeps in the store, kept space-separated here, as Python sees it (None when unset). */
    private static Object wordList(String value) {
        return value == null ? PyNone.NONE : new PyList(PyStrings.split(value));
    }

    /**
     * {@code bb.data.inherits_class}: whether an entry of {@code d.getVar('__inherit_cache', False)} ends with
     * {@code /KLASS.bbclass}. Called for most recipes many times; for the parser's own datastore it reads the stored
     * text without making the list.
     */
    private static Object inheritsClass(String klass, Object d) {
        String needle = "/" + klass + ".bbclass";
        if (d instanceof NativeObject o && o.payload() instanceof DataStore store) {
            String cache = call(() -> store.getVar("__inherit_cache", false));
            return cache != null && endsAWord(cache, needle);
        }
        Object cache = Ops.callMethod(d, "getVar", new Object[] {"__inherit_cache", Boolean.FALSE}, null);
        if (Ops.isTrue(cache)) {
            Iterator<Object> it = Ops.iter(cache);
            while (it.hasNext()) {
                if (Ops.isTrue(Ops.callMethod(it.next(), "endswith", new Object[] {needle}, null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of the words of {@code text} ({@code text.split()}) ends with {@code suffix}. */
    static boolean endsAWord(String text, String suffix) {
        int n = suffix.length();
        for (int i = 0; i < n; i++) {
            if (PyStrings.isSpace(suffix.charAt(i))) {
                return false;
            }
        }
        for (int i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
            if (i + n == text.length() || PyStrings.isSpace(text.charAt(i + n))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is one of the words of {@code text} ({@code word in text.split()}). */
    static boolean hasWord(String text, String word) {
        int n = word.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (PyStrings.isSpace(word.charAt(i))) {
                return false;
            }
        }
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            if ((i == 0 || PyStrings.isSpace(text.charAt(i - 1)))
                    && (i + n == text.length() || PyStrings.isSpace(text.charAt(i + n)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(Object iterable) {
        List<String> out = new ArrayList<>();
        Object it = Ops.iter(iterable);
        while (true) {
            Object next;
            try {
                next = Ops.callMethod(it, "__next__", new Object[] {}, null);
            } catch (PythonError e) {
                if (e.isInstance(Exceptions.STOP_ITERATION)) {
                    break;
                }
                throw e;
            }
            out.add(Ops.str(next));
        }
        return out;
    }

    private static String joined(Object[] a) {
        StringBuilder sb = new StringBuilder();
        for (Object o : a) {
            sb.append(Ops.str(o));
        }
        return sb.toString();
    }
}
