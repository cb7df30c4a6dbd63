package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The methods of list, tuple, dict, set and frozenset. */
final class CollectionMethods {
    private CollectionMethods() {}

    static ArrayList<Object> list(Object o) {
        if (o instanceof PyList l) {
            return l.list;
        }
        if (o instanceof PyInstance i && i.builtinValue instanceof PyList l) {
            return l.list;
        }
        throw Errors.typeError("descriptor requires a 'list' object but received a '" + Ops.typeName(o) + "'");
    }

    static PyDict dict(Object o) {
        if (o instanceof PyDict d) {
            return d;
        }
        if (o instanceof PyInstance i && i.builtinValue instanceof PyDict d) {
            return d;
        }
        throw Errors.typeError("descriptor requires a 'dict' object but received a '" + Ops.typeName(o) + "'");
    }

    static PySet set(Object o) {
        if (o instanceof PySet s) {
            return s;
        }
        if (o instanceof PyInstance i && i.builtinValue instanceof PySet s) {
            return s;
        }
        throw Errors.typeError("descriptor requires a 'set' object but received a '" + Ops.typeName(o) + "'");
    }

    static void install() {
        installList();
        installTuple();
        installDict();
        installSet(Builtins.SET, false);
        installSet(Builtins.FROZENSET, true);
    }

    private static void installList() {
        PyType t = Builtins.LIST;
        t.def("append", (a, kw) -> {
            Args.count("append", a, 2, 2);
            list(a[0]).add(a[1]);
            return PyNone.NONE;
        });
        t.def("extend", (a, kw) -> {
            Args.count("extend", a, 2, 2);
            ArrayList<Object> l = list(a[0]);
            l.addAll(Ops.toList(a[1]));
            return PyNone.NONE;
        });
        t.def("insert", (a, kw) -> {
            Args.count("insert", a, 3, 3);
            ArrayList<Object> l = list(a[0]);
            long i = Ints.toLong(Ops.index(a[1]));
            int n = l.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            l.add((int) Math.min(i, n), a[2]);
            return PyNone.NONE;
        });
        t.def("pop", (a, kw) -> {
            Args.count("pop", a, 1, 2);
            ArrayList<Object> l = list(a[0]);
            if (l.isEmpty()) {
                throw Errors.indexError("pop from empty list");
            }
            long i = a.length > 1 ? Ints.toLong(Ops.index(a[1])) : -1;
            if (i < 0) {
                i += l.size();
            }
            if (i < 0 || i >= l.size()) {
                throw Errors.indexError("pop index out of range");
            }
            return l.remove((int) i);
        });
        t.def("remove", (a, kw) -> {
            ArrayList<Object> l = list(a[0]);
            for (int i = 0; i < l.size(); i++) {
                if (Ops.eq(l.get(i), a[1])) {
                    l.remove(i);
                    return PyNone.NONE;
                }
            }
            throw Errors.valueError("list.remove(x): x not in list");
        });
        t.def("index", (a, kw) -> {
            Args.count("index", a, 2, 4);
            ArrayList<Object> l = list(a[0]);
            int[] r = range(l.size(), a);
            for (int i = r[0]; i < r[1]; i++) {
                if (Ops.eq(l.get(i), a[1])) {
                    return (long) i;
                }
            }
            throw Errors.valueError(Ops.repr(a[1]) + " is not in list");
        });
        t.def("count", (a, kw) -> {
            long n = 0;
            for (Object o : list(a[0])) {
                if (Ops.eq(o, a[1])) {
                    n++;
                }
            }
            return n;
        });
        t.def("sort", (a, kw) -> {
            Object[] b = Args.bind("sort", a, kw, new String[] {"self", "key", "reverse"}, 1);
            if (a.length > 1) {
                throw Errors.typeError("sort() takes no positional arguments");
            }
            Builtins.sort(list(b[0]), b[1], b[2] != null && Ops.isTrue(b[2]));
            return PyNone.NONE;
        });
        t.def("reverse", (a, kw) -> {
            java.util.Collections.reverse(list(a[0]));
            return PyNone.NONE;
        });
        t.def("copy", (a, kw) -> new PyList(list(a[0])));
        t.def("clear", (a, kw) -> {
            list(a[0]).clear();
            return PyNone.NONE;
        });
        t.def("__init__", (a, kw) -> {
            ArrayList<Object> l = list(a[0]);
            l.clear();
            if (a.length > 1) {
                l.addAll(Ops.toList(a[1]));
            }
            return PyNone.NONE;
        });
        t.def("__len__", (a, kw) -> (long) list(a[0]).size());
        t.def("__repr__", (a, kw) -> Formatter.repr(new PyList(list(a[0]), true)));
        t.def("__getitem__", (a, kw) -> Ops.getitem(new PyList(list(a[0]), true), a[1]));
        t.def("__setitem__", (a, kw) -> {
            Ops.setitem(new PyList(list(a[0]), true), a[1], a[2]);
            return PyNone.NONE;
        });
        t.def("__contains__", (a, kw) -> Ops.contains(new PyList(list(a[0]), true), a[1]));
        t.def("__iter__", (a, kw) -> Ops.iter(new PyList(list(a[0]), true)));
        t.def("__add__", (a, kw) -> Ops.binary(Ops.ADD, new PyList(list(a[0]), true), a[1]));
    }

    private static int[] range(int n, Object[] a) {
        long st = a.length > 2 ? Ints.toLong(a[2]) : 0;
        long e = a.length > 3 ? Ints.toLong(a[3]) : n;
        if (st < 0) {
            st = Math.max(0, st + n);
        }
        if (e < 0) {
            e = Math.max(0, e + n);
        }
        return new int[] {(int) Math.min(st, n), (int) Math.min(e, n)};
    }

    private static void installTuple() {
        PyType t = Builtins.TUPLE;
        t.def("index", (a, kw) -> {
            Object[] items = ((PyTuple) a[0]).items;
            int[] r = range(items.length, a);
            for (int i = r[0]; i < r[1]; i++) {
                if (Ops.eq(items[i], a[1])) {
                    return (long) i;
                }
            }
            throw Errors.valueError("tuple.index(x): x not in tuple");
        });
        t.def("count", (a, kw) -> {
            long n = 0;
            for (Object o : ((PyTuple) a[0]).items) {
                if (Ops.eq(o, a[1])) {
                    n++;
                }
            }
            return n;
        });
        t.def("__len__", (a, kw) -> (long) ((PyTuple) a[0]).items.length);
        t.def("__getitem__", (a, kw) -> Ops.getitem(a[0], a[1]));
    }

    private static void installDict() {
        PyType t = Builtins.DICT;
        t.def("get", (a, kw) -> {
            Args.count("get", a, 2, 3);
            Object v = dict(a[0]).get(a[1]);
            return v != null ? v : a.length > 2 ? a[2] : PyNone.NONE;
        });
        t.def("setdefault", (a, kw) -> {
            Args.count("setdefault", a, 2, 3);
            PyDict d = dict(a[0]);
            Object v = d.get(a[1]);
            if (v == null) {
                v = a.length > 2 ? a[2] : PyNone.NONE;
                d.put(a[1], v);
            }
            return v;
        });
        t.def("pop", (a, kw) -> {
            Args.count("pop", a, 2, 3);
            Object v = dict(a[0]).remove(a[1]);
            if (v == null) {
                if (a.length > 2) {
                    return a[2];
                }
                throw Errors.keyError(a[1]);
            }
            return v;
        });
        t.def("popitem", (a, kw) -> {
            PyDict d = dict(a[0]);
            if (d.size() == 0) {
                throw PythonError.of(Exceptions.KEY_ERROR, "popitem(): dictionary is empty");
            }
            List<Object> keys = d.keys();
            Object k = keys.get(keys.size() - 1);
            Object v = d.remove(k);
            return PyTuple.of(k, v);
        });
        t.def("update", (a, kw) -> {
            Args.count("update", a, 1, 2);
            Builtins.updateDict(dict(a[0]), a.length > 1 ? a[1] : null, kw);
            return PyNone.NONE;
        });
        t.def("__init__", (a, kw) -> {
            Builtins.updateDict(dict(a[0]), a.length > 1 ? a[1] : null, kw);
            return PyNone.NONE;
        });
        t.def("keys", (a, kw) -> new DictView(dict(a[0]), DictView.KEYS));
        t.def("values", (a, kw) -> new DictView(dict(a[0]), DictView.VALUES));
        t.def("items", (a, kw) -> new DictView(dict(a[0]), DictView.ITEMS));
        t.def("copy", (a, kw) -> dict(a[0]).copy());
        t.def("clear", (a, kw) -> {
            dict(a[0]).clear();
            return PyNone.NONE;
        });
        t.dict.put("fromkeys", new PyClassMethod(new PyBuiltin("fromkeys", (a, kw) -> {
            Args.count("fromkeys", a, 2, 3);
            PyDict d = new PyDict();
            Iterator<Object> it = Ops.iter(a[1]);
            Object v = a.length > 2 ? a[2] : PyNone.NONE;
            while (it.hasNext()) {
                d.put(it.next(), v);
            }
            if (a[0] instanceof PyType pt && pt != Builtins.DICT) {
                Object inst = pt.call(new Object[0], null);
                Builtins.updateDict(dict(inst), d, null);
                return inst;
            }
            return d;
        })));
        t.def("__len__", (a, kw) -> (long) dict(a[0]).size());
        t.def("__repr__", (a, kw) -> Formatter.repr(dict(a[0])));
        t.def("__eq__", (a, kw) -> Ops.eq(dict(a[0]), a[1] instanceof PyInstance i && i.builtinValue != null
                ? i.builtinValue : a[1]));
        t.def("__getitem__", (a, kw) -> Ops.getitem(dict(a[0]), a[1]));
        t.def("__setitem__", (a, kw) -> {
            dict(a[0]).put(a[1], a[2]);
            return PyNone.NONE;
        });
        t.def("__delitem__", (a, kw) -> {
            Ops.delitem(dict(a[0]), a[1]);
            return PyNone.NONE;
        });
        t.def("__contains__", (a, kw) -> dict(a[0]).containsKey(a[1]));
        t.def("__iter__", (a, kw) -> Ops.iter(dict(a[0])));
    }

    private static void installSet(PyType t, boolean frozen) {
        t.def("copy", (a, kw) -> set(a[0]).copy(set(a[0]).frozen));
        t.def("union", (a, kw) -> {
            PySet r = set(a[0]).copy(set(a[0]).frozen);
            for (int i = 1; i < a.length; i++) {
                Iterator<Object> it = Ops.iter(a[i]);
                while (it.hasNext()) {
                    r.add(it.next());
                }
            }
            return r;
        });
        t.def("intersection", (a, kw) -> {
            PySet r = set(a[0]).copy(set(a[0]).frozen);
            for (int i = 1; i < a.length; i++) {
                r.set.retainAll(Builtins.toSet(a[i], true).set);
            }
            return r;
        });
        t.def("difference", (a, kw) -> {
            PySet r = set(a[0]).copy(set(a[0]).frozen);
            for (int i = 1; i < a.length; i++) {
                r.set.removeAll(Builtins.toSet(a[i], true).set);
            }
            return r;
        });
        t.def("symmetric_difference", (a, kw) -> Ops.binary(Ops.XOR, set(a[0]), Builtins.toSet(a[1], false)));
        t.def("issubset", (a, kw) -> Builtins.toSet(a[1], true).set.containsAll(set(a[0]).set));
        t.def("issuperset", (a, kw) -> set(a[0]).set.containsAll(Builtins.toSet(a[1], true).set));
        t.def("isdisjoint", (a, kw) -> {
            PySet s = set(a[0]);
            Iterator<Object> it = Ops.iter(a[1]);
            while (it.hasNext()) {
                if (s.contains(it.next())) {
                    return false;
                }
            }
            return true;
        });
        t.def("__len__", (a, kw) -> (long) set(a[0]).size());
        t.def("__contains__", (a, kw) -> set(a[0]).contains(a[1]));
        t.def("__iter__", (a, kw) -> Ops.iter(set(a[0])));
        if (frozen) {
            return;
        }
        t.def("add", (a, kw) -> {
            Args.count("add", a, 2, 2);
            set(a[0]).add(a[1]);
            return PyNone.NONE;
        });
        t.def("remove", (a, kw) -> {
            if (!set(a[0]).remove(a[1])) {
                throw Errors.keyError(a[1]);
            }
            return PyNone.NONE;
        });
        t.def("discard", (a, kw) -> {
            set(a[0]).remove(a[1]);
            return PyNone.NONE;
        });
        t.def("pop", (a, kw) -> {
            PySet s = set(a[0]);
            if (s.size() == 0) {
                throw PythonError.of(Exceptions.KEY_ERROR, "pop from an empty set");
            }
            Object c = s.set.iterator().next();
            Object o = s.original(c);
            s.remove(o);
            return o;
        });
        t.def("clear", (a, kw) -> {
            set(a[0]).set.clear();
            return PyNone.NONE;
        });
        t.def("update", (a, kw) -> {
            PySet s = set(a[0]);
            for (int i = 1; i < a.length; i++) {
                Iterator<Object> it = Ops.iter(a[i]);
                while (it.hasNext()) {
                    s.add(it.next());
                }
            }
            return PyNone.NONE;
        });
        t.def("intersection_update", (a, kw) -> {
            set(a[0]).set.retainAll(Builtins.toSet(a[1], true).set);
            return PyNone.NONE;
        });
        t.def("difference_update", (a, kw) -> {
            for (int i = 1; i < a.length; i++) {
                set(a[0]).set.removeAll(Builtins.toSet(a[i], true).set);
            }
            return PyNone.NONE;
        });
        t.def("symmetric_difference_update", (a, kw) -> {
            PySet s = set(a[0]);
            for (Object o : Builtins.toSet(a[1], true).elements()) {
                if (!s.remove(o)) {
                    s.add(o);
                }
            }
            return PyNone.NONE;
        });
        t.def("__init__", (a, kw) -> {
            PySet s = set(a[0]);
            s.set.clear();
            if (a.length > 1) {
                Iterator<Object> it = Ops.iter(a[1]);
                while (it.hasNext()) {
                    s.add(it.next());
                }
            }
            return PyNone.NONE;
        });
    }
}
