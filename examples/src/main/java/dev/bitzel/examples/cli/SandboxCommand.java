package dev.bitzel.examples.cli;

import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.NetworkPolicy;
import dev.bitzel.sandbox.Sandbox;
import dev.bitzel.sandbox.SandboxException;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import dev.bitzel.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bitzel sandbox}: runs one command in the sandbox, like {@code bwrap}, and exits with its status
 * (128 + the signal when a signal ended it). Usable as a command prefix.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run one command in the sandbox (like bwrap) and exit with its exit code.",
            "Only /usr, /bin, /lib… (read-only), the --ro and --rw paths, a private /tmp and a generated /etc are "
                    + "visible; only the --env variables are set (PATH defaults to /usr/local/bin:/usr/bin:/bin)."})
final class SandboxCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--network", paramLabel = "none|loopback|host", description = "Network policy (default: none).")
    String network = "none";

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory limit of the whole tree, e.g. 512M, 2G.")
    String memory;

    @Option(names = "--pids", paramLabel = "N", description = "Limit on processes and threads.")
    Integer pids;

    @Option(names = "--cpu", paramLabel = "N", description = "CPU bandwidth in CPUs, e.g. 1 or 0.5.")
    Double cpu;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Wall-clock timeout, e.g. 30s, 5m, 500ms, PT1H.")
    String timeout;

    @Option(names = "--output-limit", paramLabel = "SIZE", description = "Cap on stdout and stderr together.")
    String outputLimit;

    @Option(names = "--file-size", paramLabel = "SIZE", description = "Cap on the size of any one written file.")
    String fileSize;

    @Option(names = "--ro", paramLabel = "PATH", description = "Host path visible read-only at the same place.")
    List<Path> readOnly = new ArrayList<>();

    @Option(names = "--rw", paramLabel = "PATH", description = "Host path visible writable at the same place.")
    List<Path> writable = new ArrayList<>();

    @Option(names = "--scratch", paramLabel = "PATH", description = "A writable directory that exists only in the "
            + "sandbox: a tmpfs of --tmp-size bytes, discarded afterwards (bounds the disk usage of scratch files).")
    List<Path> scratch = new ArrayList<>();

    @Option(names = "--tmp-size", paramLabel = "SIZE", description = "Size of the private /tmp and of each --scratch "
            + "directory (default: half the RAM, the tmpfs default).")
    String tmpSize;

    @Option(names = "--env", paramLabel = "K=V", description = "Environment variable of the command.")
    List<String> env = new ArrayList<>();

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory (default: the current directory "
            + "when it is declared, else the first --rw path, else /).")
    Path cwd;

    @Option(names = "--allow-unsandboxed", description = "When this machine cannot sandbox, run the command anyway, "
            + "unsandboxed (a warning says so).")
    boolean allowUnsandboxed;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments (after --).")
    List<String> command;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        SandboxSpec.Builder b;
        try {
            b = SandboxSpec.builder(command).network(NetworkPolicy.parse(network)).inheritOutput(true)
                    .allowUnsandboxed(allowUnsandboxed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        boolean pathSet = false;
        for (String kv : env) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--env must be K=V, was '" + kv + "'");
            }
            b.env(kv.substring(0, eq), kv.substring(eq + 1));
            pathSet |= kv.startsWith("PATH=");
        }
        if (!pathSet) {
            b.env("PATH", "/usr/local/bin:/usr/bin:/bin");
        }
        List<Path> declared = new ArrayList<>();
        for (Path p : readOnly) {
            declared.add(existing("--ro", p));
            b.readOnly(p);
        }
        for (Path p : writable) {
            declared.add(existing("--rw", p));
            b.writable(p);
        }
        for (Path p : scratch) {
            b.scratch(p.toAbsolutePath());
        }
        Path here = Path.of("").toAbsolutePath();
        if (cwd != null) {
            b.workingDirectory(cwd);
        } else if (declared.stream().anyMatch(here::startsWith)) {
            b.workingDirectory(here);
        } else if (!writable.isEmpty()) {
            b.workingDirectory(writable.get(0));
        }
        Limits limits = Limits.none();
        if (memory != null) {
            limits = limits.withMemoryBytes(size("--memory", memory));
        }
        if (pids != null) {
            limits = limits.withMaxProcesses(positive("--pids", pids));
        }
        if (cpu != null) {
            if (!(cpu > 0) || cpu.isInfinite()) {
                throw new UserInputException("--cpu must be a positive number of CPUs, was " + cpu);
            }
            limits = limits.withCpus(cpu);
        }
        if (timeout != null) {
            limits = limits.withTimeout(duration(timeout));
        }
        if (outputLimit != null) {
            limits = limits.withOutputBytes(size("--output-limit", outputLimit));
        }
        if (fileSize != null) {
            limits = limits.withFileSizeBytes(size("--file-size", fileSize));
        }
        if (tmpSize != null) {
            limits = limits.withTmpBytes(size("--tmp-size", tmpSize));
        }
        b.limits(limits);
        SandboxResult result;
        try {
            result = Sandbox.create(parent.cacheDir().resolve("sandbox")).run(b.build());
        } catch (SandboxUnavailableException e) {
            err.println("bitzel sandbox: cannot sandbox on this machine: " + e.detail()
                    + " (--allow-unsandboxed runs the command without a sandbox)");
            return ExitCodes.FAILURE;
        } catch (SandboxException e) {
            throw new UserInputException(e.detail(), e);
        } catch (IOException e) {
            err.println("bitzel sandbox: " + e);
            return ExitCodes.FAILURE;
        }
        if (!result.sandboxed()) {
            err.println("bitzel sandbox: WARNING: the command ran UNSANDBOXED");
        }
        for (String note : result.notEnforced()) {
            err.println("bitzel sandbox: not enforced: " + note);
        }
        for (String link : result.removedLinks()) {
            err.println("bitzel sandbox: removed a link leading out of the writable path: " + link);
        }
        if (!result.limitsHit().isEmpty()) {
            err.println("bitzel sandbox: limit hit: " + result.limitsHit().toString().toLowerCase(Locale.ROOT));
        }
        return result.shellStatus();
    }

    private static Path existing(String option, Path p) {
        if (!Files.exists(p)) {
            throw new UserInputException(option + " " + p + ": no such file or directory");
        }
        return p.toAbsolutePath().normalize();
    }

    private static int positive(String option, int value) {
        if (value <= 0) {
            throw new UserInputException(option + " must be positive, was " + value);
        }
        return value;
    }

    static long size(String option, String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new UserInputException(option + " must be a size like 512M or 2G, was '" + text + "'");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        try {
            long value = Long.parseLong(m.group(1));
            if (value <= 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new UserInputException(option + " is out of range: '" + text + "'", e);
        }
    }

    static Duration duration(String text) {
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return positive(Duration.parse(text), text);
            }
        } catch (DateTimeParseException e) {
            throw new UserInputException("--timeout must be a duration like 30s, 5m or PT1H, was '" + text + "'", e);
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new UserInputException("--timeout must be a duration like 30s, 5m or PT1H, was '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        double millis = switch (unit) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> value * 1000;
        };
        return positive(Duration.ofMillis(Math.round(millis)), text);
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new UserInputException("--timeout must be positive, was '" + text + "'");
        }
        return d;
    }
}
