package dev.bitzel.parser.internal.python;

import java.util.List;

/** The Java-implemented standard modules every runtime starts with. */
final class NativeModules {
    private NativeModules() {}

    static List<PyModule> create(PythonRuntime rt) {
        return List.of();
    }
}
