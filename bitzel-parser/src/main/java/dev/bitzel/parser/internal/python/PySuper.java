package dev.bitzel.parser.internal.python;

/** The object {@code super()} returns: attribute lookup continues after {@code type} in the MRO of self. */
final class PySuper implements PyAttributes {
    private final PyType type;
    private final Object self;

    PySuper(PyType type, Object self) {
        this.type = type;
        this.self = self;
    }

    @Override
    public Object getAttribute(String name) {
        PyType start = self instanceof PyType t && t.isSubtypeOf(type) ? t : Ops.typeOf(self);
        PyType[] mro = start.mro;
        int i = 0;
        while (i < mro.length && mro[i] != type) {
            i++;
        }
        for (i++; i < mro.length; i++) {
            Object v = mro[i].dict.get(name);
            if (v != null) {
                if (v instanceof PyClassMethod cm) {
                    return new PyBoundMethod(start, cm.function);
                }
                if (v instanceof PyStaticMethod sm) {
                    return sm.function;
                }
                if (v instanceof PyProperty p) {
                    return Ops.call(p.fget, new Object[] {self}, null);
                }
                if (self instanceof PyType && !(v instanceof PyBuiltin && name.equals("__new__"))) {
                    return v;
                }
                if (v instanceof PyFunction || v instanceof PyBuiltin) {
                    return new PyBoundMethod(self, v);
                }
                return v;
            }
        }
        if (name.equals("__init__")) {
            return new PyBuiltin("__init__", (a, kw) -> PyNone.NONE);
        }
        return null;
    }

    @Override
    public String pythonTypeName() {
        return "super";
    }
}
