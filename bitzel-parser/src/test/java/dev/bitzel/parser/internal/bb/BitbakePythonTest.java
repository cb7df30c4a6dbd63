package dev.bitzel.parser.internal.bb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.parser.Configuration;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values recorded from BitBake 2.8.1 (bitbake-getvar-oracle) on the same recipe. */
class BitbakePythonTest {
    private static final String RECIPE = """
            DISTRO_FEATURES = "x11 wayland opengl"
            A = "${@bb.utils.contains('DISTRO_FEATURES', 'x11 opengl', 'yes', 'no', d)}"
            B = "${@bb.utils.contains('DISTRO_FEATURES', ['x11', 'vulkan'], 'yes', 'no', d)}"
            C = "${@bb.utils.contains_any('DISTRO_FEATURES', 'vulkan opengl', 'yes', 'no', d)}"
            E = "${@bb.utils.filter('DISTRO_FEATURES', 'wayland x11 bluetooth', d)}"
            F = "${@bb.parse.vars_from_file(d.getVar('FILE', False), d)}"
            G = "${@'%s-%d' % (d.getVar('PN') or 'none', len(d.getVar('DISTRO_FEATURES').split()))}"
            H = "${@bb.utils.to_boolean('yes')} ${@bb.utils.vercmp_string('1.10', '1.9')}"
            I = "${@undefined_name}"
            PLUGINS = "good-bad-ugly"
            J = "${@'ugly-selected' if 'ugly' in PLUGINS.split('-') else 'none'} ${@len(DISTRO_FEATURES.split())}"
            TABBED = "a\tb  c"
            EMPTY = ""
            K = "${@bb.utils.contains('DISTRO_FEATURES', 'x1', 'yes', 'no', d)}"
            L = "${@bb.utils.contains('TABBED', 'b c', 'yes', 'no', d)}"
            M = "${@bb.utils.contains('EMPTY', '', 'yes', 'no', d)}"
            N = "${@bb.utils.contains_any('DISTRO_FEATURES', ['opengl x11'], 'yes', 'no', d)}"
            O = "${@bb.utils.contains('DISTRO_FEATURES', '', 'yes', 'no', d)}"
            P = "${@bb.utils.contains_any('DISTRO_FEATURES', '', 'yes', 'no', d)}"
            Q = "${@bb.utils.contains('DISTRO_FEATURES', 'opengl', 'yes', 'no', d)}"
            python () {
                d.setVar("FROM_ANON", d.getVar("A") + "!")
                d.appendVar("DISTRO_FEATURES", " anon")
            }
            """;

    @TempDir
    Path dir;

    /** Parses a lone recipe in {@link #dir}, Python evaluated by the built-in interpreter. */
    private RecipeFile parse(Path recipe) throws IOException {
        return Configuration.ofConfFiles(dir.toString(), List.of(), PythonEvaluator.builtin()).parseRecipe(recipe);
    }

    Recipe parse() throws IOException {
        Path recipe = dir.resolve("foo_1.2_r3.bb");
        Files.writeString(recipe, RECIPE);
        RecipeFile file = parse(recipe);
        assertThat(file.failed()).isEmpty();
        return file.recipe();
    }

    @Test
    void inlinePythonGetsBitbakesValues() throws Exception {
        Recipe r = parse();
        assertThat(r.data().getVar("A")).isEqualTo("yes");
        assertThat(r.data().getVar("B")).isEqualTo("no");
        assertThat(r.data().getVar("C")).isEqualTo("yes");
        assertThat(r.data().getVar("E")).isEqualTo("wayland x11");
        assertThat(r.data().getVar("F")).isEqualTo("['foo', '1.2', 'r3']");
        assertThat(r.data().getVar("G")).isEqualTo("none-4");
        assertThat(r.data().getVar("H")).isEqualTo("True 1");
    }

    @Test
    void containsMatchesWholeWordsAsSetsOfSplitWordsDo() throws Exception {
        Recipe r = parse();
        assertThat(r.data().getVar("K")).as("a word's prefix").isEqualTo("no");
        assertThat(r.data().getVar("L")).as("tab and double space separate words").isEqualTo("yes");
        assertThat(r.data().getVar("M")).as("an empty variable is false").isEqualTo("no");
        assertThat(r.data().getVar("N")).as("a list item holding a space is no word").isEqualTo("no");
        assertThat(r.data().getVar("O")).as("nothing wanted is a subset").isEqualTo("yes");
        assertThat(r.data().getVar("P")).as("nothing wanted meets nothing").isEqualTo("no");
        assertThat(r.data().getVar("Q")).as("the last word").isEqualTo("yes");
    }

    @Test
    void namesInInlinePythonReadVariablesAsBitbakesDataContextDoes() throws Exception {
        // bb.data_smart evaluates ${@...} with a DataContext whose __missing__ reads the variable; poky relies on it
        // (gstreamer1.0-meta-base.bb reads COMMERCIAL_PLUGINS that way).
        Recipe r = parse();
        assertThat(r.data().getVar("J")).isEqualTo("ugly-selected 4");
    }

    @Test
    void anonymousFunctionsRunAtFinalizationWithTheRecipesStore() throws Exception {
        Recipe r = parse();
        assertThat(r.data().getVar("FROM_ANON")).isEqualTo("yes!");
        assertThat(r.data().getVar("DISTRO_FEATURES")).isEqualTo("x11 wayland opengl anon");
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void aPythonErrorIsAnExpansionErrorNamingTheExceptionAndTheChain() throws Exception {
        Recipe r = parse();
        assertThatThrownBy(() -> r.data().getVar("I")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("NameError: name 'undefined_name' is not defined")
                .hasMessageContaining("dependency chain for the failure is: I");
    }

    @Test
    void whichAndUnameAnswerAboutTheBuildHostAsBitbakeDoes() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/tool"), "x");
        Path recipe = dir.resolve("w.bb");
        Files.writeString(recipe, """
                P = "%1$s/a:%1$s/b"
                W = "${@bb.utils.which(d.getVar('P'), 'tool')}"
                H = "${@bb.utils.which(d.getVar('P'), 'none', history=True)[1]}"
                M = "${@os.uname()[4]}"
                T = "${@type(time).__name__}"
                D = "${@time.strftime('%%Y%%m%%d %%H:%%M:%%S %%j %%a %%b', time.gmtime(1700000000))}"
                """.formatted(dir));
        Recipe r = parse(recipe).recipe();
        assertThat(r.data().getVar("W")).isEqualTo(dir + "/b/tool");
        assertThat(r.data().getVar("H")).isEqualTo("['" + dir + "/a/none', '" + dir + "/b/none']");
        assertThat(r.data().getVar("M")).isEqualTo(System.getProperty("os.arch").equals("amd64") ? "x86_64"
                : System.getProperty("os.arch"));
        assertThat(r.data().getVar("T")).isEqualTo("module");
        // CPython: time.strftime('%Y%m%d %H:%M:%S %j %a %b', time.gmtime(1700000000))
        assertThat(r.data().getVar("D")).isEqualTo("20231114 22:13:20 318 Tue Nov");
    }

    @Test
    void aFailingAnonymousFunctionFailsTheRecipeNamingTheMissingApi() throws Exception {
        Path recipe = dir.resolve("bar.bb");
        Files.writeString(recipe, "python () {\n    d.setVar('X', bb.no_such_api())\n}\n");
        RecipeFile file = parse(recipe);
        assertThat(file.failed()).hasValueSatisfying(f -> {
            assertThat(f.file()).endsWith("bar.bb");
            assertThat(f.message()).contains("bar.bb:1").contains("bb.no_such_api");
        });
    }

    /** Expected values: bitbake-getvar-oracle (BitBake 2.8.1) on the same files, TOPDIR not a git checkout. */
    @Test
    void fetcherProcessBuildAndDataApisAnswerAsBitbake() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("classes/myclass.bbclass"), "MYCLASS = \"1\"\n");
        Path recipe = dir.resolve("recipe.bb");
        Files.writeString(recipe, """
                inherit myclass
                SRC_URI = "git://example.com/repo.git;protocol=https;branch=main file://a.patch"
                U1 = "${@bb.fetch2.decodeurl('https://user:pw@example.com/x/y%20z.tar.gz;name=foo;sha256sum=ab')}"
                U2 = "${@bb.fetch2.encodeurl(('git', 'example.com', '/a//b c', '', '', {'protocol': 'https'}))}"
                U3 = "${@bb.fetch2.decodeurl('file://dir/a.patch;apply=no')}"
                IC = "${@bb.data.inherits_class('myclass', d)} ${@bb.data.inherits_class('other', d)}"
                python () {
                    import bb.process
                    try:
                        out, _ = bb.process.run('git rev-parse --abbrev-ref HEAD', cwd=d.getVar('TOPDIR') or '/')
                        d.setVar('BRANCH', out.strip())
                    except bb.process.ExecutionError as e:
                        d.setVar('BRANCH', '<unknown>')
                        d.setVar('CODE', str(e.exitcode))
                    bb.build.addtask('do_extra', 'do_build', 'do_compile', d)
                    uri = bb.fetch.URI(d.getVar('SRC_URI').split()[0])
                    d.setVar('SCHEME', uri.scheme + ' ' + uri.path + ' ' + uri.params.get('branch'))
                    deps = bb.utils.explode_dep_versions2('a (>= 1.0) b c (< 2)')
                    d.setVar('JOINED', bb.utils.join_deps(deps))
                }
                addtask compile
                addtask build after do_compile
                """);
        org.junit.jupiter.api.Assumptions.assumeFalse(ParseTimeProcess.insideGitWorkTree(dir),
                "the temporary directory is inside a git checkout");
        RecipeFile file = parse(recipe);
        assertThat(file.failed()).isEmpty();
        Recipe r = file.recipe();
        assertThat(r.data().getVar("U1")).isEqualTo("('https', 'example.com', '/x/y z.tar.gz', 'user', 'pw', "
                + "OrderedDict([('name', 'foo'), ('sha256sum', 'ab')]))");
        assertThat(r.data().getVar("U2")).isEqualTo("git://example.com/a/b%20c;protocol=https");
        assertThat(r.data().getVar("U3")).isEqualTo("('file', '', 'dir/a.patch', '', '', "
                + "OrderedDict([('apply', 'no')]))");
        assertThat(r.data().getVar("IC")).isEqualTo("True False");
        assertThat(r.data().getVar("BRANCH")).isEqualTo("<unknown>");
        assertThat(r.data().getVar("CODE")).isEqualTo("128");
        assertThat(r.data().getVar("SCHEME")).isEqualTo("git /repo.git main");
        assertThat(r.data().getVar("JOINED")).isEqualTo("a (>= 1.0), b, c (< 2)");
        assertThat(r.tasks()).containsExactly("do_compile", "do_build", "do_extra");
        assertThat(r.taskDependencies().get("do_extra")).containsExactly("do_compile");
        assertThat(r.taskDependencies().get("do_build")).containsExactlyInAnyOrder("do_extra", "do_compile");
    }

    @Test
    void tasksbetweenAndDepsFlagsReadTheTaskListAfterParsingAsBitbakeDoes() throws Exception {
        Path recipe = dir.resolve("t.bb");
        Files.writeString(recipe, """
                python do_a() {
                }
                python do_b() {
                }
                python do_c() {
                }
                python do_x() {
                }
                python do_build() {
                }
                addtask a
                addtask b after do_a
                addtask c after do_b
                addtask x after do_a before do_build
                addtask build after do_c
                BETWEEN = "${@' '.join(bb.build.tasksbetween('do_a', 'do_build', d))}"
                BETWEEN_BC = "${@' '.join(bb.build.tasksbetween('do_b', 'do_c', d))}"
                DEPS_C = "${@' '.join(d.getVarFlag('do_c', 'deps', False))}"
                TASKS = "${@' '.join(d.getVar('__BBTASKS', False))}"
                """);
        Recipe r = parse(recipe).recipe();
        // what BitBake 2.8.1 gives (bitbake-getvar-oracle): the end task is part of the chain, and the [deps] flags
        // and the task list are in the datastore after parsing, where inline Python expanded later reads them
        assertThat(r.data().getVar("BETWEEN")).isEqualTo("do_a do_b do_c do_build do_x");
        assertThat(r.data().getVar("BETWEEN_BC")).isEqualTo("do_b do_c");
        assertThat(r.data().getVar("DEPS_C")).isEqualTo("do_b");
        assertThat(r.data().getVar("TASKS")).isEqualTo("do_a do_b do_c do_x do_build");
    }

    @Test
    void anEvaluatorNoLongerUsedIsCollectedWithTheObjectsItsParsesStored() throws Exception {
        // an object that refers to its own store (as nativesdk's class extender does) kept a registry entry, and
        // through it the store, the evaluator and its runtime, alive for ever: a command server grew by every
        // evaluator it made
        Path recipe = dir.resolve("holder.bb");
        Files.writeString(recipe, """
                python () {
                    class Holder:
                        def __init__(self, d):
                            self.d = d
                    d.setVar('HOLDER', Holder(d))
                    d.setVar('SEEN', d.getVar('HOLDER').d.getVar('PN'))
                }
                PN = "holder"
                """);
        java.lang.ref.WeakReference<PythonEvaluator> evaluator = parseAndForget(recipe);
        for (int i = 0; i < 200 && evaluator.get() != null; i++) {
            System.gc();
            Thread.sleep(5);
        }
        assertThat(evaluator.get()).as("the evaluator, reachable only through objects its parse stored").isNull();
    }

    private java.lang.ref.WeakReference<PythonEvaluator> parseAndForget(Path recipe) throws IOException,
            ExpansionException {
        PythonEvaluator python = PythonEvaluator.builtin();
        Recipe r = Configuration.ofConfFiles(dir.toString(), List.of(), python).parseRecipe(recipe).recipe();
        assertThat(r.data().getVar("SEEN")).isEqualTo("holder");
        assertThat(BitbakePython.isObjectToken(r.data().getVar("HOLDER", false))).isTrue();
        return new java.lang.ref.WeakReference<>(python);
    }

    @Test
    void skipRecipeSkipsWithBitbakesReason() throws Exception {
        Path recipe = dir.resolve("skip.bb");
        Files.writeString(recipe, """
                python () {
                    if d.getVar('WANT') != 'yes':
                        raise bb.parse.SkipRecipe("WANT is not yes")
                }
                """);
        RecipeFile file = parse(recipe);
        assertThat(file.failed()).isEmpty();
        assertThat(file.recipe().skipped()).contains("WANT is not yes");
        assertThat(file.recipe().data().getVar("__SKIPPED")).isEqualTo("WANT is not yes");
    }

    /** A handler that appends the name of each event it gets to SEEN, for the events {@code mask} names. */
    private static String seenHandler(String mask) {
        return """
                python pre_handler() {
                    d.setVar('SEEN', (d.getVar('SEEN') or '') + ' ' + bb.event.getName(e))
                }
                pre_handler[eventmask] = "%s"
                addhandler pre_handler
                """.formatted(mask);
    }

    @Test
    void eventHandlersRunForTheEventsTheirMaskNamesAndAFailingOneFailsTheRecipe() throws Exception {
        Path recipe = dir.resolve("h.bb");
        Files.writeString(recipe, seenHandler("bb.event.RecipePreFinalise bb.event.RecipeParsed") + """
                python all_handler() {
                    if isinstance(e, bb.event.RecipeTaskPreProcess):
                        d.setVar('TASKS', ' '.join(e.tasklist))
                }
                addhandler all_handler
                addtask compile
                """);
        Recipe r = parse(recipe).recipe();
        assertThat(r.data().getVar("SEEN")).isEqualTo(" RecipePreFinalise RecipeParsed");
        assertThat(r.data().getVar("TASKS")).isEqualTo("do_compile");

        Path failing = dir.resolve("f.bb");
        Files.writeString(failing, """
                python boom() {
                    raise ValueError('no')
                }
                boom[eventmask] = "bb.event.RecipePreFinalise"
                addhandler boom
                """);
        RecipeFile file = parse(failing);
        assertThat(file.failed()).hasValueSatisfying(f -> assertThat(f.message())
                .contains("Execution of event handler 'boom'").contains("ValueError: no"));
    }

    @Test
    void inheritsClassMatchesTheEndOfAnInheritedFileForTheStoreAndForAnyObjectWithGetVar() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("classes/my-class.bbclass"), "");
        Files.writeString(dir.resolve("classes/class.bbclass"), "");
        Path recipe = dir.resolve("ic.bb");
        Files.writeString(recipe, """
                inherit my-class
                IC = "${@bb.data.inherits_class('my-class', d)} ${@bb.data.inherits_class('class', d)}"
                IC += "${@bb.data.inherits_class('my', d)} ${@bb.data.inherits_class('my-class.bbclass', d)}"
                IC += "${@bb.data.inherits_class('my class', d)}"
                python () {
                    class Fake:
                        def getVar(self, name, expand=True):
                            return {'__inherit_cache': ('/l/classes/native.bbclass', 'x/foo.bbclass')}.get(name)
                    class Empty:
                        def getVar(self, name, expand=True):
                            return None
                    d.setVar('FAKE', ' '.join(str(bb.data.inherits_class(k, o))
                                              for k, o in (('native', Fake()), ('foo', Fake()), ('oo', Fake()),
                                                           ('native', Empty()))))
                }
                """);
        Recipe r = parse(recipe).recipe();
        // inherits_class('class') is False: my-class.bbclass does not end with /class.bbclass
        assertThat(r.data().getVar("IC")).isEqualTo("True False False False False");
        assertThat(r.data().getVar("FAKE")).isEqualTo("True True False False");
    }

    @Test
    void eventMasksAndDeletedTasksAreSplitAsPythonsSplitDoes() throws Exception {
        // str.split() splits on a \x1c control character and a no-break space; Java's regex \s does not
        Path recipe = dir.resolve("w.bb");
        Files.writeString(recipe, seenHandler("bb.event.RecipePreFinalise\u001cbb.event.RecipeParsed") + """
                addtask compile
                addtask install
                addtask package
                GONE = "do_compile\u00a0do_install"
                deltask ${GONE}
                """);
        Recipe r = parse(recipe).recipe();
        assertThat(r.data().getVar("SEEN")).isEqualTo(" RecipePreFinalise RecipeParsed");
        assertThat(r.tasks()).containsExactly("do_package");
    }

    @Test
    void addpylibLoadsTheLibraryAndItsBbimportsForAllLaterPython() throws Exception {
        Path layer = dir.resolve("meta-x");
        Files.createDirectories(layer.resolve("conf"));
        Files.createDirectories(layer.resolve("lib/mylib"));
        Files.createDirectories(layer.resolve("recipes"));
        Files.createDirectories(dir.resolve("build/conf"));
        Files.writeString(layer.resolve("lib/mylib/__init__.py"), "BBIMPORTS = ['helpers']\n");
        Files.writeString(layer.resolve("lib/mylib/helpers.py"), """
                import os
                def shout(d, name):
                    return d.getVar(name).upper() + os.sep
                """);
        Files.writeString(layer.resolve("conf/layer.conf"), """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/recipes/*.bb"
                BBFILE_COLLECTIONS += "x"
                BBFILE_PATTERN_x = "^${LAYERDIR}/"
                BBFILE_PRIORITY_x = "5"
                addpylib ${LAYERDIR}/lib mylib
                """);
        Files.writeString(dir.resolve("build/conf/bblayers.conf"), "BBLAYERS = \"" + layer + "\"\n");
        Files.writeString(layer.resolve("conf/bitbake.conf"),
                "NAME = \"abc\"\nCONF = \"${@mylib.helpers.shout(d, 'NAME')}\"\n");
        Files.createDirectories(layer.resolve("classes"));
        Files.writeString(layer.resolve("classes/base.bbclass"), "");
        Files.writeString(layer.resolve("recipes/r_1.0.bb"),
                "RNAME = \"r\"\nR := \"${@mylib.helpers.shout(d, 'RNAME')}\"\n");
        dev.bitzel.parser.BuildDirectory build = dev.bitzel.parser.BuildDirectory.builder(dir.resolve("build"))
                .environment(java.util.Map.of()).python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        assertThat(build.data().getVar("CONF")).isEqualTo("ABC/");
        assertThat(build.findRecipe("r").orElseThrow().data().getVar("R")).isEqualTo("R/");
    }
}
