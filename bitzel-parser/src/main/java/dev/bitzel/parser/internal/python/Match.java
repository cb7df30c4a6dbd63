package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.List;

/** The {@code match} statement (PEP 634): its patterns and how a subject is matched against them. */
final class Match {
    private Match() {}

    /** A pattern; matching may bind names as it goes, as CPython's does. */
    interface Pattern {
        boolean match(Object subject, Frame f);
    }

    /** {@code _}. */
    record Wildcard() implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            return true;
        }
    }

    /** A bare name: binds the subject. */
    record Capture(Exprs.Name target) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            target.assign(f, subject);
            return true;
        }
    }

    /** A literal or dotted name, compared with {@code ==}. */
    record Value(Expr value) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            return Ops.eq(subject, value.eval(f));
        }
    }

    /** {@code None}, {@code True} or {@code False}, compared with {@code is}. */
    record Singleton(Object value) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            return value instanceof Boolean b ? subject instanceof Boolean s && s.booleanValue() == b : subject == value;
        }
    }

    /** {@code p1 | p2 | ...}. */
    record Or(Pattern[] alternatives) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            for (Pattern p : alternatives) {
                if (p.match(subject, f)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code pattern as name}. */
    record As(Pattern pattern, Exprs.Name target) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            if (!pattern.match(subject, f)) {
                return false;
            }
            target.assign(f, subject);
            return true;
        }
    }

    /** {@code *name} or {@code *_} inside a sequence pattern; the target is null for {@code *_}. */
    record Star(Exprs.Name target) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            if (target != null) {
                target.assign(f, subject);
            }
            return true;
        }
    }

    /** {@code [p, ...]} or {@code (p, ...)}, with at most one star pattern. */
    record Sequence(Pattern[] items) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            if (!isSequence(subject)) {
                return false;
            }
            List<Object> values = Ops.toList(subject);
            int star = -1;
            for (int i = 0; i < items.length; i++) {
                if (items[i] instanceof Star) {
                    star = i;
                }
            }
            if (star < 0 ? values.size() != items.length : values.size() < items.length - 1) {
                return false;
            }
            int after = items.length - star - 1;
            for (int i = 0; i < items.length; i++) {
                if (i == star) {
                    List<Object> middle = values.subList(star, values.size() - after);
                    items[i].match(new PyList(middle), f);
                } else {
                    Object v = star >= 0 && i > star ? values.get(values.size() - (items.length - i)) : values.get(i);
                    if (!items[i].match(v, f)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** {@code {key: p, ..., **rest}}: keys looked up with {@code get}, so that a defaultdict adds none. */
    record Mapping(Expr[] keys, Pattern[] values, Exprs.Name rest) implements Pattern {
        private static final Object ABSENT = new Object();

        @Override
        public boolean match(Object subject, Frame f) {
            PyDict dict = subject instanceof PyDict d ? d
                    : subject instanceof PyInstance i && i.builtinValue instanceof PyDict d ? d : null;
            if (dict == null) {
                return false;
            }
            List<Object> keyValues = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                Object key = keys[i].eval(f);
                if (keyValues.contains(key)) {
                    throw Errors.valueError("mapping pattern checks duplicate key (" + Ops.repr(key) + ")");
                }
                keyValues.add(key);
                Object v = Ops.callMethod(subject, "get", new Object[] {key, ABSENT}, null);
                if (v == ABSENT || !values[i].match(v, f)) {
                    return false;
                }
            }
            if (rest != null) {
                PyDict remaining = dict.copy();
                for (Object k : keyValues) {
                    remaining.remove(k);
                }
                rest.assign(f, remaining);
            }
            return true;
        }
    }

    /** {@code Class(p, ..., attr=p, ...)}. */
    record ClassPattern(Expr cls, Pattern[] positional, String[] keywordNames, Pattern[] keywords) implements Pattern {
        @Override
        public boolean match(Object subject, Frame f) {
            if (!(cls.eval(f) instanceof PyType type)) {
                throw Errors.typeError("called match pattern must be a type");
            }
            if (!BuiltinFunctions.isInstance(subject, type)) {
                return false;
            }
            if (positional.length > 0) {
                if (matchesItself(type)) {
                    // bool(x), int(x), str(x) and the like: one positional pattern matches the subject itself
                    if (positional.length > 1) {
                        throw Errors.typeError(type.name() + "() accepts 1 positional sub-pattern ("
                                + positional.length + " given)");
                    }
                    if (!positional[0].match(subject, f)) {
                        return false;
                    }
                } else {
                    Object matchArgs = type.lookup("__match_args__");
                    Object[] names = matchArgs == null ? new Object[0] : matchArgs instanceof PyTuple t ? t.items
                            : null;
                    if (names == null) {
                        throw Errors.typeError(type.name() + ".__match_args__ must be a tuple (got "
                                + Ops.typeName(matchArgs) + ")");
                    }
                    if (positional.length > names.length) {
                        throw Errors.typeError(type.name() + "() accepts " + names.length + " positional sub-pattern"
                                + (names.length == 1 ? "" : "s") + " (" + positional.length + " given)");
                    }
                    for (int i = 0; i < positional.length; i++) {
                        if (!attribute(subject, Ops.str(names[i]), positional[i], f)) {
                            return false;
                        }
                    }
                }
            }
            for (int i = 0; i < keywords.length; i++) {
                if (!attribute(subject, keywordNames[i], keywords[i], f)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean attribute(Object subject, String name, Pattern p, Frame f) {
            Object v;
            try {
                v = Ops.getattr(subject, name);
            } catch (PythonError e) {
                if (e.isInstance(Exceptions.ATTRIBUTE_ERROR)) {
                    return false;
                }
                throw e;
            }
            return p.match(v, f);
        }

        private static boolean matchesItself(PyType t) {
            for (PyType b : new PyType[] {Builtins.BOOL, Builtins.BYTEARRAY, Builtins.BYTES, Builtins.DICT,
                Builtins.FLOAT, Builtins.FROZENSET, Builtins.INT, Builtins.LIST, Builtins.SET, Builtins.STR,
                Builtins.TUPLE}) {
                if (t == b) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What sequence patterns match: lists, tuples and ranges (and their subclasses), not str or bytes. */
    static boolean isSequence(Object o) {
        if (o instanceof PyList || o instanceof PyTuple || o instanceof PyRange) {
            return true;
        }
        return o instanceof PyInstance i && (i.type().isSubtypeOf(Builtins.LIST) || i.type().isSubtypeOf(Builtins.TUPLE));
    }

    /** One {@code case pattern [if guard]: body}. */
    record Case(Pattern pattern, Expr guard, Stmt[] body) {}

    /** {@code match subject:} and its cases; the first that matches (and whose guard holds) runs. */
    static final class MatchStmt extends Stmt {
        final Expr subject;
        final Case[] cases;

        MatchStmt(Expr subject, Case[] cases) {
            this.subject = subject;
            this.cases = cases;
        }

        @Override
        Object exec(Frame f) {
            Object s = subject.eval(f);
            for (Case c : cases) {
                if (c.pattern.match(s, f) && (c.guard == null || Ops.isTrue(c.guard.eval(f)))) {
                    return run(c.body, f);
                }
            }
            return null;
        }
    }
}
