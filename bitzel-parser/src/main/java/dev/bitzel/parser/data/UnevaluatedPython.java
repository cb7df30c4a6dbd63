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
    private static final int MAX_DISTINCT = 10_000;

    private final AtomicLong expressions = new AtomicLong();
    private final AtomicLong functions = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> byPlace =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates an evaluator with zero counts. */
    public UnevaluatedPython() {
    }

    @Override
    public String evaluateExpression(String code, DataStore d, String varname) {
        expressions.incrementAndGet();
        count((varname == null ? "(expression)" : varname) + ": ${@" + code + "}");
        return "${@" + code + "}";
    }

    private void count(String place) {
        java.util.concurrent.atomic.LongAdder n = byPlace.get(place);
        if (n == null && byPlace.size() < MAX_DISTINCT) {
            n = byPlace.computeIfAbsent(place, k -> new java.util.concurrent.atomic.LongAdder());
        }
        if (n != null) {
            n.increment();
        }
    }

    /**
     * What was left unevaluated, most frequent first: each entry names the variable being expanded (or the
     * function) and the Python code, with how often it was met. At most 10,000 distinct entries are kept.
     *
     * @param limit how many entries to return at most
     * @return {@code "VAR: ${@code}"}-style descriptions with their counts
     */
    public java.util.List<java.util.Map.Entry<String, Long>> mostFrequent(int limit) {
        return byPlace.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(limit).toList();
    }

    @Override
    public void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        functions.incrementAndGet();
        count("anonymous function at " + file + ":" + line);
        throw new PythonException(body, "Python evaluation is not supported yet");
    }

    @Override
    public void runEventHandler(String handler, String code, String event, DataStore d) throws PythonException {
        functions.incrementAndGet();
        count("event handler " + handler + " for " + event);
        throw new PythonException(code, "Python evaluation is not supported yet");
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
