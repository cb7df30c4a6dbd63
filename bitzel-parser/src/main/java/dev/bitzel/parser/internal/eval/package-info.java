/**
 * The statement executor: BitBake's {@code bb/parse/ast.py}, {@code BBHandler}/{@code ConfHandler} file
 * handling, {@code cookerdata} configuration loading and {@code CookerCollectFiles}, ported so that every value
 * agrees with BitBake 2.8.
 *
 * <p>How a recipe is parsed: {@link dev.bitzel.parser.internal.eval.MetadataLoader} holds the configuration's
 * {@code ParseState} (datastore plus the Python-side lists BitBake keeps in it: {@code __BBTASKS}, task
 * {@code [deps]}, {@code __inherit_cache}, anonymous functions, deferred inherits, handlers, {@code __depends});
 * each recipe starts from an O(1) copy of it. {@code Evaluator} walks the syntax trees (cached per file and
 * dialect in {@link dev.bitzel.parser.internal.eval.TreeCache}, shared by all recipes), {@code Finalizer} applies
 * bbappends, deferred inherits, key expansion, anonymous functions (through the
 * {@link dev.bitzel.parser.data.PythonEvaluator} SPI) and BBCLASSEXTEND variants. Errors that stop BitBake
 * unwind as {@code MetadataError} and become a {@link dev.bitzel.parser.ParseFailure} of the same kind.
 *
 * <p>{@link dev.bitzel.parser.internal.eval.ParseCache} stores each parsed recipe file as an entry (what
 * {@code bitzel parse} needs: tasks, classes, cache fields, files read and their content hashes, diagnostics). Its
 * variants' datastores are stored beside it, as deltas against the configuration, the first time a caller asks for
 * a recipe's data (the recipe file is parsed again then, as BitBake's workers do), and read from there later.
 */
package dev.bitzel.parser.internal.eval;
