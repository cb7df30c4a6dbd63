package dev.bitzel.graph;

import dev.bitzel.parser.Recipe;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A task graph together with the recipe each of its tasks comes from: what {@code bitbake -g} computes and
 * what a build runs.
 *
 * <p>Immutable and thread-safe (the recipes' datastores are the parser's).
 *
 * @param graph the tasks and their order
 * @param recipes per recipe name ({@code PN}) in the graph, the parsed recipe variant that provides it
 * @param versions per recipe name, {@code PE:PV-PR} as BitBake's dot labels show it
 * @param problems what was left out when the plan was computed without halting (names nothing provides and
 *     the targets they made unbuildable); empty for a plan computed with halting
 */
public record TaskPlan(TaskGraph graph, Map<String, Recipe> recipes, Map<String, String> versions,
        List<String> problems) {

    /** Validates and copies the components. */
    public TaskPlan {
        Objects.requireNonNull(graph, "graph");
        recipes = Map.copyOf(recipes);
        versions = Map.copyOf(versions);
        problems = List.copyOf(problems);
        for (TaskNode task : graph.tasks()) {
            if (!recipes.containsKey(task.id().recipe()) || !versions.containsKey(task.id().recipe())) {
                throw new IllegalArgumentException("no recipe for task " + task.id());
            }
        }
    }

    /** The recipe a task of this plan comes from. */
    public Recipe recipe(TaskId task) {
        Recipe r = recipes.get(task.recipe());
        if (r == null) {
            throw new IllegalArgumentException("task '" + task + "' is not in this plan");
        }
        return r;
    }

    /** BitBake's file name for a recipe: its {@code .bb} path, or {@code virtual:VARIANT:path} for a variant. */
    public String recipeFile(String pn) {
        Recipe r = recipes.get(pn);
        if (r == null) {
            throw new IllegalArgumentException("recipe '" + pn + "' is not in this plan");
        }
        return r.fn();
    }

    /**
     * Writes the graph as BitBake's {@code task-depends.dot}, line for line: nodes sorted by
     * {@code PN.do_task}, each labelled {@code PN TASK\nPE:PV-PR\nFILE} and followed by its sorted edges.
     *
     * @throws IOException if {@code out} fails
     */
    public void writeDot(Appendable out) throws IOException {
        Digraph g = graph.graph();
        TreeMap<String, Integer> sorted = new TreeMap<>();
        for (int i = 0; i < g.size(); i++) {
            TaskId id = graph.task(i).id();
            sorted.put(id.recipe() + "." + id.task(), i);
        }
        out.append("digraph depends {\n");
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            TaskId id = graph.task(e.getValue()).id();
            out.append('"').append(e.getKey()).append("\" [label=\"").append(id.recipe()).append(' ')
                    .append(id.task()).append("\\n").append(versions.get(id.recipe())).append("\\n")
                    .append(recipeFile(id.recipe())).append("\"]\n");
            List<String> deps = new ArrayList<>();
            g.forEachSuccessor(e.getValue(), d -> {
                TaskId dep = graph.task(d).id();
                deps.add(dep.recipe() + "." + dep.task());
            });
            deps.sort(null);
            for (String dep : deps) {
                out.append('"').append(e.getKey()).append("\" -> \"").append(dep).append("\"\n");
            }
        }
        out.append("}\n");
    }

    /** The recipe names in the plan, as BitBake's {@code pn-buildlist}, sorted. */
    public List<String> recipeNames() {
        return recipes.keySet().stream().sorted().toList();
    }
}
