package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python exception travelling through Java: raised by Python code or by native functions, caught by
 * {@code except} clauses, and surfacing to embedders. It wraps the Python exception object.
 */
public final class PythonError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient PyInstance exception;
    private final List<String> traceback = new ArrayList<>();

    /** Wraps a Python exception instance (an instance of a BaseException subclass). */
    public PythonError(PyInstance exception) {
        super(null, null, false, false);
        this.exception = exception;
    }

    /** Raises a new exception of the given built-in type with one message argument. */
    public static PythonError of(PyType type, String message) {
        return new PythonError(Exceptions.create(type, message));
    }

    /** The Python exception object. */
    public PyInstance exception() {
        return exception;
    }

    /** The Python exception class's name, such as {@code KeyError}. */
    public String typeName() {
        return exception.type().name();
    }

    /** {@code str(exception)}, as Python prints it after the colon. */
    public String pythonMessage() {
        return Ops.str(exception);
    }

    /** Whether the exception is an instance of {@code type} or its subclasses. */
    public boolean isInstance(PyType type) {
        return exception.type().isSubtypeOf(type);
    }

    /** Traceback entries, outermost first, each like {@code File "x.bb", line 3, in f}. */
    public List<String> traceback() {
        List<String> copy = new ArrayList<>(traceback);
        Collections.reverse(copy);
        return copy;
    }

    void addTraceback(String file, int line, String function) {
        if (traceback.size() < 200) {
            traceback.add("File \"" + file + "\", line " + line + ", in " + function);
        }
    }

    @Override
    public String getMessage() {
        String m = pythonMessage();
        return m.isEmpty() ? typeName() : typeName() + ": " + m;
    }

    /** The text CPython prints for an uncaught exception: traceback lines, then {@code Type: message}. */
    public String format() {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        for (String t : traceback()) {
            sb.append("  ").append(t).append('\n');
        }
        return sb.append(getMessage()).toString();
    }
}
