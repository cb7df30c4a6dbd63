package dev.bitzel.examples.cli;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.examples.build.LocalShellRunner;
import dev.bitzel.examples.build.LocalSpawner;
import dev.bitzel.examples.build.RemoteShellRunner;
import dev.bitzel.examples.build.RemoteTaskCache;
import dev.bitzel.examples.build.ShellRunner;
import dev.bitzel.examples.build.TaskExecutor;
import dev.bitzel.examples.build.TaskOutputCache;
import dev.bitzel.examples.build.TaskStamps;
import dev.bitzel.examples.build.report.BuildReport;
import dev.bitzel.examples.build.report.TaskOrigin;
import dev.bitzel.examples.build.report.TaskOrigins;
import dev.bitzel.graph.GraphException;
import dev.bitzel.graph.SignatureDiff;
import dev.bitzel.graph.SignatureRecord;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.TaskSignatures;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.Scheduler;
import dev.bitzel.graph.scheduler.SchedulerConfig;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel build}: run the tasks of targets, sandboxed and cached, like {@code bitbake TARGET}. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build targets as bitbake does: every task sandboxed, results cached by task signature in "
                + "the local store.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PythonOption python;

    @Mixin
    BuildReportOptions reporting;

    @Mixin
    RemoteCacheOptions remote;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "Recipe or provided names, optionally "
            + "NAME:do_task.")
    List<String> targets;

    @Option(names = {"-c", "--cmd"}, paramLabel = "TASK", description = "The task to run (default: build).")
    String task = "build";

    @Option(names = {"-k", "--continue"}, description = "Keep going after a failure: only the failed task's "
            + "dependents stop.")
    boolean keepGoing;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Tasks run at once (default: BB_NUMBER_THREADS "
            + "or one per core).")
    Integer jobs;

    @Option(names = {"-n", "--dry-run"}, description = "Print the tasks that would run, run none.")
    boolean dryRun;

    @Option(names = {"-f", "--force"}, description = "Run the targets' task (-c) even if it is up to date or "
            + "cached: it is tainted, as bitbake -f does.")
    boolean force;

    @Option(names = {"-C", "--clear-stamp"}, paramLabel = "TASK", description = "Taint TASK of the targets, then "
            + "build their default task (bitbake -C).")
    String clearStamp;

    @Option(names = "--runall", paramLabel = "TASK", description = "Also run TASK of every recipe the targets' "
            + "task graph reaches (recipes without it are left out).")
    String runall;

    @Option(names = "--explain", description = "Say why each task that is not up to date must run: what changed "
            + "in its signature since its last recorded run.")
    boolean explain;


    /** The spawner of the running build, once there is one: it knows which tasks ran remotely. */
    private final AtomicReference<LocalSpawner> spawner = new AtomicReference<>();

    /**
     * Tells remote cache hits (their handle starts with {@value RemoteTaskCache#REMOTE_HANDLE_PREFIX}) from local
     * ones, and tasks whose shell work ran on the remote executor from those that ran here.
     */
    private final TaskOrigins remoteAware = outcome -> outcome.status() != TaskStatus.CACHED
            ? spawner.get() != null && spawner.get().ranRemotely(outcome.task()) ? TaskOrigin.REMOTE
                    : TaskOrigin.SANDBOX
            : outcome.cacheHandle().filter(h -> h.startsWith(RemoteTaskCache.REMOTE_HANDLE_PREFIX)).isPresent()
                    ? TaskOrigin.REMOTE_CACHE_HIT : TaskOrigin.DISK_CACHE_HIT;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        remote.check();
        try (BuildReport report = reporting.open(out, err, targets, task, remoteAware)) {
            try {
                return report.exit(build(report, out, err));
            } catch (UserInputException e) {
                report.exit(ExitCodes.BAD_INPUT);
                throw e;
            }
        }
    }

    private int build(BuildReport report, PrintWriter out, PrintWriter err) throws InterruptedException, IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        report.phase("parse");
        LoadedMetadata metadata = LoadedMetadata.load(parent, python, false, cores);
        TaskPlan plan;
        TaskSignatures signatures;
        TaskStamps stamps;
        try {
            report.phase("graph");
            String mainTask = clearStamp != null ? "build" : task;
            plan = metadata.universe().taskGraph(targets, mainTask);
            if (runall != null) {
                List<String> all = new ArrayList<>(targets);
                String wanted = runall.startsWith("do_") ? runall : "do_" + runall;
                for (int node = 0; node < plan.graph().size(); node++) {
                    TaskId id = plan.graph().task(node).id();
                    String candidate = id.recipe() + ":" + wanted;
                    if (!all.contains(candidate) && plan.recipe(id).tasks().contains(wanted)) {
                        all.add(candidate);
                    }
                }
                plan = metadata.universe().taskGraph(all, mainTask);
            }
            report.phase("signatures");
            stamps = new TaskStamps(plan);
            if (force || clearStamp != null) {
                String forced = force ? task : clearStamp;
                forced = forced.startsWith("do_") ? forced : "do_" + forced;
                for (int node = 0; node < plan.graph().size(); node++) {
                    TaskId id = plan.graph().task(node).id();
                    if (id.task().equals(forced) && isTarget(id)) {
                        stamps.addTaint(id);
                    }
                }
            }
            TaskStamps taints = stamps;
            signatures = TaskSignatures.compute(plan, id -> {
                try {
                    return taints.taint(id);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (GraphException e) {
            e.problems().forEach(p -> err.println("ERROR: " + p));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (explain) {
            explain(plan, signatures, stamps, err);
        }
        if (dryRun) {
            for (int node : plan.graph().graph().topologicalOrder()) {
                TaskId id = plan.graph().task(node).id();
                out.println(id + " " + signatures.signature(id));
            }
            out.flush();
            return ExitCodes.OK;
        }
        report.phase("prepare");
        Path tmpdir;
        Path dlDir;
        int workers;
        List<Path> readOnly = new ArrayList<>();
        try {
            String t = metadata.build().data().getVar("TMPDIR");
            if (t == null || t.isBlank()) {
                throw new UserInputException("TMPDIR is not set in the configuration");
            }
            tmpdir = Path.of(t);
            String threads = metadata.build().data().getVar("BB_NUMBER_THREADS");
            workers = jobs != null ? jobs : threads != null && threads.matches("\\d+") ? Integer.parseInt(threads)
                    : cores;
            String layers = metadata.build().data().getVar("BBLAYERS");
            if (layers != null) {
                for (String layer : layers.trim().split("\\s+")) {
                    readOnly.add(Path.of(layer));
                }
            }
            String dl = metadata.build().data().getVar("DL_DIR");
            if (dl == null || dl.isBlank()) {
                throw new UserInputException("DL_DIR is not set in the configuration");
            }
            dlDir = Path.of(dl);
            Files.createDirectories(dlDir);
            readOnly.add(dlDir);
        } catch (ExpansionException e) {
            throw new UserInputException("configuration: " + e.getMessage(), e);
        }
        Files.createDirectories(tmpdir);
        readOnly.add(tmpdir); // what the dependencies produced; each task may write only its own directories
        try (ContentStore store = Cas.open(parent.cacheDir().resolve("cas"));
                Sandbox sandbox = Sandbox.create(parent.cacheDir().resolve("sandbox"));
                RemoteClient client = remote.connect()) {
            for (int node = 0; node < plan.graph().size(); node++) {
                stamps.writeSigdata(signatures.record(plan.graph().task(node).id()));
            }
            TaskOutputCache cache = new TaskOutputCache(store, tmpdir, dlDir,
                    (node, signature) -> stamps.stamp(node.id(), signature));
            LocalShellRunner local = ShellRunner.local(sandbox);
            RemoteShellRunner remoteShell = remote.executes()
                    ? new RemoteShellRunner(client, store, remote.localFallback() ? local : null) : null;
            TaskExecutor executor = new TaskExecutor(remoteShell != null ? remoteShell : local, readOnly);
            LocalSpawner spawner = new LocalSpawner(plan, executor, cache, signatures::signature);
            this.spawner.set(spawner);
            ActionCache actionCache = remote.cache(cache, store, client);
            SchedulerConfig config = SchedulerConfig.builder(spawner)
                    .workers(Math.max(1, workers)).keepGoing(keepGoing).actionCache(actionCache)
                    .listener(report.listener()).build();
            TaskPlan tasks = plan;
            BuildRequest request = BuildRequest.builder(tasks.graph(),
                    node -> signatures.signature(tasks.graph().task(node).id())).allTargets().build();
            BuildResult result = report.run(Scheduler.create(config), request, tasks);
            for (TaskOutcome failed : result.withStatus(TaskStatus.FAILED)) {
                err.println("ERROR: Task (" + failed.task() + ") failed with exit code '" + failed.exitCode()
                        + "': " + failed.message());
                spawner.failedLog(failed.task()).ifPresent(log -> printTail(log, err));
            }
            report.summary(result);
            RemoteCacheOptions.printSummary(actionCache, err);
            if (remoteShell != null) {
                RemoteCacheOptions.printExecutionSummary(remoteShell, local.runs(), err);
            }
            err.flush();
            return result.success() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** Whether a task is what a target names: its recipe (or provider) is one of the targets. */
    private boolean isTarget(TaskId id) {
        for (String t : targets) {
            String name = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
            if (name.equals(id.recipe())) {
                return true;
            }
        }
        return false;
    }

    /** bitbake-diffsigs for each task whose stamp is missing: what changed since its last recorded signature. */
    private static void explain(TaskPlan plan, TaskSignatures signatures, TaskStamps stamps, PrintWriter err)
            throws IOException {
        for (int node : plan.graph().graph().topologicalOrder()) {
            TaskId id = plan.graph().task(node).id();
            SignatureRecord now = signatures.record(id);
            if (Files.exists(stamps.stamp(id, now.signature()))) {
                continue;
            }
            Optional<SignatureRecord> before = stamps.previous(id, now.signature());
            if (before.isEmpty()) {
                err.println("NOTE: explain: " + id + " runs: no earlier signature data (never run in this TMPDIR)");
                continue;
            }
            for (String reason : SignatureDiff.explain(before.get(), now)) {
                err.println("NOTE: explain: " + id + " runs: " + reason);
            }
        }
        err.flush();
    }

    private static void printTail(Path log, PrintWriter err) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            err.println("ERROR: Logfile of failure stored in: " + log);
            all.subList(Math.max(0, all.size() - 20), all.size()).forEach(l -> err.println("| " + l));
        } catch (IOException e) {
            err.println("ERROR: cannot read the log " + log + ": " + e.getMessage());
        }
    }
}
