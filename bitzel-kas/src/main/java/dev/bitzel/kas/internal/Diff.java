package dev.bitzel.kas.internal;

import dev.bitzel.kas.internal.config.Emitter;
import dev.bitzel.kas.internal.config.Values;
import dev.bitzel.kas.internal.repo.Repo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code kas diff}: compares two merged configurations (overrides applied as kas applies them) and, for changed
 * commits and tags of repos, lists the commits between the two revisions.
 */
public final class Diff {
    private Diff() {
    }

    /** Options of {@code diff}. */
    public record Options(boolean json, boolean oneline, boolean noColor, boolean commitOnly, boolean contentOnly) {
    }

    /** Runs both configurations through the setup steps (checkouts included) and answers the printed diff. */
    public static String run(Session s, String config1, String config2, Options o) {
        Context ctx = s.ctx;
        ctx.skip.addAll(List.of("setup_environ", "write_bbconfig"));
        Config c1 = s.open(config1, null, null);
        s.setup();
        Map<String, Object> tree1 = c1.getConfig(true);
        List<Repo> repos1 = c1.getRepos();
        ctx.skip.addAll(List.of("setup_dir", "setup_home", "setup_ssh_agent"));
        Config c2 = s.open(config2, null, null);
        s.setup();
        Map<String, Object> tree2 = c2.getConfig(true);
        List<Repo> repos2 = c2.getRepos();

        Map<String, Map<String, Object>> changed = compare(tree1, tree2);
        Map<String, List<Repo.Commit>> vcs = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : changed.entrySet()) {
            String key = e.getKey();
            if (!key.contains("commit") && !key.contains("tag")) {
                continue;
            }
            String[] parts = key.split("\\.", -1);
            if (parts.length < 3 || !parts[0].equals("repos")) {
                continue;
            }
            String commit1 = text(e.getValue().get("old_value"));
            String commit2 = text(e.getValue().get("new_value"));
            // which configuration has the newer commit is not known: both directions are tried
            collect(repos1, parts[1], commit2, commit1, vcs);
            collect(repos2, parts[1], commit1, commit2, vcs);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> vc = new LinkedHashMap<>(changed);
        out.put("values_changed", vc);
        if (!vcs.isEmpty()) {
            Map<String, Object> v = new LinkedHashMap<>();
            vcs.forEach((name, commits) -> v.put(name, commits.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("commit", c.id());
                m.put("author", c.author());
                m.put("email", c.email());
                m.put("commit_date", c.committerDate());
                m.put("message", c.message());
                return (Object) m;
            }).toList()));
            out.put("vcs", v);
        }
        if (o.json()) {
            return Emitter.json(out, 4, false);
        }
        StringBuilder sb = new StringBuilder();
        formatText(config1, config2, changed, vcs, o.oneline(), o.noColor(), o.commitOnly(), o.contentOnly(),
                sb::append);
        return sb.toString();
    }

    private static String text(Object v) {
        return v == null ? null : Values.pyStrDeep(v);
    }

    private static void collect(List<Repo> repos, String repoName, String from, String to,
            Map<String, List<Repo.Commit>> vcs) {
        for (Repo r : repos) {
            if (r.rawPath != null && r.url != null && r.name.equals(repoName)) {
                List<Repo.Commit> commits = r.log(from, to);
                if (!commits.isEmpty()) {
                    vcs.put(r.name, commits);
                }
            }
        }
    }

    /**
     * kas' {@code compare_dicts}: changed, added (old null) and removed (new null) leaves with dotted keys; mappings
     * on both sides are compared key by key. Keys are visited in the first tree's order, then the second's new ones
     * (kas visits them in hash-set order, which is not stable between runs).
     */
    static Map<String, Map<String, Object>> compare(Map<String, Object> d1, Map<String, Object> d2) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        compare(d1, d2, "", out);
        return out;
    }

    private static void compare(Map<String, Object> d1, Map<String, Object> d2, String parent,
            Map<String, Map<String, Object>> out) {
        Set<String> keys = new LinkedHashSet<>(d1.keySet());
        keys.addAll(d2.keySet());
        for (String key : keys) {
            String full = parent.isEmpty() ? key : parent + "." + key;
            boolean in1 = d1.containsKey(key);
            boolean in2 = d2.containsKey(key);
            if (in1 && in2) {
                Object a = d1.get(key);
                Object b = d2.get(key);
                if (a instanceof Map<?, ?> && b instanceof Map<?, ?>) {
                    compare(Values.map(a), Values.map(b), full, out);
                } else if (!pyEquals(a, b)) {
                    out.put(full, change(a, b));
                }
            } else if (in1) {
                out.put(full, change(d1.get(key), null));
            } else {
                out.put(full, change(null, d2.get(key)));
            }
        }
    }

    /** Python equality of tree values (1 == True, 0 == False). */
    private static boolean pyEquals(Object a, Object b) {
        if (a instanceof Boolean x && b instanceof Number n) {
            return (x ? 1 : 0) == n.longValue();
        }
        if (b instanceof Boolean && a instanceof Number) {
            return pyEquals(b, a);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static Map<String, Object> change(Object oldValue, Object newValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old_value", oldValue);
        m.put("new_value", newValue);
        return m;
    }

    /** kas' {@code formatting_diff_output} (the text format, which kas documents as not stable). */
    static void formatText(String oldFile, String newFile, Map<String, Map<String, Object>> changed,
            Map<String, List<Repo.Commit>> vcs, boolean oneline, boolean noColor, boolean commitOnly,
            boolean contentOnly, Consumer<String> out) {
        String old = noColor ? "" : "\u001b[31m";
        String neu = noColor ? "" : "\u001b[32m";
        String commitColor = noColor ? "" : "\u001b[33m";
        String files = noColor ? "" : "\u001b[34m";
        String end = noColor ? "" : "\u001b[0m";
        if (oldFile != null || newFile != null) {
            out.accept("kas diff " + oldFile + " " + newFile + "\n");
            out.accept("---  " + oldFile + "\n");
            out.accept("+++  " + newFile + "\n");
        }
        if (!changed.isEmpty() && !commitOnly) {
            out.accept(files + "@@ config changed @@" + end + "\n");
            for (Map.Entry<String, Map<String, Object>> e : changed.entrySet()) {
                Object ov = e.getValue().get("old_value");
                Object nv = e.getValue().get("new_value");
                if (ov instanceof String os && nv instanceof String ns) {
                    out.accept("     " + e.getKey() + ":\n");
                    for (String line : unifiedDiff(os.contains("\n") ? os : os + "\n", ns.contains("\n") ? ns
                            : ns + "\n")) {
                        if (line.startsWith("@@")) {
                            out.accept(files + " ".repeat(9) + line + end);
                        } else if (line.startsWith("+")) {
                            out.accept(neu + "+" + " ".repeat(8) + line.substring(1) + end);
                        } else if (line.startsWith("-")) {
                            out.accept(old + "-" + " ".repeat(8) + line.substring(1) + end);
                        } else {
                            out.accept(" ".repeat(8) + line);
                        }
                    }
                    continue;
                }
                for (int i = 0; i < 2; i++) {
                    Object value = i == 0 ? ov : nv;
                    if (!truthy(value)) {
                        continue;
                    }
                    String prefix = i == 0 ? "-" : "+";
                    String color = i == 0 ? old : neu;
                    out.accept(color + prefix + "    " + e.getKey() + ": "
                            + Values.pyStrDeep(value).replace("\n", "\n" + prefix) + end + "\n");
                }
            }
        }
        if (!vcs.isEmpty() && !contentOnly) {
            List<String> keys = new ArrayList<>(vcs.keySet());
            for (String key : keys) {
                out.accept(files + "@@ " + key + " commits diff @@" + end + "\n");
                for (Repo.Commit c : vcs.get(key)) {
                    String msg = c.message();
                    if (oneline) {
                        out.accept(commitColor + c.id().substring(0, Math.min(7, c.id().length())) + end + " "
                                + msg.split("\n", -1)[0] + "\n");
                    } else {
                        out.accept(commitColor + c.id() + ": " + end + c.author() + " " + c.committerDate() + "\n");
                        List<String> lines = new ArrayList<>();
                        for (String l : msg.split("\n", -1)) {
                            lines.add("    " + l);
                        }
                        out.accept(String.join("\n", lines) + "\n");
                    }
                }
                if (!key.equals(keys.get(keys.size() - 1))) {
                    out.accept("---\n");
                }
            }
        }
    }

    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** The hunks of a unified diff (3 lines of context) of two texts, lines with their newlines, no file header. */
    static List<String> unifiedDiff(String a, String b) {
        List<String> x = splitKeepEnds(a);
        List<String> y = splitKeepEnds(b);
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        record Op(char kind, int i, int j) {
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                ops.add(new Op(' ', i++, j++));
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', i++, j));
            } else {
                ops.add(new Op('+', i, j++));
            }
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k).kind() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - 3);
            int stop = k;
            int lastChange = k;
            while (stop < ops.size()) {
                if (ops.get(stop).kind() != ' ') {
                    lastChange = stop;
                } else if (stop - lastChange > 6) {
                    break;
                }
                stop++;
            }
            stop = Math.min(ops.size(), lastChange + 4);
            int aStart = ops.get(start).i();
            int bStart = ops.get(start).j();
            int aLen = 0;
            int bLen = 0;
            for (int q = start; q < stop; q++) {
                char c = ops.get(q).kind();
                if (c != '+') {
                    aLen++;
                }
                if (c != '-') {
                    bLen++;
                }
            }
            out.add("@@ -" + range(aStart, aLen) + " +" + range(bStart, bLen) + " @@\n");
            for (int q = start; q < stop; q++) {
                Op op = ops.get(q);
                out.add(op.kind() + (op.kind() == '+' ? y.get(op.j()) : x.get(op.i())));
            }
            k = stop;
        }
        return out;
    }

    private static String range(int start, int length) {
        if (length == 1) {
            return String.valueOf(start + 1);
        }
        return (length == 0 ? start : start + 1) + "," + length;
    }

    private static List<String> splitKeepEnds(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < s.length()) {
            out.add(s.substring(from));
        }
        return out;
    }
}
