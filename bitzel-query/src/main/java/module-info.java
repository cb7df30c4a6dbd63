/**
 * A query language over recipe and task graphs, modelled on {@code bazel query}, and its output formats.
 *
 * <p>Start from {@link dev.bitzel.query.Query} (parse, then evaluate against a
 * {@link dev.bitzel.query.QueryUniverse}), whose {@link dev.bitzel.query.QueryResult} prints itself in any
 * {@link dev.bitzel.query.OutputFormat}.
 */
module dev.bitzel.query {
    requires transitive dev.bitzel.graph;

    exports dev.bitzel.query;
}
