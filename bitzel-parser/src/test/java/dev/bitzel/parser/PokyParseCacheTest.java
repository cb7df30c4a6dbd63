package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.parser.data.PythonEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole real tree, cached and uncached: every variable (raw and expanded, with its flags) of every recipe variant
 * read from a warm parse cache and configuration cache equals what a parse without the cache gives. Runs when given
 * a build directory: {@code -Dbitzel.poky.builddir=/path/to/build} (it parses the tree three times: minutes).
 * Variables holding Python objects are compared by {@code repr}; the time stamps DATE, TIME and DATETIME (and
 * values holding a time stamp) are left out, as they differ between any two runs.
 */
class PokyParseCacheTest {

    @TempDir
    Path tmp;

    @Test
    void everyCachedRecipeEqualsAFreshParse() throws Exception {
        String builddir = System.getProperty("bitzel.poky.builddir");
        assumeTrue(builddir != null && !builddir.isEmpty(), "set -Dbitzel.poky.builddir to run");
        Path cache = tmp.resolve("cache");
        BuildDirectory.builder(Path.of(builddir)).python(PythonEvaluator.builtin()).parseCache(cache).load()
                .parseAll(2);
        // a whole-tree parse stores no datastores: the first use parses each recipe file again and stores them
        for (RecipeFile f : BuildDirectory.builder(Path.of(builddir)).python(PythonEvaluator.builtin())
                .parseCache(cache).load().parseAll(2)) {
            f.variants().values().forEach(Recipe::data);
        }
        BuildDirectory warm = BuildDirectory.builder(Path.of(builddir)).python(PythonEvaluator.builtin())
                .parseCache(cache).load();
        List<RecipeFile> cached = warm.parseAll(2);
        assertThat(warm.cacheStatistics().orElseThrow()).satisfies(s -> {
            assertThat(s.misses()).isZero();
            assertThat(s.configurationCached()).isTrue();
        });
        BuildDirectory cold = BuildDirectory.builder(Path.of(builddir)).python(PythonEvaluator.builtin()).load();
        List<RecipeFile> fresh = cold.parseAll(2);
        assertThat(cached).hasSameSizeAs(fresh);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Map<String, Object> a = observe(fresh.get(i), i % 10 == 0);
            Map<String, Object> b = observe(cached.get(i), i % 10 == 0);
            for (Map.Entry<String, Object> e : a.entrySet()) {
                if (!java.util.Objects.equals(e.getValue(), b.get(e.getKey()))) {
                    differences.add(fresh.get(i).file() + " " + e.getKey() + ": " + e.getValue() + " / "
                            + b.get(e.getKey()));
                }
            }
            for (String key : b.keySet()) {
                if (!a.containsKey(key)) {
                    differences.add(fresh.get(i).file() + " " + key + " only cached");
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(warm.cacheStatistics().orElseThrow().reparsed()).as("datastores read from the cache").isZero();
        assertThat(warm.cacheStatistics().orElseThrow().corrupt()).isZero();
    }

    /** The 27 variables issue 4 compares with {@code bitbake -e}, expanded in every recipe. */
    private static final List<String> EXPANDED = List.of("PN", "PV", "PR", "PE", "SRC_URI", "S", "B", "WORKDIR",
            "DEPENDS", "PROVIDES", "RDEPENDS:${PN}", "RRECOMMENDS:${PN}", "RPROVIDES:${PN}", "PACKAGES",
            "FILES:${PN}", "LICENSE", "LIC_FILES_CHKSUM", "EXTRA_OECONF", "EXTRA_OEMAKE", "PACKAGECONFIG",
            "OVERRIDES", "BP", "P", "PF", "SRCREV", "T", "D");

    /**
     * Raw values and flags of every variable, the cache fields, and expanded values: of {@link #EXPANDED} in every
     * recipe file, of every variable in every tenth file (expansion failures are compared by message).
     */
    private static Map<String, Object> observe(RecipeFile file, boolean everything) {
        Map<String, Object> seen = new java.util.TreeMap<>();
        seen.put("failure", String.valueOf(file.failure()));
        for (Recipe r : file.variants().values()) {
            String v = "[" + r.variant() + "]";
            seen.put(v + "tasks", r.tasks());
            seen.put(v + "deps", r.taskDependencies());
            seen.put(v + "inherits", r.inheritedFiles());
            seen.put(v + "skip", String.valueOf(r.skipReason()));
            if (r.skipped().isEmpty()) {
                seen.put(v + "cacheInfo", r.cacheInfo());
            }
            dev.bitzel.parser.data.DataStore d = r.data();
            List<String> expanded = new ArrayList<>();
            for (String key : d.keys()) {
                if (key.matches("DATE|TIME|DATETIME")) {
                    continue;
                }
                String raw = attempt(() -> d.getVar(key, false));
                if (raw != null && raw.startsWith("\u0000bitzel-python-object:")) {
                    raw = "object " + attempt(() -> d.expand("${@repr(d.getVar('" + key + "'))}"))
                            .replaceAll(" at 0x[0-9a-f]+", "");
                } else if (everything) {
                    expanded.add(key);
                }
                seen.put(v + key, raw);
                seen.put(v + key + "[]", attempt(() -> String.valueOf(d.getVarFlags(key, false))));
            }
            for (String key : everything ? expanded : EXPANDED) {
                seen.put(v + key + "!", attempt(() -> d.expand("${" + key + "}")));
            }
        }
        seen.entrySet().removeIf(e -> e.getValue() instanceof String s && s.matches("(?s).*\\b20\\d{12}\\b.*"));
        return seen;
    }

    private interface Read {
        String run() throws Exception;
    }

    private static String attempt(Read read) {
        try {
            return read.run();
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }
}
