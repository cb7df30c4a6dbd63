package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PyCodecTest {

    @TempDir
    Path tmp;

    PythonRuntime rt;
    PyDict globals;
    final Object host = NativeObject.builder("DataSmart").method("getVar", (a, kw) -> "value of " + a[0]).build();

    final PyCodec.Host hosts = new PyCodec.Host() {
        @Override
        public int hostReference(Object o) {
            return o == host ? 0 : -1;
        }

        @Override
        public Object hostObject(int number) throws IOException {
            if (number != 0) {
                throw new IOException("no host object " + number);
            }
            return host;
        }

        @Override
        public PyModule module(String name) {
            return rt.importModule(name);
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        Path lib = tmp.resolve("lib");
        Files.createDirectories(lib.resolve("pkg"));
        Files.writeString(lib.resolve("pkg/__init__.py"), "");
        Files.writeString(lib.resolve("pkg/things.py"), """
                class Box(object):
                    def __init__(self, content, d):
                        self.content = content
                        self.d = d

                    def describe(self):
                        return "box of " + repr(self.content) + " for " + self.d.getVar("PN")

                class Counter(dict):
                    def bump(self, key):
                        self[key] = self.get(key, 0) + 1
                        return self[key]
                """);
        rt = PythonRuntime.builder().addModulePath(lib).build();
        globals = rt.newGlobals("__main__");
        globals.put("host", host);
    }

    Object run(String expression) {
        return rt.eval(rt.compile(expression, "<test>", 1, PythonRuntime.Mode.EVAL), globals);
    }

    void exec(String code) {
        rt.eval(rt.compile(code, "<test>", 1, PythonRuntime.Mode.EXEC), globals);
    }

    Object roundTrip(Object value) throws Exception {
        byte[] bytes = PyCodec.encode(value, rt, hosts, new IdentityHashMap<>());
        return PyCodec.decode(bytes, rt, hosts);
    }

    @Test
    void plainDataComesBackEqual() throws Exception {
        Object value = run("{'s': 'text', 'i': -7, 'big': 3 ** 90, 'f': 2.5, 'none': None, 't': True, 'f2': False,"
                + " 'bytes': b'\\x00\\xff', 'list': [1, [2, 3]], 'tuple': (1, 'a'), 'set': {1, 2},"
                + " 'frozen': frozenset({'x'}), 1: 'int key', (1, 2): 'tuple key', 'u': 'ünïcode ✓'}");
        Object back = roundTrip(value);
        globals.put("a", value);
        globals.put("b", back);
        assertThat(run("a == b")).isEqualTo(Boolean.TRUE);
        assertThat(run("repr(a) == repr(b)")).isEqualTo(Boolean.TRUE);
        assertThat(run("type(b['frozen']).__name__ + type(b['set']).__name__")).isEqualTo("frozensetset");
        assertThat(run("type(b['tuple']).__name__")).isEqualTo("tuple");
    }

    @Test
    void sharedObjectsAndCyclesSurvive() throws Exception {
        exec("inner = [1]\nouter = {'a': inner, 'b': inner}\nouter['self'] = outer\n");
        Object back = roundTrip(run("outer"));
        globals.put("b", back);
        assertThat(run("b['a'] is b['b']")).isEqualTo(Boolean.TRUE);
        assertThat(run("b['self'] is b")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void instancesOfLibraryClassesKeepTheirStateAndBehaviour() throws Exception {
        exec("import pkg.things\nbox = pkg.things.Box([1, 2], host)\nc = pkg.things.Counter()\nc.bump('x')\n");
        globals.put("box2", roundTrip(run("box")));
        globals.put("c2", roundTrip(run("c")));
        assertThat(run("box2.describe()")).isEqualTo("box of [1, 2] for value of PN");
        assertThat(run("type(box2) is pkg.things.Box and box2.d is host")).isEqualTo(Boolean.TRUE);
        assertThat(run("c2.bump('x')")).isEqualTo(2L);
        assertThat(run("isinstance(c2, dict) and dict(c2)")).hasToString("{'x': 2}");
    }

    @Test
    void whatCannotBeReCreatedIsRefusedNamingIt() {
        exec("import pkg.things\nf = lambda: 1\nother = pkg.things.Box(f, None)\n"
                + "def make():\n    class Local(object):\n        pass\n    return Local()\nlocal = make()\n");
        assertThatThrownBy(() -> roundTrip(run("{'callback': f}")))
                .isInstanceOf(PyCodec.NotEncodableException.class).hasMessageContaining("['callback']")
                .hasMessageContaining("function");
        assertThatThrownBy(() -> roundTrip(run("other")))
                .isInstanceOf(PyCodec.NotEncodableException.class).hasMessageContaining("['content']");
        assertThatThrownBy(() -> roundTrip(run("local")))
                .isInstanceOf(PyCodec.NotEncodableException.class).hasMessageContaining("Local");
        assertThatThrownBy(() -> roundTrip(run("[pkg]"))).isInstanceOf(PyCodec.NotEncodableException.class);
    }

    @Test
    void anObjectHeldByTwoEncodedValuesIsRefused() throws Exception {
        exec("shared = [1]\nfirst = {'x': shared}\nsecond = {'y': shared}\n");
        IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
        PyCodec.encode(run("first"), rt, hosts, seen);
        assertThatThrownBy(() -> PyCodec.encode(run("second"), rt, hosts, seen))
                .isInstanceOf(PyCodec.NotEncodableException.class).hasMessageContaining("also held");
    }

    @Test
    void damagedBytesFailWithAnIOExceptionNeverAWrongValue() throws Exception {
        byte[] bytes = PyCodec.encode(run("{'a': [1, 2, 3], 'b': 'text'}"), rt, hosts, new IdentityHashMap<>());
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
            assertThatThrownBy(() -> PyCodec.decode(truncated, rt, hosts)).isInstanceOf(IOException.class);
        }
        byte[] badTag = bytes.clone();
        badTag[4] = 99;
        assertThatThrownBy(() -> PyCodec.decode(badTag, rt, hosts)).isInstanceOf(IOException.class)
                .hasMessageContaining("tag 99");
    }

    @Test
    void aClassThatIsGoneFailsToDecodeNamingIt() throws Exception {
        exec("import pkg.things\nbox = pkg.things.Box(1, None)\n");
        byte[] bytes = PyCodec.encode(run("box"), rt, hosts, new IdentityHashMap<>());
        PythonRuntime other = PythonRuntime.builder().build();
        assertThatThrownBy(() -> PyCodec.decode(bytes, other, new PyCodec.Host() {
            @Override
            public int hostReference(Object o) {
                return -1;
            }

            @Override
            public Object hostObject(int number) throws IOException {
                throw new IOException("none");
            }

            @Override
            public PyModule module(String name) {
                return null;
            }
        })).isInstanceOf(IOException.class).hasMessageContaining("pkg.things.Box");
    }

    @Test
    void aValueWithTheSameContentHasTheSameEncodingAndIsRecognised() throws Exception {
        String table = "{'licenses': {'MIT': {'id': 'MIT', 'see': ['a', 'b'], 'n': 1, 'osi': True, 'f': 0.5}, "
                + "'GPL': {'id': 'GPL', 'see': [], 'n': 2, 'osi': None, 'f': -0.0}}, 'ver': (3, 'x'), "
                + "'set': {1, 2}, 'raw': b'\\x01'}";
        exec("first = " + table + "\nsecond = " + table + "\n");
        PyCodec.Plain plain = PyCodec.Plain.of(run("first"));
        assertThat(plain).isNotNull();
        IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
        assertThat(plain.claimIfSame(run("second"), seen)).isTrue();
        assertThat(seen).containsKey(run("second['licenses']['MIT']['see']"));
        assertThat(PyCodec.encode(run("second"), rt, hosts, new IdentityHashMap<>()))
                .isEqualTo(PyCodec.encode(run("first"), rt, hosts, new IdentityHashMap<>()));
        // any difference in a leaf, a type, an order or the sharing of a container is seen
        for (String change : new String[] {"second['licenses']['GPL']['n'] = 3",
            "second['licenses']['GPL']['osi'] = False", "second['licenses']['GPL']['f'] = 0.0",
            "second['licenses']['MIT']['see'].append('c')", "second['ver'] = (3, 'y')",
            "second['licenses']['MIT']['n'] = 1.0", "second['raw'] = b'\\x02'",
            "second['licenses']['GPL']['see'] = second['licenses']['MIT']['see']",
            "del second['licenses']['MIT']\nsecond['licenses']['MIT'] = first['licenses']['MIT']"}) {
            exec("second = " + table + "\n" + change + "\n");
            assertThat(plain.claimIfSame(run("second"), new IdentityHashMap<>())).as(change).isFalse();
        }
        // a Plain does not follow later changes of the value it was taken from
        exec("first['ver'] = None\nsecond = " + table + "\n");
        assertThat(plain.claimIfSame(run("second"), new IdentityHashMap<>())).isTrue();
    }

    @Test
    void aRecognisedValueSharingAContainerWithAnotherStoredValueIsNotClaimed() throws Exception {
        exec("shared = ['x']\nfirst = {'k': ['x']}\nsecond = {'k': shared}\nother = {'o': shared}\n");
        PyCodec.Plain plain = PyCodec.Plain.of(run("first"));
        IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
        PyCodec.encode(run("other"), rt, hosts, seen);
        int before = seen.size();
        assertThat(plain.claimIfSame(run("second"), seen)).isFalse();
        assertThat(seen).hasSize(before);
    }

    @Test
    void valuesHoldingMoreThanPlainDataHaveNoPlainContent() throws Exception {
        exec("import pkg.things\nbox = pkg.things.Box(1, None)\n");
        assertThat(PyCodec.Plain.of(run("[box]"))).isNull();
        assertThat(PyCodec.Plain.of(run("{'d': host}"))).isNull();
        assertThat(PyCodec.Plain.of(run("[len]"))).isNull();
        PyCodec.Plain plain = PyCodec.Plain.of(run("[1]"));
        assertThat(plain.claimIfSame(run("[box]"), new IdentityHashMap<>())).isFalse();
    }
}
