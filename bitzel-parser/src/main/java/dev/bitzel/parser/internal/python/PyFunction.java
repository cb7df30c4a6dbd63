package dev.bitzel.parser.internal.python;

import java.util.Map;

/** A function defined in Python ({@code def} or {@code lambda}) with its defaults and closure. */
public final class PyFunction implements PyCallable {
    final FuncCode code;
    final Object[] defaults;
    final Map<String, Object> kwdefaults;
    final PyCell[] closure;
    final PyDict globals;
    final PythonRuntime rt;
    PyType definingClass;
    String name;
    String qualname;
    private PyDict attrs;

    PyFunction(FuncCode code, Object[] defaults, Map<String, Object> kwdefaults, PyCell[] closure, PyDict globals,
            PythonRuntime rt) {
        this.code = code;
        this.defaults = defaults;
        this.kwdefaults = kwdefaults;
        this.closure = closure;
        this.globals = globals;
        this.rt = rt;
        this.name = code.name;
        this.qualname = code.qualname;
    }

    /** The function's {@code __name__}. */
    public String name() {
        return name;
    }

    Object getAttr(String attr) {
        if (attrs != null) {
            Object v = attrs.get(attr);
            if (v != null) {
                return v;
            }
        }
        switch (attr) {
            case "__name__": return name;
            case "__qualname__": return qualname;
            case "__doc__": return code.doc;
            case "__module__": {
                Object m = globals.get("__name__");
                return m == null ? PyNone.NONE : m;
            }
            case "__defaults__": return defaults.length == 0 ? PyNone.NONE : new PyTuple(defaults.clone());
            case "__kwdefaults__": {
                if (kwdefaults == null || kwdefaults.isEmpty()) {
                    return PyNone.NONE;
                }
                PyDict d = new PyDict();
                kwdefaults.forEach(d::put);
                return d;
            }
            case "__globals__": return globals;
            case "__dict__": {
                if (attrs == null) {
                    attrs = new PyDict();
                }
                return attrs;
            }
            case "__class__": return Builtins.FUNCTION;
            default: {
                Object v = Builtins.FUNCTION.lookup(attr);
                return v == null ? null : new PyBoundMethod(this, v);
            }
        }
    }

    void setAttr(String attr, Object v) {
        if (attr.equals("__name__")) {
            name = Ops.str(v);
        } else if (attr.equals("__qualname__")) {
            qualname = Ops.str(v);
        }
        if (attrs == null) {
            attrs = new PyDict();
        }
        attrs.put(attr, v);
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        Scope scope = code.scope;
        Object[] fast = new Object[scope.nfast];
        bind(args, kwargs, fast);
        PyCell[] cells = scope.newCells(closure);
        int[] pc = scope.paramCells;
        for (int i = 0; i < pc.length; i++) {
            if (pc[i] >= 0) {
                cells[pc[i]].value = fast[i];
            }
        }
        Frame f = new Frame(rt, code.file, fast, cells, globals, null, this);
        f.line = code.firstLine;
        if (scope.generator) {
            return new PyGenerator(this, f);
        }
        return run(f);
    }

    Object run(Frame f) {
        try {
            if (code.lambdaBody != null) {
                return code.lambdaBody.eval(f);
            }
            Stmt.run(code.body, f);
            return f.retval == null ? PyNone.NONE : f.retval;
        } catch (PythonError e) {
            e.addTraceback(code.file, f.line, name);
            throw e;
        } catch (StackOverflowError e) {
            throw PythonError.of(Exceptions.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    private void bind(Object[] args, Map<String, Object> kwargs, Object[] fast) {
        String[] pos = code.posNames;
        int npos = pos.length;
        int n = args.length;
        int nk = pos.length + (code.varargName != null ? 1 : 0);
        if (n <= npos) {
            System.arraycopy(args, 0, fast, 0, n);
            if (code.varargName != null) {
                fast[npos] = PyTuple.EMPTY;
            }
        } else {
            System.arraycopy(args, 0, fast, 0, npos);
            if (code.varargName == null) {
                throw tooMany(n, kwargs);
            }
            Object[] rest = new Object[n - npos];
            System.arraycopy(args, npos, rest, 0, rest.length);
            fast[npos] = new PyTuple(rest);
        }
        PyDict kwdict = null;
        if (code.kwargName != null) {
            kwdict = new PyDict();
            fast[nk + code.kwonlyNames.length] = kwdict;
        }
        if (kwargs != null && !kwargs.isEmpty()) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                String k = e.getKey();
                int idx = -1;
                for (int i = code.nposonly; i < npos; i++) {
                    if (pos[i].equals(k)) {
                        idx = i;
                        break;
                    }
                }
                if (idx < 0) {
                    for (int i = 0; i < code.kwonlyNames.length; i++) {
                        if (code.kwonlyNames[i].equals(k)) {
                            idx = nk + i;
                            break;
                        }
                    }
                }
                if (idx < 0) {
                    if (kwdict != null) {
                        kwdict.put(k, e.getValue());
                        continue;
                    }
                    throw Errors.typeError(qualname + "() got an unexpected keyword argument '" + k + "'");
                }
                if (fast[idx] != null) {
                    throw Errors.typeError(qualname + "() got multiple values for argument '" + k + "'");
                }
                fast[idx] = e.getValue();
            }
        }
        if (n < npos) {
            int firstDefault = npos - defaults.length;
            StringBuilder missing = null;
            int nmissing = 0;
            for (int i = n; i < npos; i++) {
                if (fast[i] == null) {
                    if (i >= firstDefault) {
                        fast[i] = defaults[i - firstDefault];
                    } else {
                        nmissing++;
                        missing = appendName(missing, pos[i]);
                    }
                }
            }
            if (nmissing > 0) {
                throw Errors.typeError(qualname + "() missing " + nmissing + " required positional argument"
                        + (nmissing > 1 ? "s" : "") + ": " + joinMissing(missing));
            }
        }
        if (code.kwonlyNames.length > 0) {
            StringBuilder missing = null;
            int nmissing = 0;
            for (int i = 0; i < code.kwonlyNames.length; i++) {
                if (fast[nk + i] == null) {
                    Object d = kwdefaults == null ? null : kwdefaults.get(code.kwonlyNames[i]);
                    if (d == null) {
                        nmissing++;
                        missing = appendName(missing, code.kwonlyNames[i]);
                    } else {
                        fast[nk + i] = d;
                    }
                }
            }
            if (nmissing > 0) {
                throw Errors.typeError(qualname + "() missing " + nmissing + " required keyword-only argument"
                        + (nmissing > 1 ? "s" : "") + ": " + joinMissing(missing));
            }
        }
    }

    private static StringBuilder appendName(StringBuilder sb, String n) {
        if (sb == null) {
            sb = new StringBuilder();
        } else {
            sb.append('\u0000');
        }
        return sb.append('\'').append(n).append('\'');
    }

    private static String joinMissing(StringBuilder sb) {
        String[] names = sb.toString().split("\u0000");
        if (names.length == 1) {
            return names[0];
        }
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                r.append(i == names.length - 1 ? (names.length > 2 ? ", and " : " and ") : ", ");
            }
            r.append(names[i]);
        }
        return r.toString();
    }

    private PythonError tooMany(int given, Map<String, Object> kwargs) {
        int npos = code.posNames.length;
        String takes = defaults.length > 0 ? "from " + (npos - defaults.length) + " to " + npos : String.valueOf(npos);
        return Errors.typeError(qualname + "() takes " + takes + " positional argument" + (npos == 1 && defaults.length == 0
                ? "" : "s") + " but " + given + (given == 1 ? " was" : " were") + " given");
    }

    @Override
    public String toString() {
        return Formatter.repr(this);
    }
}
