/**
 * Reading BitBake metadata: start from {@link dev.bitzel.parser.BuildDirectory} to load a build directory
 * (configuration, layers, recipe files and bbappends) and parse its recipes, or from
 * {@link dev.bitzel.parser.Configuration} to parse a lone recipe against configuration files. Results are
 * {@link dev.bitzel.parser.RecipeFile}s holding {@link dev.bitzel.parser.Recipe}s (one per BBCLASSEXTEND
 * variant) or the {@link dev.bitzel.parser.ParseFailure} that stopped BitBake; problems are
 * {@link dev.bitzel.parser.Diagnostic}s.
 *
 * <pre>{@code
 * BuildDirectory build = BuildDirectory.builder(Path.of("build")).parseCache(cacheDir).load().requireSuccess();
 * for (RecipeFile file : build.parseAll(Runtime.getRuntime().availableProcessors())) {
 *     file.failed().ifPresent(System.err::println);
 * }
 * }</pre>
 *
 * <p>Python in metadata is evaluated through the {@link dev.bitzel.parser.data.PythonEvaluator} SPI; without
 * an evaluator, inline Python is an expansion error and anonymous functions are reported as not run.
 */
package dev.bitzel.parser;
