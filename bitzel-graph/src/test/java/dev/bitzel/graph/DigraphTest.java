package dev.bitzel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DigraphTest {

    private static List<String> names(Digraph g, java.util.stream.IntStream nodes) {
        return nodes.mapToObj(g::name).toList();
    }

    @Nested
    class Adjacency {
        @Test
        void forwardAndReverseEdgesAreSortedAndDeduplicated() {
            Digraph g = Digraph.builder().edge("app", "lib").edge("app", "libc").edge("lib", "libc")
                    .edge("app", "lib").build();
            int app = g.indexOf("app");
            int libc = g.indexOf("libc");
            assertThat(g.edgeCount()).isEqualTo(3);
            assertThat(names(g, g.successors(app))).containsExactly("lib", "libc");
            assertThat(names(g, g.predecessors(libc))).containsExactly("app", "lib");
            assertThat(g.outDegree(libc)).isZero();
            assertThat(g.inDegree(libc)).isEqualTo(2);
            assertThat(g.successor(app, 1)).isEqualTo(libc);
            assertThat(g.predecessor(libc, 0)).isEqualTo(app);
            assertThat(g.hasEdge(app, libc)).isTrue();
            assertThat(g.hasEdge(libc, app)).isFalse();
        }

        @Test
        void unknownNamesAndNumbersAreReportedNotInvented() {
            Digraph g = Digraph.builder().edge("a", "b").build();
            assertThat(g.indexOf("zz")).isEqualTo(-1);
            assertThat(g.contains("a")).isTrue();
            assertThatThrownBy(() -> g.name(2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> g.successor(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void isolatedNodesKeepTheirInsertionNumbers() {
            Digraph.Builder b = Digraph.builder();
            assertThat(b.node("x")).isZero();
            assertThat(b.node("y")).isEqualTo(1);
            assertThat(b.node("x")).isZero();
            Digraph g = b.build();
            assertThat(g.size()).isEqualTo(2);
            assertThat(g.edgeCount()).isZero();
        }
    }

    @Nested
    class Order {
        @Test
        void topologicalOrderPutsDependenciesFirstAndBreaksTiesByNumber() {
            Digraph g = Digraph.builder().edge("image", "app").edge("app", "lib").edge("image", "lib")
                    .edge("tool", "lib").build();
            assertThat(java.util.Arrays.stream(g.topologicalOrder()).mapToObj(g::name).toList())
                    .containsExactly("lib", "app", "image", "tool");
        }

        @Test
        void aCycleIsFoundAndNamedInOrder() {
            Digraph g = Digraph.builder().edge("a", "b").edge("b", "c").edge("c", "b").edge("c", "d").build();
            assertThat(g.describeCycle(g.findCycle())).isEqualTo("b -> c -> b");
            assertThatThrownBy(g::topologicalOrder).isInstanceOf(IllegalStateException.class)
                    .hasMessage("dependency cycle: b -> c -> b");
        }

        @Test
        void selfLoopIsACycle() {
            Digraph g = Digraph.builder().edge("a", "a").build();
            assertThat(g.describeCycle(g.findCycle())).isEqualTo("a -> a");
        }

        @Test
        void acyclicGraphHasNoCycle() {
            Digraph g = Digraph.builder().edge("a", "b").edge("a", "c").edge("b", "c").build();
            assertThat(g.findCycle()).isEmpty();
        }
    }

    @Nested
    class Typed {
        @Test
        void recipeGraphSharesNodeNumbersBetweenBuildAndRuntimeEdges() {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(RecipeNode.of("app", java.util.Map.of("LICENSE", "MIT")));
            b.recipe(RecipeNode.of("lib", java.util.Map.of()));
            b.recipe(RecipeNode.of("sh", java.util.Map.of()));
            RecipeGraph g = b.buildEdge("app", "lib").runtimeEdge("app", "sh").build();
            int app = g.build().indexOf("app");
            assertThat(g.runtime().indexOf("app")).isEqualTo(app);
            assertThat(g.recipe(app).variable("LICENSE")).contains("MIT");
            assertThat(g.recipe("sh").orElseThrow().variable("LICENSE")).isEqualTo(Optional.empty());
            assertThat(names(g.build(), g.build().successors(app))).containsExactly("lib");
            assertThat(names(g.runtime(), g.runtime().successors(app))).containsExactly("sh");
        }

        @Test
        void edgesToRecipesNotAddedAreRejected() {
            RecipeGraph.Builder b = RecipeGraph.builder();
            b.recipe(RecipeNode.of("app", java.util.Map.of()));
            assertThatThrownBy(() -> b.buildEdge("app", "nope")).hasMessageContaining("'nope'");
            assertThatThrownBy(() -> b.recipe(RecipeNode.of("app", java.util.Map.of())))
                    .hasMessageContaining("'app' added twice");
        }

        @Test
        void taskGraphNamesNodesRecipeColonTask() {
            TaskGraph.Builder b = TaskGraph.builder();
            TaskId compile = TaskId.parse("lib:do_compile");
            TaskId configure = TaskId.parse("lib:do_configure");
            b.task(new TaskNode(compile, java.util.Map.of("dirs", "${B}")));
            b.task(new TaskNode(configure, java.util.Map.of("noexec", "1")));
            TaskGraph g = b.edge(compile, configure).build();
            assertThat(g.graph().name(g.indexOf(compile))).isEqualTo("lib:do_compile");
            assertThat(g.task(configure).orElseThrow().isSet("noexec")).isTrue();
            assertThat(g.task(compile).orElseThrow().isSet("noexec")).isFalse();
            assertThat(g.graph().hasEdge(g.indexOf(compile), g.indexOf(configure))).isTrue();
        }
    }
}
