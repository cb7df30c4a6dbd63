package dev.bitzel.examples.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Subcommands of the runner contract whose capability has not landed yet. Each accepts its documented
 * arguments and exits 2 saying what is missing; none pretends to work.
 */
final class PendingCommands {

    private PendingCommands() {
    }

    /** Shared behaviour: refuse clearly. */
    abstract static class Pending implements Runnable {
        @Unmatched
        List<String> arguments;

        abstract String capability();

        @Override
        public void run() {
            Command command = getClass().getAnnotation(Command.class);
            throw new NotImplementedException(command.name(), capability());
        }
    }

    @Command(name = "graph", description = "Print the task graph of TARGET (like bitbake -g). "
            + "Usage: graph TARGET [--format dot|json]")
    static final class Graph extends Pending {
        @Override
        String capability() {
            return "the task graph (bitzel-graph)";
        }
    }

    @Command(name = "query", description = "Evaluate a query over recipes and tasks (like bazel query). "
            + "Usage: query EXPR [--output label|dot|json]")
    static final class Query extends Pending {
        @Override
        String capability() {
            return "the query language (bitzel-query)";
        }
    }

    @Command(name = "build", description = "Build targets, cached and sandboxed (like bitbake, bazel build). "
            + "Usage: build TARGET... [-c TASK] [-k] [-j N] [--remote URL] [--bes URL] [--bep-json F]")
    static final class Build extends Pending {
        @Override
        String capability() {
            return "the build pipeline (scheduler, sandbox, cache)";
        }
    }
}
