package dev.bitzel.parser.internal.python;

import java.util.Map;

/**
 * The Java body of a built-in function. For methods, {@code args[0]} is {@code self}. {@code kwargs} is null
 * when the call has no keyword arguments. Raise Python exceptions with {@link PythonError}.
 */
@FunctionalInterface
public interface NativeFunction {
    /** Runs the function. */
    Object call(Object[] args, Map<String, Object> kwargs);
}
