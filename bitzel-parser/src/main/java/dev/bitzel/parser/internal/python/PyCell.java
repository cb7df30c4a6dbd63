package dev.bitzel.parser.internal.python;

/** A variable shared between a function and the closures defined in it; null value means unbound. */
final class PyCell {
    Object value;

    PyCell() {}

    PyCell(Object value) {
        this.value = value;
    }
}
