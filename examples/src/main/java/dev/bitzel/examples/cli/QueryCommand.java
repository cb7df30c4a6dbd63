package dev.bitzel.examples.cli;

import dev.bitzel.graph.GraphException;
import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.query.EdgeKind;
import dev.bitzel.query.OutputFormat;
import dev.bitzel.query.OutputOrder;
import dev.bitzel.query.Query;
import dev.bitzel.query.QueryException;
import dev.bitzel.query.QueryOptions;
import dev.bitzel.query.QueryResult;
import dev.bitzel.query.QuerySyntaxException;
import dev.bitzel.query.QueryUniverse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel query}: the query language over recipes and tasks, like {@code bazel query}. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Evaluate a query over the recipes and tasks of the build directory (like bazel query), "
                + "e.g. 'somepath(core-image-minimal, zlib)' or 'rdeps(//..., busybox:do_compile, 1)'.")
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PythonOption python;

    @Parameters(index = "0", paramLabel = "EXPR", description = "The query.")
    String expression;

    @Option(names = "--output", paramLabel = "FORMAT", description = "label (default), label_kind, graph, json, "
            + "tree, minrank, maxrank or location.")
    String output = "label";

    @Option(names = "--edges", paramLabel = "KIND", description = "Which recipe edges deps/rdeps follow: build "
            + "(DEPENDS, default), runtime (RDEPENDS/RRECOMMENDS) or both.")
    String edges = "build";

    @Option(names = "--order_output", paramLabel = "ORDER", description = "Result order (see the query "
            + "module's OutputOrder; default: its default).")
    String order;

    @Mixin
    ParseOptions parsing;

    @Option(names = "--timings", description = "Print the time of each phase on standard error.")
    boolean timings;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat format;
        QueryOptions options;
        try {
            format = OutputFormat.parse(output);
            QueryOptions.Builder b = QueryOptions.builder().edges(EdgeKind.parse(edges));
            if (order != null) {
                b.order(OutputOrder.parse(order));
            }
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        Query query;
        try {
            query = Query.parse(expression);
        } catch (QuerySyntaxException e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        LoadedMetadata metadata = LoadedMetadata.load(parent, python, parsing.noCache, parsing.jobs);
        long start = System.nanoTime();
        QueryUniverse universe;
        try {
            RecipeGraph recipes = metadata.universe().recipeGraph();
            if (expression.indexOf(':') >= 0) {
                TaskPlan tasks = metadata.universe().taskGraphOfAll("build");
                universe = QueryUniverse.of(recipes, tasks.graph());
            } else {
                universe = QueryUniverse.of(recipes, TaskGraph.builder().build());
            }
        } catch (GraphException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        long graphs = System.nanoTime();
        QueryResult result;
        try {
            result = query.evaluate(universe, options);
        } catch (QueryException e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        long evaluated = System.nanoTime();
        for (Diagnostic warning : result.warnings()) {
            err.println(warning);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.format(format));
        out.flush();
        if (timings) {
            err.printf(Locale.ROOT, "parse: %.3f s, providers: %.3f s, graphs: %.3f s, query: %.3f s%n",
                    metadata.parseSeconds(), metadata.indexSeconds(), (graphs - start) / 1e9,
                    (evaluated - graphs) / 1e9);
        }
        err.flush();
        return ExitCodes.OK;
    }
}
