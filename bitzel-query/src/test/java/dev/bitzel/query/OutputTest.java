package dev.bitzel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutputTest {
    private static final QueryUniverse UNIVERSE = Fixtures.universe();

    private static String format(String query, OutputFormat format) throws QueryException {
        return Query.parse(query).evaluate(UNIVERSE).format(format);
    }

    private static String format(String query, OutputFormat format, QueryOptions options) throws QueryException {
        return Query.parse(query).evaluate(UNIVERSE, options).format(format);
    }

    @Nested
    class Formats {
        @Test
        void labelIsOneLabelPerLine() throws Exception {
            assertThat(format("deps(app)", OutputFormat.LABEL)).isEqualTo("app\nlib\nzlib\nglibc\n");
            assertThat(format("nomatch*", OutputFormat.LABEL)).isEmpty();
        }

        @Test
        void labelKindNamesTheMostSpecificKind() throws Exception {
            assertThat(format("core-image + zlib-native + nativesdk-zlib + gcc-cross + packagegroup-base + app"
                    + " + app:do_fetch + buildfiles(busybox)", OutputFormat.LABEL_KIND)).isEqualTo(""
                    + "image recipe core-image\n"
                    + "recipe app\n"
                    + "native recipe zlib-native\n"
                    + "nativesdk recipe nativesdk-zlib\n"
                    + "packagegroup recipe packagegroup-base\n"
                    + "cross recipe gcc-cross\n"
                    + "task app:do_fetch\n"
                    + "file /layers/meta/recipes/busybox/busybox_1.36.bb\n");
        }

        @Test
        void graphIsDotWithTheEdgesAmongTheResult() throws Exception {
            assertThat(format("deps(app)", OutputFormat.GRAPH)).isEqualTo(""
                    + "digraph query {\n"
                    + "  node [shape=box];\n"
                    + "  \"app\"\n"
                    + "  \"app\" -> \"lib\"\n"
                    + "  \"app\" -> \"zlib\"\n"
                    + "  \"app\" -> \"glibc\"\n"
                    + "  \"lib\"\n"
                    + "  \"lib\" -> \"zlib\"\n"
                    + "  \"lib\" -> \"glibc\"\n"
                    + "  \"zlib\"\n"
                    + "  \"zlib\" -> \"glibc\"\n"
                    + "  \"glibc\"\n"
                    + "}\n");
        }

        @Test
        void graphDashesRuntimeOnlyEdgesWhenBothKindsAreFollowed() throws Exception {
            QueryOptions both = QueryOptions.builder().edges(EdgeKind.BOTH).build();
            assertThat(format("core-image + app + lib + busybox", OutputFormat.GRAPH, both)).isEqualTo(""
                    + "digraph query {\n"
                    + "  node [shape=box];\n"
                    + "  \"core-image\"\n"
                    + "  \"core-image\" -> \"app\" [style=dashed]\n"
                    + "  \"core-image\" -> \"busybox\" [style=dashed]\n"
                    + "  \"app\"\n"
                    + "  \"app\" -> \"lib\"\n"
                    + "  \"lib\"\n"
                    + "  \"busybox\"\n"
                    + "}\n");
        }

        @Test
        void jsonListsTargetsWithKindLocationAndDeps() throws Exception {
            assertThat(format("deps(lib) + cyc-a", OutputFormat.JSON)).isEqualTo(""
                    + "{\n"
                    + "  \"targets\": [\n"
                    + "    {\"label\": \"lib\", \"kind\": \"recipe\", \"location\": "
                    + "\"/layers/meta/recipes/lib/lib_2.0.bb:1\", \"deps\": [\"zlib\", \"glibc\"]},\n"
                    + "    {\"label\": \"zlib\", \"kind\": \"recipe\", \"location\": "
                    + "\"/layers/meta/recipes/zlib/zlib_1.3.bb:1\", \"deps\": [\"glibc\"]},\n"
                    + "    {\"label\": \"glibc\", \"kind\": \"recipe\", \"location\": "
                    + "\"/layers/meta/recipes/glibc/glibc_2.39.bb:1\", \"deps\": []},\n"
                    + "    {\"label\": \"cyc-a\", \"kind\": \"recipe\", \"deps\": []}\n"
                    + "  ]\n"
                    + "}\n");
            assertThat(format("nomatch*", OutputFormat.JSON)).isEqualTo("{\n  \"targets\": []\n}\n");
        }

        @Test
        void treeExpandsEachTargetOnceAndMarksRepeats() throws Exception {
            assertThat(format("deps(app)", OutputFormat.TREE)).isEqualTo(""
                    + "app\n"
                    + "  lib\n"
                    + "    zlib\n"
                    + "      glibc\n"
                    + "    glibc (*)\n"
                    + "  zlib (*)\n"
                    + "  glibc (*)\n");
        }

        @Test
        void treeMarksCyclesAndStillPrintsEveryTarget() throws Exception {
            assertThat(format("deps(cyc-a) + busybox", OutputFormat.TREE)).isEqualTo(""
                    + "busybox\n"
                    + "cyc-a\n"
                    + "  cyc-b\n"
                    + "    cyc-a (cycle)\n");
        }

        @Test
        void minrankIsTheShortestAndMaxrankTheLongestPathFromARoot() throws Exception {
            assertThat(format("deps(app)", OutputFormat.MINRANK)).isEqualTo("0 app\n1 lib\n1 zlib\n1 glibc\n");
            assertThat(format("deps(app)", OutputFormat.MAXRANK)).isEqualTo("0 app\n1 lib\n2 zlib\n3 glibc\n");
        }

        @Test
        void ranksCollapseCycles() throws Exception {
            assertThat(format("deps(cyc-a) + deps(t-a:do_x)", OutputFormat.MAXRANK))
                    .isEqualTo("0 cyc-a\n0 cyc-b\n0 t-a:do_x\n0 t-b:do_x\n");
        }

        @Test
        void locationUsesBbFilesAndTaskFlags() throws Exception {
            assertThat(format("app + app:do_compile + app:do_fetch + cyc-a + buildfiles(zlib)",
                    OutputFormat.LOCATION)).isEqualTo(""
                    + "/layers/meta/recipes/app/app_1.0.bb:1: recipe app\n"
                    + "<unknown>: recipe cyc-a\n"
                    + "/layers/meta/recipes/app/app_1.0.bb:1: task app:do_fetch\n"
                    + "/layers/meta/recipes/app/app_1.0.bb:12: task app:do_compile\n"
                    + "/layers/meta/recipes/zlib/zlib_1.3.bb:1: file /layers/meta/recipes/zlib/zlib_1.3.bb\n");
        }

        @Test
        void anyAppendableReceivesTheSameText() throws Exception {
            QueryResult result = Query.parse("deps(app)").evaluate(UNIVERSE);
            for (OutputFormat format : OutputFormat.values()) {
                StringWriter out = new StringWriter();
                result.format(format, out);
                assertThat(out.toString()).as(format.name()).isEqualTo(result.format(format));
            }
        }

        @Test
        void aFailingAppendableFailsTheCall() throws Exception {
            QueryResult result = Query.parse("deps(app)").evaluate(UNIVERSE);
            Appendable broken = new Appendable() {
                @Override
                public Appendable append(CharSequence csq) throws IOException {
                    throw new IOException("disk full");
                }

                @Override
                public Appendable append(CharSequence csq, int start, int end) throws IOException {
                    throw new IOException("disk full");
                }

                @Override
                public Appendable append(char c) throws IOException {
                    throw new IOException("disk full");
                }
            };
            assertThatThrownBy(() -> result.format(OutputFormat.LABEL, broken)).isInstanceOf(IOException.class)
                    .hasMessage("disk full");
        }
    }

    @Nested
    class Order {
        @Test
        void autoIsGraphOrderRecipesThenTasksThenFiles() throws Exception {
            assertThat(QueryLanguageTest.eval("buildfiles(busybox) + app:do_fetch + glibc + app"))
                    .containsExactly("app", "glibc", "app:do_fetch", "/layers/meta/recipes/busybox/busybox_1.36.bb");
        }

        @Test
        void depsOrderPutsDependentsBeforeTheirDependencies() throws Exception {
            QueryOptions deps = QueryOptions.builder().order(OutputOrder.DEPS).build();
            assertThat(Query.parse("glibc + app + busybox").evaluate(UNIVERSE, deps).labels())
                    .containsExactly("app", "busybox", "glibc");
            assertThat(Query.parse("deps(app:do_install)").evaluate(UNIVERSE, deps).labels()).startsWith(
                    "app:do_install", "app:do_compile", "app:do_fetch", "lib:do_install").endsWith("glibc:do_fetch");
        }

        @Test
        void depsOrderKeepsTheMembersOfACycleTogether() throws Exception {
            QueryOptions deps = QueryOptions.builder().order(OutputOrder.DEPS).build();
            assertThat(Query.parse("deps(cyc-a) + app").evaluate(UNIVERSE, deps).labels())
                    .containsExactly("app", "cyc-a", "cyc-b");
        }

        @Test
        void nameOrderSortsLabels() throws Exception {
            QueryOptions name = QueryOptions.builder().order(OutputOrder.NAME).build();
            assertThat(Query.parse("//...").evaluate(UNIVERSE, name).labels()).containsExactly("app", "busybox",
                    "core-image", "cyc-a", "cyc-b", "gcc-cross", "glibc", "lib", "nativesdk-zlib",
                    "packagegroup-base", "zlib", "zlib-native");
        }

        @Test
        void outputsFollowTheResultOrder() throws Exception {
            QueryOptions deps = QueryOptions.builder().order(OutputOrder.DEPS).build();
            assertThat(format("glibc + app + busybox", OutputFormat.LABEL, deps)).isEqualTo("app\nbusybox\nglibc\n");
        }
    }

    @Nested
    class Api {
        @Test
        void aResultIsAnImmutableOrderedSetOfTargets() throws Exception {
            QueryResult result = Query.parse("deps(lib) + lib:do_fetch").evaluate(UNIVERSE);
            assertThat(result).hasSize(4);
            assertThat(result.targets()).containsExactly(new Target(Target.Type.RECIPE, 2, "lib"),
                    new Target(Target.Type.RECIPE, 3, "zlib"), new Target(Target.Type.RECIPE, 6, "glibc"),
                    new Target(Target.Type.TASK, 3, "lib:do_fetch"));
            assertThat(result).contains(new Target(Target.Type.TASK, 3, "lib:do_fetch"));
            assertThat(result).doesNotContain(new Target(Target.Type.TASK, 3, "other"),
                    new Target(Target.Type.TASK, 99, "lib:do_fetch"));
            assertThat(result.containsLabel("zlib")).isTrue();
            assertThat(result.containsLabel("app")).isFalse();
            assertThatThrownBy(() -> result.add(new Target(Target.Type.RECIPE, 1, "app")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> result.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> result.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
            assertThat(result).hasToString("[lib, zlib, glibc, lib:do_fetch]");
        }

        @Test
        void aParsedQueryIsReusableAcrossUniversesAndKeepsItsText() throws Exception {
            Query query = Query.parse("deps(app)");
            assertThat(query.text()).isEqualTo("deps(app)");
            QueryResult first = query.evaluate(UNIVERSE);
            QueryResult second = query.evaluate(Fixtures.universe());
            assertThat(first.labels()).isEqualTo(second.labels());
            assertThat(first.query()).isSameAs(query);
            assertThat(first.universe()).isSameAs(UNIVERSE);
            assertThat(first.options()).isEqualTo(QueryOptions.defaults());
        }

        @Test
        void optionsHaveBuildersAndParsedNames() {
            QueryOptions options = QueryOptions.builder().edges(EdgeKind.parse("runtime"))
                    .order(OutputOrder.parse("deps")).build();
            assertThat(options.toBuilder().build()).isEqualTo(options);
            assertThat(options.toBuilder().edges(EdgeKind.BOTH).build().order()).isEqualTo(OutputOrder.DEPS);
            assertThat(OutputFormat.parse("label_kind")).isEqualTo(OutputFormat.LABEL_KIND);
            assertThatThrownBy(() -> EdgeKind.parse("rdepends")).hasMessage(
                    "edges must be one of build, runtime, both; was 'rdepends'");
            assertThatThrownBy(() -> OutputOrder.parse("full")).hasMessage(
                    "output order must be one of auto, deps, name; was 'full'");
            assertThatThrownBy(() -> OutputFormat.parse("xml")).hasMessageStartingWith(
                    "output format must be one of label, label_kind, graph, json, tree, minrank, maxrank, location");
        }

        @Test
        void theUniverseDescribesItself() {
            assertThat(UNIVERSE).hasToString("QueryUniverse[12 recipes, 14 tasks, 10 files]");
            assertThat(UNIVERSE.fileCount()).isEqualTo(10);
            assertThat(UNIVERSE.recipes().size()).isEqualTo(12);
            assertThat(UNIVERSE.tasks().size()).isEqualTo(14);
        }

        @Test
        void nullsAreRejectedByName() {
            assertThatThrownBy(() -> Query.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
            assertThatThrownBy(() -> Query.parse("app").evaluate(null)).hasMessage("universe");
            assertThatThrownBy(() -> QueryUniverse.of(null, null)).hasMessage("recipes");
        }

        @Test
        void aRecipeOnlyUniverseHasNoTasks() throws Exception {
            QueryUniverse recipesOnly = QueryUniverse.of(Fixtures.recipes());
            assertThat(Query.parse("//...:*").evaluate(recipesOnly)).isEmpty();
            assertThat(Query.parse("deps(app)").evaluate(recipesOnly).labels()).containsExactly("app", "lib",
                    "zlib", "glibc");
        }

        @Test
        void queriesEvaluateConcurrentlyOverOneUniverse() throws Exception {
            Query query = Query.parse("labels(DEPENDS, //...) + rdeps(//...:*, glibc:do_fetch)");
            List<String> expected = query.evaluate(Fixtures.universe()).labels();
            QueryUniverse shared = Fixtures.universe();
            List<java.util.concurrent.Future<List<String>>> futures = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < 16; i++) {
                    futures.add(pool.submit(() -> query.evaluate(shared).labels()));
                }
                for (java.util.concurrent.Future<List<String>> f : futures) {
                    assertThat(f.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
