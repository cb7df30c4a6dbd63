package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parse cache and the configuration cache with Python evaluated: recipes whose datastores hold Python objects
 * (plain data, instances of a layer library's classes holding {@code d}, values no cache can hold) give the same
 * results from the cache as parsed afresh, and a changed configuration file, class or library module is seen.
 * Each load uses a new evaluator, as a new process would.
 */
class PythonParseCacheTest {

    @TempDir
    Path tmp;

    Path root;
    Path build;
    Path cacheDir;

    @BeforeEach
    void setUp() {
        root = tmp.resolve("tree");
        build = root.resolve("build");
        cacheDir = tmp.resolve("cache");
        write("build/conf/bblayers.conf", """
                BBPATH = "${TOPDIR}"
                BBFILES ?= ""
                BBLAYERS ?= "${TOPDIR}/../meta-p"
                """);
        write("build/conf/local.conf", """
                MACHINE = "m1"
                INHERIT += "objects"
                """);
        write("meta-p/conf/layer.conf", """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/recipes/*/*.bb"
                BBFILE_COLLECTIONS += "p"
                BBFILE_PATTERN_p = "^${LAYERDIR}/"
                BBFILE_PRIORITY_p = "5"
                LAYERSERIES_CORENAMES = "s1"
                LAYERSERIES_COMPAT_p = "s1"
                addpylib ${LAYERDIR}/lib plib
                """);
        write("meta-p/lib/plib/__init__.py", """
                BBIMPORTS = ["shapes"]
                """);
        write("meta-p/lib/plib/shapes.py", """
                class Extender(object):
                    def __init__(self, name, d):
                        self.name = name
                        self.d = d
                        self.seen = []
                        d.setVar("EXTENDER", self)

                    def extend(self, word):
                        self.seen.append(word)
                        return self.name + "-" + word + "-" + self.d.getVar("PN")

                def label(d):
                    return "label:" + d.getVar("PN")

                VERSION = "1"
                """);
        write("meta-p/conf/bitbake.conf", """
                include conf/local.conf
                PN ?= "unnamed"
                OVERRIDES = "${MACHINE}:${CLASSOVERRIDE}"
                CLASSOVERRIDE ?= "class-target"
                MACHINE_UPPER = "${@d.getVar('MACHINE').upper()}"
                STAMP := "${@time.time()}"
                LABEL = "${@plib.shapes.label(d)}"
                LIBVERSION := "${@plib.shapes.VERSION}"
                """);
        write("meta-p/classes-global/base.bbclass", """
                def base_greeting(d):
                    return "hello " + d.getVar("PN")
                GREETING = "${@base_greeting(d)}"
                GREETING_NOW := "${@base_greeting(d)}"
                do_build() {
                \techo build ${PN}
                }
                addtask build
                """);
        write("meta-p/classes-global/objects.bbclass", """
                def objects_word(d):
                    return "w" + d.getVar("PN")
                python () {
                    table = {"licenses": {"MIT": {"name": "MIT License", "osi": True}}, "version": 3.5,
                             "ids": (1, 2, None), "big": 2 ** 80, "tags": {"a", "b"}, "raw": b"bytes"}
                    d.setVar("TABLE", table)
                    shared = [1, 2]
                    d.setVar("PAIR", {"left": shared, "right": shared})
                    d.setVar("COUNT", 3)
                    d.setVar("ENABLED", True)
                    d.setVar("RATIO", 0.5)
                    d.setVarFlag("do_build", "nice", 5)
                }
                WORD = "${@objects_word(d)}"
                """);
        write("meta-p/classes-recipe/extend.bbclass", """
                python () {
                    plib.shapes.Extender("ext", d)
                }
                EXTENDED = "${@d.getVar('EXTENDER').extend('x')}"
                """);
        write("meta-p/classes-recipe/native.bbclass", """
                CLASSOVERRIDE = "class-native"
                """);
        write("meta-p/classes-recipe/unstorable.bbclass", """
                python () {
                    d.setVar("CALLBACK", lambda: d.getVar("PN") + "!")
                }
                CALLED = "${@d.getVar('CALLBACK')()}"
                """);
        write("meta-p/recipes/alpha/alpha_1.0.bb", """
                PN = "alpha"
                inherit extend
                BBCLASSEXTEND = "native"
                """);
        write("meta-p/recipes/beta/beta_1.0.bb", """
                PN = "beta"
                inherit unstorable
                """);
        write("meta-p/recipes/gamma/gamma_1.0.bb", """
                PN = "gamma"
                RLIB := "${@plib.shapes.VERSION}"
                """);
    }

    void write(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BuildDirectory load(boolean cached) {
        BuildDirectory.Builder b = BuildDirectory.builder(build).environment(Map.of())
                .python(PythonEvaluator.builtin());
        return (cached ? b.parseCache(cacheDir) : b).load();
    }

    List<RecipeFile> parseAll(BuildDirectory b) throws InterruptedException {
        assertThat(b.failure()).isEmpty();
        return b.parseAll(2);
    }

    /**
     * Every variable of every variant, with its expanded value, except the load's time stamp; a Python object
     * value is shown as its {@code repr} (the store holds a token naming it, which differs between processes).
     */
    static Map<String, Object> observe(RecipeFile file) throws ExpansionException {
        Map<String, Object> seen = ParseCacheTest.observe(file);
        seen.keySet().removeIf(k -> k.contains("]STAMP"));
        for (Recipe r : file.variants().values()) {
            for (String key : List.of("TABLE", "PAIR", "EXTENDER", "CALLBACK")) {
                String v = "[" + r.variant() + "]" + key;
                if (seen.containsKey(v)) {
                    String repr = key.equals("EXTENDER") ? "${@sorted(vars(d.getVar('EXTENDER')).keys())}"
                            : key.equals("CALLBACK") ? "${@type(d.getVar('CALLBACK')).__name__}"
                            : "${@repr(d.getVar('" + key + "'))}";
                    seen.put(v, r.data().expand(repr));
                    seen.put(v + "!", seen.get(v));
                }
            }
        }
        return seen;
    }

    static String get(Recipe r, String expression) {
        try {
            return r.data().expand(expression);
        } catch (ExpansionException e) {
            throw new AssertionError(e);
        }
    }

    static Recipe recipe(List<RecipeFile> files, String name, String variant) {
        return files.stream().filter(f -> f.file().endsWith("/" + name)).findFirst().orElseThrow().variant(variant);
    }

    @Test
    void cachedRecipesHoldingPythonObjectsEqualFreshOnes() throws Exception {
        List<RecipeFile> fresh = parseAll(load(false));
        parseAll(load(true));
        BuildDirectory second = load(true);
        List<RecipeFile> cached = parseAll(second);
        assertThat(second.cacheStatistics().orElseThrow().hits()).isEqualTo(3);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(observe(cached.get(i))).isEqualTo(observe(fresh.get(i)));
        }
        List<List<String>> results = new java.util.ArrayList<>();
        for (List<RecipeFile> files : List.of(fresh, cached)) {
            Recipe alpha = recipe(files, "alpha_1.0.bb", "");
            List<String> r = new java.util.ArrayList<>();
            r.add(get(alpha, "${EXTENDED}"));
            r.add(get(alpha, "${@d.getVar('EXTENDER').d.getVar('PN')}"));
            r.add(get(alpha, "${@d.getVar('EXTENDER').d.getVar('FILE') == d.getVar('FILE')}"));
            r.add(get(recipe(files, "alpha_1.0.bb", "native"), "${EXTENDED}"));
            r.add(get(alpha, "${@d.getVar('TABLE')['licenses']['MIT']['name']}"));
            r.add(get(alpha, "${@repr(sorted(d.getVar('TABLE').items()))}"));
            // one list held twice stays one list, and what a Python function mutates stays mutated
            r.add(get(alpha, "${@d.getVar('PAIR')['left'] is d.getVar('PAIR')['right']}"));
            r.add(get(alpha, "${@d.getVar('EXTENDER').seen}"));
            r.add(get(recipe(files, "beta_1.0.bb", ""), "${CALLED}"));
            r.add(get(recipe(files, "gamma_1.0.bb", ""), "${GREETING} ${WORD} ${LABEL}"));
            results.add(r);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(0)).startsWith("ext-x-alpha", "alpha", "True", "ext-x-alpha-native", "MIT License",
                "[('big', 1208925819614629174706176), ('ids', (1, 2, None)), ('licenses', {'MIT': {'name': "
                        + "'MIT License', 'osi': True}}), ('raw', b'bytes'), ('tags', {'a', 'b'}), "
                        + "('version', 3.5)]", "True");
        assertThat(results.get(0)).endsWith("beta!", "hello gamma wgamma label:gamma");
    }

    @Test
    void intsBoolsAndFloatsStoredFromPythonKeepTheirTypesThroughTheCache() throws Exception {
        List<RecipeFile> fresh = parseAll(load(false));
        parseAll(load(true));
        BuildDirectory second = load(true);
        List<RecipeFile> cached = parseAll(second);
        assertThat(second.cacheStatistics().orElseThrow().hits()).isEqualTo(3);
        for (List<RecipeFile> files : List.of(fresh, cached)) {
            RecipeFile gamma = files.stream().filter(f -> f.file().endsWith("/gamma_1.0.bb")).findFirst()
                    .orElseThrow();
            Recipe r = gamma.variant("");
            assertThat(get(r, "${@d.getVar('COUNT') + 1} ${@d.getVar('ENABLED') is True} "
                    + "${@repr(d.getVar('RATIO'))} ${@d.getVarFlag('do_build', 'nice') * 2}"))
                    .isEqualTo("4 True 0.5 10");
            assertThat(GetvarAnswers.answer(gamma, "", "COUNT")).isEqualTo(3L);
            assertThat(GetvarAnswers.answer(gamma, "", "ENABLED")).isEqualTo(true);
            assertThat(GetvarAnswers.answer(gamma, "", "RATIO")).isEqualTo(0.5);
            assertThat(GetvarAnswers.answer(gamma, "", "do_build[nice]")).isEqualTo(5L);
            // as in BitBake, such a value is not text: ${COUNT} does not expand
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.data().expand("n=${COUNT}"))
                    .isInstanceOf(ExpansionException.class).hasMessageContaining("expected str instance, int found");
        }
    }

    @Test
    void whatPythonChangesInOneLoadsObjectsIsNotSeenByALaterLoad() throws Exception {
        parseAll(load(true));
        parseAll(load(true));
        List<RecipeFile> first = parseAll(load(true));
        Recipe a = recipe(first, "gamma_1.0.bb", "");
        get(a, "${@d.getVar('PAIR')['left'].append(3)}");
        assertThat(get(a, "${@d.getVar('PAIR')['right']}")).isEqualTo("[1, 2, 3]");
        // a later load in this process (a command server's next command) sees the stored objects as they were
        List<RecipeFile> second = parseAll(load(true));
        Recipe b = recipe(second, "gamma_1.0.bb", "");
        assertThat(b).isNotSameAs(a);
        assertThat(get(b, "${@d.getVar('PAIR')['right']}")).isEqualTo("[1, 2]");
    }

    @Test
    void aWarmRunNeedingNoPythonDoesNotEvaluateTheConfigurationAndOneThatDoesGivesTheSameValues()
            throws Exception {
        List<RecipeFile> fresh = parseAll(load(false));
        parseAll(load(true));
        BuildDirectory warm = load(true);
        List<RecipeFile> cached = parseAll(warm);
        assertThat(warm.cacheStatistics().orElseThrow().configurationCached()).isTrue();
        // Python that needs nothing of the configuration's context runs without it
        assertThat(warm.data().getVar("MACHINE_UPPER")).isEqualTo("M1");
        for (RecipeFile f : cached) {
            for (Recipe r : f.variants().values()) {
                assertThat(r.cacheInfo()).isNotEmpty();
            }
        }
        assertThat(warm.configuration().loader().configurationEvaluated()).isFalse();
        // the configuration's own Python context (the library, base_greeting) is built on first use
        assertThat(warm.data().getVar("LABEL")).isEqualTo("label:unnamed");
        assertThat(warm.configuration().loader().configurationEvaluated()).isTrue();
        assertThat(warm.data().getVar("GREETING")).isEqualTo("hello unnamed");
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(observe(cached.get(i))).isEqualTo(observe(fresh.get(i)));
        }
    }

    BuildDirectory loadIn(String pwd) {
        return BuildDirectory.builder(build).environment(Map.of("PWD", pwd)).python(PythonEvaluator.builtin())
                .parseCache(cacheDir).load();
    }

    @Test
    void startingInAnotherDirectoryKeepsTheCachesAndGivesTheNewWorkingDirectory() throws Exception {
        parseAll(loadIn("/first"));
        BuildDirectory other = loadIn("/second");
        parseAll(other);
        assertThat(other.cacheStatistics().orElseThrow()).satisfies(s -> {
            assertThat(s.configurationCached()).isTrue();
            assertThat(s.hits()).isEqualTo(3);
        });
        assertThat(other.data().getVar("PWD")).isEqualTo("/second");
        assertThat(other.data().getVarFlag("PWD", "export", false)).isEqualTo("1");
        assertThat(loadIn("/first").data().getVar("PWD")).isEqualTo("/first");
        // a configuration that sets PWD itself keeps its value
        write("build/conf/local.conf", """
                MACHINE = "m1"
                INHERIT += "objects"
                PWD = "/fixed"
                """);
        loadIn("/first");
        assertThat(loadIn("/second").data().getVar("PWD")).isEqualTo("/fixed");
    }

    @Test
    void aTimeValuedImmediateAssignmentIsComputedAgainOnEveryLoad() throws Exception {
        BuildDirectory first = load(true);
        double recorded = Double.parseDouble(first.data().getVar("STAMP"));
        Thread.sleep(30);
        BuildDirectory second = load(true);
        double now = Double.parseDouble(second.data().getVar("STAMP"));
        assertThat(now).isGreaterThan(recorded);
    }

    @Nested
    class Invalidation {
        List<RecipeFile> afterChange(Runnable change) throws Exception {
            parseAll(load(true));
            parseAll(load(true));
            change.run();
            BuildDirectory again = load(true);
            List<RecipeFile> cached = parseAll(again);
            assertThat(again.cacheStatistics().orElseThrow().configurationCached()).isFalse();
            List<RecipeFile> fresh = parseAll(load(false));
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(observe(cached.get(i))).isEqualTo(observe(fresh.get(i)));
            }
            return cached;
        }

        @Test
        void aChangedConfigurationFileIsEvaluatedAgain() throws Exception {
            List<RecipeFile> files = afterChange(() -> write("build/conf/local.conf", """
                    MACHINE = "m2"
                    INHERIT += "objects"
                    """));
            assertThat(recipe(files, "gamma_1.0.bb", "").data().getVar("MACHINE_UPPER")).isEqualTo("M2");
        }

        @Test
        void aChangedGlobalClassIsEvaluatedAgain() throws Exception {
            List<RecipeFile> files = afterChange(() -> write("meta-p/classes-global/base.bbclass", """
                    def base_greeting(d):
                        return "hi " + d.getVar("PN")
                    GREETING = "${@base_greeting(d)}"
                    GREETING_NOW := "${@base_greeting(d)}"
                    do_build() {
                    \techo build ${PN}
                    }
                    addtask build
                    """));
            assertThat(get(recipe(files, "gamma_1.0.bb", ""), "${GREETING} ${GREETING_NOW}"))
                    .isEqualTo("hi gamma hi unnamed");
        }

        @Test
        void aChangedLibraryModuleIsLoadedAgain() throws Exception {
            List<RecipeFile> files = afterChange(() -> write("meta-p/lib/plib/shapes.py", """
                    class Extender(object):
                        def __init__(self, name, d):
                            self.name = name
                            self.d = d
                            self.seen = []
                            d.setVar("EXTENDER", self)

                        def extend(self, word):
                            return self.name + "+" + word

                    def label(d):
                        return "LABEL:" + d.getVar("PN")

                    VERSION = "2"
                    """));
            assertThat(get(recipe(files, "gamma_1.0.bb", ""), "${LABEL} ${LIBVERSION} ${RLIB}"))
                    .isEqualTo("LABEL:gamma 2 2");
            assertThat(get(recipe(files, "alpha_1.0.bb", ""), "${EXTENDED}")).isEqualTo("ext+x");
        }

        @Test
        void aNewLibraryModuleCounts() throws Exception {
            afterChange(() -> write("meta-p/lib/plib/extra.py", "X = 1\n"));
            BuildDirectory again = load(true);
            parseAll(again);
            assertThat(again.cacheStatistics().orElseThrow()).satisfies(s -> {
                assertThat(s.hits()).isEqualTo(3);
                assertThat(s.configurationCached()).isTrue();
            });
        }

        @Test
        void aConfigurationThatCreatesWhatItProbesIsKeyedAsTheNextRunWillKeyIt() throws Exception {
            // as poky's HOSTTOOLS_DIR links, made by a ConfigParsed handler on a build directory's first run
            Path base = root.resolve("meta-p/classes-global/base.bbclass");
            write("meta-p/classes-global/base.bbclass", Files.readString(base) + """
                    addhandler make_dir
                    make_dir[eventmask] = "bb.event.ConfigParsed"
                    python make_dir() {
                        import os
                        p = os.path.join(d.getVar('TOPDIR'), 'made-by-config')
                        if not os.path.exists(p):
                            bb.utils.mkdirhier(p)
                    }
                    """);
            BuildDirectory first = load(true);
            parseAll(first);
            assertThat(build.resolve("made-by-config")).isDirectory();
            BuildDirectory second = load(true);
            parseAll(second);
            assertThat(second.cacheStatistics().orElseThrow()).satisfies(s -> {
                assertThat(s.hits()).isEqualTo(3);
                assertThat(s.misses()).isZero();
                assertThat(s.configurationCached()).isTrue();
            });
        }

        @Test
        void anUnchangedTreeIsServedFromTheCaches() throws Exception {
            parseAll(load(true));
            BuildDirectory again = load(true);
            parseAll(again);
            assertThat(again.cacheStatistics().orElseThrow()).satisfies(s -> {
                assertThat(s.hits()).isEqualTo(3);
                assertThat(s.misses()).isZero();
                assertThat(s.configurationCached()).isTrue();
            });
        }
    }

    @Nested
    class Corruption {
        List<Path> files(String under) throws IOException {
            Path dir = cacheDir.resolve(under);
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(Files::isRegularFile).toList();
            }
        }

        @Test
        void aCorruptConfigurationEntryIsEvaluatedAgainAndRewritten() throws Exception {
            List<RecipeFile> fresh = parseAll(load(false));
            parseAll(load(true));
            List<Path> entries = files("config");
            assertThat(entries).hasSize(1);
            byte[] bytes = Files.readAllBytes(entries.get(0));
            bytes[bytes.length / 3] ^= 0x21;
            Files.write(entries.get(0), bytes);
            BuildDirectory damaged = load(true);
            List<RecipeFile> cached = parseAll(damaged);
            assertThat(damaged.data().getVar("MACHINE_UPPER")).isEqualTo("M1");
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(observe(cached.get(i))).isEqualTo(observe(fresh.get(i)));
            }
            assertThat(Files.readAllBytes(entries.get(0))).isNotEqualTo(bytes);
        }

        @Test
        void aTruncatedConfigurationEntryIsEvaluatedAgain() throws Exception {
            parseAll(load(true));
            Path entry = files("config").get(0);
            Files.write(entry, new byte[] {0x42, 0x5a});
            BuildDirectory damaged = load(true);
            assertThat(damaged.failure()).isEmpty();
            assertThat(damaged.data().getVar("GREETING")).isEqualTo("hello unnamed");
        }

        @Test
        void aCorruptStoredObjectMakesTheRecipeParseAgainNeverAWrongValue() throws Exception {
            List<RecipeFile> fresh = parseAll(load(false));
            // the datastores (and their objects) are stored when first read
            for (RecipeFile f : parseAll(load(true))) {
                f.variants().values().forEach(Recipe::data);
            }
            List<Path> objects = files("objects");
            assertThat(objects).isNotEmpty();
            for (Path o : objects) {
                byte[] bytes = Files.readAllBytes(o);
                bytes[bytes.length - 1] ^= 0x01;
                Files.write(o, bytes);
            }
            BuildDirectory damaged = load(true);
            List<RecipeFile> cached = parseAll(damaged);
            for (int i = 0; i < fresh.size(); i++) {
                assertThat(observe(cached.get(i))).isEqualTo(observe(fresh.get(i)));
            }
            assertThat(damaged.cacheStatistics().orElseThrow().corrupt()).isPositive();
            Recipe alpha = recipe(cached, "alpha_1.0.bb", "");
            assertThat(get(alpha, "${EXTENDED}")).isEqualTo("ext-x-alpha");
        }
    }

    @Test
    void theStoresOfTheCachedConfigurationAndOfAFreshOneAreEqual() throws Exception {
        DataStore fresh = load(false).data();
        load(true);
        DataStore cached = load(true).data();
        for (String key : fresh.keys()) {
            if (!key.equals("STAMP")) {
                assertThat(cached.getVarFlags(key, false)).as(key).isEqualTo(fresh.getVarFlags(key, false));
                assertThat(cached.getVar(key, false)).as(key).isEqualTo(fresh.getVar(key, false));
            }
        }
        assertThat(cached.keys()).containsExactlyInAnyOrderElementsOf(fresh.keys());
    }
}
