package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.ExpansionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target as the user named it on the command line, and the task of the graph that completes it, for the Build
 * Event Protocol's {@code targetCompleted} events.
 *
 * @param label the name as given ({@code demo-image}, {@code hello-lib:do_compile}, {@code virtual/kernel})
 * @param task the task that completes it; empty when it could not be found in the plan
 */
public record BuildTarget(String label, Optional<TaskId> task) {

    /** Validates the components. */
    public BuildTarget {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(task, "task");
    }

    /**
     * Finds the task of each requested target as {@code bitbake} chooses it: {@code NAME:do_task} or
     * {@code NAME} with the default task, where NAME is a recipe of the plan or, failing that, something exactly one
     * recipe of the plan lists in {@code PROVIDES}. Reads the recipes' stores: call it before the build starts, not
     * from worker threads.
     *
     * @param plan the build's plan
     * @param requested the targets as given
     * @param defaultTask the task of {@code -c} ({@code build} or {@code do_build})
     */
    public static List<BuildTarget> resolve(TaskPlan plan, List<String> requested, String defaultTask) {
        String task = defaultTask.startsWith("do_") ? defaultTask : "do_" + defaultTask;
        TaskGraph graph = plan.graph();
        List<BuildTarget> out = new ArrayList<>();
        for (String target : requested) {
            String name = target;
            String t = task;
            int at = target.indexOf(":do_");
            if (at >= 0) {
                name = target.substring(0, at);
                t = target.substring(at + 1);
            }
            TaskId direct = new TaskId(name, t);
            if (graph.indexOf(direct) >= 0) {
                out.add(new BuildTarget(target, Optional.of(direct)));
                continue;
            }
            List<TaskId> providers = new ArrayList<>();
            for (Map.Entry<String, Recipe> e : plan.recipes().entrySet()) {
                TaskId candidate = new TaskId(e.getKey(), t);
                if (graph.indexOf(candidate) >= 0 && provides(e.getValue(), name)) {
                    providers.add(candidate);
                }
            }
            out.add(new BuildTarget(target, providers.size() == 1 ? Optional.of(providers.get(0)) : Optional.empty()));
        }
        return List.copyOf(out);
    }

    private static boolean provides(Recipe recipe, String name) {
        try {
            String provides = recipe.data().getVar("PROVIDES");
            return provides != null && List.of(provides.trim().split("\\s+")).contains(name);
        } catch (ExpansionException e) {
            // The provider resolution that made the plan could not have chosen this recipe by PROVIDES either.
            System.getLogger(BuildTarget.class.getName()).log(System.Logger.Level.DEBUG,
                    () -> recipe.file() + ": PROVIDES does not expand: " + e.getMessage());
            return false;
        }
    }
}
