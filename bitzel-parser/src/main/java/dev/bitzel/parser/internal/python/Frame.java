package dev.bitzel.parser.internal.python;

/** The execution state of one function call, class body or module run. Confined to one thread. */
final class Frame {
    final Object[] fast;
    final PyCell[] cells;
    final PyDict globals;
    /** The local namespace of module and class bodies; null in functions. */
    final PyDict ns;
    final PythonRuntime rt;
    final PyFunction function;
    final String file;
    int line;
    Object retval;
    /** The exception being handled, for a bare {@code raise}. */
    PythonError handling;
    /** The generator running this frame, in generator functions; null otherwise. */
    PyGenerator generator;

    Frame(PythonRuntime rt, String file, Object[] fast, PyCell[] cells, PyDict globals, PyDict ns, PyFunction function) {
        this.rt = rt;
        this.file = file;
        this.fast = fast;
        this.cells = cells;
        this.globals = globals;
        this.ns = ns;
        this.function = function;
    }

    Object lookupGlobal(String name) {
        Object v = globals.get(name);
        if (v == null && globals.fallback != null) {
            v = globals.fallback.get(name);
        }
        if (v == null) {
            v = rt.builtins.get(name);
            if (v == null && globals.missing != null) {
                v = globals.missing.apply(name);
            }
            if (v == null) {
                throw Errors.nameError(name);
            }
        }
        return v;
    }
}
