package dev.bitzel.examples.cli;

import dev.bitzel.kas.KasBuildOptions;
import dev.bitzel.kas.KasCheckoutOptions;
import dev.bitzel.kas.KasDumpOptions;
import dev.bitzel.kas.KasException;
import dev.bitzel.kas.KasRunner;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bitzel kas ...}: kas-compatible commands on kas project files (kas 5.4, format 23). Exit codes follow
 * kas: 0 ok, 2 for problems in the input (and failing commands, as kas does), 1 for internal errors.
 */
@Command(name = "kas", mixinStandardHelpOptions = true,
        description = "kas-compatible commands. Usage: kas checkout|dump|lock|build|shell|for-all-repos "
                + "[options] [FILE[:FILE...]]",
        subcommands = {
            KasCommand.Checkout.class,
            KasCommand.Dump.class,
            KasCommand.Lock.class,
            KasCommand.Build.class,
            KasCommand.Shell.class,
            KasCommand.ForAllRepos.class,
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

    /** Runs one kas command, mapping kas' errors to exit codes and kas-format ERROR lines. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-l", "--log-level"}, paramLabel = "LEVEL",
                description = "Log level (debug, info, warning, error). Default: info.")
        String logLevel = "info";

        abstract int execute(KasRunner kas);

        KasRunner runner() {
            return KasRunner.builder().debug("debug".equalsIgnoreCase(logLevel)).build();
        }

        @Override
        public Integer call() {
            try {
                return execute(runner());
            } catch (KasException e) {
                error(e.getMessage());
                return ExitCodes.BAD_INPUT;
            } catch (UserInputException | IllegalArgumentException e) {
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

        KasCheckoutOptions checkoutOptions(boolean keep) {
            Set<String> steps = new LinkedHashSet<>(skip);
            for (String s : steps) {
                if (!KasCheckoutOptions.STEPS.contains(s)) {
                    throw new UserInputException("kas: error: argument --skip: invalid step '" + s + "' (allowed: "
                            + String.join(", ", KasCheckoutOptions.STEPS.stream().sorted().toList()) + ")");
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
            kas.checkout(config, checkoutOptions(false));
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

        @Override
        int execute(KasRunner kas) {
            if (!format.equals("yaml") && !format.equals("json")) {
                throw new UserInputException("kas dump: error: argument --format: invalid choice: '" + format
                        + "' (choose from 'yaml', 'json')");
            }
            print(kas.dump(config, new KasDumpOptions(format.equals("json"), indent, sort, resolveRefs,
                    resolveLocal, resolveEnv, lock)));
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
            print(kas.lock(config, update, indent, sort));
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

        @Parameters(paramLabel = "ARGS", description = "[CONFIG] [-- BITBAKE-ARGS]")
        List<String> positionals = new ArrayList<>();

        @Override
        int execute(KasRunner kas) {
            Positionals p = Positionals.split(positionals, spec);
            kas.build(p.config, new KasBuildOptions(targets, task, p.extra, checkoutOptions(keep)));
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

        @Override
        int execute(KasRunner kas) {
            flushOut();
            return kas.shell(config, command, checkoutOptions(keep));
        }
    }

    @Command(name = "for-all-repos", mixinStandardHelpOptions = true,
            description = "Check out, then run COMMAND in every repository.")
    static final class ForAllRepos extends RepoBase {
        @Option(names = {"-k", "--keep-config-unchanged"}, description = "Do not touch checkouts and config.")
        boolean keep;

        @Parameters(paramLabel = "ARGS", description = "[CONFIG] COMMAND")
        List<String> positionals = new ArrayList<>();

        @Override
        int execute(KasRunner kas) {
            if (positionals.isEmpty() || positionals.size() > 2) {
                throw new UserInputException("kas for-all-repos: error: expected [CONFIG] COMMAND");
            }
            String config = positionals.size() == 2 ? positionals.get(0) : null;
            flushOut();
            kas.forAllRepos(config, positionals.get(positionals.size() - 1), checkoutOptions(keep));
            return ExitCodes.OK;
        }
    }

    /** The clean family: configuration is accepted but only the build dir matters. */
    abstract static class CleanBase extends Base {
        @Parameters(arity = "0..1", paramLabel = "CONFIG", description = "FILE[:FILE...]")
        String config;

        @Option(names = "--dry-run", description = "Only log what would be removed.")
        boolean dryRun;

        @Option(names = {"--isar", "--isar-privileged"}, description = "Accepted for kas compatibility.")
        boolean isar;

        @Option(names = "--isar-rootless", description = "Accepted for kas compatibility.")
        boolean isarRootless;
    }

    @Command(name = "clean", mixinStandardHelpOptions = true, description = "Remove <build>/tmp*.")
    static final class Clean extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEAN, dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "cleansstate", mixinStandardHelpOptions = true,
            description = "clean, then empty $SSTATE_DIR (or <build>/sstate-cache).")
    static final class CleanSstate extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEANSSTATE, dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "cleanall", mixinStandardHelpOptions = true,
            description = "cleansstate, then empty $DL_DIR (or <build>/downloads).")
    static final class CleanAll extends CleanBase {
        @Override
        int execute(KasRunner kas) {
            kas.clean(KasRunner.CleanLevel.CLEANALL, dryRun);
            return ExitCodes.OK;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "cleanall, then remove managed repos, the build dir and kas' files.")
    static final class Purge extends CleanBase {
        @Option(names = "--preserve-repo-refs", description = "Keep reference repositories.")
        boolean preserveRepoRefs;

        @Override
        int execute(KasRunner kas) {
            kas.purge(config, dryRun, preserveRepoRefs);
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
            return List.of("--target", "-c", "--task", "--cmd", "--skip", "-l", "--log-level").contains(prev);
        }
    }
}
