package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BuildDirectory#findRecipe} picks the file of a PN as BitBake's {@code findBestProvider} does (meta-webserver's
 * nginx: 1.26.3 has {@code DEFAULT_PREFERENCE = "-1"}, so {@code bitbake -e nginx} shows 1.24.0).
 */
class FindRecipeTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private BuildDirectory build(String local) throws IOException {
        write("build/conf/bblayers.conf", "BBPATH = \"${TOPDIR}\"\nBBLAYERS = \"" + dir.resolve("meta-a") + " "
                + dir.resolve("meta-b") + "\"\n");
        write("build/conf/local.conf", local);
        for (String[] layer : new String[][] {{"a", "5"}, {"b", "6"}}) {
            write("meta-" + layer[0] + "/conf/layer.conf", "BBPATH .= \":${LAYERDIR}\"\n"
                    + "BBFILES += \"${LAYERDIR}/recipes/*.bb\"\nBBFILE_COLLECTIONS += \"" + layer[0] + "\"\n"
                    + "BBFILE_PATTERN_" + layer[0] + " = \"^${LAYERDIR}/\"\nBBFILE_PRIORITY_" + layer[0] + " = \""
                    + layer[1] + "\"\n");
        }
        write("meta-a/conf/bitbake.conf", """
                include conf/local.conf
                PN = "${@bb.parse.vars_from_file(d.getVar('FILE', False),d)[0]}"
                PV = "${@bb.parse.vars_from_file(d.getVar('FILE', False),d)[1] or '1.0'}"
                PR = "r0"
                """);
        write("meta-a/classes/base.bbclass", "");
        write("meta-a/recipes/tool_1.0.bb", "");
        write("meta-a/recipes/tool_1.5.bb", "");
        write("meta-a/recipes/tool_2.0.bb", "DEFAULT_PREFERENCE = \"-1\"\n");
        write("meta-a/recipes/gone_1.0.bb", "python () {\n    raise bb.parse.SkipRecipe('not here')\n}\n");
        write("meta-a/recipes/other_1.0.bb", "");
        write("meta-b/recipes/other_0.5.bb", "");
        BuildDirectory b = BuildDirectory.builder(dir.resolve("build")).environment(Map.of())
                .python(PythonEvaluator.builtin()).load();
        assertThat(b.failure()).isEmpty();
        return b;
    }

    private static String pv(BuildDirectory b, String name) throws Exception {
        return b.findRecipe(name).orElseThrow().data().getVar("PV");
    }

    @Test
    void theHighestVersionWithoutANegativeDefaultPreference() throws Exception {
        assertThat(pv(build(""), "tool")).isEqualTo("1.5");
    }

    @Test
    void aPreferredVersionWinsOverDefaultPreference() throws Exception {
        assertThat(pv(build("PREFERRED_VERSION_tool = \"2.%\"\n"), "tool")).isEqualTo("2.0");
    }

    @Test
    void aHigherLayerPriorityWinsOverAHigherVersion() throws Exception {
        assertThat(pv(build(""), "other")).isEqualTo("0.5");
    }

    @Test
    void aRequiredVersionThatIsNotThereFindsNothing() throws Exception {
        assertThat(build("REQUIRED_VERSION_tool = \"3.0\"\n").findRecipe("tool")).isEmpty();
    }

    @Test
    void aNameWhoseFilesAreAllSkippedGivesTheSkipReason() throws Exception {
        assertThat(build("").findRecipe("gone").orElseThrow().skipReason()).isEqualTo("not here");
        assertThat(build("").findRecipe("nothing")).isEmpty();
    }
}
