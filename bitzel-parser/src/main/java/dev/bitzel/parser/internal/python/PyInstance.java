package dev.bitzel.parser.internal.python;

/**
 * An instance of a class defined in Python (or of an exception class). Java equality and hashing follow the
 * class's {@code __eq__} and {@code __hash__}, so instances work as dict keys.
 */
public final class PyInstance {
    private final PyType type;
    final PyDict dict = new PyDict();
    /** The built-in value for subclasses of dict, list, set, tuple or int. */
    Object builtinValue;

    PyInstance(PyType type) {
        this.type = type;
    }

    /** The instance's class. */
    public PyType type() {
        return type;
    }

    /** Reads an instance attribute (not class attributes); null when absent. */
    public Object getAttr(String name) {
        return dict.get(name);
    }

    /** Sets an instance attribute. */
    public void setAttr(String name, Object value) {
        dict.put(name, value);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        Object eq = type.lookup("__eq__");
        if (eq == null || eq == Builtins.OBJECT.dict.get("__eq__")) {
            return false;
        }
        return Ops.eq(this, o);
    }

    @Override
    public int hashCode() {
        Object h = type.lookup("__hash__");
        if (h == null || h == Builtins.OBJECT.dict.get("__hash__")) {
            return System.identityHashCode(this);
        }
        if (h == PyNone.NONE) {
            throw Errors.typeError("unhashable type: '" + type.name() + "'");
        }
        if (builtinValue != null && h instanceof PyBuiltin) {
            return builtinValue.hashCode(); // the built-in base's hash of the value, as the value itself hashes
        }
        return Long.hashCode(Ints.toLong(Ops.call(h, new Object[] {this}, null)));
    }

    @Override
    public String toString() {
        return Ops.str(this);
    }
}
