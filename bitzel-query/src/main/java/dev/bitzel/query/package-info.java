/**
 * The query language over recipe and task graphs, modelled on {@code bazel query}.
 *
 * <p>Start from {@link dev.bitzel.query.Query#parse(String)} and {@link dev.bitzel.query.QueryUniverse#of}; a
 * {@link dev.bitzel.query.QueryResult} is an ordered immutable set of {@link dev.bitzel.query.Target}s that prints
 * itself in any {@link dev.bitzel.query.OutputFormat}:
 *
 * <pre>{@code
 * Query.parse("deps(app)").evaluate(QueryUniverse.of(recipes, tasks)).labels();
 * }</pre>
 */
package dev.bitzel.query;
