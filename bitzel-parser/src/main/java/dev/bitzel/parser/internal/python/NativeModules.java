package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.List;

/** The Java-implemented standard modules every runtime starts with. */
final class NativeModules {
    private NativeModules() {}

    static List<PyModule> create(PythonRuntime rt) {
        List<PyModule> r = new ArrayList<>(OsModule.create(rt));
        r.addAll(MiscModules.create(rt));
        r.add(ReModule.create());
        r.add(StructModule.create());
        r.add(new PyModule("builtins", rt.builtins));
        return r;
    }

    /** Helpers visible to the Python-source modules. */
    static void addHelpers(PyDict globals) {
        globals.put("_bitzel_make_tuple", new PyBuiltin("_bitzel_make_tuple", (a, kw) -> {
            PyInstance i = new PyInstance((PyType) a[0]);
            i.builtinValue = new PyTuple(Ops.toArray(a[1]).clone());
            return i;
        }));
    }
}
