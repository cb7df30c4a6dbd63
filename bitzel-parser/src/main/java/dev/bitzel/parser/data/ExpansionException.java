package dev.bitzel.parser.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expanding a variable or text failed: BitBake's {@code ExpansionError}.
 *
 * <p>{@link #getMessage()} is BitBake's {@code str()} of the error: the failure, then the variable dependency chain
 * from the failing variable outwards, e.g. {@code "Failure expanding variable A, expression was x ${A} which
 * triggered exception Exception: variable A references itself!\nThe variable dependency chain for the failure is:
 * A -> B"}.
 */
public class ExpansionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String expression;
    private final String exceptionType;
    private final String exceptionMessage;
    private final String msg;
    private final List<String> chain = new ArrayList<>();

    /**
     * Creates the error as BitBake's {@code ExpansionError(varname, expression, exception)} does.
     *
     * @param variable the variable being expanded (e.g. {@code "A"} or {@code "A[doc]"}), or {@code null}
     * @param expression the text being expanded when it failed, or {@code null}
     * @param exceptionType the Python class name of the underlying exception
     * @param exceptionMessage the underlying exception's message
     * @param cause the underlying Java exception, or {@code null}
     */
    public ExpansionException(
            String variable, String expression, String exceptionType, String exceptionMessage, Throwable cause) {
        super(cause);
        this.variable = variable;
        this.expression = expression;
        this.exceptionType = exceptionType;
        this.exceptionMessage = exceptionMessage;
        if (variable != null && !variable.isEmpty()) {
            if (expression != null && !expression.isEmpty()) {
                msg = "Failure expanding variable " + variable + ", expression was " + expression
                        + " which triggered exception " + exceptionType + ": " + exceptionMessage;
            } else {
                msg = "Failure expanding variable " + variable + ": " + exceptionType + ": " + exceptionMessage;
            }
        } else {
            msg = "Failure expanding expression " + expression + " which triggered exception " + exceptionType
                    + ": " + exceptionMessage;
        }
        chain.add(variable != null && !variable.isEmpty() ? variable
                : expression != null && !expression.isEmpty() ? expression : "");
    }

    /** The variable whose expansion failed (innermost), or {@code null} for a bare text. */
    public String variable() {
        return variable;
    }

    /** The text being expanded when it failed, or {@code null}. */
    public String expression() {
        return expression;
    }

    /** The Python class name of the underlying failure, e.g. {@code "Exception"} or {@code "RecursionError"}. */
    public String exceptionType() {
        return exceptionType;
    }

    /** The underlying failure's message, e.g. {@code "variable A references itself!"}. */
    public String exceptionMessage() {
        return exceptionMessage;
    }

    /** The variables from the failing one outwards (BitBake's {@code varlist}); unmodifiable. */
    public List<String> chain() {
        return Collections.unmodifiableList(chain);
    }

    /** BitBake's {@code msg}: the failure without the dependency chain. */
    public String failure() {
        return msg;
    }

    void addVar(String name) {
        if (name != null && !name.isEmpty()) {
            chain.add(name);
        }
    }

    @Override
    public String getMessage() {
        return msg + "\nThe variable dependency chain for the failure is: " + String.join(" -> ", chain);
    }
}
