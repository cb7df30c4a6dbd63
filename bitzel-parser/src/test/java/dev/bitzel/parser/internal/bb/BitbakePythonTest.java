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
            python () {
                d.setVar("FROM_ANON", d.getVar("A") + "!")
                d.appendVar("DISTRO_FEATURES", " anon")
            }
            """;

    @TempDir
    Path dir;

    Recipe parse() throws IOException {
        Path recipe = dir.resolve("foo_1.2_r3.bb");
        Files.writeString(recipe, RECIPE);
        RecipeFile file = Configuration.ofConfFiles(dir.toString(), List.of(), PythonEvaluator.builtin())
                .parseRecipe(recipe);
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
        Recipe r = Configuration.ofConfFiles(dir.toString(), List.of(), PythonEvaluator.builtin())
                .parseRecipe(recipe).recipe();
        assertThat(r.data().getVar("W")).isEqualTo(dir + "/b/tool");
        assertThat(r.data().getVar("H")).isEqualTo("['" + dir + "/a/none', '" + dir + "/b/none']");
        assertThat(r.data().getVar("M")).isEqualTo(System.getProperty("os.arch").equals("amd64") ? "x86_64"
                : System.getProperty("os.arch"));
        assertThat(r.data().getVar("T")).isEqualTo("module");
        // CPython: time.strftime('%Y%m%d %H:%M:%S %j %a %b', time.gmtime(1700000000))
        assertThat(r.data().getVar("D")).isEqualTo("20231114 22:13:20 318 Tue Nov");
    }

    @Test
    void aFailingAnonymousFunctionIsALocatedDiagnostic() throws Exception {
        Path recipe = dir.resolve("bar.bb");
        Files.writeString(recipe, "python () {\n    d.setVar('X', bb.no_such_api())\n}\n");
        RecipeFile file = Configuration.ofConfFiles(dir.toString(), List.of(), PythonEvaluator.builtin())
                .parseRecipe(recipe);
        assertThat(file.diagnostics()).anySatisfy(d -> {
            assertThat(d.file()).endsWith("bar.bb");
            assertThat(d.message()).contains("no_such_api");
        });
    }
}
