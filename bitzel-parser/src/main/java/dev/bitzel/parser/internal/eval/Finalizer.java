package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonException;
import dev.bitzel.parser.internal.bb.SkipRecipeSignal;
import dev.bitzel.parser.internal.data.PyStrings;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an evaluated recipe into its finalized variants: a port of {@code ast.finalize} and
 * {@code ast.multi_finalize} (bbappends, deferred inherits, event handlers, key expansion, anonymous Python,
 * task flags, BBCLASSEXTEND).
 */
final class Finalizer {
    private final Evaluator evaluator;

    Finalizer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** {@code multi_finalize}: returns the finalized recipe under {@code ""} and each variant by name. */
    Map<String, ParseState> multiFinalize(String fn, ParseState recipe, List<String> appends)
            throws NoSuchFileException {
        for (String append : appends) {
            evaluator.handleRecipeFile(append, recipe, true);
        }
        ParseState safe = recipe;
        ParseState base = safe.copy();
        finalizeOrSkip(fn, base);

        Map<String, ParseState> datastores = new LinkedHashMap<>();
        datastores.put("", safe);
        String extended = Evaluator.data(fn, 0, () -> base.data.getVar("BBCLASSEXTEND"));
        if (extended != null && !extended.isBlank()) {
            String pn = Evaluator.data(fn, 0, () -> base.data.getVar("PN"));
            safe.data.setVar("BBCLASSEXTEND", extended);
            for (String ext : PyStrings.split(extended)) {
                String[] parts = ext.split(":", 3);
                String className = parts[0];
                ParseState variant = safe.copy();
                if (parts.length > 1) {
                    variant.data.setVar("BBEXTENDCURR", className);
                    variant.data.setVar("BBEXTENDVARIANT", parts[1]);
                } else {
                    // "%s-%s" % (pn, name): an unset PN formats as Python's None.
                    variant.data.setVar("PN", (pn == null ? "None" : pn) + "-" + ext);
                }
                variant.deferredInherits.add(new DeferredInherit(className, fn, 0));
                datastores.put(ext, variant);
            }
        }
        for (Map.Entry<String, ParseState> entry : datastores.entrySet()) {
            if (!entry.getKey().isEmpty()) {
                finalizeOrSkip(fn, entry.getValue());
            }
        }
        datastores.put("", base);
        return datastores;
    }

    /** {@code finalize}, where {@code bb.parse.SkipRecipe} marks the variant skipped ({@code __SKIPPED}). */
    private void finalizeOrSkip(String fn, ParseState st) throws NoSuchFileException {
        StateHooks hooks = StateHooks.install(st, fn);
        try {
            finalizeRecipe(fn, st);
        } catch (SkipRecipeSignal e) {
            st.skipReason = e.reason();
            st.data.setVar("__SKIPPED", e.reason());
        } finally {
            hooks.close();
        }
    }

    /** {@code ast.finalize}. */
    void finalizeRecipe(String fn, ParseState st) throws NoSuchFileException {
        DataStore d = st.data;
        while (!st.deferredInherits.isEmpty()) {
            DeferredInherit next = st.deferredInherits.remove(0);
            evaluator.inherit(next.classes(), next.file(), next.line(), st);
        }
        for (String handler : st.handlers) {
            String file = Evaluator.data(fn, 0, () -> d.getVarFlag(handler, "filename", false));
            if (file == null || file.isEmpty()) {
                throw MetadataError.fatal(fn, 0, "Undefined event handler function '" + handler + "'");
            }
        }
        fireEvent(fn, st, "bb.event.RecipePreFinalise");
        Evaluator.data(fn, 0, () -> {
            d.expandKeys();
            return null;
        });
        fireEvent(fn, st, "bb.event.RecipePostKeyExpansion");
        runAnonymousFunctions(st);
        fireEvent(fn, st, "bb.event.RecipeTaskPreProcess");
        for (String task : new ArrayList<>(st.tasks)) {
            String expanded = Evaluator.data(fn, 0, () -> d.expand(task));
            d.setVarFlag(expanded, "task", "1", null);
        }
        d.setVar("BBINCLUDED", String.join(" ", st.dependencies.stream().map(PathSearch::absolute).toList()),
                new Origin("set", fn, 0));
        fireEvent(fn, st, "bb.event.RecipeParsed");
        // BitBake keeps the task list and each task's [deps] in the datastore itself; Python run after parsing (a
        // task, a flag expanded later like populate_sdk_ext's do_sdk_depends[depends]) reads them from there
        d.setVar("__BBTASKS", String.join(" ", st.tasks), null);
        if (!st.handlers.isEmpty()) {
            d.setVar("__BBHANDLERS", String.join(" ", st.handlers), null);
        }
        st.taskDeps.forEach((task, deps) -> d.setVarFlag(task, "deps", String.join(" ", deps), null));
    }

    /** {@code runAnonFuncs}: all of them, in order, through the Python evaluator. */
    private void runAnonymousFunctions(ParseState st) {
        for (AnonymousFunction f : st.anonymousFunctions) {
            try {
                st.data.python().runAnonymous(f.name(), f.body(), st.data, f.file(), f.line());
            } catch (PythonException e) {
                if (!st.data.python().runsFunctions()) {
                    st.diagnostics.add(new Diagnostic(f.file(), f.line(), 0, Severity.WARNING,
                            "anonymous Python function not evaluated, values it would set are missing: "
                                    + e.getMessage()));
                    continue;
                }
                // BitBake's runAnonFuncs lets the exception end the parse of the recipe
                throw new MetadataError(anonymousFailureKind(e), recipeFile(st),
                        0, "anonymous function at " + f.file() + ":" + f.line() + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** The recipe file being finalized ({@code FILE} outside includes). */
    private static String recipeFile(ParseState st) {
        String file = Evaluator.data("FILE", 0, () -> st.data.getVar("FILE", false));
        return file == null ? "<unknown>" : file;
    }

    /**
     * The failure kind of an anonymous function's exception: BitBake runs them through {@code bb.utils.better_exec},
     * which lets an {@code ExpansionError} through and turns any other exception into a {@code BBHandledException}
     * (its type stays in the message).
     */
    private static String anonymousFailureKind(PythonException e) {
        return MetadataError.EXPANSION_ERROR.equals(e.type()) ? MetadataError.EXPANSION_ERROR : MetadataError.FATAL;
    }

    /** The failure kind of a Python exception: BitBake's handled exception stays one, others keep their type. */
    private static String failureKind(PythonException e) {
        return e.type() == null ? "PythonError" : e.type().equals("BBHandledException") ? MetadataError.FATAL
                : e.type();
    }

    /** Runs the registered handlers whose event mask takes {@code event}, as {@code bb.event.fire} does. */
    static void fireEvent(String fn, ParseState st, String event) {
        DataStore d = st.data;
        for (String handler : st.handlers) {
            String mask = Evaluator.data(fn, 0, () -> d.getVarFlag(handler, "eventmask", true));
            if (mask != null && !mask.isBlank()
                    && !PyStrings.split(mask).contains(event)) {
                continue;
            }
            String code = Evaluator.data(fn, 0, () -> d.getVar(handler, false));
            try {
                d.python().runEventHandler(handler, code == null ? "" : code, event, d);
            } catch (PythonException e) {
                String file = Evaluator.data(fn, 0, () -> d.getVarFlag(handler, "filename", false));
                if (!d.python().runsFunctions()) {
                    st.diagnostics.add(new Diagnostic(file == null ? fn : file, 0, 0, Severity.WARNING,
                            "event handler " + handler + " not run for " + event + ": " + e.getMessage()));
                    continue;
                }
                // bb.event.execute_handler logs "Execution of event handler ... failed" and re-raises
                String line = Evaluator.data(fn, 0, () -> d.getVarFlag(handler, "lineno", false));
                throw new MetadataError(failureKind(e), fn, 0, "Execution of event handler '" + handler + "' ("
                        + (file == null ? "?" : file) + ":" + (line == null ? "?" : line) + ") failed for " + event
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
