package dev.bitzel.query;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.query.internal.Evaluator;
import dev.bitzel.query.internal.Formatter;
import dev.bitzel.query.internal.NodeSet;
import dev.bitzel.query.internal.Subgraph;
import dev.bitzel.query.internal.Universe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The answer to a query: an immutable set of {@link Target}s that iterates in the order of
 * {@link QueryOptions#order()}, with constant-time {@link #contains}, and writes itself in any
 * {@link OutputFormat}.
 *
 * <p>Immutable and thread-safe; every mutator throws {@link UnsupportedOperationException}.
 */
public final class QueryResult extends AbstractSet<Target> {
    private final Query query;
    private final QueryUniverse universe;
    private final QueryOptions options;
    private final Universe index;
    private final NodeSet set;
    private final int[] order;
    private final List<Diagnostic> warnings;

    QueryResult(Query query, QueryUniverse universe, QueryOptions options, Evaluator.Result result) {
        this.query = query;
        this.universe = universe;
        this.options = options;
        this.index = universe.index();
        this.set = result.set();
        this.warnings = result.warnings();
        this.order = order(index, options, result);
    }

    private static int[] order(Universe index, QueryOptions options, Evaluator.Result result) {
        int[] byNumber = result.set().toArray();
        switch (options.order()) {
            case DEPS: {
                Subgraph graph = new Subgraph(index, options.edges(), byNumber);
                int[] local = graph.dependentsFirst(null, null);
                int[] out = new int[local.length];
                for (int i = 0; i < local.length; i++) {
                    out[i] = byNumber[local[i]];
                }
                return out;
            }
            case NAME:
                return Arrays.stream(byNumber).boxed().sorted(Comparator.comparing(index::label))
                        .mapToInt(Integer::intValue).toArray();
            default:
                return result.path() != null ? result.path() : byNumber;
        }
    }

    /** The query that produced this result. */
    public Query query() {
        return query;
    }

    /** The universe it was evaluated over. */
    public QueryUniverse universe() {
        return universe;
    }

    /** The options it was evaluated with. */
    public QueryOptions options() {
        return options;
    }

    /**
     * Problems that did not stop evaluation, in the order met: words of {@code labels()} that name nothing,
     * ambiguous providers, {@code rbuildfiles} files no recipe uses. Each points at the function in the query.
     */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    @Override
    public int size() {
        return order.length;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Target)) {
            return false;
        }
        Target t = (Target) o;
        int id = id(t);
        return id >= 0 && set.contains(id) && index.label(id).equals(t.label());
    }

    /** Whether a target of this label is in the result. */
    public boolean containsLabel(String label) {
        Objects.requireNonNull(label, "label");
        int id = index.recipeNamed(label);
        if (id < 0) {
            id = index.taskNamed(label);
        }
        if (id < 0) {
            id = index.fileNamed(label);
        }
        return id >= 0 && set.contains(id);
    }

    private int id(Target t) {
        switch (t.type()) {
            case RECIPE:
                return t.node() < index.recipeCount ? t.node() : -1;
            case TASK:
                return t.node() < index.taskCount ? index.taskBase + t.node() : -1;
            default:
                return t.node() < index.fileCount ? index.fileBase + t.node() : -1;
        }
    }

    private Target target(int id) {
        if (index.isRecipe(id)) {
            return new Target(Target.Type.RECIPE, id, index.label(id));
        }
        if (index.isTask(id)) {
            return new Target(Target.Type.TASK, id - index.taskBase, index.label(id));
        }
        return new Target(Target.Type.FILE, id - index.fileBase, index.label(id));
    }

    @Override
    public Iterator<Target> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Target next() {
                if (next >= order.length) {
                    throw new NoSuchElementException();
                }
                return target(order[next++]);
            }
        };
    }

    /** The targets, in result order. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>(order.length);
        for (int id : order) {
            out.add(target(id));
        }
        return Collections.unmodifiableList(out);
    }

    /** The labels, in result order: {@code [app, lib, app:do_compile]}. */
    public List<String> labels() {
        List<String> out = new ArrayList<>(order.length);
        for (int id : order) {
            out.add(index.label(id));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Writes the result in an output format, as {@code bitzel query --output=NAME} prints it (see
     * {@link OutputFormat}). Edges shown by {@code graph}, {@code json}, {@code tree}, {@code minrank} and
     * {@code maxrank} are those among the result's own members, of the evaluation's {@link EdgeKind}.
     *
     * @throws IOException when {@code out} fails
     */
    public void format(OutputFormat format, Appendable out) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Formatter.format(format, index, options.edges(), order, out);
    }

    /** The result in an output format, as a string. */
    public String format(OutputFormat format) {
        StringBuilder out = new StringBuilder();
        try {
            format(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
