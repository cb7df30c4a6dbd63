package dev.bitzel.parser.internal.python;

import java.util.Map;

/** A function bound to its first argument ({@code obj.method}). */
final class PyBoundMethod implements PyCallable {
    final Object self;
    final Object function;

    PyBoundMethod(Object self, Object function) {
        this.self = self;
        this.function = function;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        Object[] a = new Object[args.length + 1];
        a[0] = self;
        System.arraycopy(args, 0, a, 1, args.length);
        return Ops.call(function, a, kwargs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBoundMethod m && m.self == self && m.function == function;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(self) * 31 + System.identityHashCode(function);
    }

    @Override
    public String toString() {
        String fname = function instanceof PyFunction f ? f.qualname : function instanceof PyBuiltin b ? b.name() : "?";
        if (function instanceof PyBuiltin) {
            return "<built-in method " + fname + " of " + Ops.typeName(self) + " object>";
        }
        return "<bound method " + fname + " of " + Ops.repr(self) + ">";
    }
}
