package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.internal.bb.BitbakePython;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python evaluator of a configuration read from {@link ConfigCache}: the datastore came from the cache, but the
 * Python context it needs (the {@code addpylib} libraries, the {@code def} functions of the configuration's
 * classes, whatever its handlers left in the context) exists only once the configuration has been evaluated in
 * this process. So the first call that runs Python evaluates the configuration for real, once, with the wrapped
 * evaluator (keeping its Python context, discarding its datastore, which equals the cached one); runs that need no
 * Python (a graph from cached recipes) never pay for it.
 *
 * <p>{@code def} functions of recipes read from the parse cache before that are defined after the configuration's,
 * in the order they came, as they would have been; a {@code def} of a recipe being parsed evaluates the
 * configuration first, so that it fails where BitBake's would. Thread-safe.
 */
final class LazyPython implements PythonEvaluator {
    /** Evaluates the configuration for real with the wrapped evaluator; throws naming the problem when it fails. */
    interface Evaluation {
        void run();
    }

    private record Definition(String name, String source, String file, int line) {
    }

    private final PythonEvaluator delegate;
    private final Evaluation evaluation;
    private final java.util.Set<String> contextNames;
    private final List<Definition> pending = new ArrayList<>();
    private final java.util.Set<String> pendingNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean ready;
    private RuntimeException failed;

    /**
     * @param delegate the evaluator given for the configuration
     * @param evaluation evaluates the configuration with {@code delegate}
     * @param contextNames the names the configuration's evaluation bound in the shared Python context: an inline
     *     expression that reads none of them (nor a {@code def} defined since) is evaluated without that context
     */
    LazyPython(PythonEvaluator delegate, Evaluation evaluation, java.util.Set<String> contextNames) {
        this.delegate = delegate;
        this.evaluation = evaluation;
        this.contextNames = java.util.Set.copyOf(contextNames);
    }

    /** The wrapped evaluator. */
    PythonEvaluator delegate() {
        return delegate;
    }

    /** Whether the configuration has been evaluated in this process (for tests and timings). */
    boolean evaluated() {
        return ready;
    }

    /** Evaluates the configuration unless done: the Python context is complete afterwards. */
    void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            if (failed != null) {
                throw failed;
            }
            // the evaluation runs on this thread, which may be inside a recipe's parse: its recording of Python
            // objects and host access must not see the configuration's
            java.util.Set<String> objects = BitbakePython.recordObjects(null);
            dev.bitzel.parser.internal.python.HostAccess.Recorder host =
                    dev.bitzel.parser.internal.python.HostAccess.install(null);
            try {
                evaluation.run();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            } finally {
                BitbakePython.recordObjects(objects);
                dev.bitzel.parser.internal.python.HostAccess.install(host);
            }
            for (Definition d : pending) {
                try {
                    delegate.define(d.name(), d.source(), d.file(), d.line());
                } catch (PythonException e) {
                    // defined without error when its recipe was parsed and cached with this configuration (the
                    // cache key covers it), so this is a broken cache or a bug, not the metadata's error
                    failed = new IllegalStateException("defining " + d.name() + " (" + d.file() + ":" + d.line()
                            + ") from the parse cache failed: " + e.getMessage(), e);
                    throw failed;
                }
            }
            pending.clear();
            ready = true;
        }
    }

    @Override
    public String evaluateExpression(String code, DataStore d, String varname)
            throws PythonException, ExpansionException {
        if (!ready && delegate instanceof BitbakePython python
                && python.needsNoContext(code, name -> contextNames.contains(name) || pendingNames.contains(name))) {
            return delegate.evaluateExpression(code, d, varname);
        }
        ensure();
        return delegate.evaluateExpression(code, d, varname);
    }

    @Override
    public dev.bitzel.parser.data.ObjectValues.Described storedObject(String token) {
        ensureOutsidePython();
        return delegate.storedObject(token);
    }

    @Override
    public String add(String left, String right) throws PythonException {
        ensureOutsidePython();
        return delegate.add(left, right);
    }

    /**
     * Sets up the configuration's Python before a stored object is read outside Python: an object restored from the
     * parse cache may be of a class a layer's library defines. Inside Python it is set up, and this thread holds the
     * lock that setting up would need.
     */
    private void ensureOutsidePython() {
        if (!(delegate instanceof BitbakePython python && python.runningOnThisThread())) {
            ensure();
        }
    }

    @Override
    public CodeReferences references(String code) {
        return delegate.references(code);
    }

    /** A {@code def} of a recipe being parsed: needs the configuration's context now, to fail where BitBake would. */
    @Override
    public void define(String name, String source, String file, int line) throws PythonException {
        ensure();
        delegate.define(name, source, file, line);
    }

    /**
     * A {@code def} of a recipe read from the parse cache (defined without error when it was parsed): defined after
     * the configuration's functions once the context is needed, so that reading cached recipes needs no Python.
     */
    void defineStored(String name, String source, String file, int line) throws PythonException {
        if (!ready) {
            synchronized (this) {
                if (!ready) {
                    pending.add(new Definition(name, source, file, line));
                    pendingNames.add(name);
                    return;
                }
            }
        }
        delegate.define(name, source, file, line);
    }

    @Override
    public void compileFunction(String source, String file, int line) throws PythonException {
        delegate.compileFunction(source, file, line); // the code alone: no configuration needed
    }

    @Override
    public void compileAnonymous(String name, String body, String file, int line) throws PythonException {
        delegate.compileAnonymous(name, body, file, line);
    }

    @Override
    public boolean runsFunctions() {
        return delegate.runsFunctions();
    }

    @Override
    public boolean loadLibrary(String directory, String namespace, List<String> globalModules)
            throws PythonException {
        ensure();
        return delegate.loadLibrary(directory, namespace, globalModules);
    }

    @Override
    public void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        ensure();
        delegate.runAnonymous(name, body, d, file, line);
    }

    @Override
    public void runTaskFunction(String name, String body, DataStore d, String file, int line,
            dev.bitzel.parser.data.TaskServices services) throws PythonException {
        ensure();
        delegate.runTaskFunction(name, body, d, file, line, services);
    }

    @Override
    public void runEventHandler(String handler, String code, String event, DataStore d) throws PythonException {
        ensure();
        delegate.runEventHandler(handler, code, event, d);
    }
}
