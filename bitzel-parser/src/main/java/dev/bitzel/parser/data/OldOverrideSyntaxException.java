package dev.bitzel.parser.data;

/**
 * A variable name uses the pre-3.4 override syntax ({@code FOO_append}); BitBake's {@code setVar} stops with
 * {@code bb.fatal} on it. The executor turns it into a parse error.
 */
public class OldOverrideSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String file;
    private final int line;

    OldOverrideSyntaxException(String variable, String file, int line) {
        super("Variable " + variable + (file != null ? " file: " + file : "") + (line > 0 ? " line: " + line : "")
                + " contains an operation using the old override syntax. Please convert this layer/metadata before"
                + " attempting to use with a newer bitbake.");
        this.variable = variable;
        this.file = file;
        this.line = line;
    }

    /** The offending variable name. */
    public String variable() {
        return variable;
    }

    /** The file of the assignment, or {@code null}. */
    public String file() {
        return file;
    }

    /** The line of the assignment, or 0. */
    public int line() {
        return line;
    }
}
