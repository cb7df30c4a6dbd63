package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the tree of each fixture under {@code golden/} with its {@code .tree} file.
 *
 * <p>Run with {@code -Dbitzel.updateGolden=true} to rewrite the {@code .tree} files in
 * {@code src/test/resources} after an intended change, then review the diff.
 */
class GoldenTest {

    static List<Path> fixtures() {
        try {
            Path dir = Path.of(GoldenTest.class.getResource("golden").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> !p.toString().endsWith(".tree")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureParsesToItsGoldenTree() {
        return fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
            String name = fixture.getFileName().toString();
            SyntaxTree tree = Syntax.parse(name, Files.readString(fixture), Dialect.forFileName(name));
            String actual = TreeDump.dump(tree);
            Path source = Path.of("src/test/resources/dev/bitzel/parser/syntax/golden", name + ".tree");
            if (Boolean.getBoolean("bitzel.updateGolden")) {
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            }
            Path expected = fixture.resolveSibling(name + ".tree");
            assertThat(expected).as("golden file for %s", name).exists();
            assertThat(actual).isEqualTo(Files.readString(expected));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachFixturePrintsBackByteForByte() {
        return fixtures().stream().map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(fixture);
            SyntaxTree tree = Syntax.parse(fixture);
            assertThat(tree.print().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
            assertThat(tree.dialect()).isEqualTo(Dialect.forFileName(fixture.toString()));
        }));
    }
}
