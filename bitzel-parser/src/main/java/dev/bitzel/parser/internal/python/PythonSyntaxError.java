package dev.bitzel.parser.internal.python;

/**
 * A syntax error in Python source, located like CPython locates it: file, 1-based line and 1-based column.
 */
public final class PythonSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String reason;

    /** Creates the error; {@code reason} is CPython-like, such as {@code invalid syntax}. */
    public PythonSyntaxError(String file, int line, int column, String reason) {
        super(file + ":" + line + ":" + column + ": SyntaxError: " + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The file name given to the compiler. */
    public String file() {
        return file;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    /** The message without location, as CPython words it. */
    public String reason() {
        return reason;
    }
}
