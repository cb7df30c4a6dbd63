package dev.bitzel.parser.internal.bb;

import dev.bitzel.parser.Versions;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.data.UncheckedExpansionException;
import dev.bitzel.parser.internal.python.Code;
import dev.bitzel.parser.internal.python.Exceptions;
import dev.bitzel.parser.internal.python.NativeObject;
import dev.bitzel.parser.internal.python.Ops;
import dev.bitzel.parser.internal.python.PyDict;
import dev.bitzel.parser.internal.python.PyList;
import dev.bitzel.parser.internal.python.PyModule;
import dev.bitzel.parser.internal.python.PyNone;
import dev.bitzel.parser.internal.python.PyTuple;
import dev.bitzel.parser.internal.python.PythonError;
import dev.bitzel.parser.internal.python.PythonRuntime;
import dev.bitzel.parser.internal.python.PythonSyntaxError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PythonEvaluator} that runs metadata's Python on the built-in interpreter, with BitBake's {@code d}
 * and the part of the {@code bb} API that parsing needs so far ({@code bb.utils.contains}, {@code contains_any},
 * {@code filter}, {@code to_boolean}, {@code vercmp_string}, {@code explode_deps}, {@code bb.parse.vars_from_file},
 * the logging functions). Anything else a layer calls raises a Python exception naming it, which surfaces as a
 * located expansion error or a diagnostic — never a silently wrong value.
 *
 * <p>Thread-safe: one instance serves all recipes parsed in parallel; each evaluation gets fresh globals, and
 * compiled code is shared.
 */
public final class BitbakePython implements PythonEvaluator {
    private final PythonRuntime runtime = PythonRuntime.builder().build();
    /** Functions from {@code def} blocks, by name, as BitBake's method pool holds them. */
    private final ConcurrentHashMap<String, Object> defs = new ConcurrentHashMap<>();

    /** Creates an evaluator with the {@code bb} API registered. */
    public BitbakePython() {
        PyModule utils = new PyModule("bb.utils")
                .def("contains", (a, kw) -> contains(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "truevalue"), arg(a, kw, 3, "falsevalue"), arg(a, kw, 4, "d"), false))
                .def("contains_any", (a, kw) -> contains(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "truevalue"), arg(a, kw, 3, "falsevalue"), arg(a, kw, 4, "d"), true))
                .def("filter", (a, kw) -> filter(arg(a, kw, 0, "variable"), arg(a, kw, 1, "checkvalues"),
                        arg(a, kw, 2, "d")))
                .def("to_boolean", (a, kw) -> toBoolean(a.length > 0 ? a[0] : PyNone.NONE,
                        a.length > 1 ? a[1] : Boolean.FALSE))
                .def("vercmp_string", (a, kw) -> (long) Versions.compare(Ops.str(a[0]), Ops.str(a[1])))
                .def("explode_deps", (a, kw) -> new PyList(new ArrayList<>(Versions.explodeDeps(Ops.str(a[0])))))
                .def("which", (a, kw) -> which(arg(a, kw, 0, "path"), arg(a, kw, 1, "item"),
                        optional(a, kw, 2, "direction", 0L), optional(a, kw, 3, "history", Boolean.FALSE),
                        optional(a, kw, 4, "executable", Boolean.FALSE)));
        PyModule parse = new PyModule("bb.parse")
                .def("vars_from_file", (a, kw) -> varsFromFile(a.length > 0 ? a[0] : PyNone.NONE));
        PyModule bb = new PyModule("bb").set("utils", utils).set("parse", parse);
        for (String level : List.of("note", "debug", "plain", "warn", "error")) {
            bb.def(level, (a, kw) -> PyNone.NONE);
        }
        bb.def("fatal", (a, kw) -> {
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "bb.fatal: " + joined(a));
        });
        runtime.registerModule(bb);
        runtime.registerModule(utils);
        runtime.registerModule(parse);
        // BitBake's configuration reads the build host's identity (bitbake.conf: BUILD_ARCH := os.uname()[4]).
        runtime.importModule("os").def("uname", (a, kw) -> hostUname());
    }

    @Override
    public String evaluateExpression(String code, DataStore d, String varname) throws PythonException {
        try {
            Code compiled = runtime.compile(code.strip(), varname == null ? "<expansion>" : varname,
                    1, PythonRuntime.Mode.EVAL);
            Object value = runtime.eval(compiled, globals(d));
            return value == PyNone.NONE ? "None" : Ops.str(value);
        } catch (PythonSyntaxError e) {
            throw PythonException.syntaxError(code, e.reason());
        } catch (PythonError e) {
            throw new PythonException(code, e.typeName(), e.pythonMessage());
        }
    }

    @Override
    public void define(String name, String source, String file, int line) {
        try {
            PyDict g = globals(null);
            runtime.eval(runtime.compile(source, file, Math.max(1, line), PythonRuntime.Mode.EXEC), g);
            Object f = g.get(name);
            if (f != null) {
                defs.put(name, f);
            }
        } catch (PythonSyntaxError | PythonError e) {
            // Parsing goes on, as BitBake's would until the function is called; the call then fails by name.
            defs.remove(name);
        }
    }

    @Override
    public void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        String source = "def " + name + "(d):\n" + body;
        try {
            PyDict g = globals(d);
            runtime.eval(runtime.compile(source, file, Math.max(1, line - 1), PythonRuntime.Mode.EXEC), g);
            runtime.call(g.get(name), g.get("d"));
        } catch (PythonSyntaxError e) {
            throw PythonException.syntaxError(source, e.reason());
        } catch (PythonError e) {
            throw new PythonException(source, e.typeName(), e.format());
        }
    }

    private PyDict globals(DataStore d) {
        PyDict g = runtime.newGlobals("__main__");
        defs.forEach(g::put);
        // bb.utils.clean_context(): what every metadata expression sees without importing it.
        g.put("bb", runtime.importModule("bb"));
        g.put("os", runtime.importModule("os"));
        g.put("time", runtime.importModule("time"));
        if (d != null) {
            g.put("d", datastore(d));
        }
        return g;
    }

    /** BitBake's {@code d} for Python: the parser's store behind the {@code DataSmart} methods. */
    static NativeObject datastore(DataStore d) {
        return NativeObject.builder("DataSmart")
                .method("getVar", (a, kw) -> pyValue(call(() -> d.getVar(Ops.str(a[0]),
                        a.length < 2 || Ops.isTrue(a[1])))))
                .method("getVarFlag", (a, kw) -> pyValue(call(() -> d.getVarFlag(Ops.str(a[0]), Ops.str(a[1]),
                        a.length < 3 || Ops.isTrue(a[2])))))
                .method("setVar", (a, kw) -> {
                    set(d, Ops.str(a[0]), a[1]);
                    return PyNone.NONE;
                })
                .method("setVarFlag", (a, kw) -> {
                    d.setVarFlag(Ops.str(a[0]), Ops.str(a[1]), Ops.str(a[2]), new Origin("setVarFlag", null, 0));
                    return PyNone.NONE;
                })
                .method("appendVar", (a, kw) -> {
                    d.appendVar(Ops.str(a[0]), Ops.str(a[1]), new Origin("append", null, 0));
                    return PyNone.NONE;
                })
                .method("prependVar", (a, kw) -> {
                    d.prependVar(Ops.str(a[0]), Ops.str(a[1]), new Origin("prepend", null, 0));
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
                .method("expand", (a, kw) -> pyValue(call(() -> d.expand(a[0] == PyNone.NONE ? null
                        : Ops.str(a[0])))))
                .build();
    }

    private static void set(DataStore d, String var, Object value) {
        Origin origin = new Origin("set", null, 0);
        if (value == PyNone.NONE) {
            d.delVar(var, origin);
        } else {
            d.setVar(var, Ops.str(value), origin);
        }
    }

    /** A datastore read that may fail to expand. */
    @FunctionalInterface
    interface Read {
        String run() throws ExpansionException;
    }

    private static String call(Read read) {
        try {
            return read.run();
        } catch (ExpansionException e) {
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "ExpansionError: " + e.getMessage());
        } catch (UncheckedExpansionException e) {
            throw PythonError.of(Exceptions.RUNTIME_ERROR, "ExpansionError: " + e.getMessage());
        }
    }

    private static Object pyValue(String s) {
        return s == null ? PyNone.NONE : s;
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
        return PyTuple.of(System.getProperty("os.name", "Linux"), node, System.getProperty("os.version", ""), "",
                machine);
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
        Set<String> have = new LinkedHashSet<>(words(Ops.str(value)));
        Set<String> want = checkValues instanceof String s ? new LinkedHashSet<>(words(s))
                : new LinkedHashSet<>(strings(checkValues));
        boolean match = any ? want.stream().anyMatch(have::contains) : have.containsAll(want);
        return match ? trueValue : falseValue;
    }

    /** {@code bb.utils.filter}: the check values present in the variable, space-joined in sorted order. */
    private static Object filter(Object variable, Object checkValues, Object d) {
        Object value = Ops.callMethod(d, "getVar", new Object[] {variable}, null);
        if (value == PyNone.NONE) {
            return "";
        }
        Set<String> have = new LinkedHashSet<>(words(Ops.str(value)));
        List<String> want = checkValues instanceof String s ? words(s) : strings(checkValues);
        return String.join(" ", want.stream().filter(have::contains).distinct().sorted().toList());
    }

    /** {@code bb.utils.to_boolean}. */
    private static Object toBoolean(Object value, Object dflt) {
        if (value == PyNone.NONE) {
            return dflt;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String s = Ops.str(value).toLowerCase(java.util.Locale.ROOT);
        if (List.of("y", "yes", "1", "true").contains(s)) {
            return Boolean.TRUE;
        }
        if (List.of("n", "no", "0", "false").contains(s)) {
            return Boolean.FALSE;
        }
        throw PythonError.of(Exceptions.VALUE_ERROR, "Invalid value for to_boolean: " + Ops.repr(value));
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

    private static List<String> words(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
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
