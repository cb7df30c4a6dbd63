package dev.bitzel.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures of the {@code fixtures/signatures} build: lib (with a local {@code file://} source) and app, which
 * DEPENDS on lib; {@code do_compile[deptask] = "do_install"} ties app's compile to lib's install. Each test edits
 * a copy of the fixture and checks exactly which signatures change.
 */
class TaskSignaturesTest {
    @TempDir
    Path temp;

    private Path root;
    private Map<TaskId, String> before;

    private static final List<String> ALL = List.of("lib:do_fetch", "lib:do_unpack", "lib:do_compile",
            "lib:do_install", "lib:do_package", "lib:do_build", "app:do_fetch", "app:do_unpack", "app:do_compile",
            "app:do_install", "app:do_package", "app:do_build");

    @BeforeEach
    void copyFixture() throws Exception {
        root = temp.resolve("a");
        copy(fixture(), root);
        before = signatures(root);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(TaskSignaturesTest.class.getResource("/fixtures/signatures/build"))
                .toURI()).getParent();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static TaskSignatures compute(Path fixtureRoot) throws Exception {
        BuildDirectory build = BuildDirectory.builder(fixtureRoot.resolve("build")).python(PythonEvaluator.builtin())
                .load();
        assertThat(build.failure()).isEmpty();
        RecipeUniverse universe = RecipeUniverse.of(build, build.parseAll(1));
        return TaskSignatures.compute(universe.taskGraph(List.of("app", "lib"), "build"));
    }

    private static Map<TaskId, String> signatures(Path fixtureRoot) throws Exception {
        TaskSignatures s = compute(fixtureRoot);
        Map<TaskId, String> result = new TreeMap<>();
        for (String t : ALL) {
            result.put(TaskId.parse(t), s.signature(TaskId.parse(t)));
        }
        return result;
    }

    private Set<String> changedAfter(String file, String appended) throws Exception {
        Files.writeString(root.resolve(file), appended, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Map<TaskId, String> after = signatures(root);
        Set<String> changed = new TreeSet<>();
        before.forEach((task, sig) -> {
            if (!sig.equals(after.get(task))) {
                changed.add(task.toString());
            }
        });
        return changed;
    }

    @Nested
    class AreStable {
        @Test
        void acrossRunsAndAcrossCheckoutLocations() throws Exception {
            assertThat(signatures(root)).isEqualTo(before);
            Path elsewhere = temp.resolve("some/other/place");
            copy(fixture(), elsewhere);
            assertThat(signatures(elsewhere)).isEqualTo(before);
        }

        @Test
        void underACommentOrAnUnrelatedVariable() throws Exception {
            assertThat(changedAfter("meta/recipes/lib/lib_1.0.bb", "# another comment\nFOO = \"bar\"\n")).isEmpty();
            assertThat(changedAfter("build/conf/local.conf", "UNRELATED = \"changed\"\n")).isEmpty();
        }

        @Test
        void underAnExcludedVariable() throws Exception {
            assertThat(changedAfter("build/conf/local.conf", "BUILD_DATE = \"2027-01-01\"\n")).isEmpty();
        }

        @Test
        void andDifferPerTask() {
            assertThat(new TreeSet<>(before.values())).hasSize(ALL.size());
        }
    }

    @Nested
    class Change {
        @Test
        void whenAVariableTheTaskReadsChangesThenItAndEverythingDownstream() throws Exception {
            assertThat(changedAfter("build/conf/local.conf", "CFLAGS = \"-O3\"\n")).containsExactlyInAnyOrder(
                    "lib:do_compile", "lib:do_install", "lib:do_package", "lib:do_build",
                    "app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }

        @Test
        void whenARecipeSetsAVariableOnlyItsTasksAndTheirDependents() throws Exception {
            assertThat(changedAfter("meta/recipes/app/app_1.0.bb", "CFLAGS = \"-Os\"\n"))
                    .containsExactlyInAnyOrder("app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }

        @Test
        void whenALocalSourceFileChanges() throws Exception {
            assertThat(changedAfter("meta/recipes/lib/files/lib.c", "/* edited */\n")).containsExactlyInAnyOrder(
                    "lib:do_fetch", "lib:do_unpack", "lib:do_compile", "lib:do_install", "lib:do_package",
                    "lib:do_build", "app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }

        @Test
        void whenACalledShellFunctionChanges() throws Exception {
            assertThat(changedAfter("meta/recipes/app/app_1.0.bb", "run_make() {\n\tcc -O1 \"$@\"\n}\n"))
                    .containsExactlyInAnyOrder("app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }

        @Test
        void whenACalledPythonFunctionOrAVariableItReadsChanges() throws Exception {
            assertThat(changedAfter("meta/recipes/app/app_1.0.bb", "PACKAGES = \"${PN}\"\n"))
                    .containsExactlyInAnyOrder("app:do_package", "app:do_build");
        }

        @Test
        void whenAnExportedVariableChangesThenEveryShellTaskButNotPythonOnes() throws Exception {
            assertThat(changedAfter("build/conf/local.conf", "export LC_ALL = \"C\"\n")).containsExactlyInAnyOrder(
                    "lib:do_unpack", "lib:do_compile", "lib:do_install", "lib:do_package", "lib:do_build",
                    "app:do_unpack", "app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }

        @Test
        void whenVardepsAddsAVariable() throws Exception {
            assertThat(changedAfter("meta/recipes/lib/lib_1.0.bb", "do_install[vardeps] += \"UNRELATED\"\n"))
                    .containsExactlyInAnyOrder("lib:do_install", "lib:do_package", "lib:do_build",
                            "app:do_compile", "app:do_install", "app:do_package", "app:do_build");
        }
    }

    @Nested
    class Explain {
        @Test
        void namesTheVariableAndTheDependencyThatChanged() throws Exception {
            TaskSignatures old = compute(root);
            Files.writeString(root.resolve("build/conf/local.conf"), "CFLAGS = \"-O3\"\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            TaskSignatures now = compute(root);
            TaskId libCompile = TaskId.parse("lib:do_compile");
            assertThat(SignatureDiff.explain(old.record(libCompile), now.record(libCompile)))
                    .containsExactly("Variable CFLAGS value changed from '-O2' to '-O3'");
            TaskId appCompile = TaskId.parse("app:do_compile");
            assertThat(SignatureDiff.explain(old.record(appCompile), now.record(appCompile)))
                    .containsExactly("Variable CFLAGS value changed from '-O2' to '-O3'",
                            "Dependency on task lib:do_install changed from "
                                    + old.signature(TaskId.parse("lib:do_install")) + " to "
                                    + now.signature(TaskId.parse("lib:do_install")));
            TaskId libFetch = TaskId.parse("lib:do_fetch");
            assertThat(SignatureDiff.explain(old.record(libFetch), now.record(libFetch))).isEmpty();
            assertThat(old.record(libCompile).variables()).containsKeys("do_compile", "run_make", "CC", "CFLAGS")
                    .doesNotContainKeys("BUILD_DATE", "TMPDIR");
        }
    }
}
