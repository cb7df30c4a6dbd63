package dev.bitzel.parser.internal.python;

/** {@code classmethod(f)}. */
final class PyClassMethod {
    final Object function;

    PyClassMethod(Object function) {
        this.function = function;
    }
}
