package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares the final values of real poky recipes, Python evaluated by the built-in interpreter, with what real
 * BitBake printed for them.
 *
 * <p>Runs only when both system properties are given: {@code bitzel.poky.builddir} (a build directory of poky,
 * e.g. one made by {@code oe-init-build-env}) and {@code bitzel.poky.bitbake-env} (a directory of
 * {@code RECIPE.env} files, each the output of {@code bitbake -e RECIPE} run by real BitBake in that same build
 * directory). Nothing of poky or of BitBake's output is part of the repository. Example:
 * {@code mvn -pl bitzel-parser test -Dtest=PokyBitbakeValuesTest -Dbitzel.poky.builddir=/tmp/bbbuild
 * -Dbitzel.poky.bitbake-env=/tmp/bbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PokyBitbakeValuesTest {

    /** The variables issue 4 names; {@code ${PN}} is the recipe's PN as BitBake printed it. */
    static final List<String> VARIABLES = List.of("PN", "PV", "PR", "PE", "SRC_URI", "S", "B", "WORKDIR", "DEPENDS",
            "PROVIDES", "RDEPENDS:${PN}", "RRECOMMENDS:${PN}", "RPROVIDES:${PN}", "PACKAGES", "FILES:${PN}", "LICENSE",
            "LIC_FILES_CHKSUM", "EXTRA_OECONF", "EXTRA_OEMAKE", "PACKAGECONFIG", "OVERRIDES", "BP", "P", "PF",
            "SRCREV", "T", "D");

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?:export )?([A-Za-z0-9_:.${}/+-]+)=\"((?:[^\"\\\\]|\\\\.|\\\\\\n)*)\"$", Pattern.MULTILINE);

    /** The variables of a {@code bitbake -e} output, unescaped as {@code bb.data.emit_var} escaped them. */
    static Map<String, String> parseBitbakeEnv(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            values.put(m.group(1), m.group(2).replace(" \\\n", "\n").replace("\\$", "$").replace("\\\"", "\""));
        }
        return values;
    }

    @Test
    void bitbakeEnvOutputIsUnescapedAsEmitVarEscapes() {
        String text = "# comment\nexport PATH=\"/a:/b\"\nA=\"say \\\"hi\\\" \\$HOME\"\nF=\"one \\\ntwo\"\n"
                + "do_x() {\n  echo\n}\n";
        assertThat(parseBitbakeEnv(text)).containsExactly(Map.entry("PATH", "/a:/b"),
                Map.entry("A", "say \"hi\" $HOME"), Map.entry("F", "one\ntwo"));
    }

    @Test
    void pokyRecipesGetBitbakesValues() throws IOException, ExpansionException {
        String builddir = System.getProperty("bitzel.poky.builddir");
        String envDir = System.getProperty("bitzel.poky.bitbake-env");
        assumeTrue(builddir != null && !builddir.isEmpty() && envDir != null && !envDir.isEmpty(),
                "set -Dbitzel.poky.builddir=BUILDDIR and -Dbitzel.poky.bitbake-env=DIR (RECIPE.env files written by "
                        + "`bitbake -e RECIPE` in BUILDDIR) to compare with real BitBake");
        List<Path> envFiles;
        try (Stream<Path> list = Files.list(Path.of(envDir))) {
            envFiles = list.filter(p -> p.getFileName().toString().endsWith(".env")).sorted().toList();
        }
        assumeTrue(!envFiles.isEmpty(), "no RECIPE.env files in " + envDir);
        BuildDirectory build = BuildDirectory.builder(Path.of(builddir)).environment(System.getenv())
                .python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path envFile : envFiles) {
            String name = envFile.getFileName().toString().replaceFirst("\\.env$", "");
            Map<String, String> expected = parseBitbakeEnv(Files.readString(envFile, StandardCharsets.UTF_8));
            String pn = expected.get("PN");
            if (pn == null) {
                differences.add(name + ": " + envFile + " holds no PN (did bitbake -e fail?)");
                continue;
            }
            Recipe recipe = build.findRecipe(name).orElse(null);
            if (recipe == null) {
                differences.add(name + ": not found by bitzel");
                continue;
            }
            DataStore d = recipe.data();
            for (String variable : VARIABLES) {
                String key = variable.replace("${PN}", pn);
                String actual = d.getVar(key);
                String wanted = expected.get(key);
                if (wanted != null && wanted.contains("${FILE_LAYERNAME}")) {
                    // `bitbake -e` of a BBCLASSEXTEND variant parses it without its layer name (cooker looks the
                    // layer up by the virtual:...: name and finds none); BitBake's own parse sets it, as we do
                    wanted = wanted.replace("${FILE_LAYERNAME}", Objects.requireNonNullElse(
                            build.collectionOf(Path.of(recipe.file())).orElse(null), "${FILE_LAYERNAME}"));
                }
                compared++;
                if (!Objects.equals(wanted, actual)) {
                    differences.add(name + " " + key + "\n  bitbake: " + wanted + "\n  bitzel:  " + actual);
                }
            }
        }
        System.out.printf("PokyBitbakeValuesTest: %d recipes, %d values compared, %d differ%n", envFiles.size(),
                compared, differences.size());
        assertThat(differences).isEmpty();
    }
}
