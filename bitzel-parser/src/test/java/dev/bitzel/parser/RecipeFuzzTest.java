package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, truncated and hostile recipes end in a {@link RecipeFile} with a failure or diagnostics, never in an
 * exception escaping the parser or a hang.
 */
class RecipeFuzzTest {
    private static final String SEED = """
            SUMMARY = "fuzz seed"
            A = "1"
            A:append:o1 = " x"
            B ?= "${A} ${C}"
            C := "${B}"
            D[flag] = "v"
            export E = "e"
            OVERRIDES = "o1:${D}"
            inherit cls
            include inc.inc
            require req.inc
            do_thing() {
            \techo ${A}
            }
            python do_py() {
                bb.note("x")
            }
            def helper(d):
                return d.getVar('A')
            addtask thing after do_py before do_build
            deltask do_other
            EXPORT_FUNCTIONS do_thing
            BBCLASSEXTEND = "native"
            unset D[flag]
            """;

    @TempDir
    Path dir;

    RecipeFile parse(String content) throws IOException {
        Files.writeString(dir.resolve("classes/cls.bbclass"), "CLS = \"1\"\nEXPORT_FUNCTIONS do_thing\n");
        Files.writeString(dir.resolve("classes/native.bbclass"), "CLASSOVERRIDE = \"class-native\"\n");
        Files.writeString(dir.resolve("req.inc"), "REQ = \"${A}\"\n");
        Path recipe = dir.resolve("fuzz.bb");
        Files.writeString(recipe, content);
        return Configuration.ofConfFiles(dir.toString(), List.of()).parseRecipe(recipe);
    }

    @Test
    void theSeedParses() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        RecipeFile file = parse(SEED);
        assertThat(file.failed()).isEmpty();
        assertThat(file.variants()).containsKeys("", "native");
    }

    @Test
    void everyTruncationEndsInAResultNotAnException() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int cut = 0; cut <= SEED.length(); cut++) {
                RecipeFile file = parse(SEED.substring(0, cut));
                assertThat(file.failed().isPresent() || file.variants().containsKey("")).isTrue();
            }
        });
    }

    @Test
    void randomMutationsEndInAResultNotAnException() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Random random = new Random(20261128);
        String alphabet = "${}[]()\"'\\:=+.?@#\n\t abcdOVERIDS_-%";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 400; round++) {
                StringBuilder text = new StringBuilder(SEED);
                int edits = 1 + random.nextInt(6);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(text.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> {
                            if (at < text.length()) {
                                text.deleteCharAt(at);
                            }
                        }
                        default -> {
                            int from = random.nextInt(text.length());
                            int to = Math.min(text.length(), from + random.nextInt(40));
                            text.insert(at, text.substring(from, to));
                        }
                    }
                }
                RecipeFile file = parse(text.toString());
                assertThat(file.failed().isPresent() || file.variants().containsKey("")).isTrue();
            }
        });
    }

    @Test
    void randomBytesAndHugeLinesEndInAResult() throws IOException {
        Files.createDirectories(dir.resolve("classes"));
        Random random = new Random(7);
        byte[] noise = new byte[64 * 1024];
        random.nextBytes(noise);
        Files.write(dir.resolve("noise.bb"), noise);
        RecipeFile noisy = Configuration.ofConfFiles(dir.toString(), List.of()).parseRecipe(dir.resolve("noise.bb"));
        assertThat(noisy.failed()).isPresent();

        String huge = "A = \"" + "x".repeat(1 << 20) + "\"\nB = \"${A}${A}\"\n" + "${".repeat(100_000) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            RecipeFile file = parse(huge);
            assertThat(file.failed()).isPresent();
            RecipeFile big = parse("A = \"" + "y".repeat(1 << 20) + "\"\nB = \"${A}${A}\"\n");
            assertThat(big.recipe().data().getVar("B")).hasSize(2 << 20);
        });
    }

    @Test
    void selfReferencesAreErrorsNamingTheChainNotStackOverflows() throws Exception {
        Files.createDirectories(dir.resolve("classes"));
        RecipeFile file = parse("A = \"${B}\"\nB = \"${A}\"\nC := \"${A}\"\n");
        assertThat(file.failure().kind()).isEqualTo("ExpansionError");
        RecipeFile lazy = parse("A = \"${B}\"\nB = \"${A}\"\n");
        assertThatThrownBy(() -> lazy.recipe().data().getVar("A")).hasMessageContaining("A");
        assertThatThrownBy(() -> parse("inherit cls\ninclude fuzz.bb\n").requireSuccess())
                .isInstanceOf(MetadataException.class).hasMessageContaining("include each other without end");
    }
}
