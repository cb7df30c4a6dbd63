package dev.bitzel.parser.internal.python;

/** A module: a name and a namespace. Native modules are built by filling {@link #dict()} from Java. */
public final class PyModule {
    private final String name;
    private final PyDict dict;
    /** Whether missing attributes are functions raising NotImplementedError (for unsupported modules). */
    boolean stub;
    /** Placeholder classes handed out by a stub module, so that each name is one class object. */
    final java.util.concurrent.ConcurrentHashMap<String, Object> stubClasses = new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates an empty module; {@code __name__} is set. */
    public PyModule(String name) {
        this(name, new PyDict());
    }

    PyModule(String name, PyDict dict) {
        this.name = name;
        this.dict = dict;
        dict.put("__name__", name);
    }

    /** The dotted module name. */
    public String name() {
        return name;
    }

    /** The module namespace (its globals). */
    public PyDict dict() {
        return dict;
    }

    /**
     * Makes this a stand-in for a module whose API is not implemented: a missing lower-case attribute is a
     * function raising {@code NotImplementedError} naming it, a missing capitalised one a placeholder class
     * (usable as a base class and in {@code except}, not instantiable).
     */
    public PyModule markStub() {
        this.stub = true;
        return this;
    }

    /** Adds a native function. */
    public PyModule def(String fname, NativeFunction f) {
        dict.put(fname, new PyBuiltin(fname, f));
        return this;
    }

    /** Sets an attribute. */
    public PyModule set(String attr, Object value) {
        dict.put(attr, value);
        return this;
    }

    @Override
    public String toString() {
        return "<module '" + name + "'>";
    }
}
