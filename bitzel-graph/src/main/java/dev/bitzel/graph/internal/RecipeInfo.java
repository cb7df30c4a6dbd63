package dev.bitzel.graph.internal;

import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.Versions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the provider and task-graph logic needs of one parsed recipe variant — BitBake's {@code CoreRecipeInfo}
 * as held in the cooker's recipe cache — read once from the finalized datastore.
 *
 * @param fn BitBake's file name for the variant: the {@code .bb} path, or {@code virtual:VARIANT:path}
 * @param recipe the parsed recipe
 * @param pn {@code PN}
 * @param pe {@code PE}, empty when unset
 * @param pv {@code PV}
 * @param pr {@code PR}
 * @param defaultPreference {@code DEFAULT_PREFERENCE} as an integer (0 when unset)
 * @param priority the file's {@code BBFILE_PRIORITY}
 * @param provides {@code PN} followed by {@code PROVIDES} names, without duplicates
 * @param rprovides recipe-level {@code RPROVIDES} plus every package's {@code RPROVIDES:pkg}
 * @param packages {@code PACKAGES}, or {@code [PN]} when empty
 * @param packagesDynamic {@code PACKAGES_DYNAMIC} patterns
 * @param depends {@code DEPENDS} names, without duplicates
 * @param runtimeDepends per package: {@code RDEPENDS} + {@code RDEPENDS:pkg} names
 * @param runtimeRecommends per package: {@code RRECOMMENDS} + {@code RRECOMMENDS:pkg} names
 * @param tasks task names ({@code __BBTASKS} order)
 * @param parents each task's {@code [deps]}
 * @param taskFlags each task's flags; those of {@link #TASK_DEP_FLAGS} expanded, the others as written
 * @param excludeFromWorld whether {@code EXCLUDE_FROM_WORLD} is true
 */
public record RecipeInfo(String fn, Recipe recipe, String pn, String pe, String pv, String pr, int defaultPreference,
        int priority, List<String> provides, List<String> rprovides, List<String> packages,
        List<String> packagesDynamic, List<String> depends, Map<String, List<String>> runtimeDepends,
        Map<String, List<String>> runtimeRecommends, List<String> tasks, Map<String, List<String>> parents,
        Map<String, Map<String, String>> taskFlags, boolean excludeFromWorld) {

    /** BitBake's file name for a recipe variant ({@code virtual:native:/path/x.bb}). */
    public static String fnOf(Recipe recipe) {
        return recipe.fn();
    }

    /**
     * Reads the information of a finalized, not skipped recipe from its parse-cache fields.
     *
     * @throws IllegalStateException when a field does not expand
     * @throws IllegalArgumentException when DEFAULT_PREFERENCE is not a number
     */
    public static RecipeInfo of(Recipe recipe, int priority) {
        Map<String, String> c = recipe.cacheInfo();
        String pn = c.getOrDefault("PN", "");
        List<String> packages = words(c.get("PACKAGES"));
        if (packages.isEmpty()) {
            packages = List.of(pn);
        }
        List<String> provides = new ArrayList<>();
        provides.add(pn);
        for (String p : Versions.explodeDeps(c.getOrDefault("PROVIDES", ""))) {
            if (!provides.contains(p)) {
                provides.add(p);
            }
        }
        List<String> rprovides = new ArrayList<>(Versions.explodeDeps(c.getOrDefault("RPROVIDES", "")));
        Map<String, List<String>> rdepends = new LinkedHashMap<>();
        Map<String, List<String>> rrecommends = new LinkedHashMap<>();
        List<String> recipeRdepends = Versions.explodeDeps(c.getOrDefault("RDEPENDS", ""));
        List<String> recipeRrecommends = Versions.explodeDeps(c.getOrDefault("RRECOMMENDS", ""));
        for (String pkg : packages) {
            rprovides.addAll(Versions.explodeDeps(c.getOrDefault("RPROVIDES:" + pkg, "")));
            List<String> deps = new ArrayList<>(recipeRdepends);
            deps.addAll(Versions.explodeDeps(c.getOrDefault("RDEPENDS:" + pkg, "")));
            rdepends.put(pkg, List.copyOf(deps));
            List<String> recs = new ArrayList<>(recipeRrecommends);
            recs.addAll(Versions.explodeDeps(c.getOrDefault("RRECOMMENDS:" + pkg, "")));
            rrecommends.put(pkg, List.copyOf(recs));
        }
        List<String> depends = new ArrayList<>();
        for (String dep : Versions.explodeDeps(c.getOrDefault("DEPENDS", ""))) {
            if (!depends.contains(dep)) {
                depends.add(dep);
            }
        }
        return new RecipeInfo(fnOf(recipe), recipe, pn, c.getOrDefault("PE", ""), c.getOrDefault("PV", ""),
                c.getOrDefault("PR", ""), intVar(c, "DEFAULT_PREFERENCE"), priority, List.copyOf(provides),
                List.copyOf(rprovides), List.copyOf(packages), words(c.get("PACKAGES_DYNAMIC")),
                List.copyOf(depends), rdepends, rrecommends, recipe.tasks(), recipe.taskDependencies(),
                new TaskFlags(recipe), toBoolean(c.get("EXCLUDE_FROM_WORLD")));
    }

    /**
     * Each task's flags, gathered from the recipe's cache fields when first read: the task graph reads them only
     * for the recipes it reaches.
     */
    private static final class TaskFlags extends java.util.AbstractMap<String, Map<String, String>> {
        private final Recipe recipe;
        private volatile Map<String, Map<String, String>> flags;

        TaskFlags(Recipe recipe) {
            this.recipe = recipe;
        }

        private Map<String, Map<String, String>> flags() {
            Map<String, Map<String, String>> f = flags;
            if (f == null) {
                Map<String, Map<String, String>> all = new LinkedHashMap<>();
                for (String task : recipe.tasks()) {
                    all.put(task, new LinkedHashMap<>());
                }
                for (Map.Entry<String, String> e : recipe.cacheInfo().entrySet()) {
                    String key = e.getKey();
                    int bracket = key.indexOf('[');
                    if (bracket > 0 && key.endsWith("]")) {
                        Map<String, String> taskFlags = all.get(key.substring(0, bracket));
                        if (taskFlags != null) {
                            taskFlags.put(key.substring(bracket + 1, key.length() - 1), e.getValue());
                        }
                    }
                }
                all.replaceAll((task, m) -> Map.copyOf(m));
                f = java.util.Collections.unmodifiableMap(all);
                flags = f;
            }
            return f;
        }

        @Override
        public Map<String, String> get(Object task) {
            return flags().get(task);
        }

        @Override
        public boolean containsKey(Object task) {
            return flags().containsKey(task);
        }

        @Override
        public Set<Entry<String, Map<String, String>>> entrySet() {
            return flags().entrySet();
        }
    }

    /**
     * What BitBake's skip list keeps of a skipped recipe: its name, what it would have provided, and why. When its
     * cache fields do not expand, the name is the file's ({@code NAME_VERSION.bb}) and it provides nothing else.
     */
    public static RecipeIndex.Skipped skipped(Recipe recipe) {
        Map<String, String> c;
        try {
            c = recipe.cacheInfo();
        } catch (IllegalStateException e) {
            String base = recipe.file().substring(recipe.file().lastIndexOf('/') + 1);
            return new RecipeIndex.Skipped(base.replaceFirst("(_[^_]*)?\\.bb$", ""), List.of(), List.of(),
                    recipe.skipReason() + " (its PN and PROVIDES did not expand: " + e.getMessage() + ")");
        }
        List<String> rprovides = new ArrayList<>(Versions.explodeDeps(c.getOrDefault("RPROVIDES", "")));
        c.forEach((k, v) -> {
            if (k.startsWith("RPROVIDES:")) {
                rprovides.addAll(Versions.explodeDeps(v));
            }
        });
        return new RecipeIndex.Skipped(c.getOrDefault("PN", ""), Versions.explodeDeps(c.getOrDefault("PROVIDES", "")),
                List.copyOf(rprovides), recipe.skipReason());
    }

    /** {@code PE:PV-PR} as BitBake's dot labels show it. */
    public String version() {
        return pe + ":" + pv + "-" + pr;
    }

    /** Whether a task has a flag in {@code _task_deps} (BitBake tests presence, not truth). */
    public boolean hasTaskDep(String task, String flag) {
        Map<String, String> f = taskFlags.get(task);
        return f != null && f.containsKey(flag);
    }

    /** A task's flag value, or null. */
    public String taskDep(String task, String flag) {
        Map<String, String> f = taskFlags.get(task);
        return f == null ? null : f.get(flag);
    }

    private static int intVar(Map<String, String> c, String var) {
        String v = c.get(var);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(var + " is not an integer: '" + v + "'", e);
        }
    }

    private static boolean toBoolean(String v) {
        if (v == null) {
            return false;
        }
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "", "0", "n", "no", "f", "false", "off" -> false;
            default -> true;
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> words(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(s.trim().split("\\s+"));
    }
}
