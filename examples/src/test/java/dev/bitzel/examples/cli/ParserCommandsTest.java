package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser's subcommands on the demo build directory. Expected values were checked against real BitBake
 * 2.8.1 parsing the same directory (6 recipe files, 7 targets; FILE, FILE_LAYERNAME, __BBTASKS, DEPENDS).
 */
class ParserCommandsTest {
    static final Path DEMO = Path.of("build").toAbsolutePath();

    @TempDir
    Path cache;

    MainTest.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--cache-dir";
        all[1] = cache.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return MainTest.run(all);
    }

    @Nested
    class Parse {
        @Test
        void countsTheDemoRecipesAsBitbakeDoesAndReusesTheCacheTheSecondTime() {
            MainTest.Run first = run("parse", "-d", DEMO.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("recipe files: 6", "bbappend files: 1", "targets: 7", "failed: 0",
                    "parse cache: 0 hits, 6 misses");
            MainTest.Run second = run("parse", "-d", DEMO.toString());
            assertThat(second.out()).contains("parse cache: 6 hits, 0 misses");
        }

        @Test
        void withoutCacheSaysSoAndWritesNothing() throws IOException {
            MainTest.Run run = run("parse", "--no-cache", "-d", DEMO.toString());
            assertThat(run.out()).contains("parse cache: not used");
            try (var files = Files.list(cache)) {
                assertThat(files).isEmpty();
            }
        }

        @Test
        void aRecipeWhoseCacheFieldsDoNotExpandFailsTheParse(@TempDir Path dir) throws IOException {
            // BitBake reads DEPENDS, PACKAGES and the like of every recipe into its cache: an error there fails the
            // recipe's parse ("ExpansionError ... DEPENDS"), even though nothing read DEPENDS while parsing
            Files.createDirectories(dir.resolve("build/conf"));
            Files.createDirectories(dir.resolve("meta/conf"));
            Files.createDirectories(dir.resolve("meta/classes"));
            Files.createDirectories(dir.resolve("meta/recipes"));
            Files.writeString(dir.resolve("build/conf/bblayers.conf"), "BBPATH = \"${TOPDIR}\"\nBBLAYERS = \""
                    + dir.resolve("meta") + "\"\n");
            Files.writeString(dir.resolve("meta/conf/layer.conf"), "BBPATH .= \":${LAYERDIR}\"\n"
                    + "BBFILES += \"${LAYERDIR}/recipes/*.bb\"\n");
            Files.writeString(dir.resolve("meta/conf/bitbake.conf"), "PN = \"x\"\n");
            Files.writeString(dir.resolve("meta/classes/base.bbclass"), "");
            Files.writeString(dir.resolve("meta/recipes/good.bb"), "DEPENDS = \"a\"\n");
            Files.writeString(dir.resolve("meta/recipes/bad.bb"), "DEPENDS = \"${@no_such_function()}\"\n");
            MainTest.Run run = run("parse", "-d", dir.resolve("build").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).contains("targets: 1", "failed: 1");
            assertThat(run.err()).contains("bad.bb", "DEPENDS", "NameError");
        }

        @Test
        void aDirectoryWithoutBblayersConfIsBadInput(@TempDir Path empty) {
            MainTest.Run run = run("parse", "-d", empty.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("conf/bblayers.conf");
        }
    }

    @Nested
    class Getvar {
        @Test
        void answersForARecipeOfTheBuildDirectory() throws IOException {
            MainTest.Run run = run("getvar", "-d", DEMO.toString(), "-r", "hello-app", "--json", "FILE",
                    "FILE_LAYERNAME", "DEPENDS", "@tasks", "do_install[cleandirs]", "@raw:APP_VERSION");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("FILE").asText())
                    .endsWith("/build/../layers/meta-demo/recipes-core/hello-app/hello-app_1.0.bb");
            assertThat(json.get("FILE_LAYERNAME").asText()).isEqualTo("demo");
            assertThat(json.get("DEPENDS").asText()).isEqualTo("hello-lib gen-tool-native");
            assertThat(json.get("@tasks").toString()).isEqualTo("[\"do_fetch\",\"do_unpack\",\"do_configure\","
                    + "\"do_compile\",\"do_install\",\"do_build\",\"do_patch\",\"do_populate_sysroot\","
                    + "\"do_prepare_recipe_sysroot\",\"do_package\"]");
            assertThat(json.get("do_install[cleandirs]").asText()).startsWith(DEMO + "/tmp/work/x86_64-linux/")
                    .endsWith("/image");
            assertThat(json.get("@raw:APP_VERSION").asText()).isEqualTo("${PV}-extra");
        }

        @Test
        void findsABbclassextendVariantByItsName() throws IOException {
            MainTest.Run run = run("getvar", "-d", DEMO.toString(), "-r", "gen-tool-native", "--json",
                    "CLASSOVERRIDE", "@inherits");
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("CLASSOVERRIDE").asText()).isEqualTo("class-native");
            assertThat(json.get("@inherits").toString()).endsWith("\"native\"]");
        }

        @Test
        void anUnknownRecipeIsBadInputNamingIt() {
            MainTest.Run run = run("getvar", "-d", DEMO.toString(), "-r", "no-such-recipe", "DEPENDS");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("no-such-recipe");
        }

        @Test
        void aLoneRecipeWithASyntaxErrorAnswersWithTheErrorKind(@TempDir Path dir) throws IOException {
            Path recipe = dir.resolve("broken.bb");
            Files.writeString(recipe, "A = \"1\"\n  not bitbake\n");
            MainTest.Run run = run("getvar", "--recipe-file", recipe.toString(), "--bbpath", dir.toString(),
                    "--json", "A", "@error");
            assertThat(run.exitCode()).isEqualTo(2);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("@error").asText()).isEqualTo("ParseError");
            assertThat(json.get("A").get("error").asText()).isEqualTo("ParseError");
            assertThat(run.err()).contains("broken.bb:2");
        }

        @Test
        void pythonObjectsAreAnsweredAsJsonAndBitbakesOwnListsAsLists(@TempDir Path dir) throws IOException {
            Path recipe = dir.resolve("objects.bb");
            Files.writeString(recipe, """
                    python () {
                        d.setVar('N', 5)
                        d.setVar('L', ['a', ('b', 1)])
                        d.setVar('D', {'k': True})
                        d.setVarFlag('A', 'on', False)
                    }
                    E = "${N}"
                    addtask a
                    """);
            MainTest.Run run = run("getvar", "--recipe-file", recipe.toString(), "--bbpath", dir.toString(),
                    "--json", "N", "L", "D", "A[on]", "E", "__BBTASKS");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("N").isInt()).isTrue();
            assertThat(json.get("N").asInt()).isEqualTo(5);
            assertThat(json.get("L").toString()).isEqualTo("[\"a\",[\"b\",1]]");
            assertThat(json.get("D").asText()).isEqualTo("{'k': True}");
            assertThat(json.get("A[on]").isBoolean()).isTrue();
            assertThat(json.get("E").get("error").asText()).isEqualTo("ExpansionError");
            assertThat(json.get("__BBTASKS").toString()).isEqualTo("[\"do_a\"]");
        }
    }

    @Nested
    class Env {
        @Test
        void printsHistoryAndFinalValuesLikeBitbakeDashE() {
            MainTest.Run run = run("env", "-d", DEMO.toString(), "-r", "hello-app");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("# $APP_VERSION [2 operations]")
                    .contains("hello-app_%.bbappend:2")
                    .contains("DEPENDS=\"hello-lib gen-tool-native\"")
                    .contains("do_install() {");
        }

        @Test
        void recordsWhatEachLineWroteAsBitbakeDashEDoes() {
            // Recorded from BitBake 2.8.1's `bitbake -e hello-app` on the same build directory.
            MainTest.Run run = run("env", "-d", DEMO.toString(), "-r", "hello-app");
            String layers = DEMO + "/../layers/";
            assertThat(run.out()).contains("""
                    # $BBFILE_COLLECTIONS [2 operations]
                    #   append %1$smeta-demo/conf/layer.conf:7
                    #     "demo"
                    #   append %1$smeta-demo-extra/conf/layer.conf:7
                    #     "demo-extra"
                    # pre-expansion value:
                    #   " demo demo-extra"
                    BBFILE_COLLECTIONS=" demo demo-extra"
                    """.formatted(layers));
            assertThat(run.out()).contains("""
                    # $BBPATH [5 operations]
                    #   set %1$s/conf/bblayers.conf:2
                    #     "${TOPDIR}"
                    #   postdot %2$smeta-demo/conf/layer.conf:2
                    #     ":${LAYERDIR}"
                    """.formatted(DEMO, layers));
        }
    }
}
