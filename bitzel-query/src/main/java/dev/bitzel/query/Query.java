package dev.bitzel.query;

import dev.bitzel.query.internal.Evaluator;
import dev.bitzel.query.internal.Expr;
import dev.bitzel.query.internal.Parser;
import java.util.Objects;

/**
 * A parsed query of the Bitzel query language, modelled on {@code bazel query}: the entry point of this module.
 *
 * <pre>{@code
 * QueryUniverse universe = QueryUniverse.of(recipeGraph, taskGraph);
 * Query.parse("deps(core-image-minimal) - kind(native, //...)").evaluate(universe).labels();
 * Query.parse("rdeps(//...:*, zlib:do_install, 2)").evaluate(universe).format(OutputFormat.TREE, System.out);
 * }</pre>
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * expr ::= WORD                                  target pattern
 *        | $NAME                                 variable bound by let
 *        | let NAME = expr in expr               the body extends as far to the right as possible
 *        | ( expr )
 *        | set( WORD* )                          union of target patterns
 *        | FUNCTION( arg, ... )
 *        | expr + expr  | expr union expr
 *        | expr - expr  | expr except expr
 *        | expr ^ expr  | expr intersect expr
 * </pre>
 *
 * <p><b>Precedence, exactly as Bazel:</b> the three set operators have equal precedence and associate to the
 * left, so {@code a - b + c} means {@code (a - b) + c} and {@code a + b ^ c} means {@code (a + b) ^ c}; use
 * parentheses for anything else. {@link #toString()} shows the query fully parenthesised.
 *
 * <p><b>Words</b> are runs of letters, digits and {@code * / @ . - _ : $ ~ [ ] %}, or any text in single or double
 * quotes (no escapes); quote names with other characters, such as {@code "gtk+3"}. A {@code -} that starts a word is
 * the except operator: {@code a -b} is {@code a - b}, but {@code zlib-native} is one word. Unlike Bazel, an
 * unquoted word may start with {@code *} and may hold {@code %} ({@code lib_%.bbappend}).
 *
 * <p><b>Target patterns</b>: {@code busybox} (a recipe; a name only some recipe {@code PROVIDES}, such as
 * {@code virtual/kernel}, names that recipe when there is exactly one), {@code busybox:do_compile} or
 * {@code busybox:compile} (a task), {@code busybox:*} (all tasks of a recipe), {@code lib*}, {@code *-native},
 * {@code lib*:do_install}, {@code busybox:do_*} ({@code *} matches any run of characters), {@code //...} (all
 * recipes), {@code //...:*} (all tasks), {@code //...:do_fetch} (that task of every recipe). A name without
 * {@code *} that matches nothing is an error; a pattern with {@code *} may match nothing.
 *
 * <p><b>Functions</b> (edges: "depends on"; a recipe follows recipe edges of the {@link EdgeKind} chosen in
 * {@link QueryOptions}, a task follows task-graph edges, a file has none; recipes, tasks and files mix freely in
 * one set):
 * <ul>
 *   <li>{@code deps(x[, depth])}: {@code x} and everything it depends on, transitively or up to {@code depth}
 *       edges ({@code 0}: {@code x} itself).</li>
 *   <li>{@code rdeps(u, x[, depth])}: the members of {@code deps(u)} that depend on {@code x} (as Bazel: the
 *       reverse closure of {@code x} inside the closure of the universe {@code u}).</li>
 *   <li>{@code allrdeps(x[, depth])}: everything that depends on {@code x}, in the whole universe.</li>
 *   <li>{@code somepath(a, b)}: one shortest path from a member of {@code a} to a member of {@code b} (empty when
 *       none); printed from its start to its end.</li>
 *   <li>{@code allpaths(a, b)}: every target on some path from {@code a} to {@code b}.</li>
 *   <li>{@code filter(regex, x)}: members whose label contains a match of {@code regex}.</li>
 *   <li>{@code kind(regex, x)}: members with a kind that {@code regex} matches entirely. Kinds: {@code recipe},
 *       {@code task}, {@code file}; for recipes also {@code native}, {@code nativesdk} (variant or inherited
 *       class), {@code cross} (inherits cross, crosssdk or cross-canadian), {@code image} (inherits image),
 *       {@code packagegroup} (inherits packagegroup), and {@code class:NAME} for every class it inherits. Unlike
 *       Bazel's substring match, {@code kind(native, x)} does not match nativesdk.</li>
 *   <li>{@code attr(name, regex, x)}: recipes whose variable {@code name} (with {@code ${PN}} replaced by the
 *       recipe name, so {@code "RDEPENDS:${PN}"} works) and tasks whose flag {@code name} is set and contains a
 *       match of {@code regex}.</li>
 *   <li>{@code labels(name, x)}: the targets named by that variable or flag: each word, version constraints
 *       dropped, resolved to a recipe of that name, else to the recipes that {@code PROVIDES} it, else to those
 *       that make or {@code RPROVIDES} a package of that name; {@code recipe:do_task} words (task flags such as
 *       {@code depends}) resolve to tasks. Of several providers, those the recipe has an edge to are taken;
 *       unresolved words become warnings of the result.</li>
 *   <li>{@code buildfiles(x)}: the files the recipes in {@code x} (and the recipes of its tasks) were built from:
 *       {@code .bb}, {@code .bbappend}, {@code .inc}, {@code .bbclass}.</li>
 *   <li>{@code rbuildfiles(file, ...)}: the recipes built from any of those files, each given as a path or a
 *       path suffix ({@code classes/autotools.bbclass}, {@code autotools.bbclass}). Unlike Bazel, which returns
 *       BUILD files, it returns the recipes, ready for {@code rdeps}.</li>
 *   <li>{@code siblings(x)}: {@code x} with, for a task, every task of its recipe, and for a recipe, every
 *       recipe made from the same {@code .bb} file ({@code BBCLASSEXTEND} variants).</li>
 *   <li>{@code same_pkg_direct_rdeps(x)}: the siblings of members of {@code x} that depend directly on them
 *       (for a task: the tasks of the same recipe that run right after it).</li>
 *   <li>{@code tasks(x)}: the tasks in {@code x} and every task of the recipes in {@code x};
 *       {@code recipes(x)}: the recipes in {@code x} and the recipes of the tasks in {@code x}.</li>
 *   <li>{@code some(x[, count])}: the first member (or {@code count} members) of {@code x} in graph order; an
 *       error when {@code x} is empty.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Query {
    private final String text;
    private final Expr expr;

    private Query(String text, Expr expr) {
        this.text = text;
        this.expr = expr;
    }

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException naming the line and column of the problem, with a caret under it
     * @throws NullPointerException if {@code text} is null
     */
    public static Query parse(String text) throws QuerySyntaxException {
        Objects.requireNonNull(text, "text");
        return new Query(text, Parser.parse(text));
    }

    /** The text the query was parsed from. */
    public String text() {
        return text;
    }

    /**
     * Evaluates with build-time edges and the automatic order.
     *
     * @throws QueryException when the query names a recipe or task the universe lacks, or reads a variable whose
     *     expansion fails; the exception points at the offending word
     */
    public QueryResult evaluate(QueryUniverse universe) throws QueryException {
        return evaluate(universe, QueryOptions.defaults());
    }

    /**
     * Evaluates with the given options.
     *
     * @throws QueryException when the query names a recipe or task the universe lacks, or reads a variable whose
     *     expansion fails; the exception points at the offending word
     */
    public QueryResult evaluate(QueryUniverse universe, QueryOptions options) throws QueryException {
        Objects.requireNonNull(universe, "universe");
        Objects.requireNonNull(options, "options");
        Evaluator.Result result = Evaluator.evaluate(universe.index(), options.edges(), text, expr);
        return new QueryResult(this, universe, options, result);
    }

    /** The query in canonical form: every operator application and {@code let} in parentheses. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        expr.render(out);
        return out.toString();
    }
}
