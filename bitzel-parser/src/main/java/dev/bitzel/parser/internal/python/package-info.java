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
 *
 * <p>Differences from CPython 3.11 that embedders should know:
 * <ul>
 *   <li>Generator functions run to completion on their first {@code next()}; the values are then handed out
 *       one by one and an exception raised by the body surfaces after the values yielded before it. Infinite
 *       generators, {@code send()} with a value and {@code close()} running the body's {@code finally} are not
 *       supported. Generator expressions are lazy.</li>
 *   <li>Sets iterate in insertion order, not hash order.</li>
 *   <li>No metaclasses (the {@code metaclass} keyword is ignored; the other class keywords go to
 *       {@code __init_subclass__}), no subclassing of str, int, float or bytes (dict, list, set, tuple and
 *       exceptions can be subclassed).</li>
 *   <li>Coroutines ({@code async}/{@code await}) parse but raise NotImplementedError when run; no complex
 *       numbers.</li>
 *   <li>File, process and network access is the embedder's: {@code os.system} and the like raise
 *       {@code NotImplementedError: bitzel: ... is not supported}; modules such as subprocess or shutil import
 *       fine and raise the same way when used. File-system reads are {@code open()} for reading text,
 *       {@code os.path.exists/isdir/isfile/islink} and imports from the module path; {@code re} compiles bytes
 *       patterns but matches only text; {@code abc} and {@code contextlib} are small stand-ins (no
 *       abstract-instantiation check); {@code enum} is a stub.</li>
 * </ul>
 */
package dev.bitzel.parser.internal.python;
