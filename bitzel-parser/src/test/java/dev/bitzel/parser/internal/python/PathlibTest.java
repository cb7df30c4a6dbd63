package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pathlib's file-system methods go through the interpreter's os functions and open(): they work where those do
 * (here an embedder supplies os.listdir and os.mkdir) and fail naming the os function where they do not. The
 * expected output is CPython 3.11's for the same script and tree.
 */
class PathlibTest {
    private static final String SCRIPT = """
            from pathlib import Path
            base = Path(BASE)
            rel = lambda paths: sorted(str(p.relative_to(base)) for p in paths)
            print(rel(base.iterdir()))
            print(rel(base.glob('*.txt')), rel(base.glob('a/*')), rel(base.glob('a/*/*.txt')))
            print(rel(base.rglob('*.txt')), rel(base.glob('**/')), rel(base.glob('**/*.py')), rel(base.glob('a/.h*')))
            print(rel(base.glob('a')), rel(base.glob('nothing')), rel(base.glob('a/sub/')), rel(base.rglob('sub')))
            print((base / 'a' / 'b.txt').read_text(), (base / 'a').is_dir(), (base / 'e.txt').is_file(),
                  (base / 'zz').exists())
            (base / 'n1' / 'n2').mkdir(parents=True)
            (base / 'n1').mkdir(exist_ok=True)
            try:
                (base / 'n1').mkdir()
            except FileExistsError as e:
                print('FileExistsError')
            try:
                (base / 'x' / 'y').mkdir()
            except FileNotFoundError as e:
                print('FileNotFoundError')
            try:
                (base / 'e.txt').mkdir(exist_ok=True)
            except FileExistsError as e:
                print('FileExistsError for a file')
            print(rel(p for p in base.rglob('*') if p.is_dir()))
            """;

    private static final String CPYTHON_OUTPUT = """
            ['a', 'e.txt']
            ['e.txt'] ['a/.hidden', 'a/b.txt', 'a/c.py', 'a/sub'] ['a/sub/d.txt']
            ['a/b.txt', 'a/sub/d.txt', 'e.txt'] ['.', 'a', 'a/sub'] ['a/c.py'] ['a/.hidden']
            ['a'] [] ['a/sub'] ['a/sub']
            hello True True False
            FileExistsError
            FileNotFoundError
            FileExistsError for a file
            ['a', 'a/sub', 'n1', 'n1/n2']
            """;

    @TempDir
    Path base;
    private final StringBuilder out = new StringBuilder();
    private final PythonRuntime rt = PythonRuntime.builder().stdout(out::append).build();

    @BeforeEach
    void makeTree() throws IOException {
        Files.createDirectories(base.resolve("a/sub"));
        Files.writeString(base.resolve("a/b.txt"), "hello");
        for (String f : new String[] {"a/c.py", "a/sub/d.txt", "a/.hidden", "e.txt"}) {
            Files.createFile(base.resolve(f));
        }
    }

    private void run(String src) {
        PyDict g = rt.newGlobals("__main__");
        g.put("BASE", base.toString());
        rt.eval(rt.compile(src, "paths.py", 1, PythonRuntime.Mode.EXEC), g);
    }

    @Test
    void pathMethodsWorkThroughTheOsFunctionsAnEmbedderSupplies() {
        PyModule os = rt.importModule("os");
        os.def("listdir", (a, kw) -> {
            try (Stream<Path> entries = Files.list(Path.of(OsModule.fs(a[0])))) {
                return PythonRuntime.toPython(entries.map(p -> p.getFileName().toString()).toList());
            } catch (IOException e) {
                throw PythonError.of(Exceptions.OS_ERROR, e.toString());
            }
        });
        os.def("mkdir", (a, kw) -> {
            String dir = OsModule.fs(a[0]);
            try {
                Files.createDirectory(Path.of(dir));
            } catch (FileAlreadyExistsException e) {
                throw PythonError.of(Exceptions.FILE_EXISTS_ERROR, "[Errno 17] File exists: '" + dir + "'");
            } catch (NoSuchFileException e) {
                throw PythonError.of(Exceptions.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + dir
                        + "'");
            } catch (IOException e) {
                throw PythonError.of(Exceptions.OS_ERROR, e.toString());
            }
            return PyNone.NONE;
        });
        run(SCRIPT);
        assertThat(out).hasToString(CPYTHON_OUTPUT);
        assertThat(base.resolve("n1/n2")).isDirectory();
    }

    @Test
    void pathMethodsFailNamingTheOsFunctionTheInterpreterDoesNotSupport() {
        assertThatThrownBy(() -> run("from pathlib import Path\nlist(Path(BASE).iterdir())\n"))
                .hasMessage("NotImplementedError: bitzel: os.listdir is not supported");
        assertThatThrownBy(() -> run("from pathlib import Path\n(Path(BASE) / 'x').mkdir()\n"))
                .hasMessage("NotImplementedError: bitzel: os.mkdir is not supported");
        assertThatThrownBy(() -> run("from pathlib import Path\n(Path(BASE) / 'x').write_text('y')\n"))
                .hasMessage("NotImplementedError: bitzel: open() with mode 'w' at parse time is not supported");
        assertThatThrownBy(() -> run("from pathlib import Path\nPath(BASE).stat()\n"))
                .hasMessage("NotImplementedError: bitzel: os.stat is not supported");
        assertThatThrownBy(() -> run("from pathlib import Path\n(Path(BASE) / 'e.txt').touch()\n"))
                .hasMessage("NotImplementedError: bitzel: os.utime is not supported");
        assertThatThrownBy(() -> run("from pathlib import Path\n(Path(BASE) / 'e.txt').unlink()\n"))
                .hasMessage("NotImplementedError: bitzel: os.unlink is not supported");
        assertThatThrownBy(() -> run("import pathlib\npathlib.PureWindowsPath('c:/x')\n"))
                .hasMessage("NotImplementedError: bitzel: pathlib.PureWindowsPath is not supported");
    }

    @Test
    void readsGoThroughOpenAndOsPathAndAreRecorded() {
        java.util.List<String> probed = new java.util.ArrayList<>();
        java.util.List<String> read = new java.util.ArrayList<>();
        HostAccess.Recorder before = HostAccess.install(new HostAccess.Recorder() {
            @Override
            public void fileRead(String path) {
                read.add(path);
            }

            @Override
            public void pathProbed(String path) {
                probed.add(path);
            }

            @Override
            public void directoryListed(String path) {}

            @Override
            public void environmentRead(String name) {}

            @Override
            public void commandRun(java.util.List<String> argv, String cwd, boolean mergeStderr, String result) {}

            @Override
            public void hostFact(String name, String value) {}

            @Override
            public void clockRead() {}
        });
        try {
            run("from pathlib import Path\n"
                    + "r = [(Path(BASE) / 'a' / 'b.txt').read_text(), (Path(BASE) / 'zz').exists()]\n"
                    + "print(r)\n");
        } finally {
            HostAccess.install(before);
        }
        assertThat(out).hasToString("['hello', False]\n");
        assertThat(read).containsExactly(base.resolve("a/b.txt").toString());
        assertThat(probed).containsExactly(base.resolve("zz").toString());
    }
}
