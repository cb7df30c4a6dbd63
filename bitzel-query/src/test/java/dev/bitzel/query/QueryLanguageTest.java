package dev.bitzel.query;

import static dev.bitzel.query.Fixtures.APP_BB;
import static dev.bitzel.query.Fixtures.APP_INC;
import static dev.bitzel.query.Fixtures.AUTOTOOLS;
import static dev.bitzel.query.Fixtures.ZLIB_BB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.parser.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryLanguageTest {
    private static final QueryUniverse UNIVERSE = Fixtures.universe();

    static List<String> eval(String query) throws QueryException {
        return Query.parse(query).evaluate(UNIVERSE).labels();
    }

    static List<String> eval(String query, EdgeKind edges) throws QueryException {
        return Query.parse(query).evaluate(UNIVERSE, QueryOptions.builder().edges(edges).build()).labels();
    }

    @Nested
    class Precedence {
        @Test
        void allSetOperatorsHaveEqualPrecedenceAndAssociateLeftAsInBazel() throws Exception {
            assertThat(Query.parse("a - b + c")).hasToString("((a - b) + c)");
            assertThat(Query.parse("a + b ^ c")).hasToString("((a + b) ^ c)");
            assertThat(Query.parse("a ^ b + c")).hasToString("((a ^ b) + c)");
            assertThat(Query.parse("a union b except c intersect d")).hasToString("(((a + b) - c) ^ d)");
            assertThat(Query.parse("a + (b ^ c)")).hasToString("(a + (b ^ c))");
        }

        @Test
        void evaluationFollowsThatGrouping() throws Exception {
            assertThat(eval("app - app + lib")).containsExactly("lib");
            assertThat(eval("app - (app + lib)")).isEmpty();
            assertThat(eval("app + lib ^ lib")).containsExactly("lib");
            assertThat(eval("app + (lib ^ lib)")).containsExactly("app", "lib");
            assertThat(eval("app union lib except app intersect lib")).containsExactly("lib");
        }

        @Test
        void theBodyOfLetExtendsAsFarAsPossible() throws Exception {
            assertThat(Query.parse("let x = a in $x + b")).hasToString("(let x = a in ($x + b))");
            assertThat(Query.parse("a + let x = b in $x - c")).hasToString("(a + (let x = b in ($x - c)))");
            assertThat(Query.parse("(let x = a in $x) + b")).hasToString("((let x = a in $x) + b)");
        }

        @Test
        void aMinusStartingAWordIsTheOperatorButInsideAWordItIsPartOfTheName() throws Exception {
            assertThat(Query.parse("zlib-native -lib")).hasToString("(zlib-native - lib)");
            assertThatThrownBy(() -> eval("zlib-native-app")).hasMessageContaining("no recipe 'zlib-native-app'");
        }

        @Test
        void canonicalTextParsesBackToItself() throws Exception {
            for (String text : List.of("deps(app, 2) - kind(\"class:autotools\", //...)",
                    "let d = rdeps(//...:*, glibc:do_install, 1) in somepath($d, app) ^ set(app \"gtk+3\")",
                    "attr(LICENSE, \"GPL.*\", buildfiles(app) + rbuildfiles(a.bbclass, b.inc))",
                    "'\"quoted\"' intersect \"in\"")) {
                String canonical = Query.parse(text).toString();
                assertThat(Query.parse(canonical)).hasToString(canonical);
            }
        }

        @Test
        void quotedWordsKeepOperatorCharactersAndAreNeverKeywords() throws Exception {
            assertThat(Query.parse("\"gtk+3\" + 'a b'")).hasToString("(\"gtk+3\" + \"a b\")");
            assertThat(Query.parse("\"let\"")).hasToString("\"let\"");
            assertThat(eval("\"app\" + 'lib'")).containsExactly("app", "lib");
        }
    }

    @Nested
    class SyntaxErrors {
        private QuerySyntaxException syntaxError(String query) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Query.parse(query));
            assertThat(thrown).isInstanceOf(QuerySyntaxException.class);
            return (QuerySyntaxException) thrown;
        }

        @Test
        void aMissingClosingParenthesisPointsAtTheEnd() {
            QuerySyntaxException e = syntaxError("deps(app");
            assertThat(e.column()).isEqualTo(9);
            assertThat(e.getMessage()).isEqualTo("query:1:9: error: expected ',' or ')' after argument 1 of deps, "
                    + "found end of query: usage deps(EXPR[, DEPTH])\ndeps(app\n        ^");
        }

        @Test
        void theCaretStandsUnderTheOffendingToken() {
            QuerySyntaxException e = syntaxError("somepath(app,, lib)");
            assertThat(e.column()).isEqualTo(14);
            assertThat(e.getMessage()).endsWith("\nsomepath(app,, lib)\n             ^");
            assertThat(e.reason()).isEqualTo("expected a target pattern, a function call, 'let' or '(', found ','");
        }

        @Test
        void unknownFunctionsAreNamedWithTheKnownOnes() {
            QuerySyntaxException e = syntaxError("app + foo(app)");
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.reason()).startsWith("unknown function 'foo'; functions are deps, rdeps, allrdeps");
        }

        @Test
        void depthsMustBeNonNegativeIntegers() {
            assertThat(syntaxError("deps(app, x)").column()).isEqualTo(11);
            assertThat(syntaxError("deps(app, x)").reason()).startsWith("expected a non-negative integer as "
                    + "argument 2 of deps, found 'x'");
            assertThat(syntaxError("deps(app, -1)").reason()).startsWith("expected an integer as argument 2 of "
                    + "deps, found '-'");
        }

        @Test
        void wrongArgumentCountsSayTheUsage() {
            assertThat(syntaxError("deps()").reason()).isEqualTo("deps needs 1 argument, got 0: usage "
                    + "deps(EXPR[, DEPTH])");
            QuerySyntaxException few = syntaxError("somepath(app)");
            assertThat(few.column()).isEqualTo(13);
            assertThat(few.reason()).isEqualTo("somepath needs 2 arguments, got 1: usage somepath(FROM, TO)");
            QuerySyntaxException many = syntaxError("deps(app, 1, 2)");
            assertThat(many.column()).isEqualTo(12);
            assertThat(many.reason()).isEqualTo("too many arguments to deps: usage deps(EXPR[, DEPTH])");
        }

        @Test
        void incompleteAndTrailingInputIsReported() {
            assertThat(syntaxError("app +").column()).isEqualTo(6);
            assertThat(syntaxError("app +").reason()).startsWith("unexpected end of query");
            QuerySyntaxException trailing = syntaxError("app lib");
            assertThat(trailing.column()).isEqualTo(5);
            assertThat(trailing.reason()).isEqualTo("unexpected 'lib' after a complete expression; join "
                    + "expressions with +, - or ^");
            assertThat(syntaxError("").reason()).startsWith("empty query");
            assertThat(syntaxError("   ").column()).isEqualTo(1);
        }

        @Test
        void badCharactersAndUnterminatedQuotesAreReported() {
            QuerySyntaxException pipe = syntaxError("app | lib");
            assertThat(pipe.column()).isEqualTo(5);
            assertThat(pipe.reason()).contains("set operators are + (union), - (except) and ^ (intersect)");
            QuerySyntaxException quote = syntaxError("app + \"lib");
            assertThat(quote.column()).isEqualTo(7);
            assertThat(quote.reason()).isEqualTo("unterminated quoted word: no closing \"");
        }

        @Test
        void variablesAreResolvedWhenParsing() {
            assertThat(syntaxError("$x").reason()).isEqualTo("undefined variable $x");
            QuerySyntaxException outside = syntaxError("let x = app in $x + $y");
            assertThat(outside.column()).isEqualTo(21);
            assertThat(outside.reason()).isEqualTo("undefined variable $y; defined here: $x");
            assertThat(syntaxError("let x = $x in app").reason()).isEqualTo("undefined variable $x");
            assertThat(syntaxError("(let x = app in $x) + $x").column()).isEqualTo(23);
            assertThat(syntaxError("let 1x = app in app").reason()).startsWith("expected a variable name");
            assertThat(syntaxError("let x app").reason()).isEqualTo("expected '=' after 'let x', found 'app'");
            assertThat(syntaxError("let x = app $x").reason()).startsWith("expected 'in' after the value");
        }

        @Test
        void badRegularExpressionsPointInsideTheWord() {
            QuerySyntaxException e = syntaxError("filter(\"ab[\", app)");
            assertThat(e.reason()).startsWith("bad regular expression for filter: Unclosed character class");
            assertThat(e.column()).isEqualTo(11);
            assertThat(e.getCause()).isInstanceOf(java.util.regex.PatternSyntaxException.class);
        }

        @Test
        void errorsOnLaterLinesGiveThatLineAndItsColumn() {
            QuerySyntaxException e = syntaxError("deps(app)\n  + )");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.getMessage()).endsWith("\n  + )\n    ^");
            assertThat(e.diagnostic()).isEqualTo(Diagnostic.error("query", 2, 5, e.reason()));
        }

        @Test
        void setTakesWordsSeparatedBySpaces() {
            assertThat(syntaxError("set(app, lib)").reason()).startsWith("expected a target pattern or ')' in "
                    + "set(...), found ','");
        }
    }

    @Nested
    class TargetPatterns {
        @Test
        void aRecipeNameIsThatRecipe() throws Exception {
            assertThat(eval("busybox")).containsExactly("busybox");
        }

        @Test
        void aTaskIsNamedWithOrWithoutItsDoPrefix() throws Exception {
            assertThat(eval("app:do_compile")).containsExactly("app:do_compile");
            assertThat(eval("app:compile")).containsExactly("app:do_compile");
        }

        @Test
        void starAfterTheColonIsEveryTaskOfTheRecipe() throws Exception {
            assertThat(eval("app:*")).containsExactly("app:do_fetch", "app:do_compile", "app:do_install");
            assertThat(eval("t-a:*")).containsExactly("t-a:do_x");
        }

        @Test
        void wildcardsMatchRecipeAndTaskNames() throws Exception {
            assertThat(eval("*zlib*")).containsExactly("zlib", "zlib-native", "nativesdk-zlib");
            assertThat(eval("lib*")).containsExactly("lib");
            assertThat(eval("app:do_*")).containsExactly("app:do_fetch", "app:do_compile", "app:do_install");
            assertThat(eval("app:*install")).containsExactly("app:do_install");
            assertThat(eval("*:do_x")).containsExactly("t-a:do_x", "t-b:do_x");
            assertThat(eval("nomatch*")).isEmpty();
        }

        @Test
        void slashSlashDotDotDotIsEveryRecipeAndWithATaskEveryTask() throws Exception {
            assertThat(eval("//...")).hasSize(12).startsWith("core-image", "app").endsWith("gcc-cross");
            assertThat(eval("//...:*")).hasSize(14);
            assertThat(eval("//...:do_fetch")).containsExactly("app:do_fetch", "lib:do_fetch", "zlib:do_fetch",
                    "glibc:do_fetch");
        }

        @Test
        void aNameOnlyOneRecipeProvidesNamesThatRecipe() throws Exception {
            assertThat(eval("virtual/libc")).containsExactly("glibc");
            assertThat(eval("virtual/libc:do_install")).containsExactly("glibc:do_install");
        }

        @Test
        void setIsTheUnionOfItsWords() throws Exception {
            assertThat(eval("set(lib app)")).containsExactly("app", "lib");
            assertThat(eval("set()")).isEmpty();
        }

        @Test
        void unknownNamesAreErrorsAtTheirColumnWithASuggestion() {
            assertThatThrownBy(() -> eval("deps(busybx)")).isInstanceOf(QueryException.class)
                    .isNotInstanceOf(QuerySyntaxException.class)
                    .hasMessage("query:1:6: error: no recipe 'busybx' in the universe; did you mean 'busybox'?\n"
                            + "deps(busybx)\n     ^");
            assertThatThrownBy(() -> eval("app:do_nothing")).hasMessageContaining("no task 'app:do_nothing' in "
                    + "the task graph; app has do_compile, do_fetch, do_install");
            assertThatThrownBy(() -> eval("zlib-native:*")).hasMessageContaining("recipe 'zlib-native' has no "
                    + "tasks in the task graph");
            assertThatThrownBy(() -> eval("//foo")).hasMessageContaining("the only patterns starting with // are");
            assertThatThrownBy(() -> eval("app:")).hasMessageContaining("expected RECIPE, RECIPE:TASK or RECIPE:*");
        }

        @Test
        void evaluationErrorsOnLaterLinesPointThere() {
            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> eval("deps(app)\n  + nosuch"));
            assertThat(((QueryException) e).line()).isEqualTo(2);
            assertThat(((QueryException) e).column()).isEqualTo(5);
        }
    }

    @Nested
    class Let {
        @Test
        void aBoundSetIsReusedByName() throws Exception {
            assertThat(eval("let d = deps(app) in $d - kind(\"class:autotools\", $d)")).containsExactly("zlib",
                    "glibc");
        }

        @Test
        void anInnerBindingShadowsAnOuterOneOnlyInsideItsBody() throws Exception {
            assertThat(eval("let x = app in (let x = lib in $x) + $x")).containsExactly("app", "lib");
            assertThat(eval("let x = app in let x = lib in $x")).containsExactly("lib");
        }
    }
}
