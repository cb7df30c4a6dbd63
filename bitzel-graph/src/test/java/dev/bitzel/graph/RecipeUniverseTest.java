package dev.bitzel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The task graphs of a fixture build directory compared with the {@code task-depends.dot} real BitBake 2.8.1
 * printed for the same targets ({@code bitbake -g}, recorded in {@code fixtures/providers/expected}; paths
 * below the fixture are written {@code @ROOT@}). The fixture exercises BBFILE_PRIORITY over versions,
 * PREFERRED_VERSION with {@code %}, DEFAULT_PREFERENCE, PREFERRED_PROVIDER(S) of virtual names, RPROVIDES,
 * PREFERRED_RPROVIDER, PACKAGES_DYNAMIC, ASSUME_PROVIDED, BBCLASSEXTEND native, deltask, {@code [deptask]},
 * {@code [rdeptask]}, {@code [recrdeptask]}, {@code [depends]}, {@code [rdepends]}, {@code [noexec]} and a
 * .bbappend.
 */
class RecipeUniverseTest {
    private static Path root;
    private static Path buildDir;
    private static RecipeUniverse universe;

    @BeforeAll
    static void parseFixture() throws URISyntaxException, GraphException, InterruptedException {
        root = Path.of(Objects.requireNonNull(RecipeUniverseTest.class.getResource("/fixtures/providers/build"))
                .toURI()).getParent();
        buildDir = root.resolve("build");
        BuildDirectory build = BuildDirectory.builder(buildDir).python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        universe = RecipeUniverse.of(build, build.parseAll(2));
    }

    private static String dot(String... targets) throws GraphException, IOException {
        StringBuilder out = new StringBuilder();
        universe.taskGraph(List.of(targets), "build").writeDot(out);
        return out.toString().replace(buildDir + "/../", "@ROOT@/");
    }

    private static String expected(String name) throws IOException {
        return Files.readString(root.resolve("expected/" + name + ".dot"), StandardCharsets.UTF_8);
    }

    @Nested
    class EqualsBitbakeTaskDependsDot {
        @ParameterizedTest(name = "bitbake -g {0}")
        @CsvSource({"img,img", "app,app", "app:do_compile,app-do_compile", "libfoo:do_package_write,"
                + "libfoo-do_package_write"})
        void forOneTarget(String target, String file) throws Exception {
            assertThat(dot(target)).isEqualTo(expected(file));
        }

        @Test
        void forSeveralTargets() throws Exception {
            assertThat(dot("libbaz", "plugin-user")).isEqualTo(expected("libbaz_plugin-user"));
        }
    }

    @Nested
    class Providers {
        @Test
        void chooseAsBitbakeDoes() throws Exception {
            TaskPlan plan = universe.taskGraph(List.of("img"), "build");
            assertThat(plan.versions()).containsEntry("libfoo", ":1.0-r0")
                    .containsEntry("libbar", ":0.9-r0")
                    .containsEntry("libbaz", ":1.0-r0");
            assertThat(plan.recipeFile("libbaz")).contains("/meta-b/");
            assertThat(plan.recipeFile("tool-native")).startsWith("virtual:native:");
            assertThat(plan.recipeNames()).contains("kernel-b", "libc-b", "shell")
                    .doesNotContain("kernel-a", "libc-a", "shell2", "host-thing");
        }

        @Test
        void askingAgainForTheSameTargetsReturnsTheSamePlan() throws Exception {
            TaskPlan img = universe.taskGraph(List.of("img"), "build");
            assertThat(universe.taskGraph(List.of("img"), "build")).isSameAs(img);
            assertThat(universe.taskGraph(new java.util.ArrayList<>(List.of("img")), "build")).isSameAs(img);
            TaskPlan fetch = universe.taskGraph(List.of("img"), "fetch");
            assertThat(fetch).isNotSameAs(img);
            assertThat(fetch.graph().size()).isLessThan(img.graph().size());
            assertThat(universe.taskGraph(List.of("libbaz", "img"), "build")).isNotSameAs(img);
        }

        @Test
        void recipeGraphResolvesBuildAndRuntimeNames() throws Exception {
            RecipeGraph g = universe.recipeGraph();
            Digraph build = g.build();
            int app = build.indexOf("app");
            assertThat(build.successors(app).mapToObj(build::name).toList())
                    .containsExactlyInAnyOrder("libfoo", "libbar", "kernel-b", "tool-native", "libc-b");
            Digraph runtime = g.runtime();
            assertThat(runtime.successors(runtime.indexOf("plugin-user")).mapToObj(runtime::name).toList())
                    .containsExactly("shell");
            assertThat(g.recipe("libbaz").orElseThrow().file()).contains("/meta-b/");
            assertThat(g.recipe("libbaz").orElseThrow().variable("LICENSE")).contains("MIT");
        }
    }

    @Nested
    class WholeUniverse {
        @Test
        void dropsWhatCannotBeBuiltAndSaysWhy() throws Exception {
            TaskPlan all = universe.taskGraphOfAll("build");
            assertThat(all.recipeNames()).contains("app", "img", "libbaz", "shell2", "kernel-a")
                    .doesNotContain("broken", "uses-broken", "rbroken");
            assertThat(all.problems()).anySatisfy(p -> assertThat(p).startsWith("Nothing PROVIDES 'does-not-exist'"))
                    .anySatisfy(p -> assertThat(p).startsWith("Nothing RPROVIDES 'no-such-package'"))
                    .anySatisfy(p -> assertThat(p).startsWith("Task dependency cycle: cyc-a:do_configure"));
        }
    }

    @Nested
    class Errors {
        @Test
        void aMissingBuildDependencyNamesWhoAskedAndTheChain() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("uses-broken"), "build"))
                    .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems()).containsExactly(
                            "Nothing PROVIDES 'does-not-exist' (but " + buildDir
                                    + "/../meta-a/recipes/broken_1.0.bb DEPENDS on or otherwise requires it)",
                            "Required build target 'uses-broken' has no buildable providers.\n"
                                    + "Missing or unbuildable dependency chain was: ['uses-broken', 'broken', "
                                    + "'does-not-exist']"));
        }

        @Test
        void aMissingRuntimeDependencyIsReportedAsBitbakeDoes() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("rbroken"), "build"))
                    .isInstanceOf(GraphException.class)
                    .hasMessageStartingWith("Nothing RPROVIDES 'no-such-package' (but " + buildDir
                            + "/../meta-a/recipes/rbroken_1.0.bb RDEPENDS on or otherwise requires it)");
        }

        @Test
        void anUnknownTargetOrTask() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("nonexistent"), "build"))
                    .hasMessage("Nothing PROVIDES 'nonexistent'");
            assertThatThrownBy(() -> universe.taskGraph(List.of("app:do_nosuch"), "build"))
                    .hasMessage("Task do_nosuch does not exist for target app (" + buildDir
                            + "/../meta-a/recipes/app_1.0.bb:do_nosuch)");
        }

        @Test
        void anUnknownTargetGetsBitbakesCloseMatches() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("libfo"), "build"))
                    .hasMessage("Nothing PROVIDES 'libfo'. Close matches:\n  libfoo");
            assertThatThrownBy(() -> universe.taskGraph(List.of("kernel-c"), "build"))
                    .hasMessage("Nothing PROVIDES 'kernel-c'. Close matches:\n  kernel-a\n  kernel-b");
        }

        @Test
        void aCycleIsPrintedTaskByTask() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("cyc-a"), "build"))
                    .hasMessage("Task dependency cycle: cyc-a:do_configure -> cyc-b:do_populate_sysroot -> "
                            + "cyc-b:do_install -> cyc-b:do_compile -> cyc-b:do_configure -> cyc-a:do_install -> "
                            + "cyc-a:do_compile -> cyc-a:do_configure");
        }

        @Test
        void unsupportedTargetsSaySo() {
            assertThatThrownBy(() -> universe.taskGraph(List.of("world"), "build"))
                    .hasMessageContaining("'world' target is not supported yet");
            assertThatThrownBy(() -> universe.taskGraph(List.of("mc:x:app"), "build"))
                    .hasMessageContaining("multiconfig targets are not supported yet");
        }
    }
}
