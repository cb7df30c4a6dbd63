package dev.bitzel.parser.data;

import java.math.BigInteger;
import java.util.Set;

/**
 * How a {@link DataStore} holds the values BitBake keeps as Python objects other than strings.
 *
 * <p>BitBake's datastore takes any Python object: {@code d.setVar('N', 5)} keeps the int, and {@code ${N}} then
 * fails to expand while {@code d.getVar('N') + 1} works. The store here holds strings, so such a value is held as a
 * <em>token</em>, a string no metadata can write (it starts with a NUL character):
 * <ul>
 *   <li>an int, bool or float carries its value in the token itself ({@code \0bitzel-python-int:5}), so it is kept
 *       by the parse caches and means the same in every process;</li>
 *   <li>any other object (a list, a dict, a class extender) is named by a token the {@link PythonEvaluator} that
 *       stored it resolves ({@link PythonEvaluator#storedObject}).</li>
 * </ul>
 * BitBake's own lists {@code __BBTASKS}, {@code __BBHANDLERS} and {@code __inherit_cache} are kept as
 * space-separated names instead ({@link #isInternalList}): the names contain no spaces, and every reader of the
 * store presents them as the lists they are.
 */
public final class ObjectValues {

    private static final String PREFIX = "\u0000bitzel-python-";
    private static final String INT = PREFIX + "int:";
    private static final String BOOL = PREFIX + "bool:";
    private static final String FLOAT = PREFIX + "float:";
    private static final String OBJECT = PREFIX + "object:";

    private static final Set<String> INTERNAL_LISTS = Set.of("__BBTASKS", "__BBHANDLERS", "__inherit_cache");

    private ObjectValues() {
    }

    /**
     * A Python object as a store holds it: its type's name (as in Python's messages), its {@code str()}, and its
     * plain form for a JSON answer ({@code null}, {@code String}, {@code Long}, {@code BigInteger}, {@code Double},
     * {@code Boolean}, or a {@code List} of those for a list, tuple or set; any other object is its {@code str()}).
     *
     * @param typeName the Python type's name, e.g. {@code "int"} or {@code "list"}
     * @param text the object's {@code str()}
     * @param plain the plain form
     * @param truth the object's truth value ({@code bool(o)})
     */
    public record Described(String typeName, String text, Object plain, boolean truth) {
    }

    /**
     * Whether a stored value is a token standing for a Python object rather than a string. Text that only looks like
     * one (metadata can hold a NUL character) is a string.
     */
    public static boolean isObject(String value) {
        return value != null && !value.isEmpty() && value.charAt(0) == '\u0000'
                && (value.startsWith(OBJECT) || scalar(value) != null);
    }

    /** Whether a stored value names an object kept by an evaluator (not an int, bool or float). */
    public static boolean isEvaluatorObject(String value) {
        return value != null && value.startsWith(OBJECT);
    }

    /** Whether the variable is one of the lists BitBake keeps for itself, held here as space-separated names. */
    public static boolean isInternalList(String var) {
        return INTERNAL_LISTS.contains(var);
    }

    /**
     * The token of an object a {@link PythonEvaluator} keeps ({@link PythonEvaluator#storedObject} resolves it).
     *
     * @param name the evaluator's name for the object, unique among the tokens in use
     * @return the token
     */
    public static String ofEvaluatorObject(String name) {
        return OBJECT + name;
    }

    /** The token of a Python int. */
    public static String ofInt(BigInteger value) {
        return INT + value;
    }

    /** The token of a Python int. */
    public static String ofInt(long value) {
        return INT + value;
    }

    /** The token of a Python bool. */
    public static String ofBool(boolean value) {
        return BOOL + (value ? "True" : "False");
    }

    /**
     * The token of a Python float.
     *
     * @param text the float's Python {@code str()}, e.g. {@code "1.5"}, {@code "1e-05"} or {@code "inf"}
     * @return the token
     */
    public static String ofFloat(String text) {
        return FLOAT + text;
    }

    /**
     * The int, bool or float a token carries: a {@code Long} (or a {@code BigInteger} beyond its range), a
     * {@code Boolean} or a {@code Double}; {@code null} for any other value.
     *
     * @param value a stored value
     * @return the scalar, or null
     */
    public static Object scalar(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != '\u0000') {
            return null;
        }
        try {
            if (value.startsWith(INT)) {
                BigInteger big = new BigInteger(value.substring(INT.length()));
                return big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            if (value.startsWith(BOOL)) {
                String text = value.substring(BOOL.length());
                return text.equals("True") ? Boolean.TRUE : text.equals("False") ? Boolean.FALSE : null;
            }
            if (value.startsWith(FLOAT)) {
                String text = value.substring(FLOAT.length());
                return switch (text) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> Double.parseDouble(text);
                };
            }
        } catch (NumberFormatException notAToken) {
            return null; // text that only looks like a token (metadata holding a NUL character): not a number
        }
        return null;
    }

    /**
     * Describes the object a token stands for.
     *
     * @param value a stored value for which {@link #isObject} holds
     * @param python the evaluator of the store holding it, which resolves {@link #isEvaluatorObject} tokens
     * @return the description
     * @throws IllegalArgumentException when the value is not a token, or names an object the evaluator no longer has
     */
    public static Described describe(String value, PythonEvaluator python) {
        Object scalar = scalar(value);
        if (scalar instanceof Boolean b) {
            return new Described("bool", value.substring(BOOL.length()), b, b);
        }
        if (scalar instanceof Double f) {
            return new Described("float", value.substring(FLOAT.length()), f, f != 0);
        }
        if (scalar != null) {
            return new Described("int", value.substring(INT.length()), scalar, !Long.valueOf(0).equals(scalar));
        }
        if (isEvaluatorObject(value)) {
            return python.storedObject(value);
        }
        throw new IllegalArgumentException("not a Python object token");
    }
}
