package dev.bitzel.parser.internal.python;

/**
 * A Java object that Python code sees through attribute access: {@code obj.name} calls {@link #getAttribute},
 * and {@code obj.method(...)} calls what it returns (typically a {@link PyBuiltin}). This is how embedders
 * expose objects such as BitBake's datastore {@code d}.
 */
public interface PyAttributes {
    /** The attribute's Python value, or null when there is none (Python then raises AttributeError). */
    Object getAttribute(String name);

    /** Sets an attribute; returns false when it cannot be set (Python then raises AttributeError). */
    default boolean setAttribute(String name, Object value) {
        return false;
    }

    /** The type name shown in error messages and reprs. */
    default String pythonTypeName() {
        return getClass().getSimpleName();
    }
}
