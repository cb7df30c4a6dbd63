package dev.bitzel.query.internal;

import dev.bitzel.graph.TaskNode;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.query.EdgeKind;
import dev.bitzel.query.QueryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates a parsed query against a universe. Every step works on bitsets and walks adjacency lists; only
 * target patterns with a {@code *} and the functions that test each member of their input ({@code filter},
 * {@code kind}, {@code attr}, {@code labels}) look at more than the edges they follow.
 */
public final class Evaluator {
    /**
     * What an evaluation gives.
     *
     * @param set the result
     * @param path the path of an outermost {@code somepath}, in path order, or null
     * @param warnings problems that did not stop evaluation (names {@code labels} could not resolve, …)
     */
    public record Result(NodeSet set, int[] path, List<Diagnostic> warnings) {
    }

    private final Universe u;
    private final EdgeKind edges;
    private final String query;
    private final Traversal traversal;
    private final List<Diagnostic> warnings = new ArrayList<>();
    private final Map<String, NodeSet> env = new HashMap<>();
    private int[] lastPath;

    private Evaluator(Universe u, EdgeKind edges, String query) {
        this.u = u;
        this.edges = edges;
        this.query = query;
        this.traversal = new Traversal(u, edges);
    }

    /** Evaluates {@code expr}, parsed from {@code query}. */
    public static Result evaluate(Universe u, EdgeKind edges, String query, Expr expr) throws QueryException {
        Evaluator evaluator = new Evaluator(u, edges, query);
        NodeSet set = evaluator.eval(expr);
        int[] path = expr instanceof Expr.Call && ((Expr.Call) expr).function() == Function.SOMEPATH
                ? evaluator.lastPath : null;
        return new Result(set, path, List.copyOf(evaluator.warnings));
    }

    private NodeSet eval(Expr expr) throws QueryException {
        if (expr instanceof Expr.Literal) {
            Expr.Literal literal = (Expr.Literal) expr;
            return resolve(literal.word(), literal.offset());
        }
        if (expr instanceof Expr.Var) {
            return env.get(((Expr.Var) expr).name());
        }
        if (expr instanceof Expr.Let) {
            Expr.Let let = (Expr.Let) expr;
            NodeSet value = eval(let.value());
            NodeSet shadowed = env.put(let.name(), value);
            try {
                return eval(let.body());
            } finally {
                if (shadowed == null) {
                    env.remove(let.name());
                } else {
                    env.put(let.name(), shadowed);
                }
            }
        }
        if (expr instanceof Expr.Binary) {
            Expr.Binary binary = (Expr.Binary) expr;
            NodeSet left = eval(binary.left());
            NodeSet right = eval(binary.right());
            switch (binary.op()) {
                case UNION:
                    return left.union(right);
                case EXCEPT:
                    return left.except(right);
                default:
                    return left.intersect(right);
            }
        }
        if (expr instanceof Expr.SetOf) {
            NodeSet out = NodeSet.empty(u.size);
            for (Expr.Literal literal : ((Expr.SetOf) expr).words()) {
                out = out.union(resolve(literal.word(), literal.offset()));
            }
            return out;
        }
        Expr.Call call = (Expr.Call) expr;
        try {
            return call(call);
        } catch (VariableLookupException e) {
            throw new QueryException(query, call.offset(), call.function().queryName() + ": " + e.getMessage(), e);
        }
    }

    private NodeSet expr(Expr.Call call, int index) throws QueryException {
        return eval((Expr) call.args().get(index));
    }

    private static int depth(Expr.Call call, int index) {
        return call.args().size() > index ? ((Expr.Int) call.args().get(index)).value() : -1;
    }

    private static Pattern regex(Expr.Call call, int index) {
        return ((Expr.Regex) call.args().get(index)).pattern();
    }

    private static String word(Expr.Call call, int index) {
        return ((Expr.Word) call.args().get(index)).text();
    }

    private NodeSet call(Expr.Call call) throws QueryException {
        switch (call.function()) {
            case DEPS:
                return traversal.closure(expr(call, 0), false, depth(call, 1), null);
            case RDEPS: {
                NodeSet universe = expr(call, 0);
                NodeSet targets = expr(call, 1);
                if (isClosed(universe)) {
                    // Edges never leave a kind, and the universe holds all or none of each kind: walking in reverse
                    // from its members cannot leave it, so no membership test per edge is needed.
                    return traversal.closure(targets.intersect(universe), true, depth(call, 2), null);
                }
                NodeSet closed = traversal.closure(universe, false, -1, null);
                return traversal.closure(targets, true, depth(call, 2), closed);
            }
            case ALLRDEPS:
                return traversal.closure(expr(call, 0), true, depth(call, 1), null);
            case SOMEPATH: {
                NodeSet from = expr(call, 0);
                NodeSet to = expr(call, 1);
                int[] path = traversal.path(from, to);
                lastPath = path == null ? new int[0] : path;
                NodeSet out = NodeSet.empty(u.size);
                for (int n : lastPath) {
                    out.add(n);
                }
                return out;
            }
            case ALLPATHS: {
                NodeSet from = traversal.closure(expr(call, 0), false, -1, null);
                NodeSet to = expr(call, 1);
                return traversal.closure(to, true, -1, from);
            }
            case FILTER: {
                Pattern regex = regex(call, 0);
                return select(expr(call, 1), n -> regex.matcher(u.label(n)).find());
            }
            case KIND: {
                Pattern regex = regex(call, 0);
                return select(expr(call, 1), n -> u.kinds(n).stream().anyMatch(k -> regex.matcher(k).matches()));
            }
            case ATTR: {
                String name = word(call, 0);
                Pattern regex = regex(call, 1);
                return select(expr(call, 2), n -> attribute(n, name).map(v -> regex.matcher(v).find())
                        .orElse(false));
            }
            case LABELS:
                return labels(call, word(call, 0), expr(call, 1));
            case BUILDFILES:
                return buildFiles(expr(call, 0));
            case RBUILDFILES:
                return rbuildFiles(call);
            case SIBLINGS:
                return siblings(expr(call, 0));
            case SAME_PKG_DIRECT_RDEPS:
                return samePackageDirectRdeps(expr(call, 0));
            case TASKS:
                return tasks(expr(call, 0));
            case RECIPES:
                return recipes(call, expr(call, 0));
            case SOME: {
                NodeSet in = expr(call, 0);
                int count = call.args().size() > 1 ? depth(call, 1) : 1;
                if (in.isEmpty()) {
                    throw new QueryException(query, call.offset(), "some: the argument set is empty");
                }
                NodeSet out = NodeSet.empty(u.size);
                for (int n = in.next(0), k = 0; n >= 0 && k < count; n = in.next(n + 1), k++) {
                    out.add(n);
                }
                return out;
            }
            default:
                throw new IllegalStateException("unhandled function " + call.function());
        }
    }

    /** Whether a set is closed under dependencies without walking: it holds all or none of each kind. */
    private boolean isClosed(NodeSet set) {
        int recipes = set.count(0, u.taskBase);
        int tasks = set.count(u.taskBase, u.fileBase);
        return (recipes == 0 || recipes == u.recipeCount) && (tasks == 0 || tasks == u.taskCount);
    }

    private interface Test {
        boolean test(int node);
    }

    private NodeSet select(NodeSet in, Test test) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            if (test.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** A recipe variable or a task flag; files have none. */
    private Optional<String> attribute(int node, String name) {
        if (u.isRecipe(node)) {
            return Providers.variable(u, node, name);
        }
        if (u.isTask(node)) {
            return u.task(node).flag(name);
        }
        return Optional.empty();
    }

    private NodeSet labels(Expr.Call call, String name, NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            Optional<String> value = attribute(n, name);
            if (value.isEmpty()) {
                continue;
            }
            int from = u.isRecipe(n) ? n : u.isTask(n) ? u.recipeOfGroup(u.groupOfTask(n)) : -1;
            for (String word : Providers.words(value.get())) {
                int[] targets = resolveLabel(word, from);
                if (targets.length == 0) {
                    warn(call.offset(), "labels(" + name + "): '" + word + "' in " + name + " of '" + u.label(n)
                            + "' names nothing in the universe");
                } else if (targets.length > 1) {
                    warn(call.offset(), "labels(" + name + "): '" + word + "' in " + name + " of '" + u.label(n)
                            + "' is provided by " + describe(targets) + "; all are included (the query does not "
                            + "know PREFERRED_PROVIDER)");
                }
                for (int t : targets) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private String describe(int[] nodes) {
        List<String> names = new ArrayList<>();
        for (int n : nodes) {
            names.add(u.label(n));
        }
        return String.join(", ", names);
    }

    /** Resolves a word of a variable or flag: {@code recipe}, {@code virtual/name}, {@code package}, {@code recipe:do_task}. */
    private int[] resolveLabel(String word, int fromRecipe) {
        int colon = word.indexOf(':');
        if (colon <= 0 || colon == word.length() - 1) {
            return resolveRecipe(word, fromRecipe);
        }
        String task = word.substring(colon + 1);
        String taskName = task.startsWith("do_") ? task : "do_" + task;
        int[] recipes = resolveRecipe(word.substring(0, colon), fromRecipe);
        List<Integer> out = new ArrayList<>();
        for (int r : recipes) {
            int t = u.taskNamed(u.label(r) + ":" + taskName);
            if (t >= 0) {
                out.add(t);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The recipes a name stands for: the recipe of that name, else the recipes that {@code PROVIDES} it, else
     * those that make a package of that name or {@code RPROVIDES} it. Among several, those that {@code fromRecipe}
     * has a direct edge to win (the graph was built with the preferred providers).
     */
    private int[] resolveRecipe(String name, int fromRecipe) {
        int r = u.recipeNamed(name);
        if (r >= 0) {
            return new int[] {r};
        }
        Providers providers = u.providers();
        int[] candidates = providers.providersOf(name);
        if (candidates.length == 0) {
            candidates = providers.packagersOf(name);
        }
        if (candidates.length > 1 && fromRecipe >= 0) {
            int[] preferred = java.util.Arrays.stream(candidates)
                    .filter(c -> u.build.hasEdge(fromRecipe, c) || u.runtime.hasEdge(fromRecipe, c)).toArray();
            if (preferred.length > 0) {
                return preferred;
            }
        }
        return candidates;
    }

    private NodeSet buildFiles(NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            if (u.isRecipe(n)) {
                u.addFilesOfRecipe(n, out);
            } else if (u.isTask(n)) {
                int recipe = u.recipeOfGroup(u.groupOfTask(n));
                if (recipe >= 0) {
                    u.addFilesOfRecipe(recipe, out);
                }
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private NodeSet rbuildFiles(Expr.Call call) {
        NodeSet out = NodeSet.empty(u.size);
        for (Arg arg : call.args()) {
            String file = ((Expr.Word) arg).text();
            int exact = u.fileNamed(file);
            boolean any = false;
            if (exact >= 0) {
                u.addRecipesOfFile(exact, out);
                any = true;
            } else {
                String suffix = file.startsWith("/") ? file : "/" + file;
                for (int f = 0; f < u.fileCount; f++) {
                    if (u.file(f).endsWith(suffix)) {
                        u.addRecipesOfFile(u.fileBase + f, out);
                        any = true;
                    }
                }
            }
            if (!any) {
                warn(arg.offset(), "rbuildfiles: no recipe was built from a file '" + file
                        + "' (give a path or a path suffix such as classes/autotools.bbclass)");
            }
        }
        return out;
    }

    private NodeSet siblings(NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            if (u.isRecipe(n)) {
                u.addVariants(n, out);
            } else if (u.isTask(n)) {
                u.addTasksOfGroup(u.groupOfTask(n), out);
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private NodeSet samePackageDirectRdeps(NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            int node = n;
            Traversal.forEachNeighbor(u, edges, node, true, p -> {
                boolean same = u.isRecipe(node) ? u.sameBbFile(node, p) : u.groupOfTask(node) == u.groupOfTask(p);
                if (same) {
                    out.add(p);
                }
            });
        }
        return out;
    }

    private NodeSet tasks(NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            if (u.isRecipe(n)) {
                int group = u.groupOfRecipe(n);
                if (group >= 0) {
                    u.addTasksOfGroup(group, out);
                }
            } else if (u.isTask(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private NodeSet recipes(Expr.Call call, NodeSet in) {
        NodeSet out = NodeSet.empty(u.size);
        List<String> missing = new ArrayList<>();
        for (int n = in.next(0); n >= 0; n = in.next(n + 1)) {
            if (u.isRecipe(n)) {
                out.add(n);
            } else if (u.isTask(n)) {
                int recipe = u.recipeOfGroup(u.groupOfTask(n));
                if (recipe >= 0) {
                    out.add(recipe);
                } else if (!missing.contains(u.groupName(u.groupOfTask(n)))) {
                    missing.add(u.groupName(u.groupOfTask(n)));
                }
            }
        }
        if (!missing.isEmpty()) {
            warn(call.offset(), "recipes: the recipe graph has no recipe " + String.join(", ", missing)
                    + " (named by tasks)");
        }
        return out;
    }

    // ---- target patterns ----

    private NodeSet resolve(String word, int offset) throws QueryException {
        NodeSet out = NodeSet.empty(u.size);
        if (word.equals("//...")) {
            out.addRange(0, u.recipeCount);
            return out;
        }
        String recipePart;
        String taskPart;
        int colon = word.indexOf(':');
        if (word.startsWith("//...:")) {
            recipePart = "*";
            taskPart = word.substring("//...:".length());
        } else if (word.startsWith("//")) {
            throw new QueryException(query, offset, "'" + word + "' is not a target pattern: the only patterns "
                    + "starting with // are //... (all recipes) and //...:TASK (e.g. //...:* for all tasks)");
        } else if (colon < 0) {
            recipePart = word;
            taskPart = null;
        } else {
            recipePart = word.substring(0, colon);
            taskPart = word.substring(colon + 1);
        }
        if (recipePart.isEmpty() || (taskPart != null && taskPart.isEmpty())) {
            throw new QueryException(query, offset, "'" + word + "' is not a target pattern: expected RECIPE, "
                    + "RECIPE:TASK or RECIPE:*");
        }
        boolean allRecipes = recipePart.equals("*");
        if (taskPart == null) {
            if (allRecipes) {
                out.addRange(0, u.recipeCount);
                return out;
            }
            if (recipePart.contains("*")) {
                Pattern glob = glob(recipePart);
                for (int r = 0; r < u.recipeCount; r++) {
                    if (glob.matcher(u.label(r)).matches()) {
                        out.add(r);
                    }
                }
                return out;
            }
            out.add(recipe(recipePart, offset));
            return out;
        }
        if (allRecipes && taskPart.equals("*")) {
            out.addRange(u.taskBase, u.fileBase);
            return out;
        }
        List<Integer> groups = new ArrayList<>();
        if (allRecipes) {
            for (int g = 0; g < u.groupCount(); g++) {
                groups.add(g);
            }
        } else if (recipePart.contains("*")) {
            Pattern glob = glob(recipePart);
            for (int g = 0; g < u.groupCount(); g++) {
                if (glob.matcher(u.groupName(g)).matches()) {
                    groups.add(g);
                }
            }
        } else {
            int g = u.groupNamed(recipePart);
            if (g < 0) {
                int r = recipe(recipePart, offset);
                g = u.groupOfRecipe(r);
                if (g < 0) {
                    throw new QueryException(query, offset, "recipe '" + recipePart + "' has no tasks in the task "
                            + "graph");
                }
            }
            groups.add(g);
        }
        String taskName = taskPart.equals("*") || taskPart.startsWith("do_") ? taskPart : "do_" + taskPart;
        Pattern taskGlob = taskName.contains("*") && !taskName.equals("*") ? glob(taskName) : null;
        for (int g : groups) {
            if (taskName.equals("*")) {
                u.addTasksOfGroup(g, out);
            } else if (taskGlob == null) {
                int t = u.taskNamed(u.groupName(g) + ":" + taskName);
                if (t >= 0) {
                    out.add(t);
                } else if (!recipePart.contains("*")) {
                    throw new QueryException(query, offset, "no task '" + u.groupName(g) + ":" + taskName
                            + "' in the task graph; " + u.groupName(g) + " has " + taskNames(g));
                }
            } else {
                for (int t : u.tasksOfGroup(g)) {
                    if (taskGlob.matcher(u.task(t).id().task()).matches()) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    private String taskNames(int group) {
        int[] tasks = u.tasksOfGroup(group);
        List<String> names = new ArrayList<>();
        for (int t : tasks) {
            TaskNode task = u.task(t);
            names.add(task.id().task());
        }
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** A recipe by exact name, else by a unique {@code PROVIDES} entry ({@code virtual/kernel}). */
    private int recipe(String name, int offset) throws QueryException {
        int r = u.recipeNamed(name);
        if (r >= 0) {
            return r;
        }
        int[] providers;
        try {
            providers = u.providers().providersOf(name);
        } catch (VariableLookupException e) {
            throw new QueryException(query, offset, "while looking for a provider of '" + name + "': "
                    + e.getMessage(), e);
        }
        if (providers.length == 1) {
            return providers[0];
        }
        if (providers.length > 1) {
            throw new QueryException(query, offset, "'" + name + "' is provided by " + describe(providers)
                    + "; name one of them");
        }
        throw new QueryException(query, offset, "no recipe '" + name + "' in the universe" + suggestion(name));
    }

    private String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int r = 0; r < u.recipeCount; r++) {
            String candidate = u.label(r);
            if (Math.abs(candidate.length() - name.length()) > 2) {
                continue;
            }
            int d = distance(name, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= 2 ? "; did you mean '" + best + "'?" : "";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }

    /** A glob with {@code *} for any run of characters, everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(glob.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < glob.length()) {
            regex.append(Pattern.quote(glob.substring(start)));
        }
        return Pattern.compile(regex.toString());
    }

    private void warn(int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < query.length(); i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        Diagnostic warning = Diagnostic.warning("query", line, offset - lineStart + 1, message);
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }
}
