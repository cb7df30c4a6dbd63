package dev.bitzel.parser.internal.python;

/** {@code staticmethod(f)}. */
final class PyStaticMethod {
    final Object function;

    @Override
    public String toString() {
        return "<staticmethod(" + Ops.repr(function) + ")>";
    }

    PyStaticMethod(Object function) {
        this.function = function;
    }
}
