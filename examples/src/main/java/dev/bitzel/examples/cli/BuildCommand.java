package dev.bitzel.examples.cli;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.examples.build.LocalSpawner;
import dev.bitzel.examples.build.TaskExecutor;
import dev.bitzel.examples.build.TaskOutputCache;
import dev.bitzel.graph.GraphException;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.graph.TaskSignatures;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.BuildSummary;
import dev.bitzel.graph.scheduler.Scheduler;
import dev.bitzel.graph.scheduler.SchedulerConfig;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
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


    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        remote.check();
        int cores = Runtime.getRuntime().availableProcessors();
        LoadedMetadata metadata = LoadedMetadata.load(parent, python, false, cores);
        TaskPlan plan;
        TaskSignatures signatures;
        try {
            plan = metadata.universe().taskGraph(targets, task);
            signatures = TaskSignatures.compute(plan);
        } catch (GraphException e) {
            e.problems().forEach(p -> err.println("ERROR: " + p));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (dryRun) {
            for (int node : plan.graph().graph().topologicalOrder()) {
                TaskId id = plan.graph().task(node).id();
                out.println(id + " " + signatures.signature(id));
            }
            out.flush();
            return ExitCodes.OK;
        }
        Path tmpdir;
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
            if (dl != null) {
                Files.createDirectories(Path.of(dl));
                readOnly.add(Path.of(dl));
            }
        } catch (ExpansionException e) {
            throw new UserInputException("configuration: " + e.getMessage(), e);
        }
        Files.createDirectories(tmpdir);
        AtomicInteger started = new AtomicInteger();
        int total = plan.graph().size();
        try (ContentStore store = Cas.open(parent.cacheDir().resolve("cas"));
                Sandbox sandbox = Sandbox.create(parent.cacheDir().resolve("sandbox"));
                RemoteClient client = remote.connect()) {
            TaskOutputCache cache = new TaskOutputCache(store, tmpdir, (node, signature) -> {
                try {
                    String stamp = plan.recipe(node.id()).data().getVar("STAMP");
                    return Path.of(stamp + "." + node.id().task() + "." + signature);
                } catch (ExpansionException e) {
                    throw new IOException(node.id() + ": STAMP does not expand: " + e.getMessage(), e);
                }
            });
            TaskExecutor executor = new TaskExecutor(sandbox, readOnly);
            LocalSpawner spawner = new LocalSpawner(plan, executor, cache);
            ActionCache actionCache = remote.cache(cache, store, client);
            SchedulerConfig config = SchedulerConfig.builder(spawner)
                    .workers(Math.max(1, workers)).keepGoing(keepGoing).actionCache(actionCache)
                    .listener(event -> report(event, started, total, err)).build();
            BuildRequest request = BuildRequest.builder(plan.graph(),
                    node -> signatures.signature(plan.graph().task(node).id())).allTargets().build();
            long start = System.nanoTime();
            BuildResult result = Scheduler.create(config).run(request);
            long done = System.nanoTime();
            BuildSummary s = result.summary();
            for (TaskOutcome failed : result.withStatus(TaskStatus.FAILED)) {
                err.println("ERROR: Task (" + failed.task() + ") failed with exit code '" + failed.exitCode()
                        + "': " + failed.message());
                spawner.failedLog(failed.task()).ifPresent(log -> printTail(log, err));
            }
            out.printf(Locale.ROOT, "Tasks Summary: %d tasks: %d executed, %d cached, %d noexec, %d failed, %d "
                    + "skipped, %d not started, %d cancelled; %.2f s%n", s.tasks(), s.executed(), s.cached(),
                    s.noexec(), s.failed(), s.skipped(), s.notStarted(), s.cancelled(), (done - start) / 1e9);
            RemoteCacheOptions.printSummary(actionCache, err);
            out.flush();
            err.flush();
            return result.success() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private static void report(BuildEvent event, AtomicInteger started, int total, PrintWriter err) {
        if (event instanceof BuildEvent.TaskStarted s) {
            synchronized (err) {
                err.printf(Locale.ROOT, "NOTE: Running task %d of %d (%s)%n", started.incrementAndGet(), total,
                        s.task().id());
                err.flush();
            }
        } else if (event instanceof BuildEvent.TaskCacheHit h) {
            synchronized (err) {
                err.printf(Locale.ROOT, "NOTE: %s: cached (%s)%n", h.task().id(), h.handle());
                err.flush();
            }
        }
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
