package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.ObjectValues;
import dev.bitzel.parser.internal.data.PyStrings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fields BitBake keeps of every recipe in its parse cache ({@code bb.cache.CoreRecipeInfo}), read from a
 * finalized store so that providers and task graphs can be computed without materializing the store again.
 */
public final class RecipeCacheInfo {

    /** Variables read as they are. */
    private static final List<String> VARIABLES = List.of("PN", "PE", "PV", "PR", "PROVIDES", "RPROVIDES",
            "PACKAGES", "PACKAGES_DYNAMIC", "DEPENDS", "RDEPENDS", "RRECOMMENDS", "DEFAULT_PREFERENCE",
            "EXCLUDE_FROM_WORLD");

    /** Variables read once per package, as {@code NAME:package}. */
    private static final List<String> PACKAGE_VARIABLES = List.of("RPROVIDES", "RDEPENDS", "RRECOMMENDS");

    /** The task flags {@code bb.build.add_tasks} expands into {@code _task_deps}. */
    public static final Set<String> TASK_DEP_FLAGS = Set.of("mcdepends", "depends", "rdepends", "deptask",
            "rdeptask", "recrdeptask", "recideptask", "nostamp", "fakeroot", "noexec", "umask");

    /**
     * One {@code do_x[flag]} key object per task and flag, shared by every recipe's fields: a cold parse of poky
     * keeps ≈ 600,000 of these keys until it ends, and sharing them cut its garbage collection pauses by a third.
     */
    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> FLAG_KEYS =
            new ConcurrentHashMap<>();
    /** Beyond this many tasks (a long-running server reading ever new task names) keys are made anew. */
    private static final int FLAG_KEYS_MAX_TASKS = 4096;

    private static String flagKey(String task, String flag) {
        ConcurrentHashMap<String, String> byFlag = FLAG_KEYS.get(task);
        if (byFlag == null) {
            if (FLAG_KEYS.size() >= FLAG_KEYS_MAX_TASKS) {
                return task + "[" + flag + "]";
            }
            byFlag = FLAG_KEYS.computeIfAbsent(task, t -> new ConcurrentHashMap<>());
        }
        String key = byFlag.get(flag);
        return key != null ? key : byFlag.computeIfAbsent(flag, f -> task + "[" + f + "]");
    }

    private RecipeCacheInfo() {
    }

    /**
     * Reads the cache fields: the variables above (expanded, unset ones left out), the per-package ones for each
     * of {@code PACKAGES} (or {@code PN} when empty), and every flag of every task as {@code do_x[flag]} —
     * {@link #TASK_DEP_FLAGS} expanded, the others as written.
     *
     * @throws ExpansionException when one of them does not expand, as BitBake's cache would fail
     */
    public static Map<String, String> read(DataStore d, List<String> tasks) throws ExpansionException {
        Map<String, String> info = new LinkedHashMap<>(512); // a recipe has 150-300 fields, most of them task flags
        for (String var : VARIABLES) {
            String value = d.getVar(var);
            if (value != null) {
                info.put(var, value);
            }
        }
        List<String> names = PyStrings.split(info.getOrDefault("PACKAGES", ""));
        if (names.isEmpty()) {
            names = List.of(info.getOrDefault("PN", ""));
        }
        for (String pkg : names) {
            for (String var : PACKAGE_VARIABLES) {
                String value = d.getVar(var + ":" + pkg);
                if (value != null) {
                    info.put(var + ":" + pkg, value);
                }
            }
        }
        for (String task : tasks) {
            for (Map.Entry<String, String> flag : d.getVarFlags(task, TASK_DEP_FLAGS).entrySet()) {
                String value = flag.getValue();
                if (value != null) {
                    // an int or bool set from Python: its text, which readers of these flags take as its truth
                    info.put(flagKey(task, flag.getKey()), ObjectValues.scalar(value) != null
                            ? ObjectValues.describe(value, d.python()).text() : value);
                }
            }
        }
        return info;
    }
}
