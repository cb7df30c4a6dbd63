package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonRuntimeTest {
    private final PythonRuntime rt = new PythonRuntime();

    private Object eval(String expr, PyDict globals) {
        return rt.eval(rt.compile(expr, "test.bb", 1, PythonRuntime.Mode.EVAL), globals);
    }

    private PyDict exec(String src) {
        PyDict g = rt.newGlobals("__main__");
        rt.eval(rt.compile(src, "test.py", 1, PythonRuntime.Mode.EXEC), g);
        return g;
    }

    /** A datastore stand-in and a native bb.utils.contains, as the BitBake binding will provide them. */
    static PyDict bitbakeGlobals(PythonRuntime rt, Map<String, String> vars) {
        NativeObject d = NativeObject.builder("DataSmart")
                .method("getVar", (a, kw) -> {
                    String v = vars.get(Ops.str(a[0]));
                    return v == null ? PyNone.NONE : v;
                })
                .build();
        PyModule utils = new PyModule("bb.utils").def("contains", (a, kw) -> {
            Object value = Ops.callMethod(a[4], "getVar", new Object[] {a[0]}, null);
            if (value == PyNone.NONE) {
                return a[3];
            }
            List<String> have = List.of(Ops.str(value).split("\\s+"));
            for (String want : Ops.str(a[1]).split("\\s+")) {
                if (!have.contains(want)) {
                    return a[3];
                }
            }
            return a[2];
        });
        PyModule bb = new PyModule("bb").set("utils", utils);
        rt.registerModule(bb);
        rt.registerModule(utils);
        PyDict g = rt.newGlobals("__main__");
        g.put("d", d);
        g.put("bb", bb);
        return g;
    }

    @Test
    void aModuleImportedByTwoThreadsAtOnceIsSeenOnlyWhenItsCodeHasRun() throws Exception {
        // the last definition of collections' source: a thread that saw the module before its code ran to the end
        // would miss it
        for (int round = 0; round < 200; round++) {
            PythonRuntime fresh = new PythonRuntime();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<Object> importer = () -> {
                start.await();
                return Ops.getattr(fresh.importModule("collections"), "namedtuple");
            };
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(importer);
                var second = pool.submit(importer);
                assertThat(first.get()).isNotNull().isSameAs(second.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Evaluation {
        @Test
        void evaluatesAnInlineExpressionAgainstANativeDatastore() {
            PyDict g = bitbakeGlobals(rt, Map.of("DISTRO_FEATURES", "x11 wayland", "PN", "foo"));
            assertThat(eval("bb.utils.contains('DISTRO_FEATURES', 'x11', 'gtk', 'none', d)", g)).isEqualTo("gtk");
            assertThat(eval("bb.utils.contains('DISTRO_FEATURES', 'x11 opengl', 'gl', '', d)", g)).isEqualTo("");
            assertThat(eval("d.getVar('PN') + '-dev'", g)).isEqualTo("foo-dev");
            assertThat(eval("d.getVar('MISSING') or 'default'", g)).isEqualTo("default");
        }

        @Test
        void compiledCodeIsCachedByText() {
            Code a = rt.compile("1 + 2", "a.bb", 3, PythonRuntime.Mode.EVAL);
            assertThat(rt.compile("1 + 2", "a.bb", 3, PythonRuntime.Mode.EVAL)).isSameAs(a);
            assertThat(rt.compile("1 + 2", "a.bb", 3, PythonRuntime.Mode.EXEC)).isNotSameAs(a);
            assertThat(a.isExpression()).isTrue();
        }

        @Test
        void execDefinesFunctionsJavaCanCall() {
            PyDict g = exec("def add(a, b=10):\n    return a + b\n");
            Object add = g.get("add");
            assertThat(rt.call(add, 1, 2)).isEqualTo(3L);
            assertThat(rt.call(add, 5)).isEqualTo(15L);
            assertThat(rt.callWithKeywords(add, new Object[] {1L}, Map.of("b", 100L))).isEqualTo(101L);
        }

        @Test
        void printGoesToTheConfiguredSink() {
            StringBuilder out = new StringBuilder();
            PythonRuntime r = PythonRuntime.builder().stdout(out::append).build();
            r.eval(r.compile("print('a', 1, sep='-')", "p.py", 1, PythonRuntime.Mode.EXEC), r.newGlobals("m"));
            assertThat(out).hasToString("a-1\n");
        }

        @Test
        void osModuleUsesTheConfiguredEnvironmentAndDirectory() {
            PythonRuntime r = PythonRuntime.builder().cwd(Path.of("/work/build")).environ(Map.of("HOME", "/h")).build();
            PyDict g = r.newGlobals("m");
            r.eval(r.compile("import os", "x.py", 1, PythonRuntime.Mode.EXEC), g);
            assertThat(r.eval(r.compile("os.path.abspath('a/../b')", "x", 1, PythonRuntime.Mode.EVAL), g))
                    .isEqualTo("/work/build/b");
            assertThat(r.eval(r.compile("os.environ['HOME'] + os.getcwd()", "x", 1, PythonRuntime.Mode.EVAL), g))
                    .isEqualTo("/h/work/build");
        }

        @Test
        void importsRegisteredSourceModules() {
            rt.registerSourceModule("shim", "VALUE = 3\ndef f():\n    return VALUE * 2\n");
            PyDict g = exec("from shim import f\nr = f()\n");
            assertThat(g.get("r")).isEqualTo(6L);
        }

        @Test
        void bigJsonDocumentsLoadedAgainAreIndependentCopies(@TempDir Path dir) throws Exception {
            // json.load keeps big documents parsed and hands out lazy copies: each load must behave as a fresh parse
            StringBuilder doc = new StringBuilder("{\"version\": \"3\", \"licenses\": [");
            for (int i = 0; i < 400; i++) {
                doc.append(i == 0 ? "" : ", ").append("{\"licenseId\": \"L").append(i)
                        .append("\", \"seeAlso\": [\"https://example.com/").append(i)
                        .append("\"], \"meta\": {\"osi\": true}}");
            }
            Path file = dir.resolve("licenses.json");
            Files.writeString(file, doc.append("]}").toString());
            assertThat(Files.size(file)).isGreaterThan(16 * 1024);
            PyDict g = exec("import json\n"
                    + "def load():\n"
                    + "    with open('" + file + "') as f:\n"
                    + "        return json.load(f)\n"
                    + "a = load()\n"
                    + "a['licenses'] = {l['licenseId']: l for l in a['licenses']}\n"
                    + "a['licenses']['L7']['seeAlso'].append('changed')\n"
                    + "a['licenses']['L8']['meta']['osi'] = False\n"
                    + "a['version'] = '4'\n"
                    + "b = load()\n"
                    + "c = b['licenses'][8]['meta'].copy()\n"
                    + "c['osi'] = 'copy'\n"
                    + "b['licenses'][9]['meta']['extra'] = 1\n"
                    + "e = load()\n"
                    + "r = [a['version'], a['licenses']['L7']['seeAlso'], a['licenses']['L8']['meta']['osi'],\n"
                    + "     b['version'], b['licenses'][7]['seeAlso'], b['licenses'][8]['meta']['osi'],\n"
                    + "     sorted(b['licenses'][9]['meta']), c, len(b['licenses']), b == e,\n"
                    + "     sorted(e['licenses'][9]['meta']), e['licenses'][8] == load()['licenses'][8]]\n");
            assertThat(Ops.repr(g.get("r"))).isEqualTo("['4', ['https://example.com/7', 'changed'], False, "
                    + "'3', ['https://example.com/7'], True, ['extra', 'osi'], {'osi': 'copy'}, 400, False, "
                    + "['osi'], True]");
        }

        @Test
        void lookupsInLazyCopiesOfBigJsonDocumentsFindKeysByValueNotOnlyByIdentity(@TempDir Path dir)
                throws Exception {
            StringBuilder doc = new StringBuilder("{\"items\": [");
            for (int i = 0; i < 600; i++) {
                doc.append(i == 0 ? "" : ", ").append("{\"id\": \"N").append(i).append("\", \"n\": ").append(i)
                        .append("}");
            }
            Path file = dir.resolve("items.json");
            Files.writeString(file, doc.append("]}").toString());
            PyDict g = exec("import json\n"
                    + "def load():\n"
                    + "    with open('" + file + "') as f:\n"
                    + "        return json.load(f)\n"
                    + "a = load()\n"
                    + "k = ''.join(['i', 'd'])\n" // made at run time: not the interned constant
                    + "x = a['items'][5]\n"
                    + "r = [x[k], x['n'], x.get('nope'), 'n' in x, x.get(k + 'x', 'dflt'), len(x)]\n"
                    + "x['n'] = 'changed'\n"
                    + "r += [x['n'], x[k], load()['items'][5]['n']]\n");
            assertThat(Ops.repr(g.get("r"))).isEqualTo("['N5', 5, None, True, 'dflt', 2, 'changed', 'N5', 5]");
        }

        @Test
        void importsPurePythonPackagesFromTheModulePath(@TempDir Path dir) throws Exception {
            Path pkg = Files.createDirectories(dir.resolve("oe"));
            Files.writeString(pkg.resolve("__init__.py"), "");
            Files.writeString(pkg.resolve("helpers.py"), "def twice(x):\n    return x * 2\n");
            Files.writeString(pkg.resolve("utils.py"), "from .helpers import twice\nfrom . import helpers\n"
                    + "def quad(x):\n    return twice(helpers.twice(x))\n");
            rt.addModulePath(dir);
            PyDict g = exec("import oe.utils\nresult = oe.utils.quad(3)\nfrom oe.helpers import twice as t\n");
            assertThat(g.get("result")).isEqualTo(12L);
            assertThat(g.get("t")).isInstanceOf(PyFunction.class);
        }

        @Test
        void osEnvironChangesLastForOneEvaluationOnItsThread() throws Exception {
            PythonRuntime r = PythonRuntime.builder().environ(Map.of("HOME", "/h", "LANG", "en_US.UTF-8")).build();
            java.util.Map<String, String> before = EnvironmentChanges.begin();
            try {
                PyDict g = r.newGlobals("m");
                // the answers CPython 3.11 gives for the same statements (starting from HOME and LANG)
                r.eval(r.compile("import os\n"
                        + "os.environ['LIBC'] = '/lib/libc.so.6'\n"
                        + "a = [os.environ['LIBC'], os.getenv('LIBC'), 'LIBC' in os.environ, len(os.environ)]\n"
                        + "del os.environ['HOME']\n"
                        + "a += [os.environ.get('HOME', 'gone'), os.environ.pop('LANG'), os.environ.pop('LANG', 'x')]\n"
                        + "a += [os.environ.setdefault('Y', 'y'), os.environ.setdefault('Y', 'z'), sorted(os.environ)]\n"
                        + "os.environ.update({'Z': '1'}, W='2')\n"
                        + "a += [sorted(os.environ.items())]\n"
                        + "try:\n    os.environ['N'] = 1\nexcept TypeError as e:\n    a.append(str(e))\n"
                        + "try:\n    del os.environ['nope']\nexcept KeyError as e:\n    a.append(repr(e))\n",
                        "x", 1, PythonRuntime.Mode.EXEC), g);
                assertThat(Ops.repr(g.get("a"))).isEqualTo("['/lib/libc.so.6', '/lib/libc.so.6', True, 3, 'gone', 'en_US.UTF-8',"
                        + " 'x', 'y', 'y', ['LIBC', 'Y'], [('LIBC', '/lib/libc.so.6'), ('W', '2'), ('Y', 'y'),"
                        + " ('Z', '1')], 'str expected, not int', \"KeyError('nope')\"]");
            } finally {
                EnvironmentChanges.end(before);
            }
            // the next evaluation starts from the configured environment again
            java.util.Map<String, String> next = EnvironmentChanges.begin();
            try {
                PyDict g = r.newGlobals("m");
                r.eval(r.compile("import os\na = [os.environ.get('LIBC'), os.environ['HOME']]\n", "x", 1,
                        PythonRuntime.Mode.EXEC), g);
                assertThat(Ops.repr(g.get("a"))).isEqualTo("[None, '/h']");
            } finally {
                EnvironmentChanges.end(next);
            }
        }

        @Test
        void directoriesWithoutInitAreNamespacePackagesAsInCPython(@TempDir Path dir) throws Exception {
            // as meta-selftest's "addpylib ${LAYERDIR}/lib oeqa", whose oeqa (like meta/lib's) has no __init__.py
            Files.createDirectories(dir.resolve("a/ns"));
            Files.createDirectories(dir.resolve("b/ns"));
            Files.createDirectories(dir.resolve("c/ns2"));
            Files.createDirectories(dir.resolve("d/ns2"));
            Files.writeString(dir.resolve("a/ns/one.py"), "X = 1\n");
            Files.writeString(dir.resolve("b/ns/two.py"), "Y = 2\n");
            Files.writeString(dir.resolve("d/ns2/__init__.py"), "Z = 3\n");
            for (String p : List.of("a", "b", "c", "d")) {
                rt.addModulePath(dir.resolve(p));
            }
            // the answers CPython 3.11 gives for the same tree
            PyDict g = exec("import ns.one, ns.two, ns2\n"
                    + "r = [ns.one.X + ns.two.Y, [p[-4:] for p in ns.__path__], ns.__file__, ns.__package__, ns2.Z]\n");
            assertThat(Ops.repr(g.get("r"))).isEqualTo("[3, ['a/ns', 'b/ns'], None, 'ns', 3]");
            assertThatThrownBy(() -> exec("import nothing_here\n")).isInstanceOfSatisfying(PythonError.class,
                    e -> assertThat(e.getMessage()).isEqualTo("ModuleNotFoundError: No module named 'nothing_here'"));
        }
    }

    @Nested
    class Errors {
        @Test
        void pythonExceptionsSurfaceWithTypeMessageAndTraceback() {
            String src = "def inner():\n    raise ValueError('bad value')\n\ndef outer():\n    inner()\n\nouter()\n";
            assertThatThrownBy(() -> rt.eval(rt.compile(src, "recipe.bb", 100, PythonRuntime.Mode.EXEC),
                    rt.newGlobals("m")))
                    .isInstanceOfSatisfying(PythonError.class, e -> {
                        assertThat(e.typeName()).isEqualTo("ValueError");
                        assertThat(e.pythonMessage()).isEqualTo("bad value");
                        assertThat(e.getMessage()).isEqualTo("ValueError: bad value");
                        assertThat(e.traceback()).containsExactly(
                                "File \"recipe.bb\", line 106, in <module>",
                                "File \"recipe.bb\", line 104, in outer",
                                "File \"recipe.bb\", line 101, in inner");
                        assertThat(e.isInstance(Exceptions.EXCEPTION)).isTrue();
                    });
        }

        @Test
        void syntaxErrorsCarryFileLineAndColumn() {
            assertThatThrownBy(() -> rt.compile("x = 1\nif x\n    pass\n", "a.bbclass", 10, PythonRuntime.Mode.EXEC))
                    .isInstanceOfSatisfying(PythonSyntaxError.class, e -> {
                        assertThat(e.file()).isEqualTo("a.bbclass");
                        assertThat(e.line()).isEqualTo(11);
                        assertThat(e.column()).isEqualTo(5);
                        assertThat(e.reason()).isEqualTo("expected ':'");
                    });
            assertThatThrownBy(() -> rt.compile("f(", "e.bb", 1, PythonRuntime.Mode.EVAL))
                    .isInstanceOf(PythonSyntaxError.class);
            assertThatThrownBy(() -> rt.compile("def f():\nreturn 1\n", "e.py", 1, PythonRuntime.Mode.EXEC))
                    .hasMessageContaining("expected an indented block after function definition on line 1");
            assertThatThrownBy(() -> rt.compile("f() = 1", "e.py", 1, PythonRuntime.Mode.EXEC))
                    .hasMessageContaining("cannot assign to function call");
        }

        @Test
        void nativeFunctionsRaisePythonExceptionsThatPythonCatches() {
            PyDict g = rt.newGlobals("m");
            g.put("lookup", new PyBuiltin("lookup", (a, kw) -> {
                throw PythonError.of(Exceptions.KEY_ERROR, "nope");
            }));
            rt.eval(rt.compile("try:\n    lookup()\nexcept LookupError as e:\n    r = str(e)\n", "t", 1,
                    PythonRuntime.Mode.EXEC), g);
            assertThat(g.get("r")).isEqualTo("'nope'");
        }

        @Test
        void fileAndProcessAccessRaiseNamedNotImplementedErrors() {
            assertThatThrownBy(() -> exec("open('/etc/passwd', 'w')"))
                    .hasMessage("NotImplementedError: bitzel: open() with mode 'w' at parse time is not supported");
            assertThatThrownBy(() -> exec("open('/no/such/file')"))
                    .hasMessage("FileNotFoundError: [Errno 2] No such file or directory: '/no/such/file'");
            assertThatThrownBy(() -> exec("import os\nos.system('ls')"))
                    .hasMessage("NotImplementedError: bitzel: os.system is not supported");
            assertThatThrownBy(() -> exec("import os\nos.environ['X'] = '1'")).hasMessage(
                    "NotImplementedError: bitzel: changing os.environ outside a recipe (its changes are kept per"
                            + " recipe) is not supported");
            assertThatThrownBy(() -> exec("async def f():\n    await g()\nf()"))
                    .hasMessage("NotImplementedError: bitzel: async def f is not supported");
        }

        @Test
        void missingModulesRaiseModuleNotFoundError() {
            assertThatThrownBy(() -> exec("import subprocess_not_here"))
                    .isInstanceOfSatisfying(PythonError.class,
                            e -> assertThat(e.typeName()).isEqualTo("ModuleNotFoundError"));
        }
    }

    @Nested
    class Generators {
        /** What a host binding throws to stop a recipe (as BitBake's bb.fatal does): not a Python exception. */
        static final class HostSignal extends RuntimeException {
            private static final long serialVersionUID = 1L;

            HostSignal() {
                super("stop");
            }
        }

        @Test
        void aHostExceptionThrownInsideAGeneratorReachesTheConsumerUnchangedAndEndsTheGenerator() {
            HostSignal signal = new HostSignal();
            PyDict g = rt.newGlobals("m");
            g.put("fatal", new PyBuiltin("fatal", (a, kw) -> {
                throw signal;
            }));
            rt.eval(rt.compile("def gen():\n    yield 1\n    try:\n        fatal()\n    finally:\n"
                    + "        yield 'cleanup'\nit = gen()\n", "g.py", 1, PythonRuntime.Mode.EXEC), g);
            Object it = g.get("it");
            assertThat(Ops.callMethod(it, "__next__", new Object[0], null)).isEqualTo(1L);
            assertThat(Ops.callMethod(it, "__next__", new Object[0], null)).isEqualTo("cleanup");
            assertThatThrownBy(() -> Ops.callMethod(it, "__next__", new Object[0], null)).isSameAs(signal);
            assertThatThrownBy(() -> Ops.callMethod(it, "__next__", new Object[0], null))
                    .isInstanceOfSatisfying(PythonError.class,
                            e -> assertThat(e.typeName()).isEqualTo("StopIteration"));
        }

        @Test
        void anExceptionFromAGeneratorCarriesTheGeneratorsFrameInItsTraceback() {
            String src = "def gen():\n    yield 1\n    raise KeyError('k')\n\nvalues = list(gen())\n";
            assertThatThrownBy(() -> rt.eval(rt.compile(src, "t.py", 1, PythonRuntime.Mode.EXEC), rt.newGlobals("m")))
                    .isInstanceOfSatisfying(PythonError.class, e -> assertThat(e.traceback()).containsExactly(
                            "File \"t.py\", line 5, in <module>", "File \"t.py\", line 3, in gen"));
        }

        @Test
        void generatorsOfOneCodeRunInterleavedOnTwoThreadsEachWithItsOwnState() throws Exception {
            Code code = rt.compile("def counter(step):\n    n = 0\n    while True:\n        got = yield n\n"
                    + "        n += step if got is None else got\n"
                    + "it = counter(step)\nr = [next(it) for _ in range(5000)] + [it.send(100), next(it)]\n",
                    "c.py", 1, PythonRuntime.Mode.EXEC);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Object>> results = new ArrayList<>();
                for (long step = 1; step <= 8; step++) {
                    long s = step;
                    results.add(pool.submit(() -> {
                        PyDict g = rt.newGlobals("m");
                        g.put("step", s);
                        rt.eval(code, g);
                        return g.get("r");
                    }));
                }
                for (int i = 0; i < results.size(); i++) {
                    long step = i + 1;
                    List<Object> r = Ops.toList(results.get(i).get());
                    assertThat(r).hasSize(5002);
                    assertThat(r.get(4999)).isEqualTo(4999 * step);
                    assertThat(r.subList(5000, 5002)).containsExactly(4999 * step + 100, 4999 * step + 100 + step);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void aYieldInsideAnAssignmentTargetIsReportedAsNotSupported() {
            assertThatThrownBy(() -> exec("def g(d):\n    d[(yield)] = 1\nnext(g({}))\n"))
                    .hasMessage("NotImplementedError: bitzel: yield inside an assignment target is not supported");
        }
    }

    @Nested
    class Conversions {
        @Test
        void javaValuesBecomePythonValues() {
            Map<String, Object> m = new HashMap<>();
            m.put("k", List.of(1, "a", true));
            Object py = PythonRuntime.toPython(m);
            assertThat(Ops.repr(py)).isEqualTo("{'k': [1, 'a', True]}");
            assertThat(PythonRuntime.toPython(null)).isSameAs(PyNone.NONE);
        }

        @Test
        void pythonValuesBecomeJavaValues() {
            Object v = eval("{'a': [1, (2, None)], 'b': {3}}", rt.newGlobals("m"));
            assertThat(PythonRuntime.toJava(v)).isEqualTo(Map.of("a", List.of(1L, java.util.Arrays.asList(2L, null)),
                    "b", java.util.Set.of(3L)));
            assertThat(eval("2 ** 100", rt.newGlobals("m"))).isEqualTo(java.math.BigInteger.TWO.pow(100));
        }
    }

    @Test
    void concurrentImportsNeverSeeAHalfLoadedModule(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("slow.py"), "total = sum(i * i for i in range(300000))\nDONE = True\n");
        rt.addModulePath(dir);
        Code code = rt.compile("import slow\nok = slow.DONE\n", "i.py", 1, PythonRuntime.Mode.EXEC);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    PyDict g = rt.newGlobals("m");
                    rt.eval(code, g);
                    return g.get("ok");
                }));
            }
            for (Future<Object> f : results) {
                assertThat(f.get()).isEqualTo(Boolean.TRUE);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sharedCodeRunsConcurrentlyOnDistinctGlobals() throws Exception {
        Code code = rt.compile("def f(n):\n    return sum(i * i for i in range(n)) + len(name)\nresult = f(100)\n",
                "c.py", 1, PythonRuntime.Mode.EXEC);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                String name = "x".repeat(t % 7);
                results.add(pool.submit(() -> {
                    PyDict g = rt.newGlobals("m");
                    g.put("name", name);
                    rt.eval(code, g);
                    return g.get("result");
                }));
            }
            for (int t = 0; t < results.size(); t++) {
                assertThat(results.get(t).get()).isEqualTo(328350L + t % 7);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
