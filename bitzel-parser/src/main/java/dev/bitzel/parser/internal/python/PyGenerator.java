package dev.bitzel.parser.internal.python;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A generator from a generator function, lazy as in CPython: each {@code next()}, {@code send()} or
 * {@code throw()} runs the body from where it stopped to its next {@code yield}.
 *
 * <p>How a tree-walking evaluator stops in the middle of a body and goes on later: the parser lowers a generator
 * function's body ({@link GeneratorLowering}) so that each statement on the way to a yield is a resumable node
 * ({@link ResumableStmts}) that keeps its position (a statement index, a loop's iterator, the exception a handler
 * runs for) in this generator's {@link #slots}. A yield stores its value and returns {@link #SUSPENDED}, which the
 * statements around it hand up to {@link #step} as they would a {@code return} (a yield inside an expression
 * throws {@link Suspension} up to its statement first). The next step runs the body again from the top with
 * {@link #resuming} set: each resumable node jumps to its saved position instead of starting afresh, down to the
 * suspended yield, which clears {@code resuming} and hands over the sent value (or raises the thrown exception).
 * Within one statement, what was evaluated before a yield is recorded in a log ({@link ReplayedExprs}) and
 * replayed when the statement is entered again, so nothing is evaluated twice. Code without a yield is left as
 * it is and costs nothing extra; no thread is involved, so thread-local state and exceptions behave as in any
 * call.
 *
 * <p>Not thread-safe: a generator runs on the thread that calls it, like any function; CPython's "generator
 * already executing" error is raised when it is re-entered while running. A generator left suspended does not
 * run its {@code finally} blocks when it is collected (CPython closes it then).
 */
final class PyGenerator extends PyIterator {
    /**
     * What a statement of a lowered body returns when the body stopped at a yield, handed up like a {@code return}
     * signal; also what a delegation step returns when the sub-iterator yielded.
     */
    static final Object SUSPENDED = new Object();

    /**
     * Unwinds an expression stopped at a yield to its statement, which returns {@link #SUSPENDED}. Carries
     * nothing: the value yielded is in the generator.
     */
    static final class Suspension extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Suspension() {
            super(null, null, false, false);
        }
    }

    static final Suspension SUSPENSION = new Suspension();
    private static final Object[] NO_LOG = new Object[0];

    private enum State { CREATED, SUSPENDED, RUNNING, FINISHED }

    /** A log entry for an operand with a yield inside: its value once it has been evaluated to the end. */
    private static final class Span {
        Object value;
        int end;
    }

    private final PyFunction function;
    private final Frame frame;
    private State state = State.CREATED;
    /** True while a step re-enters the body down to the yield it stopped at. */
    boolean resuming;
    /** The saved positions of the body's resumable nodes, indexed as {@link GeneratorLowering} numbered them. */
    final Object[] slots;
    /** The values recorded by the statement being run, in evaluation order; see {@link ReplayedExprs}. */
    private Object[] log = NO_LOG;
    private int logSize;
    private int logCursor;
    /** What the suspended yield receives: a value, or an exception to raise. */
    private Object sent;
    private PythonError thrown;
    private Object yielded;
    /** What the body returned: the value of its StopIteration and of a {@code yield from} it. */
    private Object returned = PyNone.NONE;

    PyGenerator(PyFunction function, Frame frame) {
        this.function = function;
        this.frame = frame;
        this.slots = new Object[function.code.resumeSlots];
        frame.generator = this;
    }

    // ---------------------------------------------------------------- the generator protocol

    /** {@code generator.send(value)}: resumes the body; the value it yields, or StopIteration when it returns. */
    Object send(Object value) {
        checkNotRunning();
        if (state == State.FINISHED) {
            throw Errors.stopIteration();
        }
        if (state == State.CREATED && value != PyNone.NONE) {
            throw Errors.typeError("can't send non-None value to a just-started generator");
        }
        Object y = step(value, null);
        if (y == null) {
            throw exhausted();
        }
        return y;
    }

    /** {@code generator.throw(e)}: raises {@code e} at the suspended yield; as {@link #send} afterwards. */
    Object throwInto(PythonError e) {
        checkNotRunning();
        if (state != State.SUSPENDED) {
            finish();
            throw e;
        }
        Object y = step(null, e);
        if (y == null) {
            throw exhausted();
        }
        return y;
    }

    /** {@code generator.close()}: raises GeneratorExit at the suspended yield, running the body's finally blocks. */
    @Override
    void close() {
        checkNotRunning();
        if (state == State.SUSPENDED) {
            Object y;
            try {
                y = step(null, PythonError.of(Exceptions.GENERATOR_EXIT, null));
            } catch (PythonError e) {
                if (!e.isInstance(Exceptions.GENERATOR_EXIT) && !e.isInstance(Exceptions.STOP_ITERATION)) {
                    throw e;
                }
                y = null;
            }
            if (y != null) {
                throw Errors.runtime("generator ignored GeneratorExit");
            }
        }
        finish();
        super.close();
    }

    @Override
    Object advance() {
        checkNotRunning();
        return state == State.FINISHED ? null : step(PyNone.NONE, null);
    }

    /** The StopIteration ending this generator, carrying the body's return value the first time it is raised. */
    @Override
    PythonError exhausted() {
        Object value = returned;
        returned = PyNone.NONE;
        return new PythonError(Exceptions.createArgs(Exceptions.STOP_ITERATION,
                value == PyNone.NONE ? new Object[0] : new Object[] {value}));
    }

    /** Whether {@link #send} may be given a value other than None. */
    boolean started() {
        return state != State.CREATED;
    }

    private void checkNotRunning() {
        if (state == State.RUNNING) {
            throw Errors.valueError("generator already executing");
        }
    }

    /** Runs the body to its next yield: returns the value yielded, or null once the body has returned. */
    private Object step(Object value, PythonError exception) {
        resuming = state == State.SUSPENDED;
        state = State.RUNNING;
        sent = value;
        thrown = exception;
        Object r;
        try {
            r = function.run(frame);
        } catch (PythonError e) {
            finish();
            if (e.isInstance(Exceptions.STOP_ITERATION)) {
                // PEP 479: a StopIteration escaping the body would end the consumer's loop silently
                PythonError re = Errors.runtime("generator raised StopIteration");
                re.exception().setAttr("__cause__", e.exception());
                throw re;
            }
            throw e;
        } catch (RuntimeException | Error e) {
            finish();
            throw e;
        }
        Object y = yielded;
        if (y != null) {
            yielded = null;
            state = State.SUSPENDED;
            return y;
        }
        returned = r;
        finish();
        return null;
    }

    private void finish() {
        state = State.FINISHED;
        resuming = false;
        sent = null;
        thrown = null;
        log = NO_LOG;
        logSize = 0;
        Arrays.fill(slots, null);
    }

    // ---------------------------------------------------------------- what the lowered body calls

    /** Stops the body at a yield of {@code value}; the statement then returns {@link #SUSPENDED}. */
    void suspend(Object value) {
        yielded = value;
    }

    /** {@code yield value} inside an expression: suspends, or when resuming hands over what this yield received. */
    Object yieldValue(Object value) {
        if (resuming) {
            Object before = replayed();
            if (before != null) {
                return before;
            }
            Object v = received();
            record(v);
            return v;
        }
        yielded = value;
        throw SUSPENSION;
    }

    /** At the yield the body stopped at: ends the resumption and returns the sent value, or raises the thrown one. */
    Object received() {
        resuming = false;
        PythonError e = thrown;
        Object v = sent;
        thrown = null;
        sent = null;
        if (e != null) {
            throw e;
        }
        return v;
    }

    /** {@code yield from iterable} inside an expression; its sub-iterator and result are recorded in the log. */
    Object yieldFrom(Object iterable) {
        Object r;
        if (resuming) {
            Object sub = replayed();
            Object result = replayed();
            if (result != null) {
                return result;
            }
            r = resumeDelegation(sub);
        } else {
            Object sub = subIterator(iterable);
            record(sub);
            r = delegate(sub, PyNone.NONE, null);
        }
        if (r == SUSPENDED) {
            throw SUSPENSION;
        }
        record(r);
        return r;
    }

    /** Goes on with the {@code yield from sub} the body stopped at: as {@link #delegate}, with what was sent. */
    Object resumeDelegation(Object sub) {
        resuming = false;
        Object v = sent;
        PythonError e = thrown;
        sent = null;
        thrown = null;
        return delegate(sub, v, e);
    }

    /** The iterator a {@code yield from} drives: a user iterator object itself, so that its send/throw are seen. */
    static Object subIterator(Object iterable) {
        if (iterable instanceof PyInstance i && i.builtinValue == null && i.type().lookup("__iter__") != null) {
            Object it = Ops.call(i.type().lookup("__iter__"), new Object[] {iterable}, null);
            if (it instanceof PyIterator || Ops.getattrOrNull(it, "__next__") != null) {
                return it;
            }
            throw Errors.typeError("iter() returned non-iterator of type '" + Ops.typeName(it) + "'");
        }
        return Ops.iter(iterable);
    }

    /**
     * One step of a {@code yield from}: sends {@code value} (or throws {@code exception}) to {@code sub}; returns its
     * result once it is exhausted, or {@link #SUSPENDED} after suspending the body with what it yielded.
     */
    Object delegate(Object sub, Object value, PythonError exception) {
        Object[] result = new Object[1];
        Object y = exception != null ? throwToSubIterator(sub, exception, result)
                : sendToSubIterator(sub, value, result);
        if (y == null) {
            return result[0];
        }
        yielded = y;
        return SUSPENDED;
    }

    /** Resumes {@code sub} with a value: what it yields, or null with its result in {@code result[0]}. */
    private static Object sendToSubIterator(Object sub, Object value, Object[] result) {
        result[0] = PyNone.NONE;
        if (sub instanceof PyGenerator g) {
            g.checkNotRunning();
            if (g.state == State.FINISHED) {
                return null;
            }
            if (g.state == State.CREATED && value != PyNone.NONE) {
                throw Errors.typeError("can't send non-None value to a just-started generator");
            }
            Object y = g.step(value, null);
            if (y == null) {
                result[0] = g.returned;
                g.returned = PyNone.NONE;
            }
            return y;
        }
        try {
            if (value != PyNone.NONE) {
                return Ops.callMethod(sub, "send", new Object[] {value}, null);
            }
            if (sub instanceof PyIterator it) {
                return it.hasNext() ? it.next() : null;
            }
            return Ops.callMethod(sub, "__next__", new Object[0], null);
        } catch (PythonError e) {
            return stopped(e, result);
        }
    }

    /** Raises {@code exception} in {@code sub} (GeneratorExit closes it instead, as CPython does). */
    private static Object throwToSubIterator(Object sub, PythonError exception, Object[] result) {
        result[0] = PyNone.NONE;
        if (exception.isInstance(Exceptions.GENERATOR_EXIT)) {
            if (sub instanceof PyIterator it) {
                it.close();
            } else {
                Object close = Ops.getattrOrNull(sub, "close");
                if (close != null) {
                    Ops.call(close, new Object[0], null);
                }
            }
            throw exception;
        }
        if (sub instanceof PyGenerator g) {
            g.checkNotRunning();
            if (g.state != State.SUSPENDED) {
                g.finish();
                throw exception;
            }
            Object y = g.step(null, exception);
            if (y == null) {
                result[0] = g.returned;
                g.returned = PyNone.NONE;
            }
            return y;
        }
        Object method = Ops.getattrOrNull(sub, "throw");
        if (method == null) {
            throw exception;
        }
        try {
            return Ops.call(method, new Object[] {exception.exception()}, null);
        } catch (PythonError e) {
            return stopped(e, result);
        }
    }

    /** A StopIteration from a sub-iterator ends the {@code yield from} with its value; other errors propagate. */
    private static Object stopped(PythonError e, Object[] result) {
        if (!e.isInstance(Exceptions.STOP_ITERATION)) {
            throw e;
        }
        Object v = e.exception().getAttr("value");
        result[0] = v == null ? PyNone.NONE : v;
        return null;
    }

    /** Starts the evaluation of a statement or header expression that has a yield inside (see ReplayedExprs). */
    void beginStatement() {
        if (!resuming) {
            clearLog();
        }
        logCursor = 0;
    }

    /** Ends it: what it recorded is not needed any more. */
    void endStatement() {
        clearLog();
    }

    private void clearLog() {
        Arrays.fill(log, 0, logSize, null);
        logSize = 0;
        logCursor = 0;
    }

    /** The next value recorded before the suspension, while replaying; null once the log is replayed. */
    Object replayed() {
        return logCursor < logSize ? log[logCursor++] : null;
    }

    /** Appends a value to the log. */
    void record(Object value) {
        if (logSize == log.length) {
            log = Arrays.copyOf(log, Math.max(8, logSize * 2));
        }
        log[logSize++] = value;
        logCursor = logSize;
    }

    /** The value recorded for this operand before the suspension, or else {@code compute}'s value, recorded. */
    Object replayOrRecord(Supplier<Object> compute) {
        Object v = replayed();
        if (v == null) {
            v = compute.get();
            record(v);
        }
        return v;
    }

    /**
     * The value of an operand with a yield inside, evaluated once: when it was evaluated to its end before the
     * suspension its recorded value, skipping what its parts recorded; otherwise {@code compute}'s value (its parts
     * replaying what they recorded).
     */
    Object replayOrRecordSpan(Supplier<Object> compute) {
        Object entry = replayed();
        Span span;
        if (entry == null) {
            span = new Span();
            record(span);
        } else {
            span = (Span) entry;
            if (span.value != null) {
                logCursor = span.end;
                return span.value;
            }
        }
        Object v = compute.get();
        span.value = v;
        span.end = logSize;
        return v;
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
