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

    @Command(name = "serve", description = "Serve the local store over REAPI and BES. Usage: serve [--port N]")
    static final class Serve extends Pending {
        @Override
        String capability() {
            return "the REAPI and BES server (bitzel-remote)";
        }
    }
}
