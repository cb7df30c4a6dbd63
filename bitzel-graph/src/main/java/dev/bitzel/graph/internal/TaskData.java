package dev.bitzel.graph.internal;

import dev.bitzel.parser.data.ExpansionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which recipe provides each build-time and runtime name a build reaches, and the tasks of those recipes —
 * a port of BitBake's {@code bb.taskdata.TaskData} (single configuration). Names nothing provides are recorded
 * as errors with the chain that asked for them; with {@code halt}, a requested target that cannot be provided
 * raises {@link NoProviderError}.
 */
public final class TaskData {

    /** One task's dependencies before resolution (BitBake's {@code TaskEntry}). */
    public static final class TaskEntry {
        final List<String> tdepends = new ArrayList<>();
        final List<String[]> idepends = new ArrayList<>();
        final List<String[]> irdepends = new ArrayList<>();
    }

    /** A target, or a name a target needs, that no recipe can provide. */
    public static final class NoProviderError extends Exception {
        private static final long serialVersionUID = 1L;

        NoProviderError(String message) {
            super(message);
        }
    }

    private final RecipeIndex index;
    private final boolean halt;
    final Map<String, List<String>> buildTargets = new LinkedHashMap<>();
    final Map<String, List<String>> runTargets = new LinkedHashMap<>();
    private final List<String> externalTargets = new ArrayList<>();
    private final Set<String> seenFns = new HashSet<>();
    final Map<String, TaskEntry> taskEntries = new LinkedHashMap<>();
    final Map<String, List<String>> depids = new LinkedHashMap<>();
    final Map<String, List<String>> rdepids = new LinkedHashMap<>();
    private final Set<String> failedDeps = new LinkedHashSet<>();
    private final Set<String> failedRdeps = new LinkedHashSet<>();
    final Set<String> failedFns = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Creates empty task data.
     *
     * @param index the recipes and provider rules
     * @param halt whether a requested target that cannot be provided is an error ({@code bitbake TARGET}) rather
     *     than dropped
     */
    public TaskData(RecipeIndex index, boolean halt) {
        this.index = index;
        this.halt = halt;
    }

    /** Errors: names nothing provides, with the recipes that asked for them. */
    public List<String> errors() {
        return errors;
    }

    /** Informational messages: runtime names dropped and the recipes they made unbuildable. */
    public List<String> notes() {
        return notes;
    }

    /** The file that provides a build-time name, or null. */
    public String provider(String name) {
        List<String> fns = buildTargets.get(name);
        return fns == null || fns.isEmpty() ? null : fns.get(0);
    }

    /** The file that provides a runtime name, or null. */
    public String runtimeProvider(String name) {
        List<String> fns = runTargets.get(name);
        return fns == null || fns.isEmpty() ? null : fns.get(0);
    }

    /** Whether a file was made unbuildable by a missing dependency. */
    public boolean isFailed(String fn) {
        return failedFns.contains(fn);
    }

    void addTasks(String fn) throws NoProviderError {
        if (!seenFns.add(fn)) {
            return;
        }
        RecipeInfo r = index.info(fn);
        for (String task : r.tasks()) {
            String tid = fn + ":" + task;
            TaskEntry entry = new TaskEntry();
            taskEntries.put(tid, entry);
            for (String dep : r.parents().getOrDefault(task, List.of())) {
                if (r.tasks().contains(dep)) {
                    entry.tdepends.add(fn + ":" + dep);
                }
            }
            handleDeps(r, task, "depends", entry.idepends, true);
            handleDeps(r, task, "rdepends", entry.irdepends, false);
            if (r.hasTaskDep(task, "mcdepends") && !r.taskDep(task, "mcdepends").isBlank()) {
                throw new IllegalArgumentException(fn + ":" + task + "[mcdepends]: multiconfig dependencies are not "
                        + "supported yet (BBMULTICONFIG)");
            }
        }
        depids.computeIfAbsent(fn, k -> List.copyOf(new LinkedHashSet<>(r.depends())));
        rdepids.computeIfAbsent(fn, k -> {
            Set<String> ids = new LinkedHashSet<>();
            r.runtimeDepends().values().forEach(ids::addAll);
            r.runtimeRecommends().values().forEach(ids::addAll);
            return List.copyOf(ids);
        });
        for (String dep : depids.get(fn)) {
            buildTargets.putIfAbsent(dep, new ArrayList<>());
            if (failedDeps.contains(dep)) {
                failFn(fn, null);
                return;
            }
        }
        for (String dep : rdepids.get(fn)) {
            runTargets.putIfAbsent(dep, new ArrayList<>());
            if (failedRdeps.contains(dep)) {
                failFn(fn, null);
                return;
            }
        }
    }

    private void handleDeps(RecipeInfo r, String task, String flag, List<String[]> into, boolean build) {
        String value = r.taskDep(task, flag);
        if (value == null) {
            return;
        }
        for (String dep : value.trim().split("\\s+")) {
            if (dep.isEmpty()) {
                continue;
            }
            String[] parts = dep.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Error for " + r.fn() + ":" + task + "[" + flag + "], dependency "
                        + dep + " in '" + value + "' does not contain exactly one ':' character.\n Task '" + flag
                        + "' should be specified in the form 'packagename:task'");
            }
            into.add(parts);
            (build ? buildTargets : runTargets).putIfAbsent(parts[0], new ArrayList<>());
        }
    }

    private List<String> dependees(String item) {
        List<String> result = new ArrayList<>();
        depids.forEach((fn, deps) -> {
            if (deps.contains(item)) {
                result.add(fn);
            }
        });
        return result;
    }

    private List<String> rdependees(String item) {
        List<String> result = new ArrayList<>();
        rdepids.forEach((fn, deps) -> {
            if (deps.contains(item)) {
                result.add(fn);
            }
        });
        return result;
    }

    /**
     * Adds the providers of a requested target ({@code add_provider}).
     *
     * @throws NoProviderError with halt, when nothing can provide the target
     */
    public void addProvider(String item) throws ExpansionException, NoProviderError {
        try {
            addProviderInternal(item);
        } catch (NoProviderError e) {
            if (halt) {
                throw e;
            }
            removeBuildTarget(item, null);
        }
        if (!externalTargets.contains(item)) {
            externalTargets.add(item);
        }
    }

    private void addProviderInternal(String item) throws ExpansionException, NoProviderError {
        if (index.isIgnored(item)) {
            return;
        }
        List<String> all = index.buildProviders(item);
        if (all == null) {
            List<String> close = new ArrayList<>(index.closeMatches(item));
            for (String fn : index.runtimeProviders(item)) {
                String hint = index.info(fn).pn() + " RPROVIDES " + item;
                if (!close.contains(hint)) {
                    close.add(hint);
                }
            }
            String msg = noProvider(item, false, dependees(item), index.skipReasons(item, false), close);
            errors.add(msg);
            throw new NoProviderError(msg);
        }
        List<String> existing = buildTargets.get(item);
        if (existing != null && !existing.isEmpty()) {
            return;
        }
        RecipeIndex.Choice choice = index.filterProviders(all, item);
        List<String> eligible = new ArrayList<>(choice.eligible());
        eligible.removeIf(failedFns::contains);
        if (eligible.isEmpty()) {
            String msg = noProvider(item, false, dependees(item),
                    List.of("No eligible PROVIDERs exist for '" + item + "'"), List.of());
            errors.add(msg);
            throw new NoProviderError(msg);
        }
        for (String fn : eligible) {
            if (failedFns.contains(fn)) {
                continue;
            }
            List<String> targets = buildTargets.computeIfAbsent(item, k -> new ArrayList<>());
            if (!targets.contains(fn)) {
                targets.add(fn);
            }
            addTasks(fn);
        }
    }

    private void addRprovider(String item) throws ExpansionException, NoProviderError {
        if (index.isIgnored(item)) {
            return;
        }
        List<String> existing = runTargets.get(item);
        if (existing != null && !existing.isEmpty()) {
            return;
        }
        List<String> all = index.runtimeProviders(item);
        if (all.isEmpty()) {
            String msg = noProvider(item, true, rdependees(item), index.skipReasons(item, true), List.of());
            errors.add(msg);
            throw new NoProviderError(msg);
        }
        RecipeIndex.Choice choice = index.filterProvidersRunTime(all, item);
        List<String> eligible = new ArrayList<>(choice.eligible());
        eligible.removeIf(failedFns::contains);
        if (eligible.isEmpty()) {
            String msg = noProvider(item, true, rdependees(item),
                    List.of("No eligible RPROVIDERs exist for '" + item + "'"), List.of());
            errors.add(msg);
            throw new NoProviderError(msg);
        }
        if (choice.preferredCount() > 1) {
            List<String> pns = eligible.stream().map(fn -> index.info(fn).pn()).toList();
            String msg = "Trying to resolve runtime dependency " + item + " resulted in conflicting "
                    + "PREFERRED_PROVIDER entries being found.\nThe providers found were: " + pns
                    + ". You could set PREFERRED_RPROVIDER_" + item;
            errors.add(msg);
            throw new NoProviderError(msg);
        }
        for (String fn : eligible) {
            if (failedFns.contains(fn)) {
                continue;
            }
            List<String> targets = runTargets.computeIfAbsent(item, k -> new ArrayList<>());
            if (!targets.contains(fn)) {
                targets.add(fn);
            }
            addTasks(fn);
        }
    }

    private void failFn(String fn, List<String> missing) throws NoProviderError {
        if (!failedFns.add(fn)) {
            return;
        }
        List<String> chain = missing == null ? List.of() : missing;
        for (Map.Entry<String, List<String>> e : new ArrayList<>(buildTargets.entrySet())) {
            if (e.getValue().remove(fn) && e.getValue().isEmpty()) {
                removeBuildTarget(e.getKey(), chain);
            }
        }
        for (Map.Entry<String, List<String>> e : new ArrayList<>(runTargets.entrySet())) {
            if (e.getValue().remove(fn) && e.getValue().isEmpty()) {
                removeRunTarget(e.getKey(), chain);
            }
        }
    }

    private void removeBuildTarget(String target, List<String> missing) throws NoProviderError {
        List<String> chain = new ArrayList<>();
        chain.add(target);
        if (missing != null) {
            chain.addAll(missing);
        }
        failedDeps.add(target);
        for (String fn : dependees(target)) {
            failFn(fn, chain);
        }
        for (Map.Entry<String, TaskEntry> e : new ArrayList<>(taskEntries.entrySet())) {
            for (String[] idep : e.getValue().idepends) {
                if (idep[0].equals(target)) {
                    String tid = e.getKey();
                    failFn(tid.substring(0, tid.lastIndexOf(':')), chain);
                }
            }
        }
        if (halt && externalTargets.contains(target)) {
            String msg = "Required build target '" + target + "' has no buildable providers.\n"
                    + "Missing or unbuildable dependency chain was: " + pythonList(chain);
            errors.add(msg);
            throw new NoProviderError(msg);
        }
    }

    private void removeRunTarget(String target, List<String> missing) throws NoProviderError {
        List<String> chain = new ArrayList<>();
        chain.add(target);
        if (missing != null) {
            chain.addAll(missing);
        }
        notes.add("Runtime target '" + target + "' is unbuildable, removing...\n"
                + "Missing or unbuildable dependency chain was: " + pythonList(chain));
        failedRdeps.add(target);
        for (String fn : rdependees(target)) {
            failFn(fn, chain);
        }
        for (Map.Entry<String, TaskEntry> e : new ArrayList<>(taskEntries.entrySet())) {
            for (String[] idep : e.getValue().irdepends) {
                if (idep[0].equals(target)) {
                    String tid = e.getKey();
                    failFn(tid.substring(0, tid.lastIndexOf(':')), chain);
                }
            }
        }
    }

    /**
     * Resolves every name reached so far, repeatedly, until nothing new is added ({@code add_unresolved}).
     *
     * @throws NoProviderError with halt, when a requested target becomes unbuildable
     */
    public void addUnresolved() throws ExpansionException, NoProviderError {
        while (true) {
            int added = 0;
            for (String target : new ArrayList<>(buildTargets.keySet())) {
                if (!buildTargets.get(target).isEmpty() || failedDeps.contains(target) || index.isIgnored(target)) {
                    continue;
                }
                try {
                    addProviderInternal(target);
                    added++;
                } catch (NoProviderError e) {
                    if (halt && externalTargets.contains(target)) {
                        throw e;
                    }
                    removeBuildTarget(target, null);
                }
            }
            for (String target : new ArrayList<>(runTargets.keySet())) {
                if (!runTargets.get(target).isEmpty() || failedRdeps.contains(target) || index.isIgnored(target)) {
                    continue;
                }
                try {
                    addRprovider(target);
                    added++;
                } catch (NoProviderError e) {
                    removeRunTarget(target, null);
                }
            }
            if (added == 0) {
                break;
            }
        }
    }

    /** The text of BitBake's {@code NoProvider} event. */
    private static String noProvider(String item, boolean runtime, List<String> dependees, List<String> reasons,
            List<String> closeMatches) {
        String r = runtime ? "R" : "";
        String extra = "";
        if (reasons.isEmpty() && !closeMatches.isEmpty()) {
            extra = ". Close matches:\n  " + String.join("\n  ", new java.util.TreeSet<>(closeMatches));
        }
        StringBuilder msg = new StringBuilder("Nothing " + r + "PROVIDES '" + item + "'");
        if (!dependees.isEmpty()) {
            msg.append(" (but ").append(String.join(", ", dependees)).append(' ').append(r)
                    .append("DEPENDS on or otherwise requires it)");
        }
        msg.append(extra);
        for (String reason : reasons) {
            msg.append('\n').append(reason);
        }
        return msg.toString();
    }

    private static String pythonList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "'" : ", '").append(items.get(i)).append('\'');
        }
        return b.append(']').toString();
    }
}
