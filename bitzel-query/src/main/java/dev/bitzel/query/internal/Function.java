package dev.bitzel.query.internal;

import java.util.List;
import java.util.Locale;

/** The query functions, their argument shapes and their usage lines (shown in errors). */
public enum Function {
    DEPS("deps(EXPR[, DEPTH])", 1, ArgType.EXPR, ArgType.INT),
    RDEPS("rdeps(UNIVERSE, EXPR[, DEPTH])", 2, ArgType.EXPR, ArgType.EXPR, ArgType.INT),
    ALLRDEPS("allrdeps(EXPR[, DEPTH])", 1, ArgType.EXPR, ArgType.INT),
    SOMEPATH("somepath(FROM, TO)", 2, ArgType.EXPR, ArgType.EXPR),
    ALLPATHS("allpaths(FROM, TO)", 2, ArgType.EXPR, ArgType.EXPR),
    FILTER("filter(REGEX, EXPR)", 2, ArgType.REGEX, ArgType.EXPR),
    KIND("kind(REGEX, EXPR)", 2, ArgType.REGEX, ArgType.EXPR),
    ATTR("attr(NAME, REGEX, EXPR)", 3, ArgType.WORD, ArgType.REGEX, ArgType.EXPR),
    LABELS("labels(NAME, EXPR)", 2, ArgType.WORD, ArgType.EXPR),
    BUILDFILES("buildfiles(EXPR)", 1, ArgType.EXPR),
    RBUILDFILES("rbuildfiles(FILE[, FILE...])", 1, ArgType.WORD),
    SIBLINGS("siblings(EXPR)", 1, ArgType.EXPR),
    SAME_PKG_DIRECT_RDEPS("same_pkg_direct_rdeps(EXPR)", 1, ArgType.EXPR),
    TASKS("tasks(EXPR)", 1, ArgType.EXPR),
    RECIPES("recipes(EXPR)", 1, ArgType.EXPR),
    SOME("some(EXPR[, COUNT])", 1, ArgType.EXPR, ArgType.INT);

    /** The kind of one argument. */
    public enum ArgType {
        EXPR, WORD, REGEX, INT
    }

    private final String usage;
    private final int mandatory;
    private final List<ArgType> args;

    Function(String usage, int mandatory, ArgType... args) {
        this.usage = usage;
        this.mandatory = mandatory;
        this.args = List.of(args);
    }

    /** The name as written in queries. */
    public String queryName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String usage() {
        return usage;
    }

    int mandatory() {
        return mandatory;
    }

    List<ArgType> args() {
        return args;
    }

    /** Whether the last argument may repeat ({@code rbuildfiles}). */
    boolean variadic() {
        return this == RBUILDFILES;
    }

    static Function byName(String name) {
        for (Function f : values()) {
            if (f.queryName().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
