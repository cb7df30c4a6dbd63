package dev.bitzel.parser.internal.python;

import java.util.ArrayList;

/**
 * A generator from a generator function. Bitzel runs the body to completion on the first {@code next()} and
 * then hands out the collected values: metadata generators are finite and side-effect free, and this keeps
 * the tree-walking evaluator simple. {@code send()} and infinite generators are not supported.
 */
final class PyGenerator extends PyIterator {
    static final int MAX_ITEMS = 10_000_000;

    private final PyFunction function;
    private final Frame frame;
    private ArrayList<Object> values;
    private int pos;
    /** An exception the body raised after yielding the buffered values; raised once they are consumed. */
    private PythonError pending;
    /** What the body returned: the value of a {@code yield from} this generator, once it is exhausted. */
    private Object returned = PyNone.NONE;

    PyGenerator(PyFunction function, Frame frame) {
        this.function = function;
        this.frame = frame;
    }

    @Override
    Object advance() {
        if (values == null) {
            frame.yields = new ArrayList<>();
            values = frame.yields;
            try {
                returned = function.run(frame);
            } catch (PythonError e) {
                pending = e;
            }
        }
        if (pos >= values.size()) {
            if (pending != null) {
                PythonError e = pending;
                pending = null;
                throw e;
            }
            return null;
        }
        Object v = values.get(pos);
        values.set(pos++, null);
        return v;
    }

    @Override
    void close() {
        super.close();
        // the body's remaining values are dropped (it has already run to its end, finally blocks included)
        values = new ArrayList<>();
        pos = 0;
        pending = null;
    }

    /** The body's return value (None until the body has run). */
    Object returned() {
        return returned;
    }

    @Override
    String typeName() {
        return "generator";
    }

    @Override
    public String toString() {
        return "<generator object " + function.qualname + " at 0x" + Integer.toHexString(System.identityHashCode(this))
                + ">";
    }
}
