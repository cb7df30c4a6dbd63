package dev.bitzel.parser.data;

import java.util.Set;

/**
 * Runs the inline Python of {@code ${@...}} expressions for a {@link DataStore}; a service the executor provides.
 *
 * <p>Implementations are called on the thread using the store and may call back into it (BitBake code reads
 * {@code d.getVar(...)}). BitBake evaluates the code with a {@code DataContext} as locals, so a bare name that is
 * not a builtin reads the variable of that name; that is the evaluator's business. Python errors should be thrown as
 * {@link PythonException}s; unchecked exceptions (e.g. an executor's skip-recipe signal) pass through the datastore
 * unchanged, as BitBake lets {@code SkipRecipe} and {@code BBHandledException} through.
 */
public interface PythonEvaluator {

    /**
     * Evaluates a Python expression the way BitBake's {@code VariableParse.python_sub} does
     * ({@code eval(compile(code.strip(), ...))} with {@code d} in scope) and returns {@code str()} of the result.
     *
     * @param code the code inside the <code>$&#123;&#64;...&#125;</code>, unstripped; it never contains {@code ${VAR}}
     *     references (BitBake does not run such code)
     * @param d the store being expanded
     * @param varname the variable being expanded (e.g. {@code "A"} or {@code "A[doc]"}), or {@code null}
     * @return {@code str(result)}; {@code null} is taken as Python's {@code None} and becomes {@code "None"}, as in
     *     BitBake
     * @throws PythonException if the code fails
     * @throws ExpansionException if the code's own expansions fail; it propagates unchanged, as in BitBake
     */
    String evaluateExpression(String code, DataStore d, String varname) throws PythonException, ExpansionException;

    /**
     * The variables and functions the code refers to (BitBake's {@code bb.codeparser.PythonParser} references,
     * {@code contains} keys and execs), added to {@link ExpansionResult}s and used to track which variables
     * {@code OVERRIDES} depends on. The default reports none.
     *
     * @param code the code, as passed to {@link #evaluateExpression}
     * @return the references
     */
    default CodeReferences references(String code) {
        return CodeReferences.NONE;
    }

    /**
     * Makes a {@code def} block of metadata callable from later Python, as BitBake's {@code methodpool} does
     * ({@code insert_method}: compile, then run the {@code def} statement). The default does nothing: the source
     * stays available as the function variable's value.
     *
     * @param name the function name
     * @param source the whole {@code def} block
     * @param file the file it was defined in
     * @param line its line
     * @throws PythonException of type {@code BBHandledException}, as BitBake raises it, when the block does not
     *     compile or running the {@code def} statement fails (a default argument that does not evaluate); the
     *     function defined before under that name, if any, stays
     */
    default void define(String name, String source, String file, int line) throws PythonException {
    }

    /**
     * Compiles a {@code def} block when its statement is evaluated, as BitBake's {@code methodpool.insert_method}
     * does: a syntax error ends the parse there. The default checks nothing.
     *
     * @param source the whole {@code def} block
     * @param file the file it is in
     * @param line the line of its {@code def} line
     * @throws PythonException of type {@code BBHandledException} when the block does not compile
     */
    default void compileFunction(String source, String file, int line) throws PythonException {
    }

    /**
     * Compiles an anonymous function ({@code python () { ... }}, as {@code def NAME(d):} and its body) when its
     * statement is evaluated, as BitBake's {@code MethodNode} does through {@code methodpool.insert_method}: a
     * syntax error ends the parse there, not when the function would run. Takes what {@link #runAnonymous} takes.
     * The default checks nothing.
     *
     * @param name the function's name
     * @param body its body
     * @param file the file it is in
     * @param line the line of its body's first line
     * @throws PythonException of type {@code BBHandledException} when it does not compile
     */
    default void compileAnonymous(String name, String body, String file, int line) throws PythonException {
    }

    /**
     * Whether this evaluator runs functions ({@link #runAnonymous}, {@link #runEventHandler}). When it does, a
     * function that fails ends the parse of the recipe as in BitBake; when it does not, the parser reports each
     * function it could not run as a warning diagnostic and goes on. The default is {@code false}.
     *
     * @return whether functions are run
     */
    default boolean runsFunctions() {
        return false;
    }

    /**
     * Loads a layer's Python library declared by {@code addpylib DIR NAMESPACE}, as BitBake's {@code PyLibNode}
     * does: imports the modules named in {@code BB_GLOBAL_PYMODULES}, then {@code NAMESPACE} from {@code DIR} and
     * every submodule its {@code BBIMPORTS} lists, and makes them visible by name to all later metadata Python.
     * The default loads nothing and says so by returning {@code false}.
     *
     * @param directory the expanded library directory
     * @param namespace the package to import from it
     * @param globalModules the words of {@code BB_GLOBAL_PYMODULES}
     * @return whether the library was loaded
     * @throws PythonException if importing fails (BitBake's parse fails then)
     */
    default boolean loadLibrary(String directory, String namespace, java.util.List<String> globalModules)
            throws PythonException {
        return false;
    }

    /**
     * Runs an anonymous {@code python () {...}} function of a recipe at finalization, with {@code d} bound to
     * the recipe's store. The default cannot and says so.
     *
     * @param name the generated function name ({@code __anon_LINE_FILE})
     * @param body the function body
     * @param d the recipe's store
     * @param file the file it came from
     * @param line its first line
     * @throws PythonException if the function fails or cannot be run
     */
    default void runAnonymous(String name, String body, DataStore d, String file, int line) throws PythonException {
        throw new PythonException(body, "Python evaluation is not supported yet");
    }

    /**
     * Runs a Python task function ({@code python do_fetch() {...}}) of a recipe at build time, as
     * {@code bb.build.exec_func} does, with {@code services} answering the build-time API its code calls
     * ({@code bb.build.exec_func}, {@code bb.fetch2.Fetch(...).download()/unpack()}, messages). The default cannot
     * and says so.
     *
     * @param name the function's name
     * @param body the function body
     * @param d the store to run it with
     * @param file the file it came from
     * @param line its first line
     * @param services the running task's services
     * @throws PythonException if the function fails or cannot be run
     */
    default void runTaskFunction(String name, String body, DataStore d, String file, int line,
            TaskServices services) throws PythonException {
        throw new PythonException(body, "running Python task functions is not supported by this evaluator");
    }

    /**
     * Runs an event handler registered with {@code addhandler} for an event fired while parsing (e.g.
     * {@code bb.event.RecipePreFinalise}). The default cannot and says so.
     *
     * @param handler the handler's function name
     * @param code the handler's body
     * @param event the event class name
     * @param d the store the event is fired with
     * @throws PythonException if the handler fails or cannot be run
     */
    default void runEventHandler(String handler, String code, String event, DataStore d) throws PythonException {
        throw new PythonException(code, "Python evaluation is not supported yet");
    }

    /**
     * Describes a Python object this evaluator stored into a store, for readers outside Python ({@code getvar},
     * {@code bitbake -e} output, an expansion that must refuse it). The default has stored none.
     *
     * @param token a stored value for which {@link ObjectValues#isEvaluatorObject} holds
     * @return the object's description
     * @throws IllegalArgumentException when this evaluator has no object under the token, or one restored from a
     *     parse cache cannot be decoded
     */
    default ObjectValues.Described storedObject(String token) {
        throw new IllegalArgumentException("no Python object is stored under this token");
    }

    /**
     * Python's {@code left + right} of two stored values of which one at least is an object
     * ({@link ObjectValues#isObject}): how BitBake applies an {@code :append} or {@code :prepend} when the variable
     * holds an object, or the appended value is one ({@code d.appendVar('L', ['b'])}). The default has no objects.
     *
     * @param left the left operand as stored
     * @param right the right operand as stored
     * @return the sum as the store holds it (a token when it is not a string)
     * @throws PythonException when Python's {@code +} fails (e.g. {@code TypeError} for an int and a str)
     */
    default String add(String left, String right) throws PythonException {
        throw new PythonException(left + " + " + right, "TypeError", "no Python objects to add");
    }

    /**
     * What a piece of Python code refers to.
     *
     * @param references variables read ({@code d.getVar('X')} and {@code bb.utils.contains('X', ...)} keys)
     * @param execs functions called
     */
    record CodeReferences(Set<String> references, Set<String> execs) {

        /** No references. */
        public static final CodeReferences NONE = new CodeReferences(Set.of(), Set.of());

        /** Copies the sets. */
        public CodeReferences {
            references = Set.copyOf(references);
            execs = Set.copyOf(execs);
        }
    }

    /**
     * The built-in evaluator: metadata's Python run by Bitzel's own interpreter, with {@code d}, the {@code bb}
     * API that parsing poky reaches ({@code bb.utils}, {@code bb.data}, {@code bb.build}, {@code bb.fetch2} URL
     * parsing, {@code bb.parse.SkipRecipe}, {@code bb.event}, logging) and layers' {@code addpylib} libraries; a
     * call to anything else fails with a Python exception naming it. Thread-safe; share one per parse.
     *
     * @return a new evaluator
     */
    static PythonEvaluator builtin() {
        return new dev.bitzel.parser.internal.bb.BitbakePython();
    }

    /** An evaluator that supports nothing: every {@code ${@...}} fails with an {@link ExpansionException}. */
    PythonEvaluator UNSUPPORTED = (code, d, varname) -> {
        throw new PythonException(code, "Python evaluation is not supported yet: ${@" + code + "}");
    };
}
