package dev.bitzel.parser.data;

import java.util.Objects;

/**
 * Inline Python ({@code ${@...}}) failed; thrown by a {@link PythonEvaluator}.
 *
 * <p>The datastore wraps it into an {@link ExpansionException}, as BitBake wraps any exception into its
 * {@code ExpansionError}, except for {@linkplain #syntaxError syntax errors} about an unterminated string literal,
 * which BitBake takes as a sign that the expression regex cut the code short and leaves unexpanded.
 */
public class PythonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String type;
    private final boolean syntaxError;

    /**
     * Creates an exception of Python type {@code Exception}.
     *
     * @param code the Python code that failed
     * @param message Python's {@code str()} of the exception
     */
    public PythonException(String code, String message) {
        this(code, "Exception", message, false);
    }

    /**
     * Creates an exception of the given Python type.
     *
     * @param code the Python code that failed
     * @param type the Python exception class name, e.g. {@code "NameError"}
     * @param message Python's {@code str()} of the exception
     */
    public PythonException(String code, String type, String message) {
        this(code, type, message, "SyntaxError".equals(type));
    }

    private PythonException(String code, String type, String message, boolean syntaxError) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.type = Objects.requireNonNull(type, "type");
        this.syntaxError = syntaxError;
    }

    /**
     * Creates a {@code SyntaxError} from compiling the code.
     *
     * @param code the Python code
     * @param msg the {@code SyntaxError}'s {@code msg}, e.g. {@code "unterminated string literal (detected at line 1)"}
     * @return the exception
     */
    public static PythonException syntaxError(String code, String msg) {
        return new PythonException(code, "SyntaxError", msg, true);
    }

    /** The Python code that failed. */
    public String code() {
        return code;
    }

    /** The Python exception class name. */
    public String type() {
        return type;
    }

    /** Whether this is a {@code SyntaxError} from compiling the code. */
    public boolean isSyntaxError() {
        return syntaxError;
    }
}
