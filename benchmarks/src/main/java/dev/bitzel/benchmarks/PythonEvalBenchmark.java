package dev.bitzel.benchmarks;

import dev.bitzel.parser.internal.python.Code;
import dev.bitzel.parser.internal.python.NativeObject;
import dev.bitzel.parser.internal.python.Ops;
import dev.bitzel.parser.internal.python.PyDict;
import dev.bitzel.parser.internal.python.PyModule;
import dev.bitzel.parser.internal.python.PyNone;
import dev.bitzel.parser.internal.python.PythonRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the built-in Python interpreter evaluates metadata's inline Python and compiles modules: an
 * inline {@code bb.utils.contains} expression (native stub, pre-compiled), the same through a helper written
 * in Python (as {@code oe.utils} helpers are), and compiling a module of about 300 lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PythonEvalBenchmark {

    /** A poky Python module of about 300 lines to compile; a synthetic one is used when it is missing. */
    @Param("/work/poky/meta/lib/oe/path.py")
    public String module;

    private PythonRuntime runtime;
    private PythonRuntime uncached;
    private PyDict globals;
    private Code contains;
    private Code pythonHelper;
    private Code expression;
    private String moduleText;

    /** Sets up a datastore stub, a native bb.utils.contains and a Python-defined helper. */
    @Setup
    public void setUp() throws IOException {
        runtime = new PythonRuntime();
        uncached = PythonRuntime.builder().codeCacheSize(0).build();
        Map<String, String> vars = Map.of("DISTRO_FEATURES", "acl alsa ipv6 x11 wayland opengl", "PN", "busybox");
        NativeObject d = NativeObject.builder("DataSmart")
                .method("getVar", (a, kw) -> {
                    String v = vars.get((String) a[0]);
                    return v == null ? PyNone.NONE : v;
                })
                .build();
        PyModule utils = new PyModule("bb.utils").def("contains", (a, kw) -> {
            Object value = Ops.callMethod(a[4], "getVar", new Object[] {a[0]}, null);
            if (value == PyNone.NONE) {
                return a[3];
            }
            List<String> have = List.of(((String) value).split(" "));
            for (String want : ((String) a[1]).split(" ")) {
                if (!have.contains(want)) {
                    return a[3];
                }
            }
            return a[2];
        });
        PyModule bb = new PyModule("bb").set("utils", utils);
        globals = runtime.newGlobals("__main__");
        globals.put("d", d);
        globals.put("bb", bb);
        runtime.eval(runtime.compile("""
                def contains_py(variable, checkvalues, truevalue, falsevalue, d):
                    val = d.getVar(variable)
                    if not val:
                        return falsevalue
                    val = set(val.split())
                    if isinstance(checkvalues, str):
                        checkvalues = set(checkvalues.split())
                    else:
                        checkvalues = set(checkvalues)
                    if checkvalues.issubset(val):
                        return truevalue
                    return falsevalue
                """, "helpers.py", 1, PythonRuntime.Mode.EXEC), globals);
        contains = runtime.compile("bb.utils.contains('DISTRO_FEATURES', 'x11 opengl', 'gl', '', d)", "x.bb", 1,
                PythonRuntime.Mode.EVAL);
        pythonHelper = runtime.compile("contains_py('DISTRO_FEATURES', 'x11 opengl', 'gl', '', d)", "x.bb", 1,
                PythonRuntime.Mode.EVAL);
        expression = runtime.compile("d.getVar('PN') + ('-native' if 'native' in d.getVar('PN') else '') + "
                + "' '.join(f.upper() for f in d.getVar('DISTRO_FEATURES').split()[:3])", "x.bb", 1,
                PythonRuntime.Mode.EVAL);
        Path p = Path.of(module);
        if (Files.isRegularFile(p)) {
            moduleText = Files.readString(p);
        } else {
            StringBuilder sb = new StringBuilder("import os\n");
            for (int i = 0; i < 30; i++) {
                sb.append("def f").append(i).append("(a, b=").append(i).append(", *rest, **kw):\n")
                        .append("    '''Doc.'''\n    r = [x * b for x in range(a) if x % 2]\n")
                        .append("    for k, v in kw.items():\n        r.append('%s=%s' % (k, v))\n")
                        .append("    try:\n        return os.path.join(*[str(x) for x in r])\n")
                        .append("    except (TypeError, ValueError) as e:\n        raise RuntimeError(str(e)) from e\n\n");
            }
            moduleText = sb.toString();
        }
    }

    /** {@code bb.utils.contains(...)} with a native implementation, from pre-compiled code. */
    @Benchmark
    public Object inlineContainsNative() {
        return runtime.eval(contains, globals);
    }

    /** The same check through a helper function written in Python. */
    @Benchmark
    public Object inlineContainsPythonHelper() {
        return runtime.eval(pythonHelper, globals);
    }

    /** String building with a conditional, a generator expression and method calls. */
    @Benchmark
    public Object inlineStringExpression() {
        return runtime.eval(expression, globals);
    }

    /** Lexing, parsing and resolving scopes of the module (the code cache is off). */
    @Benchmark
    public Code compileModule() {
        return uncached.compile(moduleText, "module.py", 1, PythonRuntime.Mode.EXEC);
    }
}
