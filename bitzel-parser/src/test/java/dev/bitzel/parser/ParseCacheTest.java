package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {

    @TempDir
    Path tmp;

    FixtureBuild fixture;
    Path cacheDir;

    @BeforeEach
    void setUp() {
        fixture = new FixtureBuild(tmp.resolve("tree"));
        cacheDir = tmp.resolve("cache");
    }

    BuildDirectory load() {
        return BuildDirectory.builder(fixture.build).environment(Map.of()).parseCache(cacheDir).load();
    }

    List<RecipeFile> parseAll(BuildDirectory build) throws InterruptedException {
        assertThat(build.failure()).isEmpty();
        return build.parseAll(2);
    }

    /** Everything observable about a parsed recipe file, for comparing cached and fresh results. */
    static Map<String, Object> observe(RecipeFile file) throws ExpansionException {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("failure", file.failure());
        for (Recipe r : file.variants().values()) {
            String v = "[" + r.variant() + "]";
            seen.put(v + "tasks", r.tasks());
            seen.put(v + "deps", r.taskDependencies());
            seen.put(v + "inherits", r.inheritedFiles());
            if (r.skipped().isEmpty()) {
                seen.put(v + "cacheInfo", r.cacheInfo());
            }
            DataStore d = r.data();
            for (String key : d.keys()) {
                seen.put(v + key, d.getVar(key, false));
                seen.put(v + key + "!", d.getVar(key));
                seen.put(v + key + "[]", d.getVarFlags(key, false));
            }
        }
        return seen;
    }

    /** Asserts that two parses of the same files are equal in everything observable, datastores included. */
    static void assertObservedEqual(List<RecipeFile> expected, List<RecipeFile> actual) throws ExpansionException {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(observe(actual.get(i))).isEqualTo(observe(expected.get(i)));
        }
    }

    @Test
    void aSecondLoadServesEveryRecipeFromTheCacheWithIdenticalResults() throws Exception {
        List<RecipeFile> fresh = parseAll(load());
        BuildDirectory second = load();
        List<RecipeFile> cached = parseAll(second);
        assertThat(second.cacheStatistics()).hasValueSatisfying(s -> {
            assertThat(s.hits()).isEqualTo(3);
            assertThat(s.misses()).isZero();
        });
        assertThat(cached).hasSameSizeAs(fresh);
        assertObservedEqual(fresh, cached);
        Recipe nativeBeta = cached.stream().filter(f -> f.file().endsWith("beta_2.0.bb")).findFirst().orElseThrow()
                .variant("native");
        assertThat(nativeBeta.data().getVar("VALUE")).isEqualTo("native appended");
        assertThat(nativeBeta.data().getVar("GREETING")).isEqualTo("hello m1");
    }

    @Test
    void cacheFieldsSplitPackagesAsPythonsSplitDoes() throws Exception {
        // BitBake's listvar: (getVar('PACKAGES') or "").split(), the recipe's PN when that is empty. Python splits
        // on \x1c and a no-break space, Java's \s does not; a PACKAGES of only a no-break space is empty.
        fixture.write("meta-a/recipes/delta/delta_1.0.bb", "PN = \"delta\"\nPACKAGES = \"a\u001cb\"\n"
                + "RDEPENDS:a = \"x\"\nRDEPENDS:b = \"y\"\n");
        fixture.write("meta-a/recipes/eps/eps_1.0.bb", "PN = \"eps\"\nPACKAGES = \"\u00a0\"\nRDEPENDS:eps = \"z\"\n");
        List<RecipeFile> files = parseAll(load());
        Recipe delta = files.stream().filter(f -> f.file().endsWith("delta_1.0.bb")).findFirst().orElseThrow().recipe();
        assertThat(delta.cacheInfo()).containsEntry("RDEPENDS:a", "x").containsEntry("RDEPENDS:b", "y");
        Recipe eps = files.stream().filter(f -> f.file().endsWith("eps_1.0.bb")).findFirst().orElseThrow().recipe();
        assertThat(eps.cacheInfo()).containsEntry("RDEPENDS:eps", "z");
    }

    @Test
    void aLaterLoadInTheSameProcessHandsOutTheSameRecipesUntilAFileChangesOrAStoreIsRead() throws Exception {
        List<RecipeFile> decoded = null;
        for (int i = 0; i < 3; i++) {
            List<RecipeFile> loaded = parseAll(load());
            if (loaded == decoded) {
                break;
            }
            decoded = loaded;
        }
        assertThat(parseAll(load())).as("an unchanged tree").isSameAs(decoded);
        // reading a datastore may run Python that changes it: the next load decodes afresh
        RecipeFile alpha = decoded.stream().filter(f -> f.file().endsWith("alpha_1.0.bb")).findFirst().orElseThrow();
        assertThat(Evaluations.get(alpha.recipe(), "TOOL_FLAGS")).isEqualTo("-x");
        List<RecipeFile> afresh = parseAll(load());
        assertThat(afresh).isNotSameAs(decoded);
        assertThat(parseAll(load())).isSameAs(afresh);
        fixture.write("meta-a/classes-recipe/tool.bbclass", "TOOL_FLAGS = \"-z\"\n");
        List<RecipeFile> changed = parseAll(load());
        assertThat(changed).isNotSameAs(afresh);
        List<RecipeFile> again = changed;
        for (int i = 0; i < 3; i++) {
            again = parseAll(load());
            assertThat(again).isNotSameAs(afresh);
        }
        assertThat(parseAll(load())).isSameAs(again);
        RecipeFile changedAlpha = again.stream().filter(f -> f.file().endsWith("alpha_1.0.bb")).findFirst()
                .orElseThrow();
        assertThat(Evaluations.get(changedAlpha.recipe(), "TOOL_FLAGS")).isEqualTo("-z");
    }

    @Nested
    class Invalidation {
        int missesAfter(Runnable change) throws Exception {
            parseAll(load());
            change.run();
            BuildDirectory again = load();
            parseAll(again);
            return again.cacheStatistics().orElseThrow().misses();
        }

        @Test
        void aChangedClassReparsesOnlyTheRecipesThatInheritIt() throws Exception {
            assertThat(missesAfter(() -> fixture.write("meta-a/classes-recipe/tool.bbclass",
                    "TOOL_FLAGS = \"-y\"\n"))).isEqualTo(1);
            RecipeFile alpha = load().parseRecipe(fixture.file("meta-a/recipes/alpha/alpha_1.0.bb"));
            assertThat(Evaluations.get(alpha.recipe(), "TOOL_FLAGS")).isEqualTo("-y");
        }

        @Test
        void aFileThatWasProbedButMissingReparsesTheRecipeWhenItAppears() throws Exception {
            assertThat(missesAfter(() -> fixture.write("meta-a/recipes/beta/beta-extra.inc",
                    "EXTRA = \"now here\"\n"))).isEqualTo(1);
            RecipeFile beta = load().parseRecipe(fixture.file("meta-a/recipes/beta/beta_2.0.bb"));
            assertThat(Evaluations.get(beta.recipe(), "EXTRA")).isEqualTo("now here");
        }

        @Test
        void aConfigurationChangeReparsesEverything() throws Exception {
            assertThat(missesAfter(() -> fixture.write("build/conf/local.conf", "MACHINE = \"m2\"\n")))
                    .isEqualTo(3);
        }

        @Test
        void aNewRecipeFileIsFoundAndARemovedOneIsGone() throws Exception {
            // a search is kept only when its directories last changed longer ago than timestamps can tell apart
            Thread.sleep(2_100);
            parseAll(load());
            try (Stream<Path> kept = Files.list(cacheDir.resolve("collections"))) {
                assertThat(kept.filter(p -> !p.getFileName().toString().startsWith(".")).count()).isEqualTo(1);
            }
            assertThat(load().recipeFiles()).hasSize(3);
            fixture.write("meta-a/recipes/alpha/alpha_2.0.bb", "PN = \"alpha\"\n");
            assertThat(load().recipeFiles()).hasSize(4);
            Files.delete(fixture.file("meta-a/recipes/gamma/gamma_1.0.bb"));
            assertThat(load().recipeFiles()).hasSize(3).noneMatch(p -> p.toString().contains("gamma"));
            fixture.write("meta-a/recipes/delta/delta_1.0.bb", "PN = \"delta\"\n");
            assertThat(load().recipeFiles()).hasSize(4).anyMatch(p -> p.toString().contains("delta"));
        }

        @Test
        void anUnrelatedFileChangesNothing() throws Exception {
            assertThat(missesAfter(() -> fixture.write("meta-a/recipes/alpha/README", "notes\n"))).isZero();
        }

        @Test
        void aFixedBrokenRecipeIsReparsed() throws Exception {
            assertThat(missesAfter(() -> fixture.write("meta-a/recipes/gamma/gamma_1.0.bb",
                    "PN = \"gamma\"\n"))).isEqualTo(1);
            assertThat(load().parseRecipe(fixture.file("meta-a/recipes/gamma/gamma_1.0.bb")).failed()).isEmpty();
        }
    }

    @Test
    void aCorruptEntryIsAMissThatIsReportedAndRewrittenWithoutLosingCorrectness() throws Exception {
        List<RecipeFile> fresh = parseAll(load());
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            // the recipe entries (beside them: the evaluated configuration, the snapshot of the whole parse and the
            // index of file hashes)
            entries = walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(cacheDir.resolve("config"))
                    && !p.startsWith(cacheDir.resolve("snapshots")) && !p.equals(cacheDir.resolve("files"))).toList();
        }
        assertThat(entries).hasSize(3);
        // without the snapshot, each entry is read
        deleteSnapshots();
        byte[] bytes = Files.readAllBytes(entries.get(0));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entries.get(0), bytes);
        Files.write(entries.get(1), new byte[] {1, 2, 3});

        BuildDirectory damaged = load();
        List<RecipeFile> reparsed = parseAll(damaged);
        assertObservedEqual(fresh, reparsed);
        // Damage in a header is found when the entry is opened, damage in a datastore when it is first read.
        assertThat(damaged.cacheStatistics().orElseThrow().corrupt()).isEqualTo(2);
        parseAll(load());
        BuildDirectory healed = load();
        List<RecipeFile> again = parseAll(healed);
        assertThat(healed.cacheStatistics().orElseThrow().hits()).isEqualTo(3);
        assertObservedEqual(fresh, again);
    }

    void deleteSnapshots() throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(cacheDir.resolve("snapshots"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
    }

    @Nested
    class Snapshot {
        Path snapshot() throws java.io.IOException {
            try (Stream<Path> walk = Files.walk(cacheDir.resolve("snapshots"))) {
                List<Path> all = walk.filter(Files::isRegularFile).toList();
                assertThat(all).hasSize(1);
                return all.get(0);
            }
        }

        @Test
        void aDamagedSnapshotIsIgnoredAndRewrittenWithoutLosingCorrectness() throws Exception {
            List<RecipeFile> fresh = parseAll(load());
            Path snapshot = snapshot();
            byte[] bytes = Files.readAllBytes(snapshot);
            for (int at : new int[] {5, bytes.length / 3, bytes.length - 3}) {
                byte[] damaged = bytes.clone();
                damaged[at] ^= 0x11;
                Files.write(snapshot, damaged);
                BuildDirectory build = load();
                List<RecipeFile> cached = parseAll(build);
                assertThat(build.cacheStatistics().orElseThrow().hits()).isEqualTo(3);
                assertObservedEqual(fresh, cached);
                assertThat(Files.readAllBytes(snapshot)).isEqualTo(bytes);
            }
        }

        @Test
        void aSnapshotWhoseEntriesAreGoneStillGivesCorrectDatastores() throws Exception {
            List<RecipeFile> fresh = parseAll(load());
            try (Stream<Path> walk = Files.walk(cacheDir)) {
                for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(cacheDir.resolve(
                        "snapshots")) && !p.startsWith(cacheDir.resolve("config"))).toList()) {
                    Files.delete(p);
                }
            }
            List<RecipeFile> cached = parseAll(load());
            assertObservedEqual(fresh, cached);
        }
    }

    @Test
    void damageToEveryKindOfCacheFileIsReportedAndNeverGivesAWrongResult() throws Exception {
        List<RecipeFile> fresh = parseAll(load());
        // a search kept (directories older than the settle time), so that its file exists to be damaged too
        Thread.sleep(2_100);
        parseAll(load());
        List<Path> all;
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            all = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(all).anyMatch(p -> p.startsWith(cacheDir.resolve("config")))
                .anyMatch(p -> p.startsWith(cacheDir.resolve("snapshots")))
                .anyMatch(p -> p.startsWith(cacheDir.resolve("collections")))
                .anyMatch(p -> p.equals(cacheDir.resolve("files")));
        for (Path p : all) {
            byte[] bytes = Files.readAllBytes(p);
            bytes[bytes.length / 2] ^= 0x40;
            Files.write(p, bytes);
        }
        BuildDirectory damaged = load();
        List<RecipeFile> again = parseAll(damaged);
        assertObservedEqual(fresh, again);
        assertThat(damaged.cacheStatistics().orElseThrow().configurationCached()).isFalse();
        BuildDirectory healed = load();
        List<RecipeFile> healedResults = parseAll(healed);
        assertThat(healed.cacheStatistics().orElseThrow().hits()).isEqualTo(3);
        assertObservedEqual(fresh, healedResults);
    }

    @Test
    void anEntryRemovedAfterItsHeaderWasReadIsParsedAgainOnFirstUseOfTheData() throws Exception {
        List<RecipeFile> fresh = parseAll(load());
        List<RecipeFile> lazy = parseAll(load());
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            for (Path entry : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(entry);
            }
        }
        assertObservedEqual(fresh, lazy);
    }

    List<Path> cacheFiles(String suffixOrDir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffixOrDir)
                    || p.startsWith(cacheDir.resolve(suffixOrDir))).toList();
        }
    }

    @Nested
    class Datastores {
        @Test
        void aWholeTreeParseStoresNoDatastoreTheFirstUseParsesAgainOnceAndStoresThemForLaterRuns() throws Exception {
            List<RecipeFile> fresh = parseAll(load());
            assertThat(cacheFiles(".stores")).isEmpty();
            BuildDirectory first = load();
            List<RecipeFile> cached = parseAll(first);
            assertObservedEqual(fresh, cached);
            // beta has two variants: one parse gives both; gamma fails to parse and has none
            assertThat(first.cacheStatistics().orElseThrow().reparsed()).isEqualTo(2);
            assertThat(cacheFiles(".stores")).hasSize(2);
            assertThat(cacheFiles("strings")).isNotEmpty();
            BuildDirectory later = load();
            List<RecipeFile> stored = parseAll(later);
            assertObservedEqual(fresh, stored);
            assertThat(later.cacheStatistics().orElseThrow().reparsed()).isZero();
            assertThat(later.cacheStatistics().orElseThrow().corrupt()).isZero();
        }

        @Test
        void aDamagedDatastoreFileOrSharedStringIsReportedRemovedAndNeverGivesAWrongValue() throws Exception {
            List<RecipeFile> fresh = parseAll(load());
            for (RecipeFile f : parseAll(load())) {
                f.variants().values().forEach(Recipe::data);
            }
            for (List<Path> damagedFiles : List.of(cacheFiles(".stores").subList(0, 1), cacheFiles("strings"))) {
                assertThat(damagedFiles).isNotEmpty();
                for (Path p : damagedFiles) {
                    byte[] bytes = Files.readAllBytes(p);
                    bytes[bytes.length / 2] ^= 0x21;
                    Files.write(p, bytes);
                }
                BuildDirectory damaged = load();
                List<RecipeFile> again = parseAll(damaged);
                assertObservedEqual(fresh, again);
                assertThat(damaged.cacheStatistics().orElseThrow().corrupt()).isPositive();
                assertThat(damaged.cacheStatistics().orElseThrow().reparsed()).isPositive();
                BuildDirectory healed = load();
                List<RecipeFile> healedResults = parseAll(healed);
                assertObservedEqual(fresh, healedResults);
                assertThat(healed.cacheStatistics().orElseThrow().reparsed()).isZero();
                assertThat(healed.cacheStatistics().orElseThrow().corrupt()).isZero();
            }
        }

        @Test
        void theDatastoresOfAnOlderVersionOfAnEntryAreNotUsed() throws Exception {
            for (RecipeFile f : parseAll(load())) {
                f.variants().values().forEach(Recipe::data);
            }
            fixture.write("meta-a/classes-recipe/tool.bbclass", "TOOL_FLAGS = \"-z\"\n");
            RecipeFile alpha = parseAll(load()).stream().filter(f -> f.file().endsWith("alpha_1.0.bb")).findFirst()
                    .orElseThrow();
            BuildDirectory later = load();
            RecipeFile laterAlpha = parseAll(later).stream().filter(f -> f.file().endsWith("alpha_1.0.bb"))
                    .findFirst().orElseThrow();
            assertThat(Evaluations.get(laterAlpha.recipe(), "TOOL_FLAGS")).isEqualTo("-z");
            assertThat(later.cacheStatistics().orElseThrow().reparsed()).isEqualTo(1);
            assertThat(Evaluations.get(alpha.recipe(), "TOOL_FLAGS")).isEqualTo("-z");
        }
    }

    @Test
    void withoutACacheDirectoryNothingIsWritten() throws Exception {
        BuildDirectory build = BuildDirectory.builder(fixture.build).environment(Map.of()).load();
        parseAll(build);
        assertThat(build.cacheStatistics()).isEmpty();
        assertThat(cacheDir).doesNotExist();
    }

    /** Small helpers for reading values in assertions. */
    static final class Evaluations {
        private Evaluations() {
        }

        static String get(Recipe recipe, String var) {
            try {
                return recipe.data().getVar(var);
            } catch (ExpansionException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void theFixtureParsesAsExpected() throws Exception {
        BuildDirectory build = load();
        assertThat(build.recipeFiles()).hasSize(3);
        assertThat(build.appendsFor(fixture.file("meta-a/recipes/beta/beta_2.0.bb").toAbsolutePath()))
                .hasSize(1);
        List<RecipeFile> parsed = parseAll(build);
        RecipeFile gamma = parsed.stream().filter(f -> f.file().endsWith("gamma_1.0.bb")).findFirst().orElseThrow();
        assertThat(gamma.failure().kind()).isEqualTo("ParseError");
        RecipeFile alpha = parsed.stream().filter(f -> f.file().endsWith("alpha_1.0.bb")).findFirst().orElseThrow();
        assertThat(alpha.recipe().tasks()).containsExactly("do_build", "do_compile");
        assertThat(alpha.recipe().inherits()).containsExactly("base", "tracker", "tool");
        assertThat(Evaluations.get(alpha.recipe(), "GREETING")).isEqualTo("hello m1 from alpha");
        assertThat(Evaluations.get(alpha.recipe(), "FILE_LAYERNAME")).isEqualTo("a");
    }
}
