package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every snippet of the corpus and compares its output with what CPython 3.11 printed (recorded by
 * src/test/python/record_snippets.py).
 */
class SnippetCorpusTest {
    static final String[] FILES = {
        "literals", "strings", "numbers", "collections", "control", "functions", "classes", "exceptions",
        "formatting", "builtins", "modules", "generators", "semantics", "expressions", "errors", "regex", "programs", "stdlib",
        "enums", "datetimes", "paths", "stdlib2",
    };

    static Map<String, String> sections(String text) {
        Map<String, String> r = new LinkedHashMap<>();
        String name = null;
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("#### ")) {
                if (name != null) {
                    r.put(name, sb.toString());
                }
                name = line.substring(5).strip();
                sb.setLength(0);
            } else {
                sb.append(line);
            }
        }
        if (name != null) {
            r.put(name, sb.toString());
        }
        return r;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SnippetCorpusTest.class.getResourceAsStream("snippets/" + name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String run(String name, String src) {
        StringBuilder out = new StringBuilder();
        PythonRuntime rt = PythonRuntime.builder().stdout(out::append).build();
        try {
            Code c = rt.compile(src, name, 1, PythonRuntime.Mode.EXEC);
            rt.eval(c, rt.newGlobals("__main__"));
        } catch (PythonError e) {
            out.append("!!! ").append(e.typeName()).append('\n');
        } catch (PythonSyntaxError e) {
            out.append("!!! SyntaxError\n");
        }
        return out.toString();
    }

    /** One runtime shared by four threads running the whole corpus: the outputs must not change. */
    @org.junit.jupiter.api.Test
    void snippetsRunConcurrentlyOnOneRuntime() throws Exception {
        ThreadLocal<StringBuilder> out = ThreadLocal.withInitial(StringBuilder::new);
        PythonRuntime rt = PythonRuntime.builder().stdout(s -> out.get().append(s)).build();
        List<String[]> cases = new ArrayList<>();
        for (String f : FILES) {
            Map<String, String> src = sections(resource(f + ".py"));
            Map<String, String> expected = sections(resource(f + ".expected"));
            src.forEach((k, v) -> cases.add(new String[] {f + ":" + k, v, expected.get(k)}));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (String[] c : cases) {
                results.add(pool.submit(() -> {
                    StringBuilder sb = out.get();
                    sb.setLength(0);
                    try {
                        rt.eval(rt.compile(c[1], c[0], 1, PythonRuntime.Mode.EXEC), rt.newGlobals("__main__"));
                    } catch (PythonError e) {
                        sb.append("!!! ").append(e.typeName()).append('\n');
                    } catch (PythonSyntaxError e) {
                        sb.append("!!! SyntaxError\n");
                    }
                    return sb.toString();
                }));
            }
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (!results.get(i).get().equals(cases.get(i)[2])) {
                    mismatches.add(cases.get(i)[0]);
                }
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @TestFactory
    Stream<DynamicTest> snippets() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String f : FILES) {
            Map<String, String> src = sections(resource(f + ".py"));
            Map<String, String> expected = sections(resource(f + ".expected"));
            assertThat(expected.keySet()).as("recorded cases of %s", f).containsExactlyElementsOf(src.keySet());
            for (Map.Entry<String, String> e : src.entrySet()) {
                String name = f + ":" + e.getKey();
                tests.add(DynamicTest.dynamicTest(name, () ->
                        assertThat(run(name, e.getValue())).as(name + "\n" + e.getValue())
                                .isEqualTo(expected.get(e.getKey()))));
            }
        }
        return tests.stream();
    }
}
