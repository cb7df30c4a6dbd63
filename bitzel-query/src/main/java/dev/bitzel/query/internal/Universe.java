package dev.bitzel.query.internal;

import dev.bitzel.graph.Digraph;
import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.RecipeNode;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The indexes a query needs over one recipe graph and one task graph, built once in linear time.
 *
 * <p>Every target has one number in a single space: recipes {@code 0..R-1} (their recipe-graph numbers), tasks
 * {@code R..R+T-1} (task-graph number plus {@code R}), files {@code R+T..} (the build files recipes name, in
 * first-seen order). Tasks are grouped by the recipe name in their id, so {@code busybox:*} works even for a
 * task graph whose recipe is not in the recipe graph.
 *
 * <p>Immutable after construction except for the provider index, which is built on first use under a lock.
 */
public final class Universe {
    /** The kinds of recipes {@code kind()} knows besides {@code class:NAME}, in label_kind priority order. */
    public static final List<String> RECIPE_KINDS = List.of("image", "packagegroup", "cross", "nativesdk", "native");

    private static final Set<String> CROSS_CLASSES = Set.of("cross", "crosssdk", "cross-canadian");

    public final RecipeGraph recipes;
    public final TaskGraph tasks;
    final Digraph build;
    final Digraph runtime;
    final Digraph taskGraph;
    public final int recipeCount;
    public final int taskCount;
    public final int fileCount;
    public final int size;
    public final int taskBase;
    public final int fileBase;

    private final String[] files;
    private final Map<String, Integer> fileIndex;
    private final int[] recipeFileStart;
    private final int[] recipeFiles;
    private final int[] fileRecipeStart;
    private final int[] fileRecipes;
    private final int[] recipeBbFile;
    private final int[] bbStart;
    private final int[] bbRecipes;

    private final Map<String, Integer> groupIndex;
    private final String[] groupNames;
    private final int[] groupStart;
    private final int[] groupTasks;
    private final int[] taskGroup;
    private final int[] groupRecipe;

    private volatile Providers providers;

    public Universe(RecipeGraph recipes, TaskGraph tasks) {
        this.recipes = Objects.requireNonNull(recipes, "recipes");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.build = recipes.build();
        this.runtime = recipes.runtime();
        this.taskGraph = tasks.graph();
        this.recipeCount = recipes.size();
        this.taskCount = tasks.size();
        this.taskBase = recipeCount;

        // Files: each recipe's .bb and build files, numbered in first-seen order.
        Map<String, Integer> fileIds = new LinkedHashMap<>();
        recipeFileStart = new int[recipeCount + 1];
        IntList perRecipe = new IntList();
        recipeBbFile = new int[recipeCount];
        for (int r = 0; r < recipeCount; r++) {
            RecipeNode recipe = recipes.recipe(r);
            recipeFileStart[r] = perRecipe.size;
            recipeBbFile[r] = -1;
            if (!recipe.file().isEmpty()) {
                int id = fileIds.computeIfAbsent(recipe.file(), f -> fileIds.size());
                recipeBbFile[r] = id;
                perRecipe.add(id);
            }
            for (String file : recipe.buildFiles()) {
                int id = fileIds.computeIfAbsent(file, f -> fileIds.size());
                if (id != recipeBbFile[r] && !perRecipe.containsFrom(recipeFileStart[r], id)) {
                    perRecipe.add(id);
                }
            }
        }
        recipeFileStart[recipeCount] = perRecipe.size;
        recipeFiles = perRecipe.toArray();
        fileCount = fileIds.size();
        files = fileIds.keySet().toArray(String[]::new);
        fileIndex = Map.copyOf(fileIds);
        fileBase = recipeCount + taskCount;
        size = fileBase + fileCount;

        fileRecipeStart = new int[fileCount + 1];
        fileRecipes = invert(recipeFileStart, recipeFiles, fileCount, fileRecipeStart);
        bbStart = new int[fileCount + 1];
        int[] single = new int[recipeCount + 1];
        IntList bbs = new IntList();
        for (int r = 0; r < recipeCount; r++) {
            single[r] = bbs.size;
            if (recipeBbFile[r] >= 0) {
                bbs.add(recipeBbFile[r]);
            }
        }
        single[recipeCount] = bbs.size;
        bbRecipes = invert(single, bbs.toArray(), fileCount, bbStart);

        // Task groups by recipe name.
        Map<String, Integer> groups = new HashMap<>();
        List<String> names = new ArrayList<>();
        taskGroup = new int[taskCount];
        for (int t = 0; t < taskCount; t++) {
            String recipe = tasks.task(t).id().recipe();
            Integer g = groups.get(recipe);
            if (g == null) {
                g = names.size();
                groups.put(recipe, g);
                names.add(recipe);
            }
            taskGroup[t] = g;
        }
        groupIndex = Map.copyOf(groups);
        groupNames = names.toArray(String[]::new);
        groupStart = new int[groupNames.length + 1];
        int[] one = new int[taskCount + 1];
        for (int t = 0; t <= taskCount; t++) {
            one[t] = t;
        }
        groupTasks = invert(one, taskGroup, groupNames.length, groupStart);
        groupRecipe = new int[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            groupRecipe[g] = build.indexOf(groupNames[g]);
        }
    }

    /** Inverts a CSR relation {@code a → b} into {@code b → a}, each list in increasing order of {@code a}. */
    private static int[] invert(int[] start, int[] values, int targets, int[] outStart) {
        int[] count = new int[targets + 1];
        for (int v : values) {
            count[v + 1]++;
        }
        for (int i = 0; i < targets; i++) {
            count[i + 1] += count[i];
        }
        System.arraycopy(count, 0, outStart, 0, targets + 1);
        int[] fill = count.clone();
        int[] out = new int[values.length];
        for (int a = 0; a + 1 < start.length; a++) {
            for (int i = start[a]; i < start[a + 1]; i++) {
                out[fill[values[i]]++] = a;
            }
        }
        return out;
    }

    public boolean isRecipe(int id) {
        return id < taskBase;
    }

    public boolean isTask(int id) {
        return id >= taskBase && id < fileBase;
    }

    public boolean isFile(int id) {
        return id >= fileBase;
    }

    /** The label: recipe name, {@code recipe:do_task}, or file path. */
    public String label(int id) {
        if (id < taskBase) {
            return build.name(id);
        }
        if (id < fileBase) {
            return taskGraph.name(id - taskBase);
        }
        return files[id - fileBase];
    }

    public RecipeNode recipe(int id) {
        return recipes.recipe(id);
    }

    public TaskNode task(int id) {
        return tasks.task(id - taskBase);
    }

    /** The recipe number of exactly this name, or -1. */
    public int recipeNamed(String name) {
        return build.indexOf(name);
    }

    /** The universe number of a task by its label, or -1. */
    public int taskNamed(String label) {
        int t = taskGraph.indexOf(label);
        return t < 0 ? -1 : taskBase + t;
    }

    /** The universe number of a file by its path, or -1. */
    public int fileNamed(String path) {
        Integer f = fileIndex.get(path);
        return f == null ? -1 : fileBase + f;
    }

    public int groupCount() {
        return groupNames.length;
    }

    public String groupName(int group) {
        return groupNames[group];
    }

    /** The task group (recipe name of tasks) of this name, or -1. */
    public int groupNamed(String recipe) {
        Integer g = groupIndex.get(recipe);
        return g == null ? -1 : g;
    }

    /** The task group of a recipe, or -1 when the task graph has no task of it. */
    public int groupOfRecipe(int recipe) {
        Integer g = groupIndex.get(build.name(recipe));
        return g == null ? -1 : g;
    }

    /** The task group of a task (universe number). */
    public int groupOfTask(int id) {
        return taskGroup[id - taskBase];
    }

    /** The recipe of a task group, or -1 when the recipe graph lacks it. */
    public int recipeOfGroup(int group) {
        return groupRecipe[group];
    }

    /** Adds the tasks of a group (universe numbers) to {@code out}. */
    public void addTasksOfGroup(int group, NodeSet out) {
        for (int i = groupStart[group]; i < groupStart[group + 1]; i++) {
            out.add(taskBase + groupTasks[i]);
        }
    }

    /** The tasks of a group, universe numbers in increasing order. */
    public int[] tasksOfGroup(int group) {
        int[] out = new int[groupStart[group + 1] - groupStart[group]];
        for (int i = 0; i < out.length; i++) {
            out[i] = taskBase + groupTasks[groupStart[group] + i];
        }
        return out;
    }

    /** Adds the build files (universe numbers) of a recipe to {@code out}. */
    public void addFilesOfRecipe(int recipe, NodeSet out) {
        for (int i = recipeFileStart[recipe]; i < recipeFileStart[recipe + 1]; i++) {
            out.add(fileBase + recipeFiles[i]);
        }
    }

    /** Adds the recipes built from a file (universe number) to {@code out}. */
    public void addRecipesOfFile(int fileId, NodeSet out) {
        int f = fileId - fileBase;
        for (int i = fileRecipeStart[f]; i < fileRecipeStart[f + 1]; i++) {
            out.add(fileRecipes[i]);
        }
    }

    /** Adds the recipes made from the same {@code .bb} file as {@code recipe} (itself included). */
    public void addVariants(int recipe, NodeSet out) {
        int f = recipeBbFile[recipe];
        if (f < 0) {
            out.add(recipe);
            return;
        }
        for (int i = bbStart[f]; i < bbStart[f + 1]; i++) {
            out.add(bbRecipes[i]);
        }
    }

    /** Whether two recipes come from the same non-empty {@code .bb} file (or are the same recipe). */
    public boolean sameBbFile(int a, int b) {
        return a == b || (recipeBbFile[a] >= 0 && recipeBbFile[a] == recipeBbFile[b]);
    }

    /** The words {@code kind()} matches for a target. */
    public List<String> kinds(int id) {
        if (isTask(id)) {
            return List.of("task");
        }
        if (isFile(id)) {
            return List.of("file");
        }
        RecipeNode recipe = recipe(id);
        List<String> kinds = new ArrayList<>();
        kinds.add("recipe");
        for (String kind : RECIPE_KINDS) {
            if (hasKind(recipe, kind)) {
                kinds.add(kind);
            }
        }
        for (String inherit : recipe.inherits()) {
            kinds.add("class:" + inherit);
        }
        return kinds;
    }

    private static boolean hasKind(RecipeNode recipe, String kind) {
        List<String> inherits = recipe.inherits();
        switch (kind) {
            case "image":
                return inherits.contains("image");
            case "packagegroup":
                return inherits.contains("packagegroup");
            case "cross":
                return inherits.stream().anyMatch(CROSS_CLASSES::contains);
            case "nativesdk":
                return recipe.variant().equals("nativesdk") || inherits.contains("nativesdk");
            case "native":
                return recipe.variant().equals("native") || inherits.contains("native");
            default:
                return false;
        }
    }

    /** The kind printed by {@code label_kind}: {@code image recipe}, {@code recipe}, {@code task}, {@code file}. */
    public String primaryKind(int id) {
        if (isTask(id)) {
            return "task";
        }
        if (isFile(id)) {
            return "file";
        }
        RecipeNode recipe = recipe(id);
        for (String kind : RECIPE_KINDS) {
            if (hasKind(recipe, kind)) {
                return kind + " recipe";
            }
        }
        return "recipe";
    }

    /**
     * Where a target is defined, as {@code file:line}: a recipe's {@code .bb} file at line 1; a task's
     * {@code filename}/{@code lineno} flags, else its recipe's {@code .bb} file at line 1; a file at line 1.
     * Empty when nothing is known (graphs built by hand).
     */
    public Optional<String> location(int id) {
        if (isFile(id)) {
            return Optional.of(label(id) + ":1");
        }
        if (isRecipe(id)) {
            String file = recipe(id).file();
            return file.isEmpty() ? Optional.empty() : Optional.of(file + ":1");
        }
        TaskNode task = task(id);
        Optional<String> file = task.flag("filename").filter(f -> !f.isEmpty());
        if (file.isPresent()) {
            String line = task.flag("lineno").filter(l -> l.matches("[0-9]+")).orElse("1");
            return Optional.of(file.get() + ":" + line);
        }
        int recipe = recipeOfGroup(groupOfTask(id));
        if (recipe >= 0 && !recipe(recipe).file().isEmpty()) {
            return Optional.of(recipe(recipe).file() + ":1");
        }
        return Optional.empty();
    }

    /** All files, for suffix matching in {@code rbuildfiles}. */
    String file(int f) {
        return files[f];
    }

    /** The provider and package index, built on first use. */
    Providers providers() {
        Providers p = providers;
        if (p == null) {
            synchronized (this) {
                p = providers;
                if (p == null) {
                    p = Providers.build(this);
                    providers = p;
                }
            }
        }
        return p;
    }

    /** A growable int array. */
    static final class IntList {
        int[] data = new int[16];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        boolean containsFrom(int from, int v) {
            for (int i = from; i < size; i++) {
                if (data[i] == v) {
                    return true;
                }
            }
            return false;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
