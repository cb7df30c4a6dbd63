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

    /**
     * Part B of {@code prepare()}: {@code [recrdeptask]} over every file each task reaches, to a fixed point. Files
     * and tasks are numbered and each task's reachable files kept as a bit set, so that world-sized graphs stay
     * fast; the steps and their order are BitBake's.
     */
    private static void resolveRecursive(Map<String, Set<String>> entries, Map<String, String[]> recursiveTasks,
            Map<String, List<String>> recursiveITasks) {
        if (recursiveTasks.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] tids = entries.keySet().toArray(String[]::new);
        Map<String, Integer> tidIndex = new HashMap<>(n * 2);
        Map<String, Integer> fnIndex = new HashMap<>();
        List<Map<String, String>> tasksOfFn = new ArrayList<>();
        int[] fnOfTid = new int[n];
        for (int i = 0; i < n; i++) {
            tidIndex.put(tids[i], i);
            String fn = fnOf(tids[i]);
            Integer f = fnIndex.get(fn);
            if (f == null) {
                f = tasksOfFn.size();
                fnIndex.put(fn, f);
                tasksOfFn.add(new HashMap<>());
            }
            fnOfTid[i] = f;
            tasksOfFn.get(f).put(tids[i].substring(fn.length() + 1), tids[i]);
        }
        int[] remaining = new int[n];
        List<List<Integer>> revdeps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            revdeps.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String dep : entries.get(tids[i])) {
                Integer d = tidIndex.get(dep);
                if (d != null) {
                    remaining[i]++;
                    revdeps.get(d).add(i);
                }
            }
        }
        java.util.BitSet[] cumulative = new java.util.BitSet[n];
        for (int i = 0; i < n; i++) {
            cumulative[i] = new java.util.BitSet();
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int t = ready.poll();
            for (int dep : revdeps.get(t)) {
                cumulative[dep].set(fnOfTid[t]);
                cumulative[dep].or(cumulative[t]);
                if (--remaining[dep] == 0) {
                    ready.add(dep);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, String[]> e : recursiveTasks.entrySet()) {
                String tid = e.getKey();
                String[] tasknames = e.getValue();
                Set<String> own = entries.get(tid);
                java.util.BitSet fns = new java.util.BitSet();
                for (String dep : own) {
                    Integer d = tidIndex.get(dep);
                    if (d != null) {
                        fns.or(cumulative[d]);
                    }
                }
                List<String> itasks = recursiveITasks.get(tid);
                if (itasks != null) {
                    for (String itask : itasks) {
                        Integer d = tidIndex.get(itask);
                        if (d != null) {
                            fns.or(cumulative[d]);
                        }
                        Set<String> itaskDeps = entries.get(itask);
                        if (itaskDeps != null) {
                            for (String dep : itaskDeps) {
                                Integer dd = tidIndex.get(dep);
                                if (dd != null) {
                                    fns.or(cumulative[dd]);
                                }
                            }
                        }
                    }
                }
                for (int f = fns.nextSetBit(0); f >= 0; f = fns.nextSetBit(f + 1)) {
                    Map<String, String> tasks = tasksOfFn.get(f);
                    for (String taskname : tasknames) {
                        String newtid = tasks.get(taskname);
                        if (newtid != null && !newtid.equals(tid) && own.add(newtid)) {
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
