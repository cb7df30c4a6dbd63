package dev.bitzel.query;

import java.util.Objects;

/**
 * How a query is evaluated and its result ordered: which recipe edges to follow ({@code --edges}) and the output
 * order ({@code --order_output}). Immutable; make one with {@link #builder()}.
 *
 * <pre>{@code
 * QueryOptions runtime = QueryOptions.builder().edges(EdgeKind.RUNTIME).build();
 * }</pre>
 *
 * @param edges which recipe edges functions follow; {@link EdgeKind#BUILD} by default
 * @param order the order of the result; {@link OutputOrder#AUTO} by default
 */
public record QueryOptions(EdgeKind edges, OutputOrder order) {
    private static final QueryOptions DEFAULTS = new QueryOptions(EdgeKind.BUILD, OutputOrder.AUTO);

    /** Validates the components. */
    public QueryOptions {
        Objects.requireNonNull(edges, "edges");
        Objects.requireNonNull(order, "order");
    }

    /** Build-time edges, automatic order. */
    public static QueryOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link QueryOptions}; not thread-safe. */
    public static final class Builder {
        private EdgeKind edges;
        private OutputOrder order;

        private Builder(QueryOptions from) {
            this.edges = from.edges;
            this.order = from.order;
        }

        /** Which recipe edges to follow. */
        public Builder edges(EdgeKind edges) {
            this.edges = Objects.requireNonNull(edges, "edges");
            return this;
        }

        /** The order of the result. */
        public Builder order(OutputOrder order) {
            this.order = Objects.requireNonNull(order, "order");
            return this;
        }

        /** The options. */
        public QueryOptions build() {
            return new QueryOptions(edges, order);
        }
    }
}
