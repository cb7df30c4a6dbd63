package dev.bitzel.parser.internal.python;

/** Shorthands for raising built-in Python exceptions from Java. */
final class Errors {
    private Errors() {}

    static PythonError typeError(String m) {
        return PythonError.of(Exceptions.TYPE_ERROR, m);
    }

    static PythonError valueError(String m) {
        return PythonError.of(Exceptions.VALUE_ERROR, m);
    }

    static PythonError keyError(Object key) {
        return new PythonError(Exceptions.createArgs(Exceptions.KEY_ERROR, new Object[] {key}));
    }

    static PythonError indexError(String m) {
        return PythonError.of(Exceptions.INDEX_ERROR, m);
    }

    static PythonError attributeError(String m) {
        return PythonError.of(Exceptions.ATTRIBUTE_ERROR, m);
    }

    static PythonError nameError(String name) {
        return PythonError.of(Exceptions.NAME_ERROR, "name '" + name + "' is not defined");
    }

    static PythonError zeroDiv(String m) {
        return PythonError.of(Exceptions.ZERO_DIVISION_ERROR, m);
    }

    static PythonError overflow(String m) {
        return PythonError.of(Exceptions.OVERFLOW_ERROR, m);
    }

    static PythonError runtime(String m) {
        return PythonError.of(Exceptions.RUNTIME_ERROR, m);
    }

    static PythonError notImplemented(String what) {
        return PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: " + what + " is not supported");
    }

    static PythonError stopIteration() {
        return PythonError.of(Exceptions.STOP_ITERATION, null);
    }

    static PythonError unsupported(String op, Object a, Object b) {
        return typeError("unsupported operand type(s) for " + op + ": '" + Ops.typeName(a) + "' and '"
                + Ops.typeName(b) + "'");
    }
}
