package dev.bitzel.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
        return newCommandLine(subcommandOf(args)).execute(args);
    }

    /** The subcommands, in the order {@code --help} lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("parse", ParseCommand::new);
        m.put("getvar", GetvarCommand::new);
        m.put("env", EnvCommand::new);
        m.put("graph", GraphCommand::new);
        m.put("query", QueryCommand::new);
        m.put("build", BuildCommand::new);
        m.put("kas", KasCommand::new);
        m.put("sandbox", SandboxCommand::new);
        m.put("cas", CasCommand::new);
        m.put("serve", ServeCommand::new);
        return m;
    }

    /**
     * The subcommand {@code args} run, or null when they run none or something else (help, version, bad usage):
     * only that subcommand's classes need loading, which is much of a short run's start-up time.
     */
    static String subcommandOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--cache-dir") || a.equals("-d") || a.equals("--builddir")) {
                i++;
            } else if (!a.startsWith("--cache-dir=") && !a.startsWith("--builddir=") && !a.startsWith("-d")) {
                return a.startsWith("-") || !SUBCOMMANDS.containsKey(a) ? null : a;
            }
        }
        return null;
    }

    static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /** The command line with every subcommand, or only {@code only} when not null. */
    static CommandLine newCommandLine(String only) {
        CommandLine cli = new CommandLine(new BitzelCommand());
        SUBCOMMANDS.forEach((name, make) -> {
            if (only == null || only.equals(name)) {
                cli.addSubcommand(name, make.get());
            }
        });
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
