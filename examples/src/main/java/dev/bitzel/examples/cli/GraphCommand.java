package dev.bitzel.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bitzel.graph.Digraph;
import dev.bitzel.graph.GraphException;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.TaskPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel graph}: the task graph of targets, like {@code bitbake -g}. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the task graph of TARGET... as BitBake would schedule it (like bitbake -g): dot "
                + "comparable line for line with task-depends.dot, or JSON.")
final class GraphCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PythonOption python;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "Recipe or provided names, optionally "
            + "NAME:do_task.")
    List<String> targets;

    @Option(names = {"-c", "--cmd"}, paramLabel = "TASK", description = "The task for targets that name none "
            + "(default: build).")
    String task = "build";

    @Option(names = "--format", paramLabel = "FORMAT", description = "dot (default) or json.")
    String format = "dot";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard "
            + "output.")
    Path output;

    @Mixin
    ParseOptions parsing;

    @Option(names = "--timings", description = "Print the time of each phase on standard error.")
    boolean timings;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (!format.equals("dot") && !format.equals("json")) {
            throw new UserInputException("--format must be dot or json, was '" + format + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadedMetadata metadata = LoadedMetadata.load(parent, python, parsing.noCache, parsing.jobs);
        long start = System.nanoTime();
        TaskPlan plan;
        try {
            plan = metadata.universe().taskGraph(targets, task);
        } catch (GraphException e) {
            for (String problem : e.problems()) {
                err.println("ERROR: " + problem);
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        long planned = System.nanoTime();
        if (output != null) {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                write(plan, w);
            }
        } else {
            PrintWriter out = spec.commandLine().getOut();
            write(plan, out);
            out.flush();
        }
        if (timings) {
            err.printf(Locale.ROOT, "parse: %.3f s, providers: %.3f s, task graph: %.3f s (%d tasks, %d edges)%n",
                    metadata.parseSeconds(), metadata.indexSeconds(), (planned - start) / 1e9, plan.graph().size(),
                    plan.graph().graph().edgeCount());
            err.flush();
        }
        return ExitCodes.OK;
    }

    private void write(TaskPlan plan, Writer out) throws IOException {
        if (format.equals("dot")) {
            plan.writeDot(out);
        } else {
            out.write(json(plan));
            out.write('\n');
        }
    }

    private static String json(TaskPlan plan) throws JsonProcessingException {
        Digraph g = plan.graph().graph();
        TreeMap<String, Integer> sorted = new TreeMap<>();
        for (int i = 0; i < g.size(); i++) {
            sorted.put(g.name(i), i);
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int node : sorted.values()) {
            TaskNode task = plan.graph().task(node);
            TaskId id = task.id();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", id.toString());
            entry.put("recipe", id.recipe());
            entry.put("task", id.task());
            entry.put("version", plan.versions().get(id.recipe()));
            entry.put("file", plan.recipeFile(id.recipe()));
            entry.put("depends", g.successors(node).mapToObj(g::name).sorted().toList());
            entry.put("flags", new TreeMap<>(task.flags()));
            tasks.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tasks", tasks);
        root.put("edges", g.edgeCount());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
