/**
 * From parsed recipes to the tasks BitBake would run: providers, recipe and task graphs, task signatures
 * and the scheduler that walks a graph through ports (action cache, spawner, build-event listener).
 *
 * <p>Start from {@link dev.bitzel.graph.TaskGraph} and {@link dev.bitzel.graph.RecipeGraph}, immutable graphs over
 * {@link dev.bitzel.graph.Digraph}; {@link dev.bitzel.graph.TaskId} names one task of one recipe. Run a task graph
 * with {@link dev.bitzel.graph.scheduler.Scheduler}.
 */
module dev.bitzel.graph {
    requires transitive dev.bitzel.parser;

    exports dev.bitzel.graph;
    exports dev.bitzel.graph.scheduler;
}
