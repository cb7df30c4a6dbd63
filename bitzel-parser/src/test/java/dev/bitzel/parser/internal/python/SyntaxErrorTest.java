package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors located and worded as CPython 3.11 reports them (line, 1-based column, message). */
class SyntaxErrorTest {
    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("x = (1, 2", 1, 5, "'(' was never closed"),
            Arguments.of("if x\n    pass", 1, 5, "expected ':'"),
            Arguments.of("def f(:\n    pass", 1, 7, "invalid syntax"),
            Arguments.of("x = = 1", 1, 5, "invalid syntax"),
            Arguments.of("print 'hello'", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"),
            Arguments.of("for x in range(3)\n    pass", 1, 18, "expected ':'"),
            Arguments.of("def f():\nreturn 1", 2, 1, "expected an indented block after function definition on line 1"),
            Arguments.of("x = 1 +", 1, 8, "invalid syntax"),
            Arguments.of("f(a for a in b, c)", 1, 3, "Generator expression must be parenthesized"),
            Arguments.of("x = [1, 2", 1, 5, "'[' was never closed"),
            Arguments.of("return 5", 1, 1, "'return' outside function"),
            Arguments.of("class A\n    pass", 1, 8, "expected ':'"),
            Arguments.of("x = 'abc", 1, 5, "unterminated string literal (detected at line 1)"),
            Arguments.of("x = '''abc", 1, 5, "unterminated triple-quoted string literal (detected at line 1)"),
            Arguments.of("f() = 1", 1, 1, "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
            Arguments.of("1 = x", 1, 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?"),
            Arguments.of("del f()", 1, 5, "cannot delete function call"),
            Arguments.of("x += 1 = 2", 1, 8, "invalid syntax"),
            Arguments.of("lambda: yield", 1, 9, "invalid syntax"),
            Arguments.of("def f(a=1, b):\n    pass", 1, 12, "non-default argument follows default argument"),
            Arguments.of("break", 1, 1, "'break' outside loop"),
            Arguments.of("x = 0777", 1, 5, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
            Arguments.of("x = $y", 1, 5, "invalid syntax"),
            Arguments.of("else:\n    pass", 1, 1, "invalid syntax"),
            Arguments.of("import", 1, 7, "invalid syntax"),
            Arguments.of("from x import", 1, 14, "invalid syntax"),
            Arguments.of("a, b += 1", 1, 1, "'tuple' is an illegal expression for augmented assignment"),
            Arguments.of("x = {1: 2, 3}", 1, 12, "':' expected after dictionary key"),
            Arguments.of("def f(a, a):\n    pass", 1, 10, "duplicate argument 'a' in function definition"),
            Arguments.of("nonlocal x", 1, 1, "nonlocal declaration not allowed at module level"),
            Arguments.of("x = 1 if y", 1, 5, "expected 'else' after 'if' expression"),
            Arguments.of("with open(x) as:\n    pass", 1, 16, "invalid syntax"),
            Arguments.of("f(**a, *b)", 1, 8, "iterable argument unpacking follows keyword argument unpacking"),
            Arguments.of("x = (yield)", 1, 6, "'yield' outside function"),
            Arguments.of("@\ndef f(): pass", 1, 2, "invalid syntax"),
            Arguments.of("while x:\npass", 2, 1, "expected an indented block after 'while' statement on line 1"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsLikeCPython(String source, int line, int column, String message) {
        assertThatThrownBy(() -> new PythonRuntime().compile(source, "f.py", 1, PythonRuntime.Mode.EXEC))
                .isInstanceOfSatisfying(PythonSyntaxError.class, e -> {
                    assertThat(e.reason()).isEqualTo(message);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }
}
