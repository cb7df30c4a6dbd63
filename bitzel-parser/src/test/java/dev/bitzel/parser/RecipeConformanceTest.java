package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays {@code eval/cases.json}: small sets of metadata files, each with the answers real BitBake 2.8.1
 * gave for them (recorded by {@code src/test/python/record_eval_cases.py} through BitBake's own parser),
 * asked of {@link Configuration#parseRecipe(Path)} the way the {@code getvar --recipe-file} protocol asks:
 * {@code VAR}, {@code VAR[flag]}, {@code @raw:VAR}, {@code @tasks}, {@code @inherits}, {@code @error} and
 * {@code @variant(NAME):KEY}. The comparison is the acceptance runner's (strings exactly, {@code [deps]} as
 * sets, any error answer for an error), except that {@code @error} must name the same kind of error.
 */
class RecipeConformanceTest {
    private static final String ERROR = "error";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> conformsToBitBake() throws IOException {
        return cases("eval/cases.json").stream().map(c -> DynamicTest.dynamicTest(
                (String) c.get("name"), () -> check(c, PythonEvaluator.UNSUPPORTED)));
    }

    /**
     * {@code eval/python-cases.json}: cases whose answers need the metadata's Python evaluated (inline
     * expressions, {@code def} and anonymous functions, the {@code d} and {@code bb} APIs, SkipRecipe while
     * parsing), with the built-in interpreter as {@code bitzel getvar} uses it.
     */
    @TestFactory
    Stream<DynamicTest> conformsToBitBakeWithPython() throws IOException {
        PythonEvaluator python = PythonEvaluator.builtin();
        return cases("eval/python-cases.json").stream().map(c -> DynamicTest.dynamicTest(
                (String) c.get("name"), () -> check(c, python)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String resource) throws IOException {
        try (InputStream in = RecipeConformanceTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return (List<Map<String, Object>>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> c, PythonEvaluator python) throws IOException {
        Assumptions.assumeTrue(c.get("skip") == null, () -> "skipped: " + c.get("skip"));
        Path dir = Files.createDirectories(tmp.resolve((String) c.get("name")));
        for (Map.Entry<String, Object> file : ((Map<String, Object>) c.get("files")).entrySet()) {
            Path p = dir.resolve(file.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, (String) file.getValue());
        }
        List<Path> confs = new ArrayList<>();
        for (Object conf : (List<Object>) c.getOrDefault("conf", List.of())) {
            confs.add(dir.resolve((String) conf));
        }
        RecipeFile parsed = Configuration.ofConfFiles(dir.toString(), confs, python)
                .parseRecipe(dir.resolve((String) c.getOrDefault("recipe", "recipe.bb")));
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Object> q : ((Map<String, Object>) c.get("query")).entrySet()) {
            Object got = GetvarAnswers.answer(parsed, "", q.getKey());
            if (got instanceof String s) {
                got = s.replace(dir.toString(), "${CASEDIR}");
            }
            if (!same(q.getKey(), q.getValue(), got)) {
                bad.add(q.getKey() + ": want " + Json.write(q.getValue()) + " got " + Json.write(got));
            }
        }
        assertThat(bad).as("%s%s", c.get("name"), parsed.failed().map(f -> " (" + f + ")").orElse(""))
                .isEmpty();
    }

    /** The acceptance runner's comparison, with {@code @error} kinds compared exactly. */
    static boolean same(String key, Object want, Object got) {
        if (want instanceof Map<?, ?> w && w.containsKey(ERROR)) {
            return got instanceof Map<?, ?> g && g.containsKey(ERROR);
        }
        if (key.equals("@error")) {
            return want == null ? got == null : want.equals(got);
        }
        if (want instanceof List<?> w) {
            if (!(got instanceof List<?> g)) {
                return false;
            }
            List<String> ws = w.stream().map(String::valueOf).toList();
            List<String> gs = g.stream().map(String::valueOf).toList();
            return key.endsWith("[deps]") ? new TreeSet<>(ws).equals(new TreeSet<>(gs)) : ws.equals(gs);
        }
        if (want instanceof Boolean b) {
            String text = String.valueOf(got).toLowerCase(java.util.Locale.ROOT);
            return b ? text.equals("1") || text.equals("true") : List.of("0", "false", "").contains(text);
        }
        if (want instanceof Number n) {
            return String.valueOf(got).equals(n.toString());
        }
        return want == null ? got == null : want.equals(got);
    }
}
