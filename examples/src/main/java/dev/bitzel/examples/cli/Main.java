package dev.bitzel.examples.cli;

import picocli.CommandLine;

/** Entry point of the {@code bitzel} runner. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the runner and exits with its code: 0 success, 1 build or task failure, 2 bad usage or input.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the runner without exiting the JVM, for tests and embedders.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new BitzelCommand());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(ExitCodes::report);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("bitzel: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }
}
