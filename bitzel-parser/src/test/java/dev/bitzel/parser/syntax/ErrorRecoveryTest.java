package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** BitBake's own parse errors become diagnostics, and parsing goes on with the next statement. */
class ErrorRecoveryTest {

    static SyntaxTree recipe(String text) {
        SyntaxTree tree = Syntax.parse("r.bb", text, Dialect.RECIPE);
        assertThat(tree.print()).isEqualTo(text);
        return tree;
    }

    static SyntaxTree conf(String text) {
        SyntaxTree tree = Syntax.parse("c.conf", text, Dialect.CONF);
        assertThat(tree.print()).isEqualTo(text);
        return tree;
    }

    static List<String> kinds(SyntaxTree tree) {
        return tree.nodes().stream().map(n -> n.getClass().getSimpleName()).toList();
    }

    @Nested
    class UnparsedLines {

        @Test
        void areReportedAtTheirLineAndTheNextStatementIsParsed() {
            SyntaxTree tree = recipe("A = \"1\"\nnonsense here\nB = \"2\"\n");
            assertThat(kinds(tree)).containsExactly("Assignment", "ErrorNode", "Assignment");
            assertThat(tree.diagnostics()).singleElement().isEqualTo(
                    new Diagnostic("r.bb", 2, 1, Severity.ERROR, "unparsed line: 'nonsense here'"));
            assertThat(((ErrorNode) tree.nodes().get(1)).message()).isEqualTo("unparsed line: 'nonsense here'");
        }

        @Test
        void indentedStatementsAndCommentsAreUnparsedInBothDialects() {
            assertThat(recipe("  # indented comment\n").hasErrors()).isTrue();
            assertThat(conf("  A = \"1\"\n").hasErrors()).isTrue();
        }

        @Test
        void aMissingClosingQuoteIsAnUnparsedLine() {
            SyntaxTree tree = recipe("A = \"1\nB = \"2\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "Assignment");
        }

        @Test
        void theMessageQuotesTheJoinedLogicalLine() {
            SyntaxTree tree = recipe("A = \\\n  b\n");
            assertThat(tree.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.message()).isEqualTo("unparsed line: 'A =   b'"));
        }
    }

    @Nested
    class CommentsWithBackslashes {

        @Test
        void aCommentContinuedIntoAnotherCommentIsOneTriviaNode() {
            SyntaxTree tree = recipe("# one \\\n# two\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("Trivia", "Assignment");
            assertThat(tree.diagnostics()).isEmpty();
        }

        @Test
        void aCommentContinuedIntoAStatementIsTheConfusingMultilineError() {
            SyntaxTree tree = recipe("# one \\\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "Assignment");
            assertThat(tree.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(1);
                assertThat(d.message()).startsWith("confusing multiline, partially commented expression");
            });
        }

        @Test
        void aCommentContinuedIntoABlankLineIsAlsoConfusing() {
            assertThat(recipe("# one \\\n\nA = \"1\"\n").hasErrors()).isTrue();
            assertThat(conf("# one \\\n\nA = \"1\"\n").hasErrors()).isTrue();
        }

        @Test
        void inConfACommentContinuedIntoAStatementIsConfusingToo() {
            SyntaxTree tree = conf("# one \\\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "Assignment");
        }

        @Test
        void aCommentInTheMiddleOfAMultilineRecipeExpressionIsAnError() {
            SyntaxTree tree = recipe("A = \"1 \\\n# c\n2\"\nB = \"3\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "ErrorNode", "Assignment");
            assertThat(tree.diagnostics().get(0).message())
                    .isEqualTo("comment on line 2 is in the middle of the multiline expression started at line 1");
        }

        @Test
        void inConfACommentLineIsJoinedIntoTheExpression() {
            SyntaxTree tree = conf("A = \"1 \\\n# c\"\n");
            Assignment a = (Assignment) tree.nodes().get(0);
            assertThat(a.value()).isEqualTo("1 # c");
        }

        @Test
        void aCommentEndingInABackslashAtTheEndOfTheFileIsAnError() {
            assertThat(recipe("# c \\\n").hasErrors()).isTrue();
            assertThat(conf("# c \\").hasErrors()).isTrue();
        }
    }

    @Nested
    class Continuations {

        @Test
        void aRecipeStatementEndingInABackslashAtTheEndOfTheFileIsUnparsed() {
            SyntaxTree tree = recipe("A = \"1\"\nB = \"2\" \\\n");
            assertThat(kinds(tree)).containsExactly("Assignment", "ErrorNode");
            assertThat(tree.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.message()).startsWith("unparsed lines at end of file"));
        }

        @Test
        void aConfStatementEndingInABackslashAtTheEndOfTheFileIsJoinedWithNothing() {
            SyntaxTree tree = conf("B = \"2\"\\\n");
            assertThat(((Assignment) tree.nodes().get(0)).value()).isEqualTo("2");
        }

        @Test
        void aLoneBackslashLineCrashesBitBakeInRecipes() {
            SyntaxTree tree = recipe("\\\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "Assignment");
            assertThat(tree.diagnostics().get(0).message()).contains("IndexError");
        }

        @Test
        void aLoneBackslashBeforeABlankLineCrashesBitBakeInConf() {
            SyntaxTree tree = conf("\\\n\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "Assignment");
            assertThat(tree.diagnostics().get(0).message()).contains("IndexError");
        }

        @Test
        void aLoneBackslashBeforeAStatementIsHarmlessInConf() {
            SyntaxTree tree = conf("\\\nA = \"1\"\n");
            assertThat(kinds(tree)).containsExactly("Assignment");
            assertThat(tree.hasErrors()).isFalse();
        }
    }

    @Nested
    class UnclosedFunctions {

        @Test
        void areReportedAtTheHeaderAndTheFollowingLinesAreParsedAsStatements() {
            SyntaxTree tree = recipe("A = \"1\"\ndo_install() {\n    echo x\nB = \"2\"\n");
            assertThat(kinds(tree)).containsExactly("Assignment", "ErrorNode", "ErrorNode", "Assignment");
            assertThat(tree.diagnostics().get(0)).isEqualTo(new Diagnostic("r.bb", 2, 1, Severity.ERROR,
                    "expected '}' to close function do_install started at line 2"));
        }

        @Test
        void laterFunctionsCannotCloseEither() {
            SyntaxTree tree = recipe("a() {\nb() {\nc() {\n");
            assertThat(kinds(tree)).containsExactly("ErrorNode", "ErrorNode", "ErrorNode");
            assertThat(tree.diagnostics()).hasSize(3);
        }

        @Test
        void warningsFromTheUnclosedBodyAreDropped() {
            SyntaxTree tree = recipe("python () {\n\tx = 1\n");
            assertThat(tree.diagnostics()).extracting(Diagnostic::severity).containsOnly(Severity.ERROR);
        }

        @Test
        void anAnonymousFunctionIsNamedSo() {
            SyntaxTree tree = recipe("python () {\n");
            assertThat(tree.diagnostics().get(0).message())
                    .isEqualTo("expected '}' to close anonymous python function started at line 1");
        }
    }

    @Test
    void encodingErrorsAreReportedWhenReadingFiles() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bad", ".bb");
        try {
            java.nio.file.Files.write(file, new byte[] {'A', ' ', '=', ' ', '"', (byte) 0xff, '"', '\n'});
            SyntaxTree tree = Syntax.parse(file);
            assertThat(tree.hasErrors()).isTrue();
            assertThat(tree.diagnostics().get(0).message()).contains("UTF-8");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
