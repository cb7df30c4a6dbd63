package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every statement form of BitBake 2.8.1, one line at a time. */
class StatementFormsTest {

    static Node only(String text, Dialect dialect) {
        SyntaxTree tree = Syntax.parse("test", text, dialect);
        assertThat(tree.print()).isEqualTo(text);
        List<Node> statements = tree.nodes().stream().filter(n -> !(n instanceof Trivia)).toList();
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    static Node recipe(String text) {
        return only(text, Dialect.RECIPE);
    }

    static Node conf(String text) {
        return only(text, Dialect.CONF);
    }

    @Nested
    class Assignments {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "A = \"v\"    | SET",
            "A := \"v\"   | IMMEDIATE",
            "A ?= \"v\"   | DEFAULT",
            "A ??= \"v\"  | WEAK_DEFAULT",
            "A += \"v\"   | APPEND",
            "A =+ \"v\"   | PREPEND",
            "A .= \"v\"   | APPEND_NOSPACE",
            "A =. \"v\"   | PREPEND_NOSPACE",
        })
        void everyOperatorIsRecognisedInBothDialects(String line, AssignOp op) {
            for (Dialect dialect : Dialect.values()) {
                Assignment a = (Assignment) only(line + "\n", dialect);
                assertThat(a.name()).isEqualTo("A");
                assertThat(a.op()).isEqualTo(op);
                assertThat(a.value()).isEqualTo("v");
                assertThat(a.flag()).isNull();
                assertThat(a.exported()).isFalse();
            }
        }

        @Test
        void operatorsNeedNoSurroundingWhitespace() {
            Assignment a = (Assignment) recipe("A+=\"v\"");
            assertThat(a.name()).isEqualTo("A");
            assertThat(a.op()).isEqualTo(AssignOp.APPEND);
        }

        @Test
        void theLazyNameCanSwallowAnOperatorCharWhenThatIsTheOnlyWayToMatch() {
            // "A" then "+=" leaves "+ 'x'" with no quote, so the regex backtracks to the name "A+" and "=+".
            Assignment a = (Assignment) recipe("A+=+ 'x'");
            assertThat(a.name()).isEqualTo("A+");
            assertThat(a.op()).isEqualTo(AssignOp.PREPEND);
            assertThat(a.value()).isEqualTo("x");
        }

        @Test
        void overridesAndExpressionsStayInTheNameAsWritten() {
            assertThat(((Assignment) recipe("FOO:append:arm = \" x\"")).name()).isEqualTo("FOO:append:arm");
            assertThat(((Assignment) recipe("${PN}-x = \"1\"")).name()).isEqualTo("${PN}-x");
            assertThat(((Assignment) recipe("A/b~c.d = \"1\"")).name()).isEqualTo("A/b~c.d");
        }

        @Test
        void oldStyleOverrideSyntaxIsNotASyntaxError() {
            Assignment a = (Assignment) recipe("FOO_append = \" x\"");
            assertThat(a.name()).isEqualTo("FOO_append");
        }

        @Test
        void flagsMayContainAtAfterTheFirstChar() {
            Assignment a = (Assignment) recipe("do_install[depends] += \"virtual/x@y\"");
            assertThat(a.flag()).isEqualTo("depends");
            Assignment b = (Assignment) recipe("A[f@g] = \"1\"");
            assertThat(b.flag()).isEqualTo("f@g");
        }

        @Test
        void exportPrefixSetsExported() {
            Assignment a = (Assignment) recipe("export  PATH = \"/bin\"");
            assertThat(a.exported()).isTrue();
            assertThat(a.name()).isEqualTo("PATH");
        }

        @Test
        void aVariableNamedExportIsStillAnAssignment() {
            Assignment a = (Assignment) recipe("export = \"1\"");
            assertThat(a.exported()).isFalse();
            assertThat(a.name()).isEqualTo("export");
        }

        @Test
        void valueKeepsEverythingBetweenTheOuterQuotesUnescaped() {
            assertThat(((Assignment) recipe("A = \"a \\\"b\\\" 'c'\"")).value()).isEqualTo("a \\\"b\\\" 'c'");
            assertThat(((Assignment) recipe("A = 'it''s'")).value()).isEqualTo("it''s");
            assertThat(((Assignment) recipe("A = \"\"")).value()).isEmpty();
        }

        @Test
        void exactlyThreeOfTheSameQuoteIsRejectedByTheLookahead() {
            SyntaxTree tree = Syntax.parse("t", "A = 'a'b'\n", Dialect.RECIPE);
            assertThat(tree.nodes().get(0)).isInstanceOf(ErrorNode.class);
            assertThat(((Assignment) recipe("A = 'a'b'c'")).value()).isEqualTo("a'b'c");
        }

        @Test
        void continuationLinesAreJoinedWithoutTheBackslashesAndLineIsTheLastLine() {
            String text = "A = \"one \\\n    two \\\n\"\nB = \"x\"\n";
            SyntaxTree tree = Syntax.parse("t", text, Dialect.RECIPE);
            Assignment a = (Assignment) tree.nodes().get(0);
            assertThat(a.value()).isEqualTo("one     two ");
            assertThat(a.range().startLine()).isEqualTo(1);
            assertThat(a.range().endLine()).isEqualTo(3);
            assertThat(a.line()).isEqualTo(3);
            assertThat(tree.nodes().get(1).range().startLine()).isEqualTo(4);
        }

        @Test
        void trailingWhitespaceAfterTheClosingQuoteIsStripped() {
            assertThat(((Assignment) recipe("A = \"v\"  \t\n")).value()).isEqualTo("v");
        }
    }

    @Nested
    class SimpleDirectives {

        @Test
        void includeAndRequireKeepTheRawPath() {
            IncludeStatement i = (IncludeStatement) conf("include  conf/${DISTRO}.conf other.conf\n");
            assertThat(i.kind()).isEqualTo(IncludeKind.INCLUDE);
            assertThat(i.path()).isEqualTo("conf/${DISTRO}.conf other.conf");
            IncludeStatement r = (IncludeStatement) recipe("require foo.inc");
            assertThat(r.kind()).isEqualTo(IncludeKind.REQUIRE);
        }

        @Test
        void includeAllDoesNotExistInBitBake281() {
            SyntaxTree tree = Syntax.parse("t", "include_all conf/x.conf\n", Dialect.CONF);
            assertThat(tree.nodes().get(0)).isInstanceOf(ErrorNode.class);
        }

        @Test
        void anAssignmentToAVariableNamedIncludeIsAnAssignment() {
            assertThat(conf("include = \"x\"")).isInstanceOf(Assignment.class);
        }

        @Test
        void exportWithoutValueNamesTheVariable() {
            assertThat(((ExportStatement) conf("export FOO")).name()).isEqualTo("FOO");
        }

        @Test
        void exportOfAnOverriddenNameIsNotAccepted() {
            assertThat(Syntax.parse("t", "export FOO:arm\n", Dialect.RECIPE).hasErrors()).isTrue();
        }

        @Test
        void unsetTakesAVariableOrAFlagOfTwoOrMoreChars() {
            UnsetStatement u = (UnsetStatement) recipe("unset FOO");
            assertThat(u.name()).isEqualTo("FOO");
            assertThat(u.flag()).isNull();
            UnsetStatement f = (UnsetStatement) recipe("unset FOO[doc]");
            assertThat(f.flag()).isEqualTo("doc");
            assertThat(Syntax.parse("t", "unset FOO[d]\n", Dialect.RECIPE).hasErrors()).isTrue();
        }

        @Test
        void addpylibSplitsAtTheLastWhitespaceInConfOnly() {
            AddPylibStatement p = (AddPylibStatement) conf("addpylib ${LAYERDIR}/lib oe\n");
            assertThat(p.directory()).isEqualTo("${LAYERDIR}/lib");
            assertThat(p.namespace()).isEqualTo("oe");
            AddPylibStatement q = (AddPylibStatement) conf("addpylib a b c\n");
            assertThat(q.directory()).isEqualTo("a b");
            assertThat(q.namespace()).isEqualTo("c");
            assertThat(Syntax.parse("t", "addpylib a b\n", Dialect.RECIPE).hasErrors()).isTrue();
        }
    }

    @Nested
    class RecipeOnlyDirectives {

        @Test
        void inheritAndInheritDeferKeepTheRawClasses() {
            InheritStatement i = (InheritStatement) recipe("inherit  a ${B}\n");
            assertThat(i.deferred()).isFalse();
            assertThat(i.classes()).isEqualTo("a ${B}");
            InheritStatement d = (InheritStatement) recipe("inherit_defer c");
            assertThat(d.deferred()).isTrue();
            assertThat(d.classes()).isEqualTo("c");
        }

        @Test
        void inheritWinsOverAnAssignmentInRecipes() {
            InheritStatement i = (InheritStatement) recipe("inherit = \"x\"");
            assertThat(i.classes()).isEqualTo("= \"x\"");
        }

        @Test
        void recipeDirectivesAreUnparsedLinesInConf() {
            for (String line : List.of("inherit a", "addtask a", "deltask a", "addhandler h", "EXPORT_FUNCTIONS f",
                    "def f():", "f() {", "inherit_defer a")) {
                SyntaxTree tree = Syntax.parse("t.conf", line + "\n", Dialect.CONF);
                assertThat(tree.nodes()).first().isInstanceOf(ErrorNode.class);
                assertThat(tree.diagnostics()).first()
                        .satisfies(d -> assertThat(d.message()).isEqualTo("unparsed line: '" + line + "'"));
            }
        }

        @Test
        void deltaskAddhandlerAndExportFunctionsSplitAtWhitespace() {
            assertThat(((DelTaskStatement) recipe("deltask do_a  do_b")).tasks()).containsExactly("do_a", "do_b");
            assertThat(((AddHandlerStatement) recipe("addhandler h1 h2")).handlers()).containsExactly("h1", "h2");
            assertThat(((ExportFunctionsStatement) recipe("EXPORT_FUNCTIONS do_x do_y")).functions())
                    .containsExactly("do_x", "do_y");
        }
    }

    @Nested
    class AddTask {

        AddTaskStatement addtask(String line) {
            return (AddTaskStatement) recipe(line);
        }

        @Test
        void takesAfterAndBeforeInEitherOrder() {
            AddTaskStatement t = addtask("addtask do_x after do_a do_b before do_c");
            assertThat(t.tasks()).containsExactly("do_x");
            assertThat(t.after()).containsExactly("do_a", "do_b");
            assertThat(t.before()).containsExactly("do_c");
            AddTaskStatement u = addtask("addtask do_x before do_c after do_a");
            assertThat(u.before()).containsExactly("do_c");
            assertThat(u.after()).containsExactly("do_a");
        }

        @Test
        void aSecondTaskNameIsIgnoredWithAWarning() {
            SyntaxTree tree = Syntax.parse("t", "addtask do_a do_b\n", Dialect.RECIPE);
            AddTaskStatement t = (AddTaskStatement) tree.nodes().get(0);
            assertThat(t.tasks()).containsExactly("do_a");
            assertThat(t.after()).isEmpty();
            assertThat(tree.hasErrors()).isFalse();
            assertThat(tree.diagnostics()).singleElement()
                    .satisfies(d -> assertThat(d.message()).isEqualTo("addtask ignored: \" do_b\""));
        }

        @Test
        void beforeRunsToTheLastAfterEvenInsideAWord() {
            AddTaskStatement t = addtask("addtask a before do_after_x");
            assertThat(t.before()).containsExactly("do_");
            assertThat(t.after()).containsExactly("_x");
        }

        @Test
        void repeatedKeywordsKeepTheLastCaptureAndWarn() {
            SyntaxTree tree = Syntax.parse("t", "addtask b after x before y after z\n", Dialect.RECIPE);
            AddTaskStatement t = (AddTaskStatement) tree.nodes().get(0);
            assertThat(t.after()).containsExactly("z");
            assertThat(t.before()).containsExactly("y");
            assertThat(tree.diagnostics()).extracting(d -> d.message())
                    .containsExactly("addtask contained multiple 'after' keywords, only one is supported");
        }

        @Test
        void keywordNeedsNoSpaceBeforeItsList() {
            assertThat(addtask("addtask a afterb").after()).containsExactly("b");
        }

        @Test
        void aTaskNameWithAnOverrideKeywordIsAnError() {
            SyntaxTree tree = Syntax.parse("t", "addtask do_x:append_y\n", Dialect.RECIPE);
            assertThat(tree.nodes().get(0)).isInstanceOf(ErrorNode.class);
            assertThat(tree.hasErrors()).isTrue();
        }

        @Test
        void aNameThatIsNotAWordIsAnUnparsedLine() {
            assertThat(Syntax.parse("t", "addtask ${X}\n", Dialect.RECIPE).hasErrors()).isTrue();
        }
    }

    @Nested
    class Functions {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "do_x() {                | do_x      | false | false",
            "do_x () {               | do_x      | false | false",
            "python do_x() {         | do_x      | true  | false",
            "fakeroot do_x() {       | do_x      | false | true",
            "fakeroot python do_x(){ | do_x      | true  | true",
            "python () {             | ''        | true  | false",
            "python __anonymous () { | ''        | true  | false",
            "() {                    | ''        | true  | false",
            "do_x:append:arm() {     | do_x:append:arm | false | false",
            "${PN}-x.y+z() {         | ${PN}-x.y+z | false | false",
            "pythonic() {            | pythonic  | false | false",
            "fakeroot() {            | fakeroot  | false | false",
        })
        void headerFormsAreRecognised(String header, String name, boolean python, boolean fakeroot) {
            FunctionStatement f = (FunctionStatement) recipe(header + "\n    body\n}\n");
            assertThat(f.name()).isEqualTo(name);
            assertThat(f.python()).isEqualTo(python);
            assertThat(f.fakeroot()).isEqualTo(fakeroot);
            assertThat(f.body()).isEqualTo("    body\n");
            assertThat(f.anonymous()).isEqualTo(name.isEmpty());
        }

        @Test
        void bodyIsTheRightStrippedLinesJoinedWithATrailingNewline() {
            FunctionStatement f = (FunctionStatement) recipe("do_x() {  \n  a  \\\n# c\n\n}  \n");
            assertThat(f.body()).isEqualTo("  a  \\\n# c\n\n");
            assertThat(f.bodyLine()).isEqualTo(1);
            assertThat(f.line()).isEqualTo(5);
        }

        @Test
        void anEmptyBodyIsEmpty() {
            assertThat(((FunctionStatement) recipe("do_x() {\n}")).body()).isEmpty();
        }

        @Test
        void onlyAnUnindentedBraceClosesTheFunction() {
            FunctionStatement f = (FunctionStatement) recipe("do_x() {\n  }\n};\n}\n");
            assertThat(f.body()).isEqualTo("  }\n};\n");
        }

        @Test
        void aHeaderContinuedOverTwoLinesRecordsItsLastLine() {
            FunctionStatement f = (FunctionStatement) recipe("do_x() \\\n{\n  a\n}\n");
            assertThat(f.bodyLine()).isEqualTo(2);
            assertThat(f.range().startLine()).isEqualTo(1);
        }

        @Test
        void pythonFunctionsWithTabsGetAWarning() {
            SyntaxTree tree = Syntax.parse("x.bb", "python do_x() {\n  \tpass\n}\n", Dialect.RECIPE);
            assertThat(tree.hasErrors()).isFalse();
            assertThat(tree.diagnostics()).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(2);
                assertThat(d.column()).isEqualTo(3);
                assertThat(d.message()).startsWith("python should use 4 spaces indentation");
            });
        }
    }

    @Nested
    class PythonDefs {

        @Test
        void aDefBlockTakesIndentedBlankAndCommentLines() {
            String text = "def f(d):\n    x = 1\n\n# c\n    return x\nA = \"1\"\n";
            SyntaxTree tree = Syntax.parse("t", text, Dialect.RECIPE);
            PythonDefStatement d = (PythonDefStatement) tree.nodes().get(0);
            assertThat(d.name()).isEqualTo("f");
            assertThat(d.source()).isEqualTo("def f(d):\n    x = 1\n\n# c\n    return x");
            assertThat(d.range().endLine()).isEqualTo(5);
            assertThat(d.line()).isEqualTo(6);
            assertThat(d.recordedLine()).isEqualTo(0);
            assertThat(tree.nodes().get(1)).isInstanceOf(Assignment.class);
        }

        @Test
        void aDefAtTheEndOfTheFileIsClosedByIt() {
            PythonDefStatement d = (PythonDefStatement) recipe("def f():\n    pass");
            assertThat(d.source()).isEqualTo("def f():\n    pass");
            assertThat(d.line()).isEqualTo(3);
        }

        @Test
        void aDefNeedsAColonSomewhereAfterTheName() {
            assertThat(Syntax.parse("t", "def f()\n", Dialect.RECIPE).hasErrors()).isTrue();
            assertThat(((PythonDefStatement) recipe("def f(a=':')")).name()).isEqualTo("f");
        }
    }
}
