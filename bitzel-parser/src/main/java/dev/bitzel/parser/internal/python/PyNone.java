package dev.bitzel.parser.internal.python;

/** Python's {@code None}; Java {@code null} never appears as a Python value. */
public final class PyNone {
    /** The only instance. */
    public static final PyNone NONE = new PyNone();

    private PyNone() {}

    @Override
    public String toString() {
        return "None";
    }
}
