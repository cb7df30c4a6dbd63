package dev.bitzel.parser.internal.python;

/** {@code property(fget, fset, fdel)}. */
final class PyProperty {
    final Object fget;
    final Object fset;
    final Object fdel;
    final Object doc;

    @Override
    public String toString() {
        return "<property object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }

    PyProperty(Object fget, Object fset, Object fdel, Object doc) {
        this.fget = fget;
        this.fset = fset;
        this.fdel = fdel;
        this.doc = doc;
    }
}
