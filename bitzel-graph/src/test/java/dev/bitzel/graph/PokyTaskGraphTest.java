package dev.bitzel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.data.PythonEvaluator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The task graph of a real target of a real layer set against the {@code task-depends.dot} real BitBake wrote for
 * it: node and edge sets are diffed, differences printed.
 *
 * <p>Runs only when given a build directory, a target and BitBake's dot file, e.g. for poky scarthgap:
 * {@code mvn -pl bitzel-graph -am test -Dtest=PokyTaskGraphTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbitzel.graph.builddir=/work/poky-build -Dbitzel.graph.target=core-image-minimal
 * -Dbitzel.graph.dot=/tmp/task-depends.dot} (produce the dot with {@code bitbake -g core-image-minimal} in the same
 * build directory; neither is part of this repository).
 */
class PokyTaskGraphTest {

    @Test
    void equalsBitbakesTaskDependsDot() throws Exception {
        String buildDir = System.getProperty("bitzel.graph.builddir", "");
        String target = System.getProperty("bitzel.graph.target", "");
        String dot = System.getProperty("bitzel.graph.dot", "");
        assumeTrue(!buildDir.isEmpty() && !target.isEmpty() && !dot.isEmpty(),
                "set -Dbitzel.graph.builddir, -Dbitzel.graph.target and -Dbitzel.graph.dot to run");
        BuildDirectory build = BuildDirectory.builder(Path.of(buildDir)).python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        RecipeUniverse universe = RecipeUniverse.of(build, build.parseAll(Runtime.getRuntime().availableProcessors()));
        StringBuilder ours = new StringBuilder();
        universe.taskGraph(List.of(target.split("\\s+")), "build").writeDot(ours);
        List<String> expected = Files.readAllLines(Path.of(dot), StandardCharsets.UTF_8);
        List<String> actual = List.of(ours.toString().split("\n"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        List<String> report = new ArrayList<>();
        missing.stream().limit(50).forEach(l -> report.add("missing: " + l));
        extra.stream().limit(50).forEach(l -> report.add("extra:   " + l));
        assertThat(report).as("%d lines missing, %d extra", missing.size(), extra.size()).isEmpty();
        assertThat(actual).isEqualTo(expected);
    }
}
