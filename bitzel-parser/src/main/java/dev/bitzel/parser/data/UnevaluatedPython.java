package dev.bitzel.parser.data;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link PythonEvaluator} for surveying metadata before Python evaluation exists: every inline
 * <code>$&#123;@...&#125;</code> is left in the value unexpanded (as BitBake leaves an unknown
 * <code>$&#123;VAR&#125;</code>), and every anonymous function or event handler is reported as not run. It counts
 * what it skipped so that callers can say so; values that depend on Python are visibly unexpanded, never
 * silently different.
 *
 * <p>Thread-safe.
 */
public final class UnevaluatedPython implements PythonEvaluator {
    private final AtomicLong expressions = new AtomicLong();
    private final AtomicLong functions = new AtomicLong();

    /** Creates an evaluator with zero counts. */
    public UnevaluatedPython() {
    }

    @Override
    public String evaluateExpression(String code, DataStore d, String varname) {
        expressions.incrementAndGet();
        return "${@" + code + "}";
    }

    @Override
    public void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        functions.incrementAndGet();
        throw new PythonException(body, "anonymous Python function " + name + " not run: Python evaluation is "
                + "not supported yet");
    }

    @Override
    public void runEventHandler(String handler, String code, String event, DataStore d) throws PythonException {
        functions.incrementAndGet();
        throw new PythonException(code, "event handler " + handler + " not run for " + event
                + ": Python evaluation is not supported yet");
    }

    /** How many inline expressions were left unexpanded so far (a value expanded twice counts twice). */
    public long unevaluatedExpressions() {
        return expressions.get();
    }

    /** How many anonymous functions and event handlers were not run so far. */
    public long functionsNotRun() {
        return functions.get();
    }
}
