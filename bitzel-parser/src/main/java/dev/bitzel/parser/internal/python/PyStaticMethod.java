package dev.bitzel.parser.internal.python;

/** {@code staticmethod(f)}. */
final class PyStaticMethod {
    final Object function;

    PyStaticMethod(Object function) {
        this.function = function;
    }
}
