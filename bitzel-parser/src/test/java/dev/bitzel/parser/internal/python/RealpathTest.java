package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code os.path.realpath} resolves symbolic links as CPython's non-strict {@code posixpath.realpath} does. The
 * expected lines are CPython 3.11's output for the same script and tree (BASE shown as {@code B}).
 */
class RealpathTest {
    private static final String SCRIPT = """
            import os
            paths = ['link', 'link/x/../y', 'loop1/z', 'sub/up/real', 'nonexist/a', 'real/../link', '.', 'link/']
            for p in paths:
                print(os.path.realpath(os.path.join(BASE, p)).replace(BASE, 'B'))
            """;

    private static final String CPYTHON_OUTPUT = """
            B/real
            B/real/y
            B/loop1/z
            B/d/real
            B/nonexist/a
            B/real
            B
            B/real
            """;

    @TempDir
    Path tmp;

    @Test
    void resolvesLinksLikeCPython() throws IOException {
        Path base = tmp.toRealPath().resolve("d");
        Files.createDirectories(base.resolve("real"));
        Files.createDirectories(base.resolve("sub"));
        Files.createSymbolicLink(base.resolve("link"), Path.of("real"));
        Files.createSymbolicLink(base.resolve("loop1"), base.resolve("loop2"));
        Files.createSymbolicLink(base.resolve("loop2"), base.resolve("loop1"));
        Files.createSymbolicLink(base.resolve("sub/up"), Path.of("../d/link/.."));
        StringBuilder out = new StringBuilder();
        PythonRuntime rt = PythonRuntime.builder().stdout(out::append).build();
        PyDict g = rt.newGlobals("__main__");
        g.put("BASE", base.toString());
        rt.eval(rt.compile(SCRIPT, "realpath.py", 1, PythonRuntime.Mode.EXEC), g);
        assertThat(out.toString()).isEqualTo(CPYTHON_OUTPUT);
    }
}
