/**
 * Bitzel's built-in Python 3 interpreter for the Python in BitBake metadata: a lexer and parser producing
 * executable node trees, a tree-walking evaluator, Python's object model and built-ins, and Java-implemented
 * standard modules.
 *
 * <p>Start from {@link dev.bitzel.parser.internal.python.PythonRuntime}: compile text to
 * {@link dev.bitzel.parser.internal.python.Code}, run it against a
 * {@link dev.bitzel.parser.internal.python.PyDict} of globals, expose Java objects with
 * {@link dev.bitzel.parser.internal.python.NativeObject} or
 * {@link dev.bitzel.parser.internal.python.PyAttributes}, and catch
 * {@link dev.bitzel.parser.internal.python.PythonError}.
 *
 * <p>Python values are plain Java objects where possible: str is {@link java.lang.String}, int is
 * {@link java.lang.Long} (or {@link java.math.BigInteger} beyond 64 bits), float is {@link java.lang.Double},
 * bool is {@link java.lang.Boolean}; None is {@link dev.bitzel.parser.internal.python.PyNone#NONE}.
 */
package dev.bitzel.parser.internal.python;
