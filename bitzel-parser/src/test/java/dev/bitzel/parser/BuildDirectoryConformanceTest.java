package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.eval.LayerCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads each fixture under {@code builddirs/} with {@link BuildDirectory#load(Path, Map, PythonEvaluator)} and
 * compares with what real BitBake 2.8.1 said about it, recorded in the fixture's {@code expected.json} by
 * {@code src/test/python/record_builddirs.py} ({@code bitbake -p} and a tinfoil session): whether loading
 * fails, the recipe files and how many BBMASK hid, each recipe's appends (in order) and collection, the layer
 * collections' priorities, BitBake's warnings, and values of the parsed recipes.
 */
class BuildDirectoryConformanceTest {
    /** BitBake's error lines that say only that something failed, or name its own source file. */
    private static final java.util.regex.Pattern GENERIC_ERRORS = java.util.regex.Pattern.compile(
            "Command execution failed|Unable to parse .*/bitbake/lib/|Parsing halted");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> conformsToBitBake() throws IOException, URISyntaxException {
        Path fixtures = Path.of(BuildDirectoryConformanceTest.class.getResource("builddirs").toURI());
        try (Stream<Path> dirs = Files.list(fixtures)) {
            return dirs.sorted().toList().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                    () -> check(dir)));
        }
    }

    @SuppressWarnings("unchecked")
    private void check(Path fixture) throws IOException {
        Path root = tmp.resolve(fixture.getFileName().toString());
        copy(fixture, root);
        Map<String, Object> expected = (Map<String, Object>) Json.parse(Files.readString(
                fixture.resolve("expected.json"), StandardCharsets.UTF_8));
        List<String> keys = (List<String>) ((Map<String, Object>) Json.parse(Files.readString(
                fixture.resolve("query.json"), StandardCharsets.UTF_8))).get("keys");

        BuildDirectory build = BuildDirectory.builder(root.resolve("build")).environment(Map.of())
                .python(PythonEvaluator.UNSUPPORTED).load();
        SoftAssertions softly = new SoftAssertions();
        List<String> warnings = build.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::message).toList();
        for (Object warning : (List<Object>) expected.get("warnings")) {
            String want = ((String) warning).replace("${ROOT}", root.toString());
            softly.assertThat(warnings).as("warnings").anySatisfy(w -> assertThat(w).contains(want));
        }
        if ((Boolean) expected.get("loadFailed")) {
            softly.assertThat(build.failure()).as("BitBake failed with %s", expected.get("errors")).isPresent();
            String told = build.failure().map(ParseFailure::toString).orElse("") + "\n"
                    + String.join("\n", build.diagnostics().stream().map(Diagnostic::message).toList());
            for (Object error : (List<Object>) expected.get("errors")) {
                String line = ((String) error).replace("${ROOT}", root.toString());
                if (!GENERIC_ERRORS.matcher(line).lookingAt()) {
                    softly.assertThat(told).as("BitBake's error").contains(line);
                }
            }
            softly.assertAll();
            return;
        }
        softly.assertThat(build.failure()).as("failure").isEmpty();
        softly.assertAll();

        Map<String, Object> summary = (Map<String, Object>) expected.get("summary");
        Map<String, Object> recipes = (Map<String, Object>) expected.get("recipes");
        softly.assertThat(build.maskedFiles()).as("masked").isEqualTo(((Number) summary.get("masked")).intValue());
        softly.assertThat(build.recipeFiles()).as("recipe count").hasSize(((Number) summary.get("files")).intValue());
        List<String> told = build.diagnostics().stream().map(Diagnostic::message).toList();
        for (Object error : (List<Object>) expected.get("errors")) {
            String line = ((String) error).replace("${ROOT}", root.toString());
            if (!GENERIC_ERRORS.matcher(line).lookingAt()) {
                softly.assertThat(told).as("BitBake's logged error").anySatisfy(m -> assertThat(m).contains(line));
            }
        }
        if (recipes == null) {
            // BitBake logged an error (its exit code is 1) yet parsed: only the counts were recorded.
            softly.assertAll();
            return;
        }
        softly.assertThat(new TreeSet<>(build.recipeFiles().stream().map(p -> rel(root, p)).toList()))
                .as("recipe files").isEqualTo(new TreeSet<>(recipes.keySet()));

        Map<String, Integer> priorities = new LinkedHashMap<>();
        for (Object entry : (List<Object>) expected.get("layerPriorities")) {
            List<Object> e = (List<Object>) entry;
            priorities.put((String) e.get(0), ((Number) e.get(2)).intValue());
        }
        Map<String, Integer> got = new LinkedHashMap<>();
        for (LayerCollection c : build.configuration().loader().collections()) {
            got.put(c.name(), c.priority());
        }
        softly.assertThat(got).as("layer priorities").containsExactlyInAnyOrderEntriesOf(priorities);
        List<String> byPattern = ((List<Object>) expected.get("layerPriorities")).stream()
                .map(e -> (List<Object>) e).sorted(Comparator.comparing(e -> (String) e.get(1),
                        Comparator.reverseOrder())).map(e -> (String) e.get(0)).toList();
        softly.assertThat(build.collectionNames()).as("collections, most specific pattern first")
                .isEqualTo(byPattern);

        // Paths as BitBake names them (unnormalized, e.g. build/../layers/...): patterns match those.
        int targets = 0;
        Map<String, Path> files = new LinkedHashMap<>();
        build.recipeFiles().forEach(p -> files.put(rel(root, p), p));
        for (Map.Entry<String, Object> r : recipes.entrySet()) {
            Path recipe = files.getOrDefault(r.getKey(), root.resolve(r.getKey()));
            Map<String, Object> want = (Map<String, Object>) r.getValue();
            softly.assertThat(build.appendsFor(recipe).stream().map(p -> rel(root, p)).toList())
                    .as("appends of %s", r.getKey()).isEqualTo(want.get("appends"));
            softly.assertThat(build.collectionOf(recipe).orElse(null)).as("collection of %s", r.getKey())
                    .isEqualTo(want.get("collection"));
            RecipeFile parsed = build.parseRecipe(recipe);
            targets += parsed.variants().size();
            softly.assertThat(new TreeSet<>(parsed.variants().keySet().stream().filter(v -> !v.isEmpty()).toList()))
                    .as("variants of %s", r.getKey()).isEqualTo(new TreeSet<>((List<Object>) want.get("variants")));
            softly.assertThat(parsed.failed()).as("parsing %s", r.getKey()).isEmpty();
            if (parsed.failed().isPresent()) {
                continue;
            }
            Map<String, Object> values = (Map<String, Object>) want.get("values");
            for (String key : keys) {
                Object value;
                try {
                    value = parsed.recipe().data().getVar(key);
                } catch (ExpansionException e) {
                    value = "<ExpansionError " + e.getMessage() + ">";
                }
                softly.assertThat(value).as("%s in %s", key, r.getKey()).isEqualTo(values.get(key));
            }
        }
        softly.assertThat(targets).as("targets (recipes and their variants)")
                .isEqualTo(((Number) summary.get("targets")).intValue());
        softly.assertAll();
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p.toAbsolutePath().normalize()).toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            List<Path> paths = new ArrayList<>(all.toList());
            for (Path p : paths) {
                Path target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
