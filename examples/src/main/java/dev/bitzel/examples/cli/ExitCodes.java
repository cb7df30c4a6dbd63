package dev.bitzel.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The runner's exit codes (DESIGN.md: 0 success, 1 build/task failure, 2 bad usage or bad input). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    static int forException(Throwable t) {
        return t instanceof UserInputException ? BAD_INPUT : FAILURE;
    }

    static int report(Exception ex, CommandLine cli, ParseResult parseResult) {
        if (ex instanceof UserInputException) {
            cli.getErr().println("bitzel " + cli.getCommandName() + ": " + ex.getMessage());
            return BAD_INPUT;
        }
        cli.getErr().println("bitzel " + cli.getCommandName() + ": internal error: " + ex);
        ex.printStackTrace(cli.getErr());
        return FAILURE;
    }
}
