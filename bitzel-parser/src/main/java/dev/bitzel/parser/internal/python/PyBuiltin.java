package dev.bitzel.parser.internal.python;

import java.util.Map;

/** A function implemented in Java. Immutable and thread-safe if its body is. */
public final class PyBuiltin implements PyCallable {
    private final String name;
    private final NativeFunction fn;

    /** Wraps a Java function under a Python name. */
    public PyBuiltin(String name, NativeFunction fn) {
        this.name = name;
        this.fn = fn;
    }

    /** The Python-visible name. */
    public String name() {
        return name;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        try {
            return fn.call(args, kwargs);
        } catch (ArrayIndexOutOfBoundsException | ClassCastException e) {
            // a native body indexing a missing argument or casting a wrong one: Python reports a TypeError
            throw PythonError.of(Exceptions.TYPE_ERROR, "bitzel: invalid arguments for " + name + "()");
        }
    }

    @Override
    public String toString() {
        return "<built-in function " + name + ">";
    }
}
