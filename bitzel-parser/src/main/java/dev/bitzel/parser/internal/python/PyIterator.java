package dev.bitzel.parser.internal.python;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A Python iterator: {@code iter(iterator) is iterator}. Subclasses implement {@link #advance}. */
abstract class PyIterator implements Iterator<Object> {
    private Object next;
    private boolean done;

    /** The next value, or null at the end. */
    abstract Object advance();

    String typeName() {
        return "iterator";
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            if (next == null) {
                done = true;
            }
        }
        return next != null;
    }

    @Override
    public final Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object r = next;
        next = null;
        return r;
    }

    /** The StopIteration to raise once the iterator is exhausted ({@code next()}, {@code __next__}). */
    PythonError exhausted() {
        return Errors.stopIteration();
    }

    /** Ends the iteration: later calls find no more values ({@code generator.close()}). */
    void close() {
        next = null;
        done = true;
    }

    static PyIterator of(Iterator<?> it) {
        return new PyIterator() {
            @Override
            Object advance() {
                try {
                    return it.hasNext() ? it.next() : null;
                } catch (ConcurrentModificationException e) {
                    throw Errors.runtime("dictionary changed size during iteration");
                }
            }
        };
    }

    @Override
    public String toString() {
        return "<" + typeName() + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
