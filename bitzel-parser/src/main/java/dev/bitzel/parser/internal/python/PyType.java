package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python class: built-in (int, str, dict, ValueError, ...) or defined by a {@code class} statement.
 * Built-in types are shared by all runtimes and never mutated after class initialization.
 */
public final class PyType implements PyCallable {
    private volatile String name;
    private final String module;
    final PyType[] bases;
    final PyType[] mro;
    final Map<String, Object> dict;
    final boolean builtin;
    /** For built-in types: creates an instance from call arguments. Null for user classes. */
    NativeFunction constructor;
    /** The built-in type whose instance layout user subclasses share (dict, list, BaseException, object). */
    final PyType solidBase;
    /**
     * The attribute names instances may hold when {@code __slots__} leave them without a {@code __dict__}; null
     * when instances have one.
     */
    final java.util.Set<String> slots;
    /**
     * The metaclass, when it is a class defined in Python (inherited from the bases or given with the
     * {@code metaclass} keyword); null for {@code type}. Only its methods for operations on the class itself are
     * used (iteration, len, in, [], calls, repr, attributes the class lacks); class creation does not go through it.
     */
    PyType metaclass;

    PyType(String name, String module, PyType[] bases, Map<String, Object> dict, boolean builtin) {
        this.name = name;
        this.module = module;
        this.bases = bases;
        this.dict = dict == null ? new LinkedHashMap<>() : dict;
        this.builtin = builtin;
        this.mro = computeMro();
        PyType solid = null;
        for (PyType t : mro) {
            if (t.builtin && t != this) {
                solid = t;
                break;
            }
        }
        this.solidBase = solid;
        this.slots = builtin ? null : slots();
        for (PyType b : bases) {
            if (b.metaclass != null) {
                this.metaclass = b.metaclass;
                break;
            }
        }
    }

    /** A method of this class's metaclass that Python code defines (a class operation it overrides), or null. */
    Object metaMethod(String name) {
        if (metaclass == null) {
            return null;
        }
        for (PyType t : metaclass.mro) {
            if (t.builtin) {
                return null;
            }
            Object v = t.dict.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The slots of a class whose every class declares {@code __slots__} (built-in bases but BaseException have
     * no {@code __dict__} of their own), or null when its instances have a {@code __dict__}.
     */
    private java.util.Set<String> slots() {
        Object declared = dict.get("__slots__");
        if (declared == null) {
            return null;
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (declared instanceof String one) {
            names.add(one);
        } else {
            for (Object n : Ops.toList(declared)) {
                names.add(Args.str(n, "__slots__ items"));
            }
        }
        for (PyType b : bases) {
            if (b.builtin ? b.isSubtypeOf(Exceptions.BASE_EXCEPTION) : b.slots == null) {
                return null;
            }
            if (!b.builtin) {
                names.addAll(b.slots);
            }
        }
        return names.contains("__dict__") ? null : java.util.Set.copyOf(names);
    }

    /** Fails as CPython does when {@code __slots__} leave no room for the attribute {@code name}. */
    void checkSlot(String name) {
        if (slots != null && !slots.contains(name)) {
            throw Errors.attributeError("'" + this.name + "' object has no attribute '" + name + "'");
        }
    }

    /** Wraps the functions a class body defines that Python makes class methods without a decorator. */
    static void implicitClassMethods(Map<String, Object> dict) {
        for (String name : new String[] {"__init_subclass__", "__class_getitem__"}) {
            if (dict.get(name) instanceof PyFunction f) {
                dict.put(name, new PyClassMethod(f));
            }
        }
    }

    /**
     * What {@code type.__new__} does once a class exists: the {@code __init_subclass__} of the next class in
     * its MRO runs for it, with the class keywords.
     */
    void initSubclass(Map<String, Object> keywords) {
        Object hook = new PySuper(this, this).getAttribute("__init_subclass__");
        if (hook != null) {
            Ops.call(hook, new Object[0], keywords.isEmpty() ? null : keywords);
        }
    }

    /** Creates a built-in type. */
    static PyType builtin(String name, PyType... bases) {
        return new PyType(name, "builtins", bases, null, true);
    }

    /** The class name. */
    public String name() {
        return name;
    }

    /** Renames the class ({@code cls.__name__ = ...}). */
    void rename(String newName) {
        name = newName;
    }

    /** The defining module's name. */
    public String module() {
        return module;
    }

    private PyType[] computeMro() {
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) {
            seqs.add(new ArrayList<>(List.of(b.mro)));
        }
        seqs.add(new ArrayList<>(List.of(bases)));
        List<PyType> result = new ArrayList<>();
        result.add(this);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return result.toArray(new PyType[0]);
            }
            PyType candidate = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                boolean inTail = false;
                for (List<PyType> s2 : seqs) {
                    if (s2.indexOf(head) > 0) {
                        inTail = true;
                        break;
                    }
                }
                if (!inTail) {
                    candidate = head;
                    break;
                }
            }
            if (candidate == null) {
                throw Errors.typeError("Cannot create a consistent method resolution order (MRO)");
            }
            result.add(candidate);
            for (List<PyType> s : seqs) {
                if (!s.isEmpty() && s.get(0) == candidate) {
                    s.remove(0);
                }
            }
        }
    }

    /** Looks an attribute up along the MRO without binding; null when absent. */
    Object lookup(String attr) {
        for (PyType t : mro) {
            Object v = t.dict.get(attr);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    boolean isSubtypeOf(PyType other) {
        if (this == other) {
            return true;
        }
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /** Adds a native method to a built-in type during initialization. */
    PyType def(String attr, NativeFunction f) {
        dict.put(attr, new PyBuiltin(attr, f));
        return this;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        if (this == Builtins.TYPE && args.length == 1 && (kwargs == null || kwargs.isEmpty())) {
            return Ops.typeOf(args[0]);
        }
        if (constructor != null) {
            return constructor.call(args, kwargs);
        }
        Object metaCall = metaMethod("__call__");
        if (metaCall != null) {
            Object[] a = new Object[args.length + 1];
            a[0] = this;
            System.arraycopy(args, 0, a, 1, args.length);
            return Ops.call(metaCall, a, kwargs);
        }
        Object newFn = lookup("__new__");
        Object inst;
        if (newFn != null && newFn != Builtins.OBJECT.dict.get("__new__")) {
            Object[] a = new Object[args.length + 1];
            a[0] = this;
            System.arraycopy(args, 0, a, 1, args.length);
            inst = Ops.call(newFn instanceof PyStaticMethod sm ? sm.function : newFn, a, kwargs);
            if (!(inst instanceof PyInstance pi) || !pi.type().isSubtypeOf(this)) {
                return inst;
            }
        } else {
            inst = newInstance(args);
        }
        Object init = lookup("__init__");
        if (init != null) {
            Object[] a = new Object[args.length + 1];
            a[0] = inst;
            System.arraycopy(args, 0, a, 1, args.length);
            Object r = Ops.call(init, a, kwargs);
            if (r != PyNone.NONE) {
                throw Errors.typeError("__init__() should return None, not '" + Ops.typeName(r) + "'");
            }
        } else if (args.length > 0 || (kwargs != null && !kwargs.isEmpty())) {
            throw Errors.typeError(name + "() takes no arguments");
        }
        return inst;
    }

    PyInstance newInstance(Object[] args) {
        PyInstance inst = new PyInstance(this);
        PyType solid = solidBase;
        if (solid != null) {
            if (!builtin && solid.isSubtypeOf(Exceptions.BASE_EXCEPTION)) {
                inst.setAttr("args", new PyTuple(args.clone()));
            } else if (solid == Builtins.DICT) {
                inst.builtinValue = new PyDict();
            } else if (solid == Builtins.LIST) {
                inst.builtinValue = new PyList();
            } else if (solid == Builtins.SET) {
                inst.builtinValue = new PySet(false);
            }
        }
        return inst;
    }

    @Override
    public String toString() {
        Object qualname = dict.get("__qualname__");
        return "<class '" + (module.equals("builtins") ? "" : module + ".")
                + (qualname instanceof String q ? q : name) + "'>";
    }
}
