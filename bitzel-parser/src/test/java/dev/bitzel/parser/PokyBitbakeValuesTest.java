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
 *
 * <p>For many recipes at once, {@code bitzel.poky.bitbake-values} names a file written by
 * {@code benchmarks/scripts/bitbake-values} (real BitBake's values through tinfoil, every target of the build
 * directory by default) instead of, or as well as, the {@code .env} directory.
 */
class PokyBitbakeValuesTest {

    /** The variables issue 4 names; {@code ${PN}} is the recipe's PN as BitBake printed it. */
    static final List<String> VARIABLES = List.of("PN", "PV", "PR", "PE", "SRC_URI", "S", "B", "WORKDIR", "DEPENDS",
            "PROVIDES", "RDEPENDS:${PN}", "RRECOMMENDS:${PN}", "RPROVIDES:${PN}", "PACKAGES", "FILES:${PN}", "LICENSE",
            "LIC_FILES_CHKSUM", "EXTRA_OECONF", "EXTRA_OEMAKE", "PACKAGECONFIG", "OVERRIDES", "BP", "P", "PF",
            "SRCREV", "T", "D");

    private static final Pattern START = Pattern.compile("^(?:export )?([A-Za-z0-9_:.${}/+-]+)=\"(.*)$");

    /**
     * The variables of a {@code bitbake -e} output, unescaped as {@code bb.data.emit_var} escaped them (quotes and
     * dollars backslashed, newlines as {@code " \\"} at the end of a line). Read line by line: values run to MBs.
     */
    static Map<String, String> parseBitbakeEnv(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = START.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            StringBuilder raw = new StringBuilder(m.group(2));
            while (raw.toString().endsWith(" \\") && i + 1 < lines.length) {
                raw.setLength(raw.length() - 2);
                raw.append('\n').append(lines[++i]);
            }
            String r = raw.toString();
            if (!r.endsWith("\"") || r.endsWith("\\\"")) {
                continue; // not a complete assignment (e.g. a shell function's line)
            }
            values.put(m.group(1), r.substring(0, r.length() - 1).replace("\\$", "$").replace("\\\"", "\""));
        }
        return values;
    }

    private static List<String> sortedWords(String s) {
        return java.util.Arrays.stream(s.replace("'", " ").trim().split("\\s+")).sorted().toList();
    }

    @Test
    void bitbakeEnvOutputIsUnescapedAsEmitVarEscapes() {
        String text = "# comment\nexport PATH=\"/a:/b\"\nA=\"say \\\"hi\\\" \\$HOME\"\nF=\"one \\\ntwo\"\n"
                + "do_x() {\n  echo\n}\n";
        assertThat(parseBitbakeEnv(text)).containsExactly(Map.entry("PATH", "/a:/b"),
                Map.entry("A", "say \"hi\" $HOME"), Map.entry("F", "one\ntwo"));
    }

    /** One line of a {@code bitbake-values} file: the value is {@code null} for Python's None. */
    record BitbakeValue(String target, String key, String value) {}

    /** Reads a file written by {@code benchmarks/scripts/bitbake-values}; lists come as their items joined by spaces. */
    static List<BitbakeValue> parseBitbakeValues(List<String> lines) {
        List<BitbakeValue> values = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", 4);
            if (f.length != 4 || !List.of("s", "n", "l").contains(f[2])) {
                throw new IllegalArgumentException("not a bitbake-values line: " + line);
            }
            values.add(new BitbakeValue(f[0], f[1], f[2].equals("n") ? null : unescape(f[3])));
        }
        return values;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void bitbakeValuesLinesAreUnescaped() {
        assertThat(parseBitbakeValues(List.of("zlib\tPN\ts\tzlib", "zlib\tPE\tn\t",
                "zlib\tdo_build[deps]\tl\tdo_a do_b", "zlib\tF\ts\ta\\tb\\nc\\\\d")))
                .containsExactly(new BitbakeValue("zlib", "PN", "zlib"), new BitbakeValue("zlib", "PE", null),
                        new BitbakeValue("zlib", "do_build[deps]", "do_a do_b"),
                        new BitbakeValue("zlib", "F", "a\tb\nc\\d"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parseBitbakeValues(List.of("zlib PN s zlib")))
                .hasMessageContaining("not a bitbake-values line");
    }

    @Test
    void pokyTargetsGetBitbakesValues() throws IOException {
        String builddir = System.getProperty("bitzel.poky.builddir");
        String valuesFile = System.getProperty("bitzel.poky.bitbake-values");
        assumeTrue(builddir != null && !builddir.isEmpty() && valuesFile != null && !valuesFile.isEmpty(),
                "set -Dbitzel.poky.builddir=BUILDDIR and -Dbitzel.poky.bitbake-values=FILE (written by "
                        + "benchmarks/scripts/bitbake-values in BUILDDIR) to compare with real BitBake");
        List<BitbakeValue> expected = parseBitbakeValues(Files.readAllLines(Path.of(valuesFile)));
        BuildDirectory build = BuildDirectory.builder(Path.of(builddir)).environment(System.getenv())
                .python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        List<String> differences = new ArrayList<>();
        java.util.Set<String> targets = new java.util.LinkedHashSet<>();
        String target = null;
        Recipe recipe = null;
        for (BitbakeValue v : expected) {
            if (!v.target().equals(target)) {
                target = v.target();
                targets.add(target);
                recipe = build.findRecipe(target).orElse(null);
                if (recipe == null) {
                    differences.add(target + ": not found by bitzel");
                }
            }
            if (recipe == null) {
                continue;
            }
            Matcher flag = Pattern.compile("^(.+)\\[([^\\]]+)\\]$").matcher(v.key());
            String actual;
            try {
                if (flag.matches() && flag.group(2).equals("deps")) {
                    List<String> deps = recipe.taskDependencies().get(flag.group(1));
                    actual = deps == null ? null : String.join(" ", deps);
                } else if (flag.matches()) {
                    actual = recipe.data().getVarFlag(flag.group(1), flag.group(2), true);
                } else {
                    actual = recipe.data().getVar(v.key());
                }
            } catch (ExpansionException e) {
                actual = "(fails: " + e.getMessage() + ")";
            }
            if (!Objects.equals(v.value(), actual)) {
                differences.add(target + " " + v.key() + "\n  bitbake: " + v.value() + "\n  bitzel:  " + actual);
            }
        }
        System.out.printf("PokyBitbakeValuesTest: %d targets, %d values compared, %d differ%n", targets.size(),
                expected.size(), differences.size());
        differences.stream().limit(200).forEach(System.out::println);
        assertThat(differences).isEmpty();
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
            String text = Files.readString(envFile, StandardCharsets.UTF_8);
            Matcher skip = Pattern.compile("(?m)^" + Pattern.quote(name) + " was skipped: (.*)$").matcher(text);
            if (skip.find()) {
                // bitbake -e of a skipped recipe prints only the reason: compare it with bitzel's skip. Words are
                // compared as a multiset: BitBake joins Python sets (e.g. missing DISTRO_FEATURES) whose order
                // varies from run to run with CPython's string hash seed.
                Recipe skipped = build.findRecipe(name).orElse(null);
                String reason = skipped == null ? null : skipped.skipped().orElse(null);
                compared++;
                if (reason == null || !sortedWords(reason).equals(sortedWords(skip.group(1)))) {
                    differences.add(name + " skip reason\n  bitbake: " + skip.group(1) + "\n  bitzel:  " + reason);
                }
                continue;
            }
            Map<String, String> expected = parseBitbakeEnv(text);
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
