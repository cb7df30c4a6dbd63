package dev.bitzel.graph;

import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.ExpansionResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A content signature per task of a plan: whether a task's earlier result can be reused.
 *
 * <p>A task's <em>base hash</em> covers its code and every shell or Python function and variable that code
 * reaches, found by analysing the code as BitBake's {@code bb.data.build_dependencies} does: {@code ${VAR}}
 * references and inline Python ({@code expandWithRefs}), shell functions called by name, Python functions
 * called and variables read through {@code d.getVar('X')}-style calls, every exported variable for shell
 * functions (they are in the task's environment), plus {@code [vardeps]}, minus
 * {@code [vardepsexclude]} and {@code BB_BASEHASH_IGNORE_VARS}; {@code [vardepvalue]} replaces a value.
 * Values are hashed unexpanded, so that paths below {@code TMPDIR} or {@code TOPDIR} do not leak in unless a
 * task's code uses them. The <em>signature</em> adds the signatures of the tasks it runs after and the SHA-256
 * of local files it reads: {@code file://} entries of {@code SRC_URI} (found along {@code FILESPATH}) for
 * {@code do_fetch}, and the files of a {@code [file-checksums]} flag for any task. Deterministic across runs,
 * machines and parse order.
 *
 * <p>Immutable and thread-safe once computed.
 */
public final class TaskSignatures {
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_+.\\-]*");
    private static final Pattern PY_VAR_ACCESS = Pattern.compile(
            "\\b(?:getVar|getVarFlag|getVarFlags|contains|contains_any|filter|to_boolean|appendVar|prependVar"
                    + "|setVar|delVar)\\(\\s*['\"]([^'\"${}]+)['\"]");
    private static final Pattern PY_CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    /** BitBake's codeparser counts the function named by {@code bb.build.exec_func("f", d)} as called. */
    private static final Pattern PY_EXEC_FUNC = Pattern.compile(
            "\\bbb\\.build\\.exec_(?:func|task)\\(\\s*['\"]([^'\"]+)['\"]");

    private final TaskPlan plan;
    private final Map<TaskId, SignatureRecord> records;

    private TaskSignatures(TaskPlan plan, Map<TaskId, SignatureRecord> records) {
        this.plan = plan;
        this.records = records;
    }

    /**
     * Computes the signature of every task of a plan, dependencies first.
     *
     * @throws GraphException naming the task and variable when code does not expand, or a local file that cannot
     *     be read
     */
    public static TaskSignatures compute(TaskPlan plan) throws GraphException {
        return compute(plan, task -> "");
    }

    /**
     * Computes the signature of every task of a plan, dependencies first, mixing each task's taint into its
     * signature (and so into its dependents'), as BitBake does with the {@code .taint} files {@code bitbake -f}
     * writes.
     *
     * @param taints each task's taint, or empty
     * @throws GraphException naming the task and variable when code does not expand, or a local file that cannot
     *     be read
     */
    public static TaskSignatures compute(TaskPlan plan, Function<TaskId, String> taints)
            throws GraphException {
        Map<String, RecipeContext> contexts = new HashMap<>();
        Map<TaskId, SignatureRecord> records = new HashMap<>();
        Digraph g = plan.graph().graph();
        List<String> problems = new ArrayList<>();
        int[] order;
        try {
            order = g.topologicalOrder();
        } catch (IllegalStateException e) {
            throw new GraphException(List.of("no signatures for a graph with a " + e.getMessage()));
        }
        for (int node : order) {
            TaskId id = plan.graph().task(node).id();
            try {
                RecipeContext ctx = contexts.computeIfAbsent(id.recipe(),
                        pn -> new RecipeContext(plan.recipe(id)));
                TreeMap<String, String> variables = ctx.variablesOf(id.task());
                String baseHash = hashOf(variables);
                TreeMap<String, String> dependencies = new TreeMap<>();
                g.forEachSuccessor(node, dep -> {
                    TaskId depId = plan.graph().task(dep).id();
                    dependencies.put(depId.toString(), records.get(depId).signature());
                });
                TreeMap<String, String> files = ctx.fileChecksums(id.task());
                MessageDigest sha = sha256();
                update(sha, "task\0" + id.task() + "\0base\0" + baseHash + "\0");
                dependencies.forEach((k, v) -> update(sha, "dep\0" + k + "\0" + v + "\0"));
                files.forEach((k, v) -> update(sha, "file\0" + k + "\0" + v + "\0"));
                String taint = taints.apply(id);
                if (!taint.isEmpty()) {
                    update(sha, "taint\0" + taint + "\0");
                }
                records.put(id, new SignatureRecord(id, baseHash, variables, dependencies, files, taint,
                        hex(sha.digest())));
            } catch (ExpansionException e) {
                problems.add(id + ": " + e.getMessage());
            } catch (IOException e) {
                problems.add(id + ": cannot read a local source file: " + e);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof ExpansionException x) {
                    problems.add(id + ": " + x.getMessage());
                } else {
                    throw e;
                }
            }
            if (!problems.isEmpty()) {
                throw new GraphException(problems);
            }
        }
        return new TaskSignatures(plan, Map.copyOf(records));
    }

    /** The plan these signatures are for. */
    public TaskPlan plan() {
        return plan;
    }

    /** A task's signature (hex SHA-256). */
    public String signature(TaskId task) {
        return record(task).signature();
    }

    /** Everything a task's signature was computed from. */
    public SignatureRecord record(TaskId task) {
        SignatureRecord r = records.get(task);
        if (r == null) {
            throw new IllegalArgumentException("task '" + task + "' is not in this plan");
        }
        return r;
    }

    private static boolean isTrue(String v) {
        if (v == null) {
            return false;
        }
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("1") || s.equals("yes") || s.equals("y") || s.equals("true") || s.equals("t")
                || s.equals("on");
    }

    private static String hashOf(Map<String, String> variables) {
        MessageDigest sha = sha256();
        variables.forEach((k, v) -> update(sha, k + "\0" + v + "\0"));
        return hex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** Per recipe: the datastore, its function names and each variable's direct dependencies, memoised. */
    private static final class RecipeContext {
        private final Recipe recipe;
        private final DataStore d;
        private final Set<String> ignored = new HashSet<>();
        private final Set<String> shellFunctions = new HashSet<>();
        private final Set<String> pythonFunctions = new HashSet<>();
        private final Set<String> exported = new TreeSet<>();
        private final Map<String, Set<String>> directDeps = new HashMap<>();
        private final Map<String, String> hashedValues = new HashMap<>();

        RecipeContext(Recipe recipe) {
            this.recipe = recipe;
            this.d = recipe.data();
            try {
                String ignore = d.getVar("BB_BASEHASH_IGNORE_VARS");
                if (ignore != null) {
                    ignored.addAll(List.of(ignore.trim().split("\\s+")));
                }
                for (String key : d.exportList()) {
                    if (isTrue(d.getVarFlag(key, "export", false)) && !isTrue(d.getVarFlag(key, "unexport", false))) {
                        exported.add(key);
                    }
                }
                for (String key : d.keys()) {
                    if (d.getVarFlag(key, "func", false) != null) {
                        (d.getVarFlag(key, "python", false) != null ? pythonFunctions : shellFunctions).add(key);
                    }
                }
            } catch (ExpansionException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        TreeMap<String, String> variablesOf(String task) throws ExpansionException {
            TreeMap<String, String> result = new TreeMap<>();
            Deque<String> work = new ArrayDeque<>();
            work.add(task);
            Set<String> seen = new HashSet<>();
            seen.add(task);
            while (!work.isEmpty()) {
                String var = work.poll();
                result.put(var, valueOf(var));
                for (String dep : depsOf(var)) {
                    if (!ignored.contains(dep) && seen.add(dep)) {
                        work.add(dep);
                    }
                }
            }
            return result;
        }

        private String valueOf(String var) throws ExpansionException {
            String cached = hashedValues.get(var);
            if (cached != null) {
                return cached;
            }
            String value = d.getVarFlag(var, "vardepvalue", true);
            if (value == null) {
                value = d.getVar(var, false);
            }
            String v = value == null ? "" : value;
            hashedValues.put(var, v);
            return v;
        }

        private Set<String> depsOf(String var) throws ExpansionException {
            Set<String> cached = directDeps.get(var);
            if (cached != null) {
                return cached;
            }
            Set<String> deps = new TreeSet<>();
            String explicitValue = d.getVarFlag(var, "vardepvalue", false);
            if (explicitValue == null) {
                String raw = d.getVar(var, false);
                if (raw != null) {
                    boolean python = pythonFunctions.contains(var);
                    if (raw.contains("${")) {
                        ExpansionResult r = d.expandWithRefs(raw, var);
                        deps.addAll(r.references());
                        for (String exec : r.execs()) {
                            if (pythonFunctions.contains(exec) || shellFunctions.contains(exec)) {
                                deps.add(exec);
                            }
                        }
                    }
                    if (python) {
                        Matcher m = PY_VAR_ACCESS.matcher(raw);
                        while (m.find()) {
                            deps.add(m.group(1));
                        }
                        m = PY_CALL.matcher(raw);
                        while (m.find()) {
                            if (pythonFunctions.contains(m.group(1)) && !m.group(1).equals(var)) {
                                deps.add(m.group(1));
                            }
                        }
                        m = PY_EXEC_FUNC.matcher(raw);
                        while (m.find()) {
                            if (!m.group(1).equals(var)) {
                                deps.add(m.group(1));
                            }
                        }
                    } else if (shellFunctions.contains(var)) {
                        deps.addAll(exported);
                        Matcher m = WORD.matcher(raw);
                        while (m.find()) {
                            String word = m.group();
                            if (!word.equals(var) && (shellFunctions.contains(word)
                                    || pythonFunctions.contains(word))) {
                                deps.add(word);
                            }
                        }
                    }
                }
            }
            String vardeps = d.getVarFlag(var, "vardeps", true);
            if (vardeps != null && !vardeps.isBlank()) {
                deps.addAll(List.of(vardeps.trim().split("\\s+")));
            }
            String exclude = d.getVarFlag(var, "vardepsexclude", true);
            if (exclude != null && !exclude.isBlank()) {
                List.of(exclude.trim().split("\\s+")).forEach(deps::remove);
            }
            deps.remove(var);
            directDeps.put(var, deps);
            return deps;
        }

        TreeMap<String, String> fileChecksums(String task) throws ExpansionException, IOException {
            TreeMap<String, String> result = new TreeMap<>();
            String flag = d.getVarFlag(task, "file-checksums", true);
            if (flag != null && !flag.isBlank()) {
                for (String entry : flag.trim().split("\\s+")) {
                    int colon = entry.lastIndexOf(':');
                    String path = colon > 0 ? entry.substring(0, colon) : entry;
                    Path p = Path.of(path);
                    if (Files.exists(p)) {
                        Path recipeDir = Path.of(recipe.file()).getParent();
                        checksum(p, p.startsWith(recipeDir) ? recipeDir.relativize(p).toString() : path, result);
                    }
                }
            } else if (task.equals("do_fetch")) {
                String srcUri = d.getVar("SRC_URI");
                String filesPath = d.getVar("FILESPATH");
                if (srcUri != null) {
                    for (String uri : srcUri.trim().split("\\s+")) {
                        if (uri.startsWith("file://")) {
                            String local = uri.substring("file://".length());
                            int semi = local.indexOf(';');
                            if (semi >= 0) {
                                local = local.substring(0, semi);
                            }
                            Path found = findLocal(local, filesPath);
                            if (found == null) {
                                throw new IOException("file://" + local + " of " + recipe.file()
                                        + " not found along FILESPATH " + filesPath);
                            }
                            checksum(found, local, result);
                        }
                    }
                }
            }
            return result;
        }

        private static Path findLocal(String local, String filesPath) {
            if (local.startsWith("/")) {
                Path p = Path.of(local);
                return Files.exists(p) ? p : null;
            }
            if (filesPath == null) {
                return null;
            }
            for (String dir : filesPath.split(":")) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, local);
                if (Files.exists(p)) {
                    return p;
                }
            }
            return null;
        }

        /** Hashes a file, or every file below a directory, under names that do not depend on where it lies. */
        private static void checksum(Path p, String name, TreeMap<String, String> into) throws IOException {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    checksum(f, name + "/" + p.relativize(f), into);
                }
                return;
            }
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(p)) {
                byte[] buf = new byte[65536];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
            }
            into.put(name, hex(sha.digest()));
        }
    }
}
