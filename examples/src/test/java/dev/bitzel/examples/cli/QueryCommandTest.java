package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitzel query} on the demo build directory. */
class QueryCommandTest {
    @TempDir
    Path cache;

    MainTest.Run run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--cache-dir";
        all[1] = cache.toString();
        all[2] = "query";
        all[3] = "-d=" + ParserCommandsTest.DEMO;
        System.arraycopy(args, 0, all, 4, args.length);
        return MainTest.run(all);
    }

    @Test
    void theRecipesOfTheImagesTaskGraphAreBitbakesPnBuildlist() {
        // BitBake 2.8.1's `bitbake -g demo-image` pn-buildlist, sorted: the same six recipes.
        MainTest.Run run = run("recipes(deps(demo-image:do_build))");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().sorted().toList()).containsExactly("demo-image", "gen-tool-native", "greeter",
                "hello-app", "hello-lib", "patched-greeting");
    }

    @Test
    void somepathFollowsBuildEdgesFromTheImageToTheNativeTool() {
        MainTest.Run run = run("somepath(demo-image, gen-tool-native)");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly("demo-image", "hello-app", "gen-tool-native");
    }

    @Test
    void kindsAndLabelKindOutput() {
        MainTest.Run run = run("kind(native, //...)", "--output", "label_kind");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("native recipe gen-tool-native\n");
    }

    @Test
    void aSyntaxErrorShowsACaretAndExitsTwo() {
        MainTest.Run run = run("deps(hello-app");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("query:1:15: error:").contains("deps(hello-app\n              ^");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOutputFormatIsBadUsage() {
        MainTest.Run run = run("hello-app", "--output", "xml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'xml'");
    }
}
