package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A lexical scope (module, class body, function, lambda or comprehension), filled by the parser and then
 * resolved: every name reference becomes a fast local, a cell, a global or a namespace lookup.
 */
final class Scope {
    enum Kind { MODULE, CLASS, FUNCTION }

    final Kind kind;
    Scope parent;
    final String name;
    final LinkedHashSet<String> locals = new LinkedHashSet<>();
    final LinkedHashSet<String> globals = new LinkedHashSet<>();
    final LinkedHashSet<String> nonlocals = new LinkedHashSet<>();
    final List<String> params = new ArrayList<>();
    final List<Exprs.Name> refs = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    boolean generator;

    final LinkedHashSet<String> cellvars = new LinkedHashSet<>();
    final LinkedHashSet<String> freevars = new LinkedHashSet<>();
    final Map<String, Integer> fastIndex = new HashMap<>();
    int nfast;
    int[] closureFrom = new int[0];
    int[] paramCells = new int[0];
    private int ncellvars;

    Scope(Kind kind, Scope parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    PyCell[] newCells(PyCell[] closure) {
        int n = ncellvars + freevars.size();
        if (n == 0) {
            return null;
        }
        PyCell[] cells = new PyCell[n];
        for (int i = 0; i < ncellvars; i++) {
            cells[i] = new PyCell();
        }
        if (closure != null) {
            System.arraycopy(closure, 0, cells, ncellvars, closure.length);
        }
        return cells;
    }

    int cellIndex(String n) {
        int i = 0;
        for (String c : cellvars) {
            if (c.equals(n)) {
                return i;
            }
            i++;
        }
        for (String c : freevars) {
            if (c.equals(n)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Resolves this scope tree; call on the module scope once parsing is complete. */
    void resolveTree(String file) {
        List<Scope> all = new ArrayList<>();
        collect(all);
        Map<Exprs.Name, Integer> decision = new HashMap<>();
        for (Scope s : all) {
            s.classify(decision, file);
        }
        for (Scope s : all) {
            s.layout(decision);
        }
        for (Scope s : all) {
            if (s.parent != null) {
                int[] from = new int[s.freevars.size()];
                int i = 0;
                for (String n : s.freevars) {
                    from[i++] = s.parent.cellIndex(n);
                }
                s.closureFrom = from;
            }
        }
    }

    private void collect(List<Scope> all) {
        all.add(this);
        for (Scope c : children) {
            c.collect(all);
        }
    }

    private static final int LOCAL = 0;
    private static final int GLOBAL = 1;
    private static final int FREE = 2;
    private static final int NAME = 3;
    private static final int CLASSDEREF = 4;

    private void classify(Map<Exprs.Name, Integer> decision, String file) {
        for (String n : nonlocals) {
            if (findBinding(n) == null) {
                throw new PythonSyntaxError(file, 0, 0, "no binding for nonlocal '" + n + "' found");
            }
        }
        for (Exprs.Name ref : refs) {
            decision.put(ref, classifyName(ref.id));
        }
    }

    private int classifyName(String n) {
        if (kind == Kind.MODULE) {
            return NAME;
        }
        if (globals.contains(n)) {
            return GLOBAL;
        }
        if (nonlocals.contains(n)) {
            markFree(n, findBinding(n));
            return FREE;
        }
        if (kind == Kind.FUNCTION && locals.contains(n)) {
            return LOCAL;
        }
        if (kind == Kind.CLASS) {
            if (locals.contains(n)) {
                return NAME;
            }
            Scope binding = findBinding(n);
            if (binding == null) {
                return NAME;
            }
            markFree(n, binding);
            return CLASSDEREF;
        }
        Scope b = findBinding(n);
        if (b == null) {
            return GLOBAL;
        }
        markFree(n, b);
        return FREE;
    }

    /** The nearest enclosing function scope binding {@code n}, or null when it is global. */
    private Scope findBinding(String n) {
        for (Scope p = parent; p != null; p = p.parent) {
            if (p.kind == Kind.MODULE) {
                return null;
            }
            if (p.kind == Kind.CLASS) {
                continue;
            }
            if (p.globals.contains(n)) {
                return null;
            }
            if (p.nonlocals.contains(n)) {
                continue;
            }
            if (p.locals.contains(n)) {
                return p;
            }
        }
        return null;
    }

    private void markFree(String n, Scope binding) {
        if (binding == null) {
            return;
        }
        binding.cellvars.add(n);
        for (Scope q = this; q != binding; q = q.parent) {
            q.freevars.add(n);
        }
    }

    private void layout(Map<Exprs.Name, Integer> decision) {
        if (kind == Kind.FUNCTION) {
            for (String p : params) {
                fastIndex.putIfAbsent(p, fastIndex.size());
            }
            for (String l : locals) {
                if (!nonlocals.contains(l) && !globals.contains(l)) {
                    fastIndex.putIfAbsent(l, fastIndex.size());
                }
            }
            nfast = fastIndex.size();
            paramCells = new int[params.size()];
            for (int i = 0; i < params.size(); i++) {
                paramCells[i] = cellvars.contains(params.get(i)) ? cellIndex(params.get(i)) : -1;
            }
        }
        ncellvars = cellvars.size();
        for (Exprs.Name ref : refs) {
            int d = decision.get(ref);
            switch (d) {
                case LOCAL:
                    if (cellvars.contains(ref.id)) {
                        ref.kind = Exprs.Name.CELL;
                        ref.index = cellIndex(ref.id);
                    } else {
                        ref.kind = Exprs.Name.FAST;
                        ref.index = fastIndex.get(ref.id);
                    }
                    break;
                case FREE:
                    ref.kind = Exprs.Name.CELL;
                    ref.index = cellIndex(ref.id);
                    ref.free = true;
                    break;
                case GLOBAL:
                    ref.kind = Exprs.Name.GLOBAL;
                    break;
                case CLASSDEREF:
                    ref.kind = Exprs.Name.CLASSDEREF;
                    ref.index = cellIndex(ref.id);
                    break;
                default:
                    ref.kind = Exprs.Name.NAME;
            }
        }
    }
}
