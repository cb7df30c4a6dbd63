package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.bb.BitbakePython;
import dev.bitzel.parser.internal.python.PyCodec;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How {@link ParseCache} stores the Python objects a recipe's datastore holds, and what it does when it reads a
 * datastore back: restores those objects (decoded when first read) and makes the {@code def} functions the recipe's
 * own files defined callable again, as parsing the recipe in this process would have.
 */
final class StoredObjects {
    private final BitbakePython python;
    private final Set<String> created;

    /**
     * @param python the evaluator that made the objects and restores them; null when Python is not evaluated
     * @param created the tokens of the objects the parse being stored created (only those are stored)
     */
    StoredObjects(PythonEvaluator python, Set<String> created) {
        this.python = python instanceof BitbakePython b ? b : null;
        this.created = created;
    }

    private StoredObjects(BitbakePython python) {
        this.python = python;
        this.created = Set.of();
    }

    /** The same evaluator for reading stores back, without this parse's tokens (which it would keep alive). */
    StoredObjects forReading() {
        return created.isEmpty() ? this : new StoredObjects(python);
    }

    /**
     * Forgets the objects this parse created (see {@link BitbakePython#releaseObjects}): for when none of the stores
     * that hold them will be read again.
     */
    void releaseCreated() {
        if (python != null) {
            python.releaseObjects(created);
        }
    }

    boolean createdByThisParse(String token) {
        return created.contains(token);
    }

    byte[] encode(String token, DataStore holder, IdentityHashMap<Object, Object> seen)
            throws PyCodec.NotEncodableException {
        if (python == null) {
            throw new PyCodec.NotEncodableException("no Python evaluator");
        }
        return python.encodeObject(token, holder, seen);
    }

    /** The object a token names as it stands now, or null (see {@link BitbakePython#liveObject}). */
    Object liveObject(String token) {
        return python == null ? null : python.liveObject(token);
    }

    String restore(byte[] encoding, DataStore holder) {
        if (python == null) {
            throw new IllegalStateException("a Python object value, but no Python evaluator to restore it");
        }
        return python.restoreObject(encoding, holder);
    }

    /**
     * Defines the {@code def} functions a datastore read from the cache set itself (its local keys: the variables
     * the recipe's parse changed), through the store's evaluator: {@code ${@f(d)}} in its values calls them.
     */
    void restored(DataStore store) {
        PythonEvaluator evaluator = store.python();
        for (String key : store.localKeys()) {
            if (key.startsWith("__anon_")) {
                continue;
            }
            try {
                if (!"1".equals(store.getVarFlag(key, "python", false))) {
                    continue;
                }
                String source = store.getVar(key, false);
                if (source == null || !source.startsWith("def ")) {
                    continue;
                }
                String file = store.getVarFlag(key, "filename", false);
                String line = store.getVarFlag(key, "lineno", false);
                int lineNumber;
                try {
                    lineNumber = line == null ? 1 : Integer.parseInt(line.trim());
                } catch (NumberFormatException e) {
                    lineNumber = 1;
                }
                String definedIn = file == null ? "<unknown>" : file;
                if (evaluator instanceof LazyPython lazy) {
                    lazy.defineStored(key, source, definedIn, lineNumber);
                } else {
                    evaluator.define(key, source, definedIn, lineNumber);
                }
            } catch (ExpansionException | PythonException e) {
                throw new IllegalStateException("reading the function " + key + " of a cached datastore: "
                        + e.getMessage(), e);
            }
        }
    }
}
