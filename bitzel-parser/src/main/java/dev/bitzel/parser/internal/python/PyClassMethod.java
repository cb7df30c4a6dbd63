package dev.bitzel.parser.internal.python;

/** {@code classmethod(f)}. */
final class PyClassMethod {
    final Object function;

    @Override
    public String toString() {
        return "<classmethod(" + Ops.repr(function) + ")>";
    }

    PyClassMethod(Object function) {
        this.function = function;
    }
}
