package dev.bitzel.query;

import static dev.bitzel.query.Fixtures.APP_BB;
import static dev.bitzel.query.Fixtures.APP_INC;
import static dev.bitzel.query.Fixtures.AUTOTOOLS;
import static dev.bitzel.query.Fixtures.ZLIB_BB;
import static dev.bitzel.query.QueryLanguageTest.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.RecipeNode;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FunctionsTest {
    private static final QueryUniverse UNIVERSE = Fixtures.universe();

    @Nested
    class Deps {
        @Test
        void followsBuildEdgesTransitivelyThroughTheDiamondOnce() throws Exception {
            assertThat(eval("deps(app)")).containsExactly("app", "lib", "zlib", "glibc");
        }

        @Test
        void depthLimitsTheNumberOfEdges() throws Exception {
            assertThat(eval("deps(app, 0)")).containsExactly("app");
            assertThat(eval("deps(app:do_install, 1)")).containsExactly("app:do_compile", "app:do_install");
            assertThat(eval("deps(app:do_install, 2)")).containsExactly("app:do_fetch", "app:do_compile",
                    "app:do_install", "lib:do_install", "zlib:do_install", "glibc:do_install");
            assertThat(eval("deps(app:do_install, 100)")).hasSize(12);
        }

        @Test
        void recipesFollowRecipeEdgesAndTasksTaskEdgesInOneSet() throws Exception {
            assertThat(eval("deps(app + app:do_compile, 1)")).containsExactly("app", "lib", "zlib", "glibc",
                    "app:do_fetch", "app:do_compile", "lib:do_install", "zlib:do_install", "glibc:do_install");
        }

        @Test
        void ofNothingIsNothing() throws Exception {
            assertThat(eval("deps(nomatch*)")).isEmpty();
        }
    }

    @Nested
    class Rdeps {
        @Test
        void findsDependentsWithinTheClosureOfTheUniverse() throws Exception {
            assertThat(eval("rdeps(//..., glibc)")).containsExactly("app", "lib", "zlib", "glibc", "busybox");
            assertThat(eval("rdeps(lib, zlib)")).containsExactly("lib", "zlib");
            assertThat(eval("rdeps(lib, app)")).isEmpty();
        }

        @Test
        void theUniverseIsClosedUnderDependenciesFirst() throws Exception {
            // zlib's dependents inside deps(app) include app and lib although the universe names only app
            assertThat(eval("rdeps(app, glibc)")).containsExactly("app", "lib", "zlib", "glibc");
        }

        @Test
        void targetsOutsideTheUniverseAreDropped() throws Exception {
            assertThat(eval("rdeps(//..., app:do_fetch)")).isEmpty();
            assertThat(eval("rdeps(//... + //...:*, zlib + zlib:do_install, 1)")).containsExactly("app", "lib",
                    "zlib", "app:do_compile", "lib:do_compile", "zlib:do_install");
            assertThat(eval("rdeps(app:do_install, glibc:do_install)")).containsExactly("app:do_compile",
                    "app:do_install", "lib:do_compile", "lib:do_install", "zlib:do_compile", "zlib:do_install",
                    "glibc:do_install");
        }

        @Test
        void depthCountsEdgesFromTheTargets() throws Exception {
            assertThat(eval("rdeps(//..., zlib, 1)")).containsExactly("app", "lib", "zlib");
            assertThat(eval("rdeps(//...:*, glibc:do_install, 1)")).containsExactly("app:do_compile",
                    "lib:do_compile", "zlib:do_compile", "glibc:do_install");
            assertThat(eval("rdeps(//...:*, glibc:do_fetch, 0)")).containsExactly("glibc:do_fetch");
        }

        @Test
        void allrdepsUsesTheWholeUniverse() throws Exception {
            assertThat(eval("allrdeps(zlib)")).containsExactly("app", "lib", "zlib");
            assertThat(eval("allrdeps(glibc:do_install, 1)")).containsExactly("app:do_compile", "lib:do_compile",
                    "zlib:do_compile", "glibc:do_install");
        }
    }

    @Nested
    class Paths {
        @Test
        void somepathIsAShortestPathPrintedFromItsStart() throws Exception {
            assertThat(eval("somepath(app, glibc)")).containsExactly("app", "glibc");
            assertThat(eval("somepath(app:do_install, glibc:do_fetch)")).containsExactly("app:do_install",
                    "app:do_compile", "glibc:do_install", "glibc:do_compile", "glibc:do_fetch");
        }

        @Test
        void somepathInsideAnExpressionIsAnOrdinarySet() throws Exception {
            assertThat(eval("somepath(app:do_install, glibc:do_fetch) + app")).containsExactly("app",
                    "app:do_compile", "app:do_install", "glibc:do_fetch", "glibc:do_compile", "glibc:do_install");
        }

        @Test
        void somepathIsEmptyWithoutAPathAndTheNodeItselfWhenTheSetsMeet() throws Exception {
            assertThat(eval("somepath(glibc, app)")).isEmpty();
            assertThat(eval("somepath(app, app + glibc)")).containsExactly("app");
        }

        @Test
        void allpathsIsEveryNodeOnSomePath() throws Exception {
            assertThat(eval("allpaths(app, glibc)")).containsExactly("app", "lib", "zlib", "glibc");
            assertThat(eval("allpaths(lib, zlib)")).containsExactly("lib", "zlib");
            assertThat(eval("allpaths(zlib, lib)")).isEmpty();
            assertThat(eval("allpaths(app:do_install, lib:do_fetch)")).containsExactly("app:do_compile",
                    "app:do_install", "lib:do_fetch", "lib:do_compile", "lib:do_install");
        }
    }

    @Nested
    class Cycles {
        @Test
        void closuresTerminateAndHoldTheWholeCycle() throws Exception {
            assertThat(eval("deps(cyc-a)")).containsExactly("cyc-a", "cyc-b");
            assertThat(eval("allrdeps(cyc-a)")).containsExactly("cyc-a", "cyc-b");
            assertThat(eval("rdeps(//..., cyc-b)")).containsExactly("cyc-a", "cyc-b");
            assertThat(eval("deps(t-a:do_x)")).containsExactly("t-a:do_x", "t-b:do_x");
        }

        @Test
        void pathsThroughACycleTerminate() throws Exception {
            assertThat(eval("somepath(cyc-a, cyc-b)")).containsExactly("cyc-a", "cyc-b");
            assertThat(eval("allpaths(cyc-a, cyc-a)")).containsExactly("cyc-a", "cyc-b");
            assertThat(eval("allpaths(t-a:do_x, t-b:do_x)")).containsExactly("t-a:do_x", "t-b:do_x");
        }
    }

    @Nested
    class Filters {
        @Test
        void filterKeepsLabelsContainingAMatch() throws Exception {
            assertThat(eval("filter(zlib, //...)")).containsExactly("zlib", "zlib-native", "nativesdk-zlib");
            assertThat(eval("filter(\"^lib|native$\", //...)")).containsExactly("lib", "zlib-native");
            assertThat(eval("filter(\"do_fetch$\", deps(app:do_install, 2))")).containsExactly("app:do_fetch");
        }

        @Test
        void kindMatchesWholeKindWords() throws Exception {
            assertThat(eval("kind(native, //...)")).containsExactly("zlib-native");
            assertThat(eval("kind(nativesdk, //...)")).containsExactly("nativesdk-zlib");
            assertThat(eval("kind(image, //...)")).containsExactly("core-image");
            assertThat(eval("kind(packagegroup, //...)")).containsExactly("packagegroup-base");
            assertThat(eval("kind(cross, //...)")).containsExactly("gcc-cross");
            assertThat(eval("kind(\"class:autotools\", //...)")).containsExactly("app", "lib");
            assertThat(eval("kind(\"class:.*tools\", //...)")).containsExactly("app", "lib");
            assertThat(eval("kind(task, app + app:do_fetch)")).containsExactly("app:do_fetch");
            assertThat(eval("kind(recipe, app + app:do_fetch)")).containsExactly("app");
            assertThat(eval("kind(file, app + buildfiles(app))")).containsExactly(APP_BB, APP_INC, AUTOTOOLS);
            assertThat(eval("kind(\"image|packagegroup\", //...)")).containsExactly("core-image",
                    "packagegroup-base");
        }

        @Test
        void attrMatchesRecipeVariablesAndTaskFlags() throws Exception {
            assertThat(eval("attr(LICENSE, GPL, //...)")).containsExactly("lib", "glibc");
            assertThat(eval("attr(LICENSE, \"^MIT$\", //...)")).containsExactly("app");
            assertThat(eval("attr(lineno, 12, //...:*)")).containsExactly("app:do_compile");
            assertThat(eval("attr(\"RDEPENDS:${PN}\", libc6, //...)")).containsExactly("busybox");
            assertThat(eval("attr(LICENSE, \".*\", buildfiles(app))")).isEmpty();
        }

        @Test
        void attrSkipsUnsetVariablesButMatchesEmptyValues() throws Exception {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(RecipeNode.of("set-empty", Map.of("X", "")));
            b.recipe(RecipeNode.of("unset", Map.of()));
            QueryUniverse u = QueryUniverse.of(b.build());
            assertThat(Query.parse("attr(X, \"^$\", //...)").evaluate(u).labels()).containsExactly("set-empty");
        }
    }

    @Nested
    class Labels {
        @Test
        void resolvesNamesProvidersAndDropsVersionConstraints() throws Exception {
            assertThat(eval("labels(DEPENDS, app)")).containsExactly("lib", "zlib", "glibc");
            assertThat(eval("labels(\"RDEPENDS:${PN}\", busybox)")).containsExactly("glibc");
        }

        @Test
        void unresolvedWordsBecomeWarningsAtTheFunction() throws Exception {
            QueryResult result = Query.parse("app + labels(\"RDEPENDS:${PN}\", app)").evaluate(UNIVERSE);
            assertThat(result.labels()).containsExactly("app", "lib");
            assertThat(result.warnings()).containsExactly(Diagnostic.warning("query", 1, 7,
                    "labels(RDEPENDS:${PN}): 'nosuch' in RDEPENDS:${PN} of 'app' names nothing in the universe"));
            assertThat(result.warnings().get(0).severity()).isEqualTo(Severity.WARNING);
        }

        @Test
        void taskFlagsNameTasks() throws Exception {
            assertThat(eval("labels(depends, app:do_compile)")).containsExactly("zlib:do_install",
                    "glibc:do_install");
        }

        @Test
        void ambiguousProvidersPreferTheOneTheGraphHasAnEdgeTo() throws Exception {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(RecipeNode.of("app", Map.of("DEPENDS", "virtual/libc")));
            b.recipe(RecipeNode.of("glibc", Map.of("PROVIDES", "virtual/libc")));
            b.recipe(RecipeNode.of("musl", Map.of("PROVIDES", "virtual/libc")));
            b.recipe(RecipeNode.of("other", Map.of("DEPENDS", "virtual/libc")));
            b.buildEdge("app", "musl");
            QueryUniverse u = QueryUniverse.of(b.build());
            assertThat(Query.parse("labels(DEPENDS, app)").evaluate(u).labels()).containsExactly("musl");
            QueryResult both = Query.parse("labels(DEPENDS, other)").evaluate(u);
            assertThat(both.labels()).containsExactly("glibc", "musl");
            assertThat(both.warnings()).singleElement().extracting(Diagnostic::message).asString()
                    .contains("is provided by glibc, musl");
            assertThatThrownBy(() -> Query.parse("virtual/libc").evaluate(u))
                    .hasMessageContaining("'virtual/libc' is provided by glibc, musl; name one of them");
        }

        @Test
        void aFailingVariableLookupIsAQueryErrorNamingRecipeAndVariable() throws Exception {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(new RecipeNode("broken", "", "", List.of(), List.of(), v -> {
                throw new IllegalStateException("${@bad()} failed");
            }));
            QueryUniverse u = QueryUniverse.of(b.build());
            assertThatThrownBy(() -> Query.parse("attr(LICENSE, x, //...)").evaluate(u))
                    .isInstanceOf(QueryException.class)
                    .hasMessageContaining("attr: variable LICENSE of recipe 'broken' could not be read: "
                            + "${@bad()} failed")
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Files {
        @Test
        void buildfilesAreTheFilesOfTheRecipesAndOfTheRecipesOfTasks() throws Exception {
            assertThat(eval("buildfiles(app)")).containsExactly(APP_BB, APP_INC, AUTOTOOLS);
            assertThat(eval("buildfiles(app:do_fetch)")).containsExactly(APP_BB, APP_INC, AUTOTOOLS);
            assertThat(eval("buildfiles(zlib-native)")).containsExactly(ZLIB_BB);
            assertThat(eval("buildfiles(cyc-a)")).isEmpty();
        }

        @Test
        void rbuildfilesTakesPathsOrPathSuffixes() throws Exception {
            assertThat(eval("rbuildfiles(autotools.bbclass)")).containsExactly("app", "lib");
            assertThat(eval("rbuildfiles(\"" + AUTOTOOLS + "\")")).containsExactly("app", "lib");
            assertThat(eval("rbuildfiles(classes/autotools.bbclass, zlib_1.3.bb)")).containsExactly("app", "lib",
                    "zlib", "zlib-native", "nativesdk-zlib");
            assertThat(eval("rbuildfiles(lib_%.bbappend)")).containsExactly("lib");
        }

        @Test
        void rbuildfilesMatchesWholePathComponentsAndWarnsOnNoMatch() throws Exception {
            QueryResult result = Query.parse("rbuildfiles(otools.bbclass)").evaluate(UNIVERSE);
            assertThat(result).isEmpty();
            assertThat(result.warnings()).singleElement().extracting(Diagnostic::column).isEqualTo(13);
        }

        @Test
        void aFileChangeReachesEveryDependent() throws Exception {
            assertThat(eval("allrdeps(rbuildfiles(zlib_1.3.bb))")).containsExactly("app", "lib", "zlib",
                    "zlib-native", "nativesdk-zlib");
        }
    }

    @Nested
    class Siblings {
        @Test
        void ofATaskAreTheTasksOfItsRecipe() throws Exception {
            assertThat(eval("siblings(app:do_fetch)")).containsExactly("app:do_fetch", "app:do_compile",
                    "app:do_install");
        }

        @Test
        void ofARecipeAreTheVariantsOfItsBbFile() throws Exception {
            assertThat(eval("siblings(zlib)")).containsExactly("zlib", "zlib-native", "nativesdk-zlib");
            assertThat(eval("siblings(cyc-a)")).containsExactly("cyc-a");
        }

        @Test
        void samePkgDirectRdepsAreSiblingsThatDependDirectly() throws Exception {
            assertThat(eval("same_pkg_direct_rdeps(app:do_fetch)")).containsExactly("app:do_compile");
            assertThat(eval("same_pkg_direct_rdeps(app:do_compile)")).containsExactly("app:do_install");
            assertThat(eval("same_pkg_direct_rdeps(zlib)")).isEmpty();
        }

        @Test
        void samePkgDirectRdepsOfRecipesUseTheVariantsOfOneBbFile() throws Exception {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(new RecipeNode("tool", "/x/tool.bb", "", List.of(), List.of(), v -> Optional.empty()));
            b.recipe(new RecipeNode("tool-native", "/x/tool.bb", "native", List.of(), List.of("native"),
                    v -> Optional.empty()));
            b.recipe(RecipeNode.of("user", Map.of()));
            b.buildEdge("tool", "tool-native").buildEdge("user", "tool-native");
            QueryUniverse u = QueryUniverse.of(b.build());
            assertThat(Query.parse("same_pkg_direct_rdeps(tool-native)").evaluate(u).labels())
                    .containsExactly("tool");
        }

        @Test
        void tasksAndRecipesMoveBetweenTheTwoGraphs() throws Exception {
            assertThat(eval("tasks(app)")).containsExactly("app:do_fetch", "app:do_compile", "app:do_install");
            assertThat(eval("tasks(zlib-native + lib:do_fetch)")).containsExactly("lib:do_fetch");
            assertThat(eval("recipes(app:do_fetch + lib:do_install + zlib)")).containsExactly("app", "lib", "zlib");
            QueryResult orphan = Query.parse("recipes(t-a:do_x)").evaluate(UNIVERSE);
            assertThat(orphan).isEmpty();
            assertThat(orphan.warnings()).singleElement().extracting(Diagnostic::message)
                    .isEqualTo("recipes: the recipe graph has no recipe t-a (named by tasks)");
        }

        @Test
        void someTakesTheFirstMembersAndRefusesAnEmptySet() throws Exception {
            assertThat(eval("some(//...)")).containsExactly("core-image");
            assertThat(eval("some(//..., 2)")).containsExactly("core-image", "app");
            assertThatThrownBy(() -> eval("some(nomatch*)")).hasMessageContaining("some: the argument set is empty");
        }
    }

    @Nested
    class Edges {
        @Test
        void buildEdgesAreTheDefault() throws Exception {
            assertThat(eval("deps(core-image)")).containsExactly("core-image");
            assertThat(QueryLanguageTest.eval("deps(core-image)", EdgeKind.BUILD)).containsExactly("core-image");
        }

        @Test
        void runtimeEdgesFollowRdepends() throws Exception {
            assertThat(QueryLanguageTest.eval("deps(core-image)", EdgeKind.RUNTIME)).containsExactly("core-image",
                    "app", "lib", "glibc", "busybox");
            assertThat(QueryLanguageTest.eval("rdeps(//..., busybox)", EdgeKind.RUNTIME))
                    .containsExactly("core-image", "busybox", "packagegroup-base");
        }

        @Test
        void bothFollowsEither() throws Exception {
            assertThat(QueryLanguageTest.eval("deps(core-image)", EdgeKind.BOTH)).containsExactly("core-image",
                    "app", "lib", "zlib", "glibc", "busybox");
            assertThat(QueryLanguageTest.eval("somepath(core-image, zlib)", EdgeKind.BOTH))
                    .containsExactly("core-image", "app", "zlib");
        }

        @Test
        void taskEdgesDoNotDependOnTheEdgeKind() throws Exception {
            for (EdgeKind kind : EdgeKind.values()) {
                assertThat(QueryLanguageTest.eval("deps(app:do_install)", kind)).hasSize(12);
            }
        }
    }
}
