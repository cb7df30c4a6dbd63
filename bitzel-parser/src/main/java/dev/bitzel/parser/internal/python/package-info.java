/**
 * Bitzel's built-in Python 3 interpreter for the Python in BitBake metadata: a lexer and parser producing
 * executable node trees, a tree-walking evaluator, Python's object model and built-ins, and standard modules
 * written in Java ({@code os}, {@code re}, {@code json}, {@code _struct}, ...) or in Python (the {@code *.py}
 * resources beside these classes: {@code enum}, {@code datetime}, {@code pathlib}, {@code uuid}, {@code struct},
 * {@code bisect}, {@code heapq}, {@code statistics}, {@code fractions}, {@code decimal}; and the sources in
 * {@link dev.bitzel.parser.internal.python.SourceModules}), each checked against CPython 3.11's output.
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
 *   <li>Generator functions are lazy as in CPython ({@code send}, {@code throw}, {@code close}, {@code yield from}
 *       delegation, infinite generators); see {@link dev.bitzel.parser.internal.python.PyGenerator}. A generator
 *       left suspended does not run its {@code finally} blocks when it is garbage-collected, and a {@code yield}
 *       inside an assignment target, a {@code del} target or an {@code except} clause's type raises
 *       NotImplementedError. Generator expressions are lazy iterators of their own: {@code send()} ignores what
 *       is sent (as CPython's do) and {@code throw()} ends them with the exception.</li>
 *   <li>Sets iterate in insertion order, not hash order.</li>
 *   <li>Metaclasses serve only the operations on a class itself: {@code type(cls)} is the metaclass, and its
 *       methods give iteration, {@code len}, {@code in}, {@code []}, calls, {@code repr} and the attributes the class
 *       lacks; class creation does not go through the metaclass ({@code __new__}, {@code __init__} and
 *       {@code __prepare__} of a metaclass are not called; the other class keywords go to
 *       {@code __init_subclass__}). No subclassing of str, float or bytes (dict, list, set, tuple, int and
 *       exceptions can be subclassed).</li>
 *   <li>Coroutines ({@code async}/{@code await}) parse but raise NotImplementedError when run; no complex
 *       numbers.</li>
 *   <li>File, process and network access is the embedder's: {@code os.system} and the like raise
 *       {@code NotImplementedError: bitzel: ... is not supported}; modules such as subprocess or shutil import
 *       fine and raise the same way when used. File-system reads are {@code open()} for reading text,
 *       {@code os.path.exists/isdir/isfile/islink} and imports from the module path. {@code pathlib.Path} reaches
 *       the file system only through those and the other {@code os} functions, so it reads and writes exactly
 *       where they do (and names the unsupported {@code os} function otherwise); Windows paths are not
 *       supported.</li>
 *   <li>Standard modules with gaps: {@code re} compiles bytes patterns but matches only text; {@code abc} and
 *       {@code contextlib} are small stand-ins (no abstract-instantiation check); {@code enum} has no StrEnum;
 *       {@code datetime}'s strftime/strptime work in the C locale and know only the time zone names UTC and GMT;
 *       {@code statistics} lacks geometric_mean, harmonic_mean, quantiles, the correlation functions and
 *       NormalDist; {@code decimal} does not enforce a context's exponent limits or traps, keeps no signal
 *       flags, and lacks the mathematical functions but sqrt. What is missing raises NotImplementedError naming
 *       it.</li>
 * </ul>
 */
package dev.bitzel.parser.internal.python;
