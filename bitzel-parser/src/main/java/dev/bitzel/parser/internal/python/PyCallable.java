package dev.bitzel.parser.internal.python;

import java.util.Map;

/** Something Python can call: functions, built-ins, bound methods, classes. */
public interface PyCallable {
    /**
     * Calls with positional arguments and keyword arguments ({@code kwargs} may be null when there are none).
     *
     * @throws PythonError when the call raises a Python exception
     */
    Object call(Object[] args, Map<String, Object> kwargs);
}
