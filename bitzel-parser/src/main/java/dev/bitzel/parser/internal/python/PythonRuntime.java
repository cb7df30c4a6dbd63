package dev.bitzel.parser.internal.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The embedded Python interpreter: compiles source to shareable {@link Code}, runs it against global scopes,
 * and holds the module registry (Java-implemented modules and directories of pure-Python packages).
 *
 * <pre>{@code
 * PythonRuntime rt = PythonRuntime.builder().build();
 * PyDict globals = rt.newGlobals("__main__");
 * globals.put("d", myDatastoreObject);                       // a PyAttributes implementation
 * Code c = rt.compile("d.getVar('PN') + '-dev'", "recipe.bb", 12, PythonRuntime.Mode.EVAL);
 * Object value = rt.eval(c, globals);                         // a Python value: String here
 * }</pre>
 *
 * <p>Thread-safety: compiling, importing and registering modules are thread-safe. Running code is safe from
 * several threads at once as long as each thread uses its own global scope and the values it mutates are
 * not shared; imported pure-Python modules are shared by all threads (as in CPython), so their mutable
 * module-level state is too. Compiled {@link Code} is immutable and may be shared freely.
 */
public final class PythonRuntime {
    /** Compilation mode: a single expression or a sequence of statements. */
    public enum Mode { EVAL, EXEC }

    private record CodeKey(String source, String file, int line, Mode mode) {
        // written out: the generated equals/hashCode go through method handles, slow under the client compiler
        @Override
        public boolean equals(Object o) {
            return o instanceof CodeKey k && k.line == line && k.mode == mode
                    && java.util.Objects.equals(k.file, file) && java.util.Objects.equals(k.source, source);
        }

        @Override
        public int hashCode() {
            return ((java.util.Objects.hashCode(source) * 31 + java.util.Objects.hashCode(file)) * 31 + line) * 31
                    + java.util.Objects.hashCode(mode);
        }
    }

    final PyDict builtins;
    private final Map<String, PyModule> modules = new ConcurrentHashMap<>();
    private final List<Path> modulePath = new CopyOnWriteArrayList<>();
    private final Map<String, String> sourceModules = new ConcurrentHashMap<>(SourceModules.ALL);
    /**
     * Compiled code by text. A plain concurrent map, emptied when full: a parse of poky compiles a few thousand texts
     * and looks them up millions of times, and an LRU cache's bookkeeping on every lookup cost more than it saved.
     */
    private final ConcurrentHashMap<CodeKey, Code> codeCache = new ConcurrentHashMap<>();
    private final long codeCacheSize;
    private final ReentrantLock importLock = new ReentrantLock();
    /** Modules whose code is running; other threads wait for the import lock instead of seeing them half-built. */
    private final java.util.Set<String> loading = ConcurrentHashMap.newKeySet();
    final Consumer<String> stdout;
    final Path cwd;
    final Map<String, String> environ;

    private PythonRuntime(Builder b) {
        this.stdout = b.stdout;
        this.cwd = b.cwd;
        this.environ = Map.copyOf(b.environ);
        this.codeCacheSize = b.codeCacheSize;
        this.builtins = BuiltinFunctions.create(this);
        for (PyModule m : NativeModules.create(this)) {
            modules.put(m.name(), m);
        }
        modules.put("os.path", modules.get("posixpath"));
        modulePath.addAll(b.modulePath);
    }

    /** A runtime with default settings: print to standard output, cwd "/", empty os.environ. */
    public PythonRuntime() {
        this(builder());
    }

    /** Starts configuring a runtime. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configuration for {@link PythonRuntime}. */
    public static final class Builder {
        private Consumer<String> stdout = s -> System.out.print(s);
        private Path cwd = Path.of("/");
        private Map<String, String> environ = new LinkedHashMap<>();
        private final List<Path> modulePath = new ArrayList<>();
        private long codeCacheSize = 100_000;

        private Builder() {}

        /** Where {@code print} writes (each call receives the full text including the end string). */
        public Builder stdout(Consumer<String> sink) {
            this.stdout = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The directory {@code os.getcwd()} and {@code os.path.abspath} use. */
        public Builder cwd(Path dir) {
            this.cwd = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The content of {@code os.environ} (read-only to Python). */
        public Builder environ(Map<String, String> env) {
            this.environ = new LinkedHashMap<>(env);
            return this;
        }

        /** Adds a directory searched by {@code import} for pure-Python modules and packages. */
        public Builder addModulePath(Path dir) {
            modulePath.add(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /** How many compiled texts to keep (0: none); when the cache is full it is emptied. */
        public Builder codeCacheSize(long size) {
            this.codeCacheSize = size;
            return this;
        }

        /** Builds the runtime. */
        public PythonRuntime build() {
            return new PythonRuntime(this);
        }
    }

    /**
     * Compiles source, or returns the cached result for the same text, file, line and mode.
     *
     * @param firstLine the line number of the source's first line in {@code file}, for messages
     * @throws PythonSyntaxError when the source is not valid Python
     */
    public Code compile(String source, String file, int firstLine, Mode mode) {
        CodeKey key = new CodeKey(source, file, firstLine, mode);
        Code c = codeCache.get(key);
        if (c != null) {
            return c;
        }
        try {
            c = mode == Mode.EVAL ? Parser.parseExpression(source, file, firstLine)
                    : Parser.parseModule(source, file, firstLine);
        } catch (StackOverflowError e) {
            throw new PythonSyntaxError(file, firstLine, 1, "bitzel: too many nested parentheses or blocks");
        }
        if (codeCacheSize > 0) {
            if (codeCache.size() >= codeCacheSize) {
                codeCache.clear();
            }
            codeCache.put(key, c);
        }
        return c;
    }

    /** A fresh global scope with {@code __name__} set, for {@link #eval}. */
    public PyDict newGlobals(String moduleName) {
        PyDict g = new PyDict();
        g.put("__name__", moduleName);
        g.put("__builtins__", builtins);
        return g;
    }

    /**
     * Runs code in a global scope: returns the expression's value in EVAL mode, None in EXEC mode.
     *
     * @throws PythonError when the code raises
     */
    public Object eval(Code code, PyDict globals) {
        Frame f = new Frame(this, code.file, null, null, globals, globals, null);
        try {
            if (code.expr != null) {
                return code.expr.eval(f);
            }
            Stmt.run(code.body, f);
            return PyNone.NONE;
        } catch (PythonError e) {
            e.addTraceback(code.file, f.line == 0 && code.expr != null ? code.expr.line : f.line, "<module>");
            throw e;
        } catch (StackOverflowError e) {
            throw PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    /**
     * Runs code with separate global and local scopes (Python's {@code eval(code, globals, locals)}): names are
     * read from {@code locals}, then {@code globals}, then the builtins; top-level assignments go to
     * {@code locals}.
     *
     * @throws PythonError when the code raises
     */
    public Object eval(Code code, PyDict globals, PyDict locals) {
        Frame f = new Frame(this, code.file, null, null, globals, locals, null);
        try {
            if (code.expr != null) {
                return code.expr.eval(f);
            }
            Stmt.run(code.body, f);
            return PyNone.NONE;
        } catch (PythonError e) {
            e.addTraceback(code.file, f.line == 0 && code.expr != null ? code.expr.line : f.line, "<module>");
            throw e;
        } catch (StackOverflowError e) {
            throw PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    /** Calls a Python callable with Java arguments (converted with {@link #toPython}); returns a Python value. */
    public Object call(Object callable, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = toPython(args[i]);
        }
        return Ops.call(callable, a, null);
    }

    /** Calls a Python callable with keyword arguments; values must already be Python values. */
    public Object callWithKeywords(Object callable, Object[] args, Map<String, Object> kwargs) {
        return Ops.call(callable, args, kwargs);
    }

    /** Registers a Java-implemented module; {@code import} finds registered modules first. */
    public void registerModule(PyModule module) {
        modules.put(module.name(), module);
    }

    /** Adds a name to the builtins every module sees (BitBake's bb.build puts {@code bb} and {@code os} there). */
    public void setBuiltin(String name, Object value) {
        builtins.put(Objects.requireNonNull(name, "name"), value);
    }

    /** Registers a Java-implemented module under a second name (an alias such as {@code bb.fetch}). */
    public void registerModule(String name, PyModule module) {
        modules.put(Objects.requireNonNull(name, "name"), module);
    }

    /**
     * Registers a module given as Python source, compiled and run on first import (before the module path
     * is searched). Useful for small shims of BitBake or standard-library modules.
     */
    public void registerSourceModule(String name, String source) {
        sourceModules.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(source, "source"));
    }

    /**
     * A new module whose namespace is a global scope of this runtime (so Python source can be run in it with
     * {@link #exec}); not registered.
     */
    public PyModule newModule(String name) {
        PyModule m = new PyModule(name, newGlobals(name));
        NativeModules.addHelpers(m.dict());
        return m;
    }

    /**
     * Runs Python source in a module's namespace (e.g. to define classes next to a native module's functions).
     *
     * @throws PythonSyntaxError when the source is not valid Python
     * @throws PythonError when it raises
     */
    public void exec(PyModule module, String source, String file) {
        eval(compile(source, file, 1, Mode.EXEC), module.dict());
    }

    /** Adds a directory searched for pure-Python modules, after the ones already added. */
    public void addModulePath(Path dir) {
        modulePath.add(Objects.requireNonNull(dir, "dir"));
    }

    /** Whether a name is one of the builtins. */
    public boolean isBuiltin(String name) {
        return builtins.containsKey(name);
    }

    /** The module registered or loaded under a name, or null. */
    public PyModule loadedModule(String name) {
        return modules.get(name);
    }

    // ---------------------------------------------------------------- conversions

    /**
     * Converts a Java value to Python: null to None, Integer/Long/BigInteger to int, CharSequence to str,
     * List to list, Set to set, Map to dict (recursively); Python values pass through.
     */
    public static Object toPython(Object v) {
        if (v == null) {
            return PyNone.NONE;
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float fl) {
            return (double) fl;
        }
        if (v instanceof java.math.BigInteger b) {
            return Ints.normalize(b);
        }
        if (v instanceof CharSequence && !(v instanceof String)) {
            return v.toString();
        }
        if (v instanceof List<?> l) {
            PyList r = new PyList();
            for (Object o : l) {
                r.list.add(toPython(o));
            }
            return r;
        }
        if (v instanceof java.util.Set<?> s) {
            PySet r = new PySet(false);
            for (Object o : s) {
                r.add(toPython(o));
            }
            return r;
        }
        if (v instanceof Map<?, ?> m) {
            PyDict d = new PyDict();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                d.put(toPython(e.getKey()), toPython(e.getValue()));
            }
            return d;
        }
        if (v instanceof byte[] b) {
            return new PyBytes(b.clone());
        }
        return v;
    }

    /**
     * Converts a Python value to plain Java: None to null, int to Long or BigInteger, bool to Boolean, str to
     * String, float to Double, list and tuple to List, dict to Map (insertion-ordered), set to Set; other
     * objects pass through.
     */
    public static Object toJava(Object v) {
        if (v == PyNone.NONE || v == null) {
            return null;
        }
        if (v instanceof PyList l) {
            List<Object> r = new ArrayList<>(l.list.size());
            for (Object o : l.list) {
                r.add(toJava(o));
            }
            return r;
        }
        if (v instanceof PyTuple t) {
            List<Object> r = new ArrayList<>(t.items.length);
            for (Object o : t.items) {
                r.add(toJava(o));
            }
            return r;
        }
        if (v instanceof PyDict d) {
            Map<Object, Object> r = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : d.entries()) {
                r.put(toJava(e.getKey()), toJava(e.getValue()));
            }
            return r;
        }
        if (v instanceof PySet s) {
            java.util.Set<Object> r = new java.util.LinkedHashSet<>();
            for (Object o : s.elements()) {
                r.add(toJava(o));
            }
            return r;
        }
        if (v instanceof PyBytes b) {
            return b.toByteArray();
        }
        return v;
    }

    // ---------------------------------------------------------------- imports

    /** Imports a module by absolute dotted name (loading parent packages first) and returns it. */
    public PyModule importModule(String name) {
        PyModule m = modules.get(name);
        if (m != null && !loading.contains(name)) {
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                // a registered submodule becomes an attribute of its package, as an import would make it
                PyModule parent = importModule(name.substring(0, dot));
                if (parent.dict().get(name.substring(dot + 1)) == null) {
                    importLock.lock();
                    try {
                        parent.dict().put(name.substring(dot + 1), m);
                    } finally {
                        importLock.unlock();
                    }
                }
            }
            return m;
        }
        PyModule r = tryImport(name);
        if (r == null) {
            throw PythonError.of(Exceptions.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
        }
        return r;
    }

    Object tryImportSubmodule(String name) {
        PyModule m = modules.get(name);
        return m != null && !loading.contains(name) ? m : tryImport(name);
    }

    private PyModule tryImport(String name) {
        int dot = name.lastIndexOf('.');
        PyModule parent = null;
        if (dot >= 0) {
            parent = importModule(name.substring(0, dot));
        }
        importLock.lock();
        try {
            // under the lock: a module still loading is only visible to the thread loading it (circular imports)
            PyModule m = modules.get(name);
            if (m != null) {
                return m;
            }
            String source = sourceModules.get(name);
            if (source == null) {
                source = SourceModules.file(name);
            }
            if (source != null) {
                m = new PyModule(name, newGlobals(name));
                NativeModules.addHelpers(m.dict());
                // marked loading before it is visible: another thread that finds it then waits for the lock
                // instead of using a module whose code has not run to the end
                loading.add(name);
                modules.put(name, m);
                try {
                    eval(compile(source, "<bitzel>/" + name + ".py", 1, Mode.EXEC), m.dict());
                } catch (PythonSyntaxError e) {
                    modules.remove(name);
                    throw PythonError.of(Exceptions.SYNTAX_ERROR, e.getMessage());
                } catch (RuntimeException e) {
                    modules.remove(name);
                    throw e;
                } finally {
                    loading.remove(name);
                }
                if (parent != null) {
                    parent.dict().put(name.substring(dot + 1), m);
                }
                return m;
            }
            List<Path> search = new ArrayList<>();
            if (parent != null) {
                Object path = parent.dict().get("__path__");
                if (path == null) {
                    return null;
                }
                for (Object p : Ops.toList(path)) {
                    search.add(Path.of(Ops.str(p)));
                }
            } else {
                search.addAll(modulePath);
            }
            String leaf = name.substring(dot + 1);
            // PEP 420: directories without __init__.py are portions of a namespace package, used when no regular
            // package or module of the name is found on the whole path
            PyList portions = new PyList();
            for (Path dir : search) {
                Path pkg = dir.resolve(leaf).resolve("__init__.py");
                Path mod = dir.resolve(leaf + ".py");
                HostAccess.pathProbed(pkg.toAbsolutePath().toString());
                HostAccess.pathProbed(mod.toAbsolutePath().toString());
                if (Files.isRegularFile(pkg)) {
                    m = load(name, pkg, true);
                } else if (Files.isRegularFile(mod)) {
                    m = load(name, mod, false);
                } else if (Files.isDirectory(dir.resolve(leaf))) {
                    portions.list.add(dir.resolve(leaf).toString());
                }
                if (m != null) {
                    break;
                }
            }
            if (m == null && !portions.list.isEmpty()) {
                m = new PyModule(name, newGlobals(name));
                m.dict().put("__package__", name);
                m.dict().put("__file__", PyNone.NONE);
                m.dict().put("__path__", portions);
                modules.put(name, m);
            }
            if (m != null && parent != null) {
                parent.dict().put(leaf, m);
            }
            return m;
        } finally {
            importLock.unlock();
        }
    }

    private PyModule load(String name, Path file, boolean isPackage) {
        String src;
        HostAccess.fileRead(file.toAbsolutePath().toString());
        try {
            src = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw PythonError.of(Exceptions.IMPORT_ERROR, "cannot read " + file + ": " + e.getMessage());
        }
        PyModule m = new PyModule(name, newGlobals(name));
        m.dict().put("__file__", file.toString());
        m.dict().put("__package__", isPackage ? name : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "");
        if (isPackage) {
            PyList path = new PyList();
            path.list.add(file.getParent().toString());
            m.dict().put("__path__", path);
        }
        loading.add(name); // before it is visible, as for source modules
        modules.put(name, m);
        try {
            Code c = compile(src, file.toString(), 1, Mode.EXEC);
            eval(c, m.dict());
        } catch (PythonSyntaxError e) {
            modules.remove(name);
            throw PythonError.of(Exceptions.SYNTAX_ERROR, e.getMessage());
        } catch (RuntimeException e) {
            modules.remove(name);
            throw e;
        } finally {
            loading.remove(name);
        }
        return m;
    }

    String resolveRelative(String module, int level, PyDict globals) {
        if (level == 0) {
            return module;
        }
        Object pkg = globals.get("__package__");
        String base;
        if (pkg instanceof String s && !s.isEmpty()) {
            base = s;
        } else {
            Object n = globals.get("__name__");
            String nm = n == null ? "" : Ops.str(n);
            base = globals.get("__path__") != null ? nm : nm.contains(".") ? nm.substring(0, nm.lastIndexOf('.')) : "";
        }
        for (int i = 1; i < level; i++) {
            int dot = base.lastIndexOf('.');
            if (dot < 0) {
                throw PythonError.of(Exceptions.IMPORT_ERROR, "attempted relative import beyond top-level package");
            }
            base = base.substring(0, dot);
        }
        if (base.isEmpty()) {
            throw PythonError.of(Exceptions.IMPORT_ERROR, "attempted relative import with no known parent package");
        }
        return module == null ? base : base + "." + module;
    }
}
