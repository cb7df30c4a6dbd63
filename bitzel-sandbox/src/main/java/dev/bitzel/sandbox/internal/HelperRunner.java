package dev.bitzel.sandbox.internal;

import dev.bitzel.sandbox.LimitKind;
import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.SandboxException;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import dev.bitzel.sandbox.SandboxUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the native helper's argument list, launches it and turns its statistics file into a result. */
public final class HelperRunner {
    private static final System.Logger LOG = System.getLogger(HelperRunner.class.getName());
    private static final File DEV_NULL = new File("/dev/null");

    private HelperRunner() {
    }

    /** The helper's arguments for this spec, writing statistics to statsFile. */
    static List<String> arguments(Path helper, SandboxSpec spec, Path statsFile) {
        List<String> args = new ArrayList<>();
        args.add(helper.toString());
        for (Path p : spec.readOnlyPaths()) {
            args.add("--ro");
            args.add(p.toString());
        }
        for (Path p : spec.writablePaths()) {
            args.add("--rw");
            args.add(p.toString());
        }
        for (SandboxSpec.Mount m : spec.mounts()) {
            add(args, m.writable() ? "--rw" : "--ro", m.source().toString());
            add(args, "--at", m.target().toString());
        }
        for (Path p : spec.scratchPaths()) {
            add(args, "--scratch", p.toString());
        }
        for (Map.Entry<String, String> e : spec.environment().entrySet()) {
            args.add("--env");
            args.add(e.getKey() + "=" + e.getValue());
        }
        String cwd = spec.workingDirectory().map(Path::toString)
                .orElse(spec.writablePaths().isEmpty() ? "/" : spec.writablePaths().get(0).toString());
        add(args, "--cwd", cwd);
        add(args, "--net", spec.network().name().toLowerCase(Locale.ROOT));
        add(args, "--stats", statsFile.toString());
        if (spec.inheritOutput()) {
            add(args, "--stdout", "-");
            add(args, "--stderr", "-");
        } else {
            add(args, "--stdout", spec.stdout().map(Path::toString).orElse("/dev/null"));
            add(args, "--stderr", spec.stderr().map(Path::toString).orElse("/dev/null"));
        }
        Limits l = spec.limits();
        if (!l.timeout().isZero()) {
            add(args, "--timeout-ms", Long.toString(Math.max(1, l.timeout().toMillis())));
        }
        add(args, "--grace-ms", Long.toString(l.killGrace().toMillis()));
        if (l.memoryBytes() > 0) {
            add(args, "--memory", Long.toString(l.memoryBytes()));
        }
        if (l.maxProcesses() > 0) {
            add(args, "--pids", Integer.toString(l.maxProcesses()));
        }
        if (l.cpus() > 0) {
            add(args, "--cpu-millis", Long.toString(Math.max(1, Math.round(l.cpus() * 1000))));
        }
        if (!l.cpuTime().isZero()) {
            long seconds = l.cpuTime().getSeconds() + (l.cpuTime().getNano() > 0 ? 1 : 0);
            add(args, "--cpu-seconds", Long.toString(seconds));
        }
        if (l.outputBytes() > 0) {
            add(args, "--output-limit", Long.toString(l.outputBytes()));
        }
        if (l.fileSizeBytes() > 0) {
            add(args, "--fsize", Long.toString(l.fileSizeBytes()));
        }
        if (l.tmpBytes() > 0) {
            add(args, "--tmp-size", Long.toString(l.tmpBytes()));
        }
        args.add("--");
        args.addAll(spec.command());
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    /** Runs spec through the helper and waits; through server when given and the output is not inherited. */
    public static SandboxResult run(Path helper, HelperServer server, SandboxSpec spec)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        for (Path p : spec.readOnlyPaths()) {
            requireExists(spec, p);
        }
        for (Path p : spec.writablePaths()) {
            requireExists(spec, p);
        }
        for (SandboxSpec.Mount m : spec.mounts()) {
            requireExists(spec, m.source());
        }
        Path stats = Files.createTempFile("bitzel-sandbox", ".stats");
        try {
            List<String> args = arguments(helper, spec, stats);
            int status;
            String helperErr = "";
            if (server != null && !spec.inheritOutput()) {
                status = server.run(args.subList(1, args.size()));
            } else {
                ProcessBuilder pb = new ProcessBuilder(args);
                pb.environment().clear();
                pb.redirectInput(DEV_NULL);
                if (spec.inheritOutput()) {
                    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
                } else {
                    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                }
                Process process = pb.start();
                try {
                    status = process.waitFor();
                } catch (InterruptedException e) {
                    // SIGKILL of the helper kills its init (parent-death signal), and so the whole PID namespace
                    process.destroyForcibly();
                    throw e;
                }
                helperErr = spec.inheritOutput() ? ""
                        : new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            Stats s = Stats.read(stats);
            long total = System.nanoTime() - start;
            if (s.get("setup_error") != null) {
                String detail = s.get("setup_error");
                if (detail.startsWith("clone")) {
                    throw new SandboxUnavailableException(spec.command(), "cannot create namespaces (" + detail
                            + "); user namespaces may be disabled: check sysctl user.max_user_namespaces and "
                            + "kernel.apparmor_restrict_unprivileged_userns");
                }
                throw new SandboxException(spec.command(), detail);
            }
            if (status != 0 || s.isEmpty()) {
                throw new SandboxException(spec.command(), "helper exited with " + status
                        + (helperErr.isEmpty() ? "" : ": " + helperErr));
            }
            return toResult(spec, s, total, OutputLinks.strip(spec.writablePaths(), startMillis));
        } finally {
            Files.deleteIfExists(stats);
        }
    }

    private static void requireExists(SandboxSpec spec, Path p) throws SandboxException {
        if (!Files.exists(p)) {
            throw new SandboxException(spec.command(), new NoSuchFileException(p.toString()).getMessage()
                    + ": declared path does not exist");
        }
    }

    static SandboxResult toResult(SandboxSpec spec, Stats s, long totalNanos, List<String> removedLinks) {
        int exit = s.getInt("exit", -1);
        int signal = s.getInt("signal", 0);
        if (signal != 0) {
            exit = -1;
        }
        Set<LimitKind> hit = EnumSet.noneOf(LimitKind.class);
        for (String limit : s.all("limit_hit")) {
            switch (limit) {
                case "timeout" -> hit.add(LimitKind.TIMEOUT);
                case "memory" -> hit.add(LimitKind.MEMORY);
                case "pids" -> hit.add(LimitKind.PROCESSES);
                case "cpu_time" -> hit.add(LimitKind.CPU_TIME);
                case "output" -> hit.add(LimitKind.OUTPUT);
                case "file_size" -> hit.add(LimitKind.FILE_SIZE);
                default -> LOG.log(System.Logger.Level.WARNING, () -> "unknown limit from the helper: " + limit);
            }
        }
        if (signal == 24) {
            hit.add(LimitKind.CPU_TIME);
        } else if (signal == 25) {
            hit.add(LimitKind.FILE_SIZE);
        }
        List<String> notEnforced = new ArrayList<>();
        for (String note : s.all("not_enforced")) {
            notEnforced.addAll(List.of(note.split("; ")));
        }
        Limits l = spec.limits();
        if ((l.fileSizeBytes() > 0 || l.tmpBytes() > 0) && !spec.writablePaths().isEmpty()) {
            notEnforced.add("disk usage of the writable paths " + spec.writablePaths() + ": no quota on host "
                    + "directories" + (l.fileSizeBytes() > 0 ? ", only the size of each file (RLIMIT_FSIZE)" : "")
                    + "; the size limit covers only /tmp and scratch paths (tmpfs)");
        }
        Duration wall = Duration.ofNanos(s.getLong("wall_ns", 0));
        long peak = s.getLong("memory_peak", -1);
        if (peak < 0) {
            peak = s.getLong("maxrss_kb", 0) * 1024;
        }
        Path stdout = spec.inheritOutput() ? null : spec.stdout().orElse(null);
        Path stderr = spec.inheritOutput() ? null : spec.stderr().orElse(null);
        return new SandboxResult(exit, signal, wall, Duration.ofNanos(s.getLong("user_us", 0) * 1000),
                Duration.ofNanos(s.getLong("sys_us", 0) * 1000), peak, java.util.Optional.ofNullable(stdout),
                java.util.Optional.ofNullable(stderr), hit, notEnforced,
                Duration.ofNanos(Math.max(0, totalNanos - wall.toNanos())), true, removedLinks);
    }
}
