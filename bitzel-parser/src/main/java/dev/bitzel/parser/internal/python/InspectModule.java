package dev.bitzel.parser.internal.python;

/** A small {@code inspect}: signature() of Python functions, and the is* predicates. */
final class InspectModule {
    private InspectModule() {}

    static final Object EMPTY = NativeObject.builder("_empty").build();

    static PyModule create() {
        PyModule m = new PyModule("inspect");
        PyModule parameter = new PyModule("inspect.Parameter");
        parameter.set("empty", EMPTY).set("POSITIONAL_ONLY", 0L).set("POSITIONAL_OR_KEYWORD", 1L)
                .set("VAR_POSITIONAL", 2L).set("KEYWORD_ONLY", 3L).set("VAR_KEYWORD", 4L);
        m.set("Parameter", parameter);
        m.set("_empty", EMPTY);
        m.def("signature", (a, kw) -> {
            Object f = a[0];
            boolean bound = false;
            if (f instanceof PyBoundMethod bm) {
                f = bm.function;
                bound = true;
            }
            if (!(f instanceof PyFunction fn)) {
                throw Errors.valueError("no signature found for " + Ops.repr(a[0]));
            }
            FuncCode c = fn.code;
            PyDict params = new PyDict();
            int firstDefault = c.posNames.length - fn.defaults.length;
            for (int i = bound ? 1 : 0; i < c.posNames.length; i++) {
                params.put(c.posNames[i], param(c.posNames[i], i >= firstDefault ? fn.defaults[i - firstDefault] : EMPTY,
                        i < c.nposonly ? 0 : 1));
            }
            if (c.varargName != null) {
                params.put(c.varargName, param(c.varargName, EMPTY, 2));
            }
            for (String k : c.kwonlyNames) {
                Object d = fn.kwdefaults == null ? null : fn.kwdefaults.get(k);
                params.put(k, param(k, d == null ? EMPTY : d, 3));
            }
            if (c.kwargName != null) {
                params.put(c.kwargName, param(c.kwargName, EMPTY, 4));
            }
            return NativeObject.builder("Signature").attribute("parameters", params).build();
        });
        m.def("isfunction", (a, kw) -> a[0] instanceof PyFunction);
        m.def("isclass", (a, kw) -> a[0] instanceof PyType);
        m.def("ismodule", (a, kw) -> a[0] instanceof PyModule);
        m.def("ismethod", (a, kw) -> a[0] instanceof PyBoundMethod);
        m.def("isbuiltin", (a, kw) -> a[0] instanceof PyBuiltin);
        m.def("isgenerator", (a, kw) -> a[0] instanceof PyGenerator);
        m.def("isgeneratorfunction", (a, kw) -> a[0] instanceof PyFunction f && f.code.scope.generator);
        return m;
    }

    private static Object param(String name, Object dflt, long kind) {
        return NativeObject.builder("Parameter").attribute("name", name).attribute("default", dflt)
                .attribute("kind", kind).build();
    }
}
