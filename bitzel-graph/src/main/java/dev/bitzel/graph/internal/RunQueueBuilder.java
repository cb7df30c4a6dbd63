package dev.bitzel.graph.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks a set of targets needs and the order between them — a port of step A to C of BitBake's
 * {@code RunQueueData.prepare()}: intra-recipe {@code [deps]}, {@code [deptask]}, {@code [rdeptask]},
 * {@code [depends]}, {@code [rdepends]}, {@code [recrdeptask]} with {@code [recideptask]}, then marking the tasks
 * the targets reach and dropping the rest.
 */
public final class RunQueueBuilder {

    /** One requested target: the provider file and the task to run ({@code do_build}, or {@code do_x-} for "only its dependencies"). */
    public record Target(String name, String fn, String task) {
    }

    private final TaskData taskData;
    private final RecipeIndex index;

    /** Creates a builder over resolved task data. */
    public RunQueueBuilder(TaskData taskData, RecipeIndex index) {
        this.taskData = taskData;
        this.index = index;
    }

    private static String fnOf(String tid) {
        return tid.substring(0, tid.lastIndexOf(':'));
    }

    /** Adds {@code depname:taskname} for every provider of {@code depids} that has the task. */
    private void addDependencies(List<String> depids, java.util.function.Function<String, String> provider,
            String[] tasknames, Set<String> depends) {
        for (String depname : depids) {
            String depdata = provider.apply(depname);
            if (depdata == null) {
                continue;
            }
            for (String taskname : tasknames) {
                String t = depdata + ":" + taskname;
                if (taskData.taskEntries.containsKey(t)) {
                    depends.add(t);
                }
            }
        }
    }

    private void addBuildDependencies(List<String> depids, String[] tasknames, Set<String> depends) {
        addDependencies(depids, taskData::provider, tasknames, depends);
    }

    private void addRuntimeDependencies(List<String> rdepids, String[] tasknames, Set<String> depends) {
        addDependencies(rdepids, taskData::runtimeProvider, tasknames, depends);
    }

    private static String[] words(String s) {
        String t = s.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /**
     * Resolves every task's dependencies and keeps those the targets reach.
     *
     * @return each kept task ({@code fn:task}, in BitBake's order) with the tasks it runs after
     * @throws IllegalArgumentException naming the task when a target task or a {@code [depends]} task does not
     *     exist
     */
    public Map<String, Set<String>> build(List<Target> targets) {
        Map<String, Set<String>> entries = new LinkedHashMap<>();
        Map<String, String[]> recursiveTasks = new LinkedHashMap<>();
        Map<String, List<String>> recursiveITasks = new HashMap<>();
        Set<String> recursiveSelfRef = new HashSet<>();

        for (Map.Entry<String, TaskData.TaskEntry> e : taskData.taskEntries.entrySet()) {
            String tid = e.getKey();
            String fn = fnOf(tid);
            String taskname = tid.substring(fn.length() + 1);
            Set<String> depends = new LinkedHashSet<>();
            entries.put(tid, depends);
            if (taskData.failedFns.contains(fn)) {
                continue;
            }
            RecipeInfo r = index.info(fn);
            TaskData.TaskEntry entry = e.getValue();
            depends.addAll(entry.tdepends);
            if (r.hasTaskDep(taskname, "deptask")) {
                addBuildDependencies(taskData.depids.get(fn), words(r.taskDep(taskname, "deptask")), depends);
            }
            if (r.hasTaskDep(taskname, "rdeptask")) {
                addRuntimeDependencies(taskData.rdepids.get(fn), words(r.taskDep(taskname, "rdeptask")), depends);
            }
            for (String[] idep : entry.idepends) {
                String depdata = taskData.provider(idep[0]);
                if (depdata != null) {
                    String t = depdata + ":" + idep[1];
                    depends.add(t);
                    if (!taskData.taskEntries.containsKey(t)) {
                        throw new IllegalArgumentException("Task " + taskname + " in " + fn
                                + " depends upon non-existent task " + idep[1] + " in " + depdata);
                    }
                }
            }
            for (String[] irdep : entry.irdepends) {
                String depdata = taskData.runtimeProvider(irdep[0]);
                if (depdata != null) {
                    String t = depdata + ":" + irdep[1];
                    depends.add(t);
                    if (!taskData.taskEntries.containsKey(t)) {
                        throw new IllegalArgumentException("Task " + taskname + " in " + fn
                                + " rdepends upon non-existent task " + irdep[1] + " in " + depdata);
                    }
                }
            }
            if (r.hasTaskDep(taskname, "recrdeptask")) {
                String[] tasknames = words(r.taskDep(taskname, "recrdeptask"));
                recursiveTasks.put(tid, tasknames);
                addBuildDependencies(taskData.depids.get(fn), tasknames, depends);
                addRuntimeDependencies(taskData.rdepids.get(fn), tasknames, depends);
                if (List.of(tasknames).contains(taskname)) {
                    recursiveSelfRef.add(tid);
                }
                if (r.hasTaskDep(taskname, "recideptask")) {
                    List<String> list = new ArrayList<>();
                    for (String t : words(r.taskDep(taskname, "recideptask"))) {
                        list.add(fn + ":" + t);
                    }
                    recursiveITasks.put(tid, list);
                }
            }
            depends.remove(tid);
        }

        resolveRecursive(entries, recursiveTasks, recursiveITasks);
        for (String tid : recursiveSelfRef) {
            entries.get(tid).removeAll(recursiveSelfRef);
        }

        Set<String> active = new HashSet<>();
        for (Target target : targets) {
            if (taskData.isFailed(target.fn())) {
                continue;
            }
            boolean parents = target.task().endsWith("-");
            String task = parents ? target.task().substring(0, target.task().length() - 1) : target.task();
            String tid = target.fn() + ":" + task;
            if (!taskData.taskEntries.containsKey(tid)) {
                List<String> tasks = index.info(target.fn()).tasks();
                throw new IllegalArgumentException("Task " + task + " does not exist for target " + target.name()
                        + " (" + tid + ")" + closeMatches(task, tasks));
            }
            if (parents) {
                for (String dep : entries.get(tid)) {
                    markActive(dep, entries, active);
                }
            } else {
                markActive(tid, entries, active);
            }
        }
        entries.keySet().retainAll(active);
        return entries;
    }

    private static String closeMatches(String task, List<String> tasks) {
        List<String> close = Difflib.closeMatches(task, tasks, 3, 0.7);
        return close.isEmpty() ? "" : ". Close matches:\n  " + String.join("\n  ", close);
    }

    private static void markActive(String start, Map<String, Set<String>> entries, Set<String> active) {
        Deque<String> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty()) {
            String tid = work.pop();
            if (active.add(tid)) {
                for (String dep : entries.get(tid)) {
                    work.push(dep);
                }
            }
        }
    }

    /** Part B of {@code prepare()}: {@code [recrdeptask]} over every file each task reaches, to a fixed point. */
    private static void resolveRecursive(Map<String, Set<String>> entries, Map<String, String[]> recursiveTasks,
            Map<String, List<String>> recursiveITasks) {
        if (recursiveTasks.isEmpty()) {
            return;
        }
        Map<String, Set<String>> deps = new HashMap<>();
        Map<String, Set<String>> revdeps = new HashMap<>();
        Map<String, Set<String>> cumulative = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : entries.entrySet()) {
            deps.put(e.getKey(), new HashSet<>(e.getValue()));
            revdeps.put(e.getKey(), new HashSet<>());
            cumulative.put(e.getKey(), new HashSet<>());
        }
        for (Map.Entry<String, Set<String>> e : entries.entrySet()) {
            for (String dep : e.getValue()) {
                Set<String> rev = revdeps.get(dep);
                if (rev != null) {
                    rev.add(e.getKey());
                }
            }
        }
        Set<String> endpoints = new HashSet<>();
        for (Map.Entry<String, Set<String>> e : deps.entrySet()) {
            if (e.getValue().isEmpty()) {
                endpoints.add(e.getKey());
            }
        }
        while (!endpoints.isEmpty()) {
            Set<String> next = new HashSet<>();
            for (String tid : endpoints) {
                for (String dep : revdeps.get(tid)) {
                    Set<String> c = cumulative.get(dep);
                    c.add(fnOf(tid));
                    c.addAll(cumulative.get(tid));
                    Set<String> d = deps.get(dep);
                    d.remove(tid);
                    if (d.isEmpty()) {
                        next.add(dep);
                    }
                }
            }
            endpoints = next;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, String[]> e : recursiveTasks.entrySet()) {
                String tid = e.getKey();
                String[] tasknames = e.getValue();
                Set<String> own = entries.get(tid);
                Set<String> total = new HashSet<>(own);
                List<String> itasks = recursiveITasks.get(tid);
                if (itasks != null) {
                    total.addAll(itasks);
                    for (String dep : itasks) {
                        Set<String> depDeps = entries.get(dep);
                        if (depDeps != null) {
                            total.addAll(depDeps);
                        }
                    }
                }
                Set<String> fns = new HashSet<>();
                for (String dep : total) {
                    Set<String> c = cumulative.get(dep);
                    if (c != null) {
                        fns.addAll(c);
                    }
                }
                for (String f : fns) {
                    for (String taskname : tasknames) {
                        String newtid = f + ":" + taskname;
                        if (!newtid.equals(tid) && entries.containsKey(newtid) && own.add(newtid)) {
                            changed = true;
                        }
                    }
                }
                Set<String> extra = new HashSet<>();
                for (String dep : own) {
                    if (recursiveTasks.containsKey(dep)) {
                        for (String x : entries.get(dep)) {
                            if (!own.contains(x)) {
                                extra.add(x);
                            }
                        }
                    }
                }
                for (String newtid : extra) {
                    for (String taskname : tasknames) {
                        if (newtid.endsWith(":" + taskname) && entries.containsKey(newtid) && own.add(newtid)) {
                            changed = true;
                        }
                    }
                }
            }
        }
    }
}
