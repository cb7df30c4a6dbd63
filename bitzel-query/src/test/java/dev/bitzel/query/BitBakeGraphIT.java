package dev.bitzel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.graph.Digraph;
import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.RecipeNode;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries over the graph real BitBake wrote for {@code bitbake -g core-image-minimal}: the directory holding its
 * {@code task-depends.dot} and {@code pn-buildlist} is given as {@code -Dbitzel.bitbakeGraphDir=DIR} (nothing of
 * poky is committed). Without it the tests are skipped, saying so. The task graph is read from the dot file; the
 * recipe graph has one recipe per PN (with its {@code .bb} file) and an edge wherever a task of one recipe
 * depends on a task of another.
 */
class BitBakeGraphIT {
    private static final Pattern NODE = Pattern.compile("^\"([^\"]+)\" \\[label=\"(\\S+) (do_\\S+)\\\\n[^\\\\]*\\\\n([^\"]*)\"\\]$");
    private static final Pattern EDGE = Pattern.compile("^\"([^\"]+)\" -> \"([^\"]+)\"$");

    private static QueryUniverse universe;
    private static Set<String> buildList;
    private static TaskGraph tasks;

    @BeforeAll
    static void load() throws IOException {
        String dir = System.getProperty("bitzel.bitbakeGraphDir", "");
        assumeTrue(!dir.isEmpty(), "set -Dbitzel.bitbakeGraphDir=DIR (task-depends.dot and pn-buildlist of "
                + "bitbake -g core-image-minimal) to run these checks");
        Path dot = Path.of(dir, "task-depends.dot");
        Map<String, TaskId> ids = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        for (String line : Files.readAllLines(dot)) {
            Matcher node = NODE.matcher(line);
            if (node.matches()) {
                ids.put(node.group(1), new TaskId(node.group(2), node.group(3)));
                files.putIfAbsent(node.group(2), node.group(4).replaceFirst("^(virtual|mc):[^:]*:", ""));
                continue;
            }
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                edges.add(new String[] {edge.group(1), edge.group(2)});
            }
        }
        TaskGraph.Builder taskBuilder = TaskGraph.builder();
        ids.values().forEach(id -> taskBuilder.task(new TaskNode(id, Map.of())));
        RecipeGraph.Builder recipeBuilder = RecipeGraph.builder();
        files.forEach((pn, file) -> recipeBuilder.recipe(new RecipeNode(pn, file, "", List.of(file), List.of(),
                v -> Optional.empty())));
        for (String[] e : edges) {
            TaskId from = ids.get(e[0]);
            TaskId to = ids.get(e[1]);
            assertThat(from).as("declared node %s", e[0]).isNotNull();
            assertThat(to).as("declared node %s", e[1]).isNotNull();
            taskBuilder.edge(from, to);
            if (!from.recipe().equals(to.recipe())) {
                recipeBuilder.buildEdge(from.recipe(), to.recipe());
            }
        }
        tasks = taskBuilder.build();
        universe = QueryUniverse.of(recipeBuilder.build(), tasks);
        buildList = new HashSet<>(Files.readAllLines(Path.of(dir, "pn-buildlist")));
        buildList.remove("");
    }

    @Test
    void theRecipesOfTheTasksUnderTheImageAreBitBakesBuildList() throws QueryException {
        List<String> recipes = Query.parse("recipes(deps(core-image-minimal:do_build))").evaluate(universe).labels();
        assertThat(new HashSet<>(recipes)).isEqualTo(buildList);
    }

    @Test
    void recipeDepsOfTheImageAreBitBakesBuildList() throws QueryException {
        List<String> recipes = Query.parse("deps(core-image-minimal)").evaluate(universe).labels();
        assertThat(new HashSet<>(recipes)).isEqualTo(buildList);
    }

    @Test
    void somepathIsARealPathOfTheTaskGraph() throws QueryException {
        List<String> path = Query.parse("somepath(core-image-minimal:do_build, zlib-native:do_populate_sysroot)")
                .evaluate(universe).labels();
        assertThat(path).hasSizeGreaterThan(2).startsWith("core-image-minimal:do_build")
                .endsWith("zlib-native:do_populate_sysroot");
        Digraph g = tasks.graph();
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(g.hasEdge(g.indexOf(path.get(i)), g.indexOf(path.get(i + 1))))
                    .as("%s -> %s", path.get(i), path.get(i + 1)).isTrue();
        }
    }

    @Test
    void variantsOfOneBbFileAreSiblings() throws QueryException {
        assertThat(Query.parse("siblings(zlib-native)").evaluate(universe).labels()).contains("zlib",
                "zlib-native");
    }
}
