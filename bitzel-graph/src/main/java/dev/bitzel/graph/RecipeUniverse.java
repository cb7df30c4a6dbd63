package dev.bitzel.graph;

import dev.bitzel.graph.internal.RecipeIndex;
import dev.bitzel.graph.internal.RecipeInfo;
import dev.bitzel.graph.internal.RunQueueBuilder;
import dev.bitzel.graph.internal.TaskData;
import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every parsed recipe of a build directory, indexed by what it provides: the entry point from parsed metadata
 * to the graphs. It resolves names to recipes as BitBake does (BBFILE_PRIORITY, DEFAULT_PREFERENCE,
 * PREFERRED_VERSION/REQUIRED_VERSION, PREFERRED_PROVIDER(S), PREFERRED_RPROVIDER, RPROVIDES, PACKAGES,
 * PACKAGES_DYNAMIC, ASSUME_PROVIDED) and computes the task graph {@code bitbake -g} would print.
 *
 * <p>Thread-safe for reading once built; each {@link #taskGraph} call works on its own state, and the last few
 * task graphs are kept: asking again for the same targets returns the same (immutable) plan.
 *
 * <pre>{@code
 * BuildDirectory build = BuildDirectory.load(Path.of("build"));
 * RecipeUniverse universe = RecipeUniverse.of(build, build.parseAll(2));
 * TaskPlan plan = universe.taskGraph(List.of("core-image-minimal"), "do_build");
 * }</pre>
 */
public final class RecipeUniverse {
    private final DataStore config;
    private final List<RecipeInfo> recipes;
    private final List<String> skipped;
    private final List<RecipeIndex.Skipped> skipList;
    private final Map<String, RecipeInfo> byFn;
    private volatile RecipeGraph recipeGraph;
    /** The last task graphs computed, by targets, task and halting (a universe never changes, nor do its plans). */
    private final Map<List<Object>, TaskPlan> plans = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, TaskPlan> eldest) {
            return size() > 8;
        }
    };

    private RecipeUniverse(DataStore config, List<RecipeInfo> recipes, List<String> skipped,
            List<RecipeIndex.Skipped> skipList) {
        this.config = config;
        this.skipList = List.copyOf(skipList);
        this.recipes = List.copyOf(recipes);
        this.skipped = List.copyOf(skipped);
        Map<String, RecipeInfo> map = new LinkedHashMap<>();
        recipes.forEach(r -> map.put(r.fn(), r));
        this.byFn = map;
    }

    /**
     * Indexes the parsed recipes of a build directory.
     *
     * @param build the loaded build directory (its configuration supplies PREFERRED_* and ASSUME_PROVIDED)
     * @param parsed the parse results, e.g. {@link BuildDirectory#parseAll(int)}
     * @throws GraphException naming each recipe file that failed to parse, or a variable that does not expand
     */
    public static RecipeUniverse of(BuildDirectory build, List<RecipeFile> parsed) throws GraphException {
        Objects.requireNonNull(build, "build");
        List<String> problems = new ArrayList<>();
        List<RecipeInfo> infos = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<RecipeIndex.Skipped> skipList = new ArrayList<>();
        for (RecipeFile file : parsed) {
            if (file.failed().isPresent()) {
                problems.add("ParseError: " + file.failure());
                continue;
            }
            int priority = build.priorityOf(Path.of(file.file()));
            for (Recipe recipe : file.variants().values()) {
                if (recipe.skipped().isPresent()) {
                    skipped.add(RecipeInfo.fnOf(recipe) + ": " + recipe.skipReason());
                    skipList.add(RecipeInfo.skipped(recipe));
                    continue;
                }
                try {
                    infos.add(RecipeInfo.of(recipe, priority));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    problems.add(RecipeInfo.fnOf(recipe) + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new GraphException(problems);
        }
        DataStore config = build.data().createCopy();
        try {
            config.expandKeys();
        } catch (ExpansionException e) {
            throw new GraphException(List.of("configuration: " + e.getMessage()));
        }
        return new RecipeUniverse(config, infos, skipped, skipList);
    }

    /** How many recipe variants are indexed (skipped ones excluded). */
    public int size() {
        return recipes.size();
    }

    /** The skipped recipe variants with BitBake's reason, as {@code fn: reason}. */
    public List<String> skipped() {
        return skipped;
    }

    private RecipeIndex index() throws GraphException {
        try {
            return new RecipeIndex(config, recipes, skipList);
        } catch (ExpansionException e) {
            throw new GraphException(List.of("configuration: " + e.getMessage()));
        }
    }

    /**
     * The tasks {@code bitbake -g TARGET...} would schedule, with BitBake's edges.
     *
     * @param targets recipe or provided names, each optionally {@code NAME:do_task}
     * @param defaultTask the task for targets that name none ({@code do_build}, or {@code -c TASK})
     * @throws GraphException when a target or something it needs has no provider (with BitBake's chain), when a
     *     task does not exist, or when the graph has a cycle (the cycle is printed)
     */
    public TaskPlan taskGraph(List<String> targets, String defaultTask) throws GraphException {
        return taskGraph(targets, defaultTask, true);
    }

    /**
     * The task graph of every recipe ({@code bitbake -c TASK universe}-like), dropping the recipes that cannot be
     * built (nothing provides something they need) and listing why in {@link TaskPlan#problems()}.
     *
     * <p>A dependency cycle is listed as a problem too; the graph then holds it (walks over it must expect
     * cycles, and {@link TaskSignatures} refuses it).
     *
     * @throws GraphException when a configuration variable does not expand
     */
    public TaskPlan taskGraphOfAll(String defaultTask) throws GraphException {
        List<String> all = new ArrayList<>();
        for (RecipeInfo r : recipes) {
            if (!all.contains(r.pn())) {
                all.add(r.pn());
            }
        }
        return taskGraph(all, defaultTask, false);
    }

    private TaskPlan taskGraph(List<String> targets, String defaultTask, boolean halt) throws GraphException {
        List<Object> key = List.of(List.copyOf(targets), defaultTask, halt);
        synchronized (plans) {
            TaskPlan plan = plans.get(key);
            if (plan != null) {
                return plan;
            }
        }
        TaskPlan plan = computeTaskGraph(targets, defaultTask, halt);
        synchronized (plans) {
            plans.put(key, plan);
        }
        return plan;
    }

    private TaskPlan computeTaskGraph(List<String> targets, String defaultTask, boolean halt)
            throws GraphException {
        String task = defaultTask.startsWith("do_") ? defaultTask : "do_" + defaultTask;
        RecipeIndex index = index();
        TaskData taskData = new TaskData(index, halt);
        List<RunQueueBuilder.Target> runlist = new ArrayList<>();
        try {
            for (String target : targets) {
                if (target.startsWith("mc:") || target.startsWith("multiconfig:")) {
                    throw new GraphException(List.of("multiconfig targets are not supported yet: " + target));
                }
                if (target.equals("world") || target.equals("universe")) {
                    throw new GraphException(List.of("the '" + target + "' target is not supported yet"));
                }
                String name = target;
                String ktask = task;
                int at = target.indexOf(":do_");
                if (at >= 0) {
                    name = target.substring(0, at);
                    ktask = target.substring(at + 1);
                }
                taskData.addProvider(name);
                String fn = taskData.provider(name);
                if (fn != null && (halt || hasTask(fn, ktask))) {
                    runlist.add(new RunQueueBuilder.Target(name, fn, ktask));
                }
            }
            taskData.addUnresolved();
        } catch (TaskData.NoProviderError e) {
            throw new GraphException(rootCausesFirst(taskData.errors(), e.getMessage()));
        } catch (ExpansionException | IllegalArgumentException e) {
            throw new GraphException(List.of(e.getMessage()));
        }
        if (halt && !taskData.errors().isEmpty()) {
            throw new GraphException(taskData.errors());
        }
        Map<String, Set<String>> entries;
        try {
            entries = new RunQueueBuilder(taskData, index).build(runlist);
        } catch (IllegalArgumentException e) {
            throw new GraphException(List.of(e.getMessage()));
        }
        TaskGraph.Builder builder = TaskGraph.builder();
        Map<String, TaskId> ids = new HashMap<>();
        for (String tid : entries.keySet()) {
            int colon = tid.lastIndexOf(':');
            RecipeInfo r = byFn.get(tid.substring(0, colon));
            String taskName = tid.substring(colon + 1);
            TaskId id = new TaskId(r.pn(), taskName);
            ids.put(tid, id);
            builder.task(new TaskNode(id, r.taskFlags().getOrDefault(taskName, Map.of())));
        }
        entries.forEach((tid, deps) -> {
            for (String dep : deps) {
                builder.edge(ids.get(tid), ids.get(dep));
            }
        });
        TaskGraph graph = builder.build();
        Map<String, Recipe> planRecipes = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        for (String tid : entries.keySet()) {
            RecipeInfo r = byFn.get(tid.substring(0, tid.lastIndexOf(':')));
            planRecipes.putIfAbsent(r.pn(), r.recipe());
            versions.putIfAbsent(r.pn(), r.version());
        }
        List<String> problems = new ArrayList<>(halt ? List.of() : taskData.errors());
        List<Integer> cycle = graph.graph().findCycle();
        if (!cycle.isEmpty()) {
            String message = "Task dependency cycle: " + graph.graph().describeCycle(cycle);
            if (halt) {
                throw new GraphException(List.of(message));
            }
            problems.add(message);
        }
        return new TaskPlan(graph, planRecipes, versions, problems);
    }

    /** Without halting, a target whose recipe lacks the task is left out rather than failing the plan. */
    private boolean hasTask(String fn, String task) {
        RecipeInfo r = byFn.get(fn);
        return r != null && r.tasks().contains(task.endsWith("-") ? task.substring(0, task.length() - 1) : task);
    }

    /** BitBake prints what nothing provides first, then the target it made unbuildable. */
    private static List<String> rootCausesFirst(List<String> errors, String last) {
        List<String> result = new ArrayList<>();
        for (String s : errors) {
            if (!s.equals(last)) {
                result.add(s);
            }
        }
        result.add(last);
        return result;
    }

    /**
     * All recipes (the preferred file of each PN) with build-time edges from DEPENDS and runtime edges from the
     * RDEPENDS/RRECOMMENDS of their packages, each resolved to its provider as BitBake would; names nothing
     * provides are left out.
     *
     * @throws GraphException when a configuration variable does not expand
     */
    public RecipeGraph recipeGraph() throws GraphException {
        RecipeGraph g = recipeGraph;
        if (g == null) {
            synchronized (this) {
                g = recipeGraph;
                if (g == null) {
                    g = computeRecipeGraph();
                    recipeGraph = g;
                }
            }
        }
        return g;
    }

    private RecipeGraph computeRecipeGraph() throws GraphException {
        RecipeIndex index = index();
        try {
            RecipeGraph.Builder builder = RecipeGraph.builder();
            List<RecipeInfo> chosen = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : index.pkgPn().entrySet()) {
                List<String> eligible = index.filterProviders(e.getValue(), e.getKey()).eligible();
                if (eligible.isEmpty()) {
                    continue;
                }
                RecipeInfo r = index.info(eligible.get(0));
                chosen.add(r);
                builder.recipe(node(r));
            }
            Map<String, Optional<String>> buildCache = new HashMap<>();
            Map<String, Optional<String>> runtimeCache = new HashMap<>();
            for (RecipeInfo r : chosen) {
                for (String dep : r.depends()) {
                    Optional<String> pn = buildCache.computeIfAbsent(dep, d -> resolve(index, d, false));
                    if (pn.isPresent() && !pn.get().equals(r.pn())) {
                        builder.buildEdge(r.pn(), pn.get());
                    }
                }
                List<String> rdeps = new ArrayList<>();
                r.runtimeDepends().values().forEach(rdeps::addAll);
                r.runtimeRecommends().values().forEach(rdeps::addAll);
                for (String dep : rdeps) {
                    Optional<String> pn = runtimeCache.computeIfAbsent(dep, d -> resolve(index, d, true));
                    if (pn.isPresent() && !pn.get().equals(r.pn())) {
                        builder.runtimeEdge(r.pn(), pn.get());
                    }
                }
            }
            return builder.build();
        } catch (ExpansionException e) {
            throw new GraphException(List.of("configuration: " + e.getMessage()));
        } catch (UncheckedExpansion e) {
            throw new GraphException(List.of("configuration: " + e.getCause().getMessage()));
        }
    }

    private static final class UncheckedExpansion extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedExpansion(ExpansionException cause) {
            super(cause);
        }
    }

    private static Optional<String> resolve(RecipeIndex index, String name, boolean runtime) {
        if (index.isIgnored(name)) {
            return Optional.empty();
        }
        try {
            List<String> candidates = runtime ? index.runtimeProviders(name) : index.buildProviders(name);
            if (candidates == null || candidates.isEmpty()) {
                return Optional.empty();
            }
            List<String> eligible = runtime ? index.filterProvidersRunTime(candidates, name).eligible()
                    : index.filterProviders(candidates, name).eligible();
            return eligible.isEmpty() ? Optional.empty() : Optional.of(index.info(eligible.get(0)).pn());
        } catch (ExpansionException e) {
            throw new UncheckedExpansion(e);
        }
    }

    private static RecipeNode node(RecipeInfo r) {
        Recipe recipe = r.recipe();
        List<String> files = new ArrayList<>();
        files.add(recipe.file());
        for (String f : recipe.dependencies()) {
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        return new RecipeNode(r.pn(), recipe.file(), recipe.variant(), files, recipe.inherits(), v -> {
            try {
                return Optional.ofNullable(recipe.data().getVar(v));
            } catch (ExpansionException e) {
                throw new IllegalStateException(r.fn() + ": " + v + " does not expand: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public String toString() {
        return "RecipeUniverse[" + recipes.size() + " recipes, " + skipped.size() + " skipped]";
    }

}
