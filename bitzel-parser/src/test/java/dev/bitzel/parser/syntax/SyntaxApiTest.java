package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point and the value types behave as documented. */
class SyntaxApiTest {

    @Nested
    class Parsing {

        @Test
        void filesGetTheDialectOfTheirExtension(@TempDir Path dir) throws Exception {
            Path conf = Files.writeString(dir.resolve("local.conf"), "inherit x\n");
            Path inc = Files.writeString(dir.resolve("x.inc"), "inherit x\n");
            assertThat(Syntax.parse(conf).dialect()).isEqualTo(Dialect.CONF);
            assertThat(Syntax.parse(conf).hasErrors()).isTrue();
            assertThat(Syntax.parse(inc).dialect()).isEqualTo(Dialect.RECIPE);
            assertThat(Syntax.parse(inc).hasErrors()).isFalse();
            assertThat(Syntax.parse(conf, Dialect.RECIPE).hasErrors()).isFalse();
            assertThat(Syntax.parse(conf).fileName()).isEqualTo(conf.toString());
        }

        @Test
        void diagnosticsNameTheFile() {
            SyntaxTree tree = Syntax.parse("meta/x.bb", "oops\n", Dialect.RECIPE);
            assertThat(tree.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.toString()).isEqualTo("meta/x.bb:1:1: error: unparsed line: 'oops'"));
        }

        @Test
        void warningsAloneAreNotErrors() {
            SyntaxTree tree = Syntax.parse("t", "addtask a b\n", Dialect.RECIPE);
            assertThat(tree.diagnostics()).isNotEmpty();
            assertThat(tree.hasErrors()).isFalse();
        }

        @Test
        void nullArgumentsAreRejectedByName() {
            assertThatThrownBy(() -> Syntax.parse(null, "", Dialect.RECIPE)).hasMessage("fileName");
            assertThatThrownBy(() -> Syntax.parse("f", null, Dialect.RECIPE)).hasMessage("text");
            assertThatThrownBy(() -> Syntax.parse("f", "", null)).hasMessage("dialect");
        }

        @Test
        void veryLongUnparsedLinesAreShortenedInMessages() {
            SyntaxTree tree = Syntax.parse("t", "x".repeat(5000) + "\n", Dialect.RECIPE);
            assertThat(tree.diagnostics().get(0).message()).hasSizeLessThan(1100).endsWith("...'");
        }
    }

    @Nested
    class Values {

        private final SourceRange range = new SourceRange(0, 3, 1, 1, 1);

        @Test
        void nodesRejectTextThatDoesNotFitTheirRange() {
            assertThatThrownBy(() -> new Trivia(range, "ab")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rangesRejectImpossibleValues() {
            assertThatThrownBy(() -> new SourceRange(3, 2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SourceRange(0, 1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SourceRange(0, 1, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void listsAreCopiedAndUnmodifiable() {
            List<String> tasks = new ArrayList<>(List.of("do_a"));
            AddTaskStatement t = new AddTaskStatement(range, "abc", tasks, List.of(), List.of());
            tasks.add("do_b");
            assertThat(t.tasks()).containsExactly("do_a");
            assertThatThrownBy(() -> t.tasks().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void assignmentsNeedANameAndAnOperator() {
            assertThatThrownBy(() -> new Assignment(range, "abc", false, "", null, AssignOp.SET, ""))
                    .hasMessageContaining("name");
            assertThatThrownBy(() -> new Assignment(range, "abc", false, "A", null, null, ""))
                    .hasMessage("op");
        }

        @Test
        void operatorsKnowTheirSymbols() {
            assertThat(AssignOp.values()).extracting(AssignOp::symbol)
                    .containsExactly("=", ":=", "?=", "??=", "+=", "=+", ".=", "=.");
        }
    }
}
