package dev.bitzel.parser.data;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python evaluator for tests that knows a handful of expressions, with Python's results and errors: integer
 * literals and {@code a + b}, {@code a/b}, {@code None}, single-quoted strings and {@code d.getVar('X')}.
 */
final class TestPython implements PythonEvaluator {

    static final TestPython INSTANCE = new TestPython();

    private static final Pattern GETVAR = Pattern.compile("d\\.getVar\\('([^']*)'\\)");
    private static final Pattern BINOP = Pattern.compile("(\\d+)\\s*([+/])\\s*(\\d+)");

    private TestPython() {}

    @Override
    public String evaluateExpression(String code, DataStore d, String varname)
            throws PythonException, ExpansionException {
        String c = code.strip();
        if (c.startsWith("'")) {
            int end = c.indexOf('\'', 1);
            if (end < 0) {
                throw PythonException.syntaxError(code, "unterminated string literal (detected at line 1)");
            }
            return c.substring(1, end);
        }
        if (c.equals("None")) {
            return null;
        }
        Matcher m = GETVAR.matcher(c);
        if (m.matches()) {
            return d.getVar(m.group(1));
        }
        m = BINOP.matcher(c);
        if (m.matches()) {
            long a = Long.parseLong(m.group(1));
            long b = Long.parseLong(m.group(3));
            if (m.group(2).equals("+")) {
                return Long.toString(a + b);
            }
            if (b == 0) {
                throw new PythonException(code, "ZeroDivisionError", "division by zero");
            }
            return Double.toString((double) a / b);
        }
        throw new PythonException(code, "NameError", "name '" + c + "' is not defined");
    }

    @Override
    public CodeReferences references(String code) {
        Matcher m = GETVAR.matcher(code.strip());
        return m.matches() ? new CodeReferences(Set.of(m.group(1)), Set.of()) : CodeReferences.NONE;
    }
}
