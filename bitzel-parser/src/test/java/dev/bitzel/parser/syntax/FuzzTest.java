package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input never makes the parser throw or hang, and always prints back. Timeouts are generous hang
 * guards, not performance targets.
 */
class FuzzTest {

    private static final Duration GUARD = Duration.ofSeconds(10);

    private static final String[] FRAGMENTS = {
        "A", "FOO", " ", "\t", "\n", "\r\n", "\r", "\\", "\\\n", "#", "\"", "'", "=", ":=", "?=", "??=", "+=", "=+",
        ".=", "=.", "[", "]", "{", "}", "(", ")", "() {\n", "\n}\n", "python ", "fakeroot ", "def f():\n",
        "    ", "export ", "unset ", "include ", "require ", "inherit ", "inherit_defer ", "addtask ", "deltask ",
        "addhandler ", "EXPORT_FUNCTIONS ", "addpylib ", "before ", "after ", ":append", "${PN}", "@", "é",
        "\u00a0", "\u2028", "\u0085", "\u0000", "\uffff", "\ud800",
    };

    static void check(String text) {
        for (Dialect dialect : Dialect.values()) {
            SyntaxTree tree = Syntax.parse("fuzz", text, dialect);
            LosslessTest.assertWellFormed(tree);
            for (Node node : tree.nodes()) {
                if (node instanceof ErrorNode) {
                    assertThat(tree.hasErrors()).isTrue();
                }
            }
        }
    }

    @Nested
    class RandomInput {

        @Test
        void randomCharsNeverBreakTheParser() {
            Random random = new Random(20240501);
            assertTimeoutPreemptively(GUARD, () -> {
                for (int round = 0; round < 2000; round++) {
                    char[] chars = new char[random.nextInt(300)];
                    for (int i = 0; i < chars.length; i++) {
                        chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000)
                                : (char) (random.nextInt(96) + 10);
                    }
                    check(new String(chars));
                }
            });
        }

        @Test
        void randomBytesDecodedAsUtf8NeverBreakTheParser() {
            Random random = new Random(7);
            assertTimeoutPreemptively(GUARD, () -> {
                for (int round = 0; round < 1000; round++) {
                    byte[] bytes = new byte[random.nextInt(500)];
                    random.nextBytes(bytes);
                    check(new String(bytes, StandardCharsets.UTF_8));
                }
            });
        }

        @Test
        void randomMixesOfGrammarFragmentsNeverBreakTheParser() {
            Random random = new Random(42);
            assertTimeoutPreemptively(GUARD, () -> {
                for (int round = 0; round < 5000; round++) {
                    StringBuilder sb = new StringBuilder();
                    int pieces = random.nextInt(40);
                    for (int i = 0; i < pieces; i++) {
                        sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                    }
                    check(sb.toString());
                }
            });
        }

        @Test
        void unbalancedBracesNeverBreakTheParser() {
            Random random = new Random(3);
            String[] lines = {"do_x() {", "python () {", "}", "  }", "{", "def f():", "    x", "A = \"1\"", ""};
            assertTimeoutPreemptively(GUARD, () -> {
                for (int round = 0; round < 2000; round++) {
                    StringBuilder sb = new StringBuilder();
                    int count = random.nextInt(30);
                    for (int i = 0; i < count; i++) {
                        sb.append(lines[random.nextInt(lines.length)]).append('\n');
                    }
                    check(sb.toString());
                }
            });
        }
    }

    @Test
    void everyTruncationOfEveryFixtureParses() {
        assertTimeoutPreemptively(GUARD, () -> {
            for (Path fixture : GoldenTest.fixtures()) {
                String text = Files.readString(fixture);
                for (int end = 0; end <= text.length(); end++) {
                    check(text.substring(0, end));
                }
            }
        });
    }

    @Nested
    class HugeInput {

        private static final int MEGABYTE = 1 << 20;

        @ParameterizedTest
        @ValueSource(strings = {
            "A = \"%s\"", "%s", "A%s = \"1\"", "python %s() {", "addtask a before %s after", "# %s \\",
            "A = '%s", "export %s", "def f%s:", "addpylib %s x", "unset A[%s]",
        })
        void aOneMegabyteLineParsesQuickly(String template) {
            for (String filler : new String[] {"x", "a+", "python ", "after before ", "'", " ", "\\", ":=", "${"}) {
                String big = filler.repeat(MEGABYTE / filler.length());
                String text = template.replace("%s", big) + "\n";
                assertTimeoutPreemptively(GUARD, () -> check(text));
            }
        }

        @Test
        void manyContinuationLinesParseQuickly() {
            String text = "A = \"x \\\n".repeat(100_000) + "\"\n";
            assertTimeoutPreemptively(GUARD, () -> check(text));
            String comments = "# c \\\n".repeat(100_000) + "# end\n";
            assertTimeoutPreemptively(GUARD, () -> check(comments));
        }

        @Test
        void manyUnclosedFunctionsParseQuickly() {
            String text = "do_x() {\n    body\n".repeat(50_000);
            assertTimeoutPreemptively(GUARD, () -> check(text));
        }

        @Test
        void aLongDefBlockParsesQuickly() {
            String text = "def f():\n" + "    x = 1\n".repeat(100_000);
            assertTimeoutPreemptively(GUARD, () -> check(text));
        }
    }
}
