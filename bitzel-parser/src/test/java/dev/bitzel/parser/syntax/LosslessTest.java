package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree gives back its text byte for byte, and ranges are consistent. */
class LosslessTest {

    static void assertWellFormed(SyntaxTree tree) {
        assertThat(tree.print()).isEqualTo(tree.text());
        int offset = 0;
        int line = 1;
        for (Node node : tree.nodes()) {
            SourceRange r = node.range();
            assertThat(r.start()).isEqualTo(offset);
            assertThat(node.text()).isEqualTo(tree.text().substring(r.start(), r.end()));
            assertThat(r.startLine()).isEqualTo(line);
            assertThat(r.startColumn()).isEqualTo(1);
            assertThat(node.text()).isNotEmpty();
            offset = r.end();
            line = r.endLine() + 1;
        }
        assertThat(offset).isEqualTo(tree.text().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n",
        "A = \"1\"",
        "A = \"1\"\r\nB = \"2\"\r\n",
        "A = \"1\"\rB = \"2\"\r",
        "\t\n  \n# c\n",
        "A = \"1\"   \t\n",
        "do_x() {\r\n\techo\r\n}\r\n",
        "A = \"a \\\r\nb\"\r\n",
        "def f():\r\n    pass\r\n\r\n",
        "\r\n\r\n\n\r",
    })
    void textsPrintBackAndRangesTileThem(String text) {
        for (Dialect dialect : Dialect.values()) {
            assertWellFormed(Syntax.parse("t", text, dialect));
        }
    }

    @Test
    void carriageReturnsEndLinesAsInPythonsUniversalNewlines() {
        SyntaxTree tree = Syntax.parse("t", "A = \"1\"\rB = \"2\"\r\nC = \"3\"\n", Dialect.RECIPE);
        assertThat(tree.nodes()).extracting(n -> n.range().startLine()).containsExactly(1, 2, 3);
        assertThat(tree.nodes()).allSatisfy(n -> assertThat(n).isInstanceOf(Assignment.class));
    }

    @Test
    void emptyTextHasNoNodes() {
        assertThat(Syntax.parse("t", "", Dialect.RECIPE).nodes()).isEmpty();
    }

    @Test
    void treesAreImmutable() {
        SyntaxTree tree = Syntax.parse("t", "A = \"1\"\n", Dialect.RECIPE);
        List<Node> nodes = tree.nodes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nodes.clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void dialectFollowsTheFileName() {
        assertThat(Dialect.forFileName("x/local.conf")).isEqualTo(Dialect.CONF);
        assertThat(Dialect.forFileName("x/a.inc")).isEqualTo(Dialect.RECIPE);
        assertThat(Dialect.forFileName("x/a.bbappend")).isEqualTo(Dialect.RECIPE);
    }
}
