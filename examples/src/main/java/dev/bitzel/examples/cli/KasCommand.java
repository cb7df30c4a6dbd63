package dev.bitzel.examples.cli;

import dev.bitzel.kas.KasBuildOptions;
import dev.bitzel.kas.KasCheckoutOptions;
import dev.bitzel.kas.KasDiffOptions;
import dev.bitzel.kas.KasDumpOptions;
import dev.bitzel.kas.KasException;
import dev.bitzel.kas.KasMenuOptions;
import dev.bitzel.kas.KasRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bitzel kas ...}: kas-compatible commands on kas project files (kas 5.4, format 23). Exit codes follow
 * kas: 0 ok, 2 for problems in the input (and failing commands, as kas does), 1 for internal errors; {@code shell}
 * ends with the shell's own status.
 */
@Command(name = "kas", mixinStandardHelpOptions = true,
        description = "kas-compatible commands. Usage: kas COMMAND [options] [FILE[:FILE...]]",
        subcommands = {
            KasCommand.Checkout.class,
            KasCommand.Dump.class,
            KasCommand.Lock.class,
            KasCommand.Diff.class,
            KasCommand.Build.class,
            KasCommand.Shell.class,
            KasCommand.ForAllRepos.class,
            KasCommand.Menu.class,
            KasCommand.Clean.class,
            KasCommand.CleanSstate.class,
            KasCommand.CleanAll.class,
            KasCommand.Purge.class,
        })
final class KasCommand implements Runnable {

    @Override
    public void run() {
        throw new UserInputException("missing kas subcommand; see 'bitzel kas --help'");
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Whether stdout is a terminal (kas checks {@code sys.stdout.isatty()}). */
    static boolean stdoutIsTerminal() {
        Boolean served = CommandServer.clientStdoutIsTerminal();
        if (served != null) {
            return served;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** Runs one kas command, mapping kas' errors to exit codes and kas-format ERROR lines. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL",
                description = "Log level: debug, info, warning, error, critical. Default: info.")
        String logLevel = "info";

        abstract int execute(KasRunner kas);

        KasRunner runner() {
            if (!List.of("debug", "info", "warning", "error", "critical").contains(logLevel)) {
                throw new UserInputException("kas: error: argument -l/--log-level: invalid choice: '" + logLevel
                        + "' (choose from 'debug', 'info', 'warning', 'error', 'critical')");
            }
            return KasRunner.builder().logLevel(logLevel).terminal(stdoutIsTerminal()).build();
        }

        @Override
        public Integer call() {
            try {
                return execute(runner());
            } catch (KasException | UserInputException | IllegalArgumentException e) {
                error(e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (RuntimeException e) {
                error(e.toString());
                return ExitCodes.FAILURE;
            }
        }

        void error(String msg) {
            spec.commandLine().getOut().flush();
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s - %-8s - %s%n", LocalDateTime.now().format(TIME), "ERROR", msg);
            err.flush();
        }

        void print(String text) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }

        /** Child processes write to the real stdout: whatever we printed must come first. */
        void flushOut() {
            spec.commandLine().getOut().flush();
            System.out.flush();
        }
    }

    /** Options of the commands that check out repositories. */
    abstract static class RepoBase extends Base {
        @Option(names = "--update", description = "Pull new upstream changes of branch-tracking repos.")
        boolean update;

        @Option(names = "--force-checkout", description = "Discard local changes of tracked files.")
        boolean forceCheckout;

        @Option(names = "--skip", paramLabel = "STEP", description = "Skip a kas step (repeatable).")
        List<String> skip = new ArrayList<>();

        KasCheckoutOptions checkoutOptions(KasRunner kas, boolean keep) {
            Set<String> steps = new LinkedHashSet<>(skip);
            List<String> allowed = kas.steps();
            for (String s : steps) {
                if (!allowed.contains(s)) {
                    throw new UserInputException("kas " + spec.name() + ": error: argument --skip: invalid choice: '"
                            + s + "' (choose from " + String.join(", ", allowed.stream().map(a -> "'" + a + "'")
                            .toList()) + ")");
                }
            }
            return new KasCheckoutOptions(update, forceCheckout, keep, steps);
        }
    }

    @Command(name = "checkout", mixinStandardHelpOptions = true,
            description = "Check out all repositories and write bblayers.conf and local.conf.")
    static final class Checkout extends RepoBase {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Override
        int execute(KasRunner kas) {
            kas.checkout(config, checkoutOptions(kas, false));
            return ExitCodes.OK;
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Print the merged configuration (YAML or JSON) on stdout.")
    static final class Dump extends RepoBase {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Option(names = "--format", paramLabel = "yaml|json", description = "Output format (default: yaml).")
        String format = "yaml";

        @Option(names = "--indent", paramLabel = "N", description = "Indentation (default: 2).")
        int indent = 2;

        @Option(names = "--sort", description = "Sort keys.")
        boolean sort;

        @Option(names = "--resolve-refs", description = "Write the resolved commit of every repo.")
        boolean resolveRefs;

        @Option(names = "--resolve-local", description = "Add url and commit of local repos.")
        boolean resolveLocal;

        @Option(names = "--resolve-env", description = "Replace env defaults by the current values.")
        boolean resolveEnv;

        @Option(names = "--lock", description = "Print a lock file.")
        boolean lock;

        @Option(names = {"-i", "--inplace"}, hidden = true, description = "Deprecated: use 'kas lock'.")
        boolean inplace;

        @Override
        int execute(KasRunner kas) {
            if (!format.equals("yaml") && !format.equals("json")) {
                throw new UserInputException("kas dump: error: argument --format: invalid choice: '" + format
                        + "' (choose from 'yaml', 'json')");
            }
            if (resolveEnv && lock) {
                throw new UserInputException("kas dump: error: argument --lock: not allowed with argument "
                        + "--resolve-env");
            }
            KasCheckoutOptions co = checkoutOptions(kas, false);
            if (inplace) {
                if (!lock) {
                    throw new UserInputException("Invalid combination of arguments: --inplace requires --lock");
                }
                System.err.printf("%s - %-8s - %s%n", LocalDateTime.now().format(TIME), "WARNING",
                        "The --inplace option is deprecated. Migrate to the \"lock\" command.");
                print(kas.lock(config, indent, sort, co));
                return ExitCodes.OK;
            }
            print(kas.dump(config, new KasDumpOptions(format.equals("json"), indent, sort, resolveRefs,
                    resolveLocal, resolveEnv, lock), co));
            return ExitCodes.OK;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = "Pin floating repositories in lock files (<file>.lock.yml).")
    static final class Lock extends RepoBase {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Option(names = "--indent", paramLabel = "N", description = "Indentation (default: 2).")
        int indent = 2;

        @Option(names = "--sort", description = "Sort keys.")
        boolean sort;

        @Override
        int execute(KasRunner kas) {
            print(kas.lock(config, indent, sort, checkoutOptions(kas, false)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Compare two kas configurations (and the commits between changed repo revisions).")
    static final class Diff extends RepoBase {
        @Parameters(index = "0", paramLabel = "CONFIG1", description = "The first configuration.")
        String config1;

        @Parameters(index = "1", paramLabel = "CONFIG2", description = "The second configuration.")
        String config2;

        @Option(names = "--format", paramLabel = "json|text", description = "Output format (default: text).")
        String format = "text";

        @Option(names = "--oneline", description = "One line per differing commit.")
        boolean oneline;

        @Option(names = "--no-color", description = "No colours.")
        boolean noColor;

        @Option(names = "--commit-only", description = "Only the commits of changed repo revisions.")
        boolean commitOnly;

        @Option(names = "--content-only", description = "Only the configuration differences.")
        boolean contentOnly;

        @Override
        int execute(KasRunner kas) {
            if (!format.equals("json") && !format.equals("text")) {
                throw new UserInputException("kas diff: error: argument --format: invalid choice: '" + format
                        + "' (choose from 'json', 'text')");
            }
            print(kas.diff(config1, config2, new KasDiffOptions(format.equals("json"), oneline, noColor, commitOnly,
                    contentOnly), checkoutOptions(kas, false)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Check out, then run bitbake. Usage: build [options] [CONFIG] [-- BITBAKE-ARGS]")
    static final class Build extends RepoBase {
        @Option(names = "--target", paramLabel = "TARGET", description = "Target (repeatable).")
        List<String> targets = new ArrayList<>();

        @Option(names = {"-c", "--task", "--cmd"}, paramLabel = "TASK", description = "Task to run.")
        String task;

        @Option(names = {"-k", "--keep-config-unchanged"}, description = "Do not touch checkouts and config.")
        boolean keep;

        @Option(names = "--provenance", paramLabel = "true|mode=min|mode=max",
                description = "Write a SLSA provenance attestation of the build (needs 'artifacts').")
        String provenance;

        @Parameters(paramLabel = "ARGS", description = "[CONFIG] [-- BITBAKE-ARGS]")
        List<String> positionals = new ArrayList<>();

        @Override
        int execute(KasRunner kas) {
            if (provenance != null && !List.of("true", "mode=min", "mode=max").contains(provenance)) {
                throw new UserInputException("kas build: error: argument --provenance: invalid choice: '"
                        + provenance + "' (choose from 'true', 'mode=min', 'mode=max')");
            }
            Positionals p = Positionals.split(positionals, spec);
            kas.build(p.config, new KasBuildOptions(targets, task, p.extra, checkoutOptions(kas, keep), provenance));
            return ExitCodes.OK;
        }
    }

    @Command(name = "shell", mixinStandardHelpOptions = true,
            description = "Check out, then run a shell (or -c COMMAND) in the build environment.")
    static final class Shell extends RepoBase {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Option(names = {"-c", "--command"}, paramLabel = "COMMAND", description = "Command to run.")
        String command;

        @Option(names = {"-k", "--keep-config-unchanged"}, description = "Do not touch checkouts and config.")
        boolean keep;

        @Option(names = {"-E", "--preserve-env"}, description = "Keep the current environment (terminal only).")
        boolean preserveEnv;

        @Override
        int execute(KasRunner kas) {
            flushOut();
            return kas.shell(config, command, checkoutOptions(kas, keep), preserveEnv);
        }
    }

    @Command(name = "for-all-repos", mixinStandardHelpOptions = true,
            description = "Check out, then run COMMAND in every repository.")
    static final class ForAllRepos extends RepoBase {
        @Option(names = {"-k", "--keep-config-unchanged"}, description = "Do not touch checkouts and config.")
        boolean keep;

        @Option(names = {"-E", "--preserve-env"}, description = "Keep the current environment (terminal only).")
        boolean preserveEnv;

        @Parameters(paramLabel = "ARGS", description = "[CONFIG] COMMAND")
        List<String> positionals = new ArrayList<>();

        @Override
        int execute(KasRunner kas) {
            if (positionals.isEmpty() || positionals.size() > 2) {
                throw new UserInputException("kas for-all-repos: error: expected [CONFIG] COMMAND");
            }
            String config = positionals.size() == 2 ? positionals.get(0) : null;
            flushOut();
            kas.forAllRepos(config, positionals.get(positionals.size() - 1), checkoutOptions(kas, keep), preserveEnv);
            return ExitCodes.OK;
        }
    }

    @Command(name = "menu", mixinStandardHelpOptions = true,
            description = {"Write <work>/.config.yaml from a Kconfig menu, non-interactively: the saved selection "
                    + "of .config.yaml and --set values are applied, every other symbol takes its Kconfig default.",
                "The interactive terminal UI of kas is not provided."})
    static final class Menu extends Base {
        @Parameters(arity = "0..1", paramLabel = "KCONFIG", description = "Kconfig file (default: Kconfig).")
        String kconfig = "Kconfig";

        @Option(names = "--set", paramLabel = "SYMBOL=VALUE",
                description = "Set a symbol (y/n for bool, text for string, a number for int/hex); repeatable.")
        List<String> set = new ArrayList<>();

        @Option(names = "--build", description = "Run 'kas build' with the written configuration afterwards.")
        boolean build;

        @Override
        int execute(KasRunner kas) {
            kas.menu(kconfig, new KasMenuOptions(KasMenuOptions.parseAssignments(set), build));
            return ExitCodes.OK;
        }
    }

    /** The clean family: only the build dir (and the first file's build_system) matter. */
    abstract static class CleanBase extends Base {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Option(names = "--dry-run", description = "Only log what would be removed.")
        boolean dryRun;

        @ArgGroup(exclusive = true)
        Isar isar;

        /** kas' mutually exclusive isar layout options. */
        static final class Isar {
            @Option(names = {"--isar-privileged", "--isar"}, description = "Use the ISAR (privileged) layout.")
            boolean privileged;

            @Option(names = "--isar-rootless", description = "Use the ISAR (rootless) layout.")
            boolean rootless;
        }

        String isarMode() {
            if (isar == null) {
                return null;
            }
            return isar.privileged ? "isar-privileged" : isar.rootless ? "isar-rootless" : null;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true, description = "Remove <build>/tmp*.")
    static final class Clean extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEAN, config, isarMode(), dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "cleansstate", mixinStandardHelpOptions = true,
            description = "clean, then empty $SSTATE_DIR (or <build>/sstate-cache).")
    static final class CleanSstate extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEANSSTATE, config, isarMode(), dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "cleanall", mixinStandardHelpOptions = true,
            description = "cleansstate, then empty $DL_DIR (or <build>/downloads).")
    static final class CleanAll extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEANALL, config, isarMode(), dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "cleanall, then remove managed repos, the build dir's content and kas' files.")
    static final class Purge extends CleanBase {
        @Option(names = "--preserve-repo-refs", description = "Keep reference repositories.")
        boolean preserveRepoRefs;

        @Override
        int execute(KasRunner kas) {
            kas.purge(config, isarMode(), dryRun, preserveRepoRefs);
            return ExitCodes.OK;
        }
    }

    /** argparse-like split of {@code [CONFIG] [-- ARGS]}: options after CONFIG are rejected, as kas does. */
    record Positionals(String config, List<String> extra) {
        static Positionals split(List<String> args, CommandSpec spec) {
            List<String> raw = spec.commandLine().getParseResult().originalArgs();
            int dd = raw.indexOf("--");
            List<String> before = dd >= 0 ? raw.subList(0, dd) : raw;
            List<String> after = dd >= 0 ? raw.subList(dd + 1, raw.size()) : List.of();
            String config = null;
            int configAt = -1;
            for (int i = 0; i < before.size(); i++) {
                if (args.contains(before.get(i)) && !before.get(i).startsWith("-") && !isOptionValue(before, i)) {
                    config = before.get(i);
                    configAt = i;
                    break;
                }
            }
            if (configAt >= 0 && configAt < before.size() - 1) {
                // argparse takes the options but no longer recognises the "--" part after them
                throw new UserInputException("kas: error: unrecognized arguments: " + (dd >= 0
                        ? "-- " + String.join(" ", after)
                        : String.join(" ", before.subList(configAt + 1, before.size()))));
            }
            return new Positionals(config, after);
        }

        private static boolean isOptionValue(List<String> args, int i) {
            if (i == 0) {
                return false;
            }
            String prev = args.get(i - 1);
            return List.of("--target", "-c", "--task", "--cmd", "--skip", "-l", "--log-level", "--provenance")
                    .contains(prev);
        }
    }
}
