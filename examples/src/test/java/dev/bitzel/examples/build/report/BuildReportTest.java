package dev.bitzel.examples.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.Scheduler;
import dev.bitzel.graph.scheduler.SchedulerConfig;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.graph.scheduler.Spawner;
import dev.bitzel.graph.scheduler.TaskStatus;
import dev.bitzel.remote.BuildEventPublisher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildReportTest {
    static final long S = 1_000_000_000L;

    @TempDir
    Path tmp;

    final StringWriter outText = new StringWriter();
    final StringWriter errText = new StringWriter();
    final PrintWriter out = new PrintWriter(outText, true);
    final PrintWriter err = new PrintWriter(errText, true);

    @Nested
    class Summary {
        @Test
        void countsCacheHitsPhasesAndTheFiveSlowestTasks() {
            AtomicLong clock = new AtomicLong();
            BuildPhases phases = new BuildPhases(clock::get);
            phases.begin("parse");
            clock.set(S);
            phases.begin("graph");
            clock.set(S + S / 4);
            phases.begin("execution");
            clock.set(4 * S);
            phases.end();
            List<TaskSpan> spans = List.of(
                    span("a:do_fetch", 0, 1, TaskStatus.CACHED), span("a:do_compile", 1, 3, TaskStatus.EXECUTED),
                    span("b:do_compile", 0, 2, TaskStatus.EXECUTED), span("b:do_install", 2, 2, TaskStatus.NOEXEC),
                    span("c:do_compile", 1, 2, TaskStatus.EXECUTED), span("d:do_compile", 0, 0, TaskStatus.EXECUTED),
                    span("e:do_compile", 0, 1, TaskStatus.FAILED));
            BuildResult result = resultOf("a:do_fetch", "a:do_compile", "b:do_compile", "!b:do_install");
            BuildSummaryPrinter.print(out, result, 2_750_000_000L, phases.phases(), spans, TaskOrigins.local());
            assertThat(outText.toString().lines()).containsExactly(
                    "Tasks Summary: 4 tasks: 3 executed, 0 cached, 1 noexec, 0 failed, 0 skipped, 0 not started, "
                            + "0 cancelled; 2.75 s",
                    "Cache hits: 0 of 3 tasks (0.0%): 0 local, 0 remote; ran: 3 in the sandbox, 0 remote",
                    "Phases: parse 1.00 s, graph 0.25 s, execution 2.75 s; total 4.00 s",
                    "Slowest tasks:",
                    "      2.00 s  a:do_compile",
                    "      2.00 s  b:do_compile",
                    "      1.00 s  a:do_fetch (cached)",
                    "      1.00 s  c:do_compile",
                    "      1.00 s  e:do_compile (failed)");
        }

        TaskSpan span(String id, long start, long end, TaskStatus status) {
            return new TaskSpan(0, TaskId.parse(id), 0, start * S, end * S, status);
        }

        BuildResult resultOf(String... tasks) {
            String[] lines = tasks;
            TaskGraph g = SyntheticBuild.graph(lines);
            try {
                return SyntheticBuild.run(g, new SyntheticBuild.Recorder(), new SyntheticBuild.FixedCache(), 1,
                        e -> { });
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void aReportPrintsTheSummaryOfItsOwnBuildWithTheMeasuredPhases() throws Exception {
            SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
            cache.hits.add("sig-lib:do_fetch");
            TaskGraph g = SyntheticBuild.demo();
            try (BuildReport report = BuildReport.builder(out, err).clock(new SyntheticBuild.StepClock(1_000))
                    .targets(List.of("image"), "build").build()) {
                report.phase("parse");
                report.phase("graph");
                BuildResult result = report.run(Scheduler.create(SchedulerConfig.builder(new SyntheticBuild.Recorder())
                        .workers(2).actionCache(cache).listener(report.listener()).build()),
                        BuildRequest.builder(g, node -> SyntheticBuild.signature(g, node)).build());
                report.summary(result);
                report.exit(0);
                assertThat(report.phases()).extracting(PhaseSpan::name).containsExactly("parse", "graph", "execution");
            }
            assertThat(outText.toString()).contains("Tasks Summary: 12 tasks: 8 executed, 1 cached, 3 noexec, 0 failed",
                    "Cache hits: 1 of 9 tasks (11.1%): 1 local, 0 remote; ran: 8 in the sandbox, 0 remote",
                    "Phases: parse ", "execution ", "Slowest tasks:");
            // The default display is BitBake's plain lines.
            assertThat(errText.toString()).contains("NOTE: Running task 1 of 12 (", "NOTE: lib:do_fetch: cached (");
        }
    }

    @Nested
    class Interrupt {
        /** Blocks lib:do_compile until its run is cancelled, then reports the kill as a failure. */
        final CountDownLatch compiling = new CountDownLatch(1);
        final CountDownLatch killed = new CountDownLatch(1);
        final Spawner spawner = request -> {
            if (request.task().id().equals(TaskId.parse("lib:do_compile"))) {
                request.cancellation().onCancel(killed::countDown);
                compiling.countDown();
                if (!killed.await(30, TimeUnit.SECONDS)) {
                    return SpawnResult.failure(1, "never cancelled");
                }
                return SpawnResult.failure(137, "killed by the sandbox");
            }
            return SpawnResult.success();
        };

        BepListener events(Path file) throws Exception {
            BepListener bep = new BepListener(BuildEventPublisher.builder("inv").jsonFile(file).build(),
                    TaskOrigins.local(), () -> Instant.EPOCH, Duration.ofSeconds(30));
            bep.prepare(List.of(new BuildTarget("image", Optional.of(TaskId.parse("image:do_build")))),
                    id -> Optional.empty());
            return bep;
        }

        @Test
        void cancelsTheBuildRestoresTheTerminalAndFinishesTheEventsAsInterrupted() throws Exception {
            Path bepFile = tmp.resolve("bep.json");
            Path profile = tmp.resolve("profile.json");
            AtomicLong clock = new AtomicLong();
            FancyProgress display = new FancyProgress(err, clock::get, 80, 8, 0);
            TaskGraph g = SyntheticBuild.demo();
            AtomicBoolean finishedInTime = new AtomicBoolean();
            AtomicReference<Throwable> hookError = new AtomicReference<>();
            BuildResult result;
            BuildReport report = BuildReport.builder(out, err).targets(List.of("image"), "build").progress(display)
                    .events(events(bepFile)).profile(profile).grace(Duration.ofSeconds(30)).build();
            Thread hook = new Thread(() -> {
                try {
                    compiling.await();
                    finishedInTime.set(report.interrupter().interrupt());
                } catch (Throwable e) {
                    hookError.set(e);
                }
            });
            hook.start();
            try (report) {
                result = report.run(Scheduler.create(SchedulerConfig.builder(spawner).workers(2)
                        .listener(report.listener()).build()),
                        BuildRequest.builder(g, node -> SyntheticBuild.signature(g, node)).build());
                report.summary(result);
                report.exit(result.success() ? 0 : 1);
                assertThat(report.interrupted()).isTrue();
            }
            hook.join(30_000);
            assertThat(hookError.get()).isNull();
            assertThat(finishedInTime.get()).as("the command finished its report within the grace period").isTrue();
            assertThat(killed.getCount()).as("the running task's cancellation was signalled").isZero();
            assertThat(result.cancelled()).isTrue();
            assertThat(result.outcome(TaskId.parse("lib:do_compile")).orElseThrow().status())
                    .isEqualTo(TaskStatus.CANCELLED);
            assertThat(result.outcome(TaskId.parse("image:do_build")).orElseThrow().status().succeeded()).isFalse();

            String terminal = errText.toString();
            assertThat(terminal).contains("NOTE: Interrupted: cancelling the running tasks\n");
            assertThat(terminal.lastIndexOf(FancyProgress.SHOW_CURSOR))
                    .isGreaterThan(terminal.lastIndexOf(FancyProgress.HIDE_CURSOR))
                    .isGreaterThan(terminal.lastIndexOf(FancyProgress.CLEAR_TO_END));
            assertThat(outText.toString()).contains("cancelled;");

            List<JsonNode> events = BepListenerTest.parse(Files.readAllLines(bepFile));
            BepListenerTest.assertCompleteChain(events);
            JsonNode finished = BepListenerTest.withPayload(events, "finished").get(0).get("finished");
            assertThat(finished.get("exitCode").get("code").asInt()).isEqualTo(BepListener.INTERRUPTED);
            assertThat(finished.get("exitCode").get("name").asText()).isEqualTo("INTERRUPTED");
            assertThat(BepListenerTest.withPayload(events, "completed")).singleElement()
                    .satisfies(t -> assertThat(t.get("completed").path("success").asBoolean()).isFalse());
            assertThat(new ObjectMapper().readTree(profile.toFile()).get("traceEvents").isArray()).isTrue();
        }

        @Test
        void beforeTheBuildAnInterruptInterruptsTheCommandThread() throws Exception {
            Path bepFile = tmp.resolve("parse.json");
            CountDownLatch ready = new CountDownLatch(1);
            AtomicReference<BuildReport> made = new AtomicReference<>();
            AtomicBoolean sawInterrupt = new AtomicBoolean();
            Thread command = new Thread(() -> {
                try (BuildReport report = BuildReport.builder(out, err).targets(List.of("image"), "build")
                        .events(events(bepFile)).grace(Duration.ofSeconds(30)).build()) {
                    made.set(report);
                    report.phase("parse");
                    ready.countDown();
                    Thread.sleep(60_000); // parsing, until interrupted
                } catch (InterruptedException e) {
                    sawInterrupt.set(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            command.start();
            ready.await();
            assertThat(made.get().interrupter().interrupt()).isTrue();
            command.join(30_000);
            assertThat(sawInterrupt.get()).isTrue();
            List<JsonNode> events = BepListenerTest.parse(Files.readAllLines(bepFile));
            BepListenerTest.assertCompleteChain(events);
            assertThat(BepListenerTest.withPayload(events, "finished").get(0).get("finished").get("exitCode")
                    .get("name").asText()).isEqualTo("INTERRUPTED");
        }

        @Test
        void closingOnAnInterruptedThreadStillFinishesTheEventsAndKeepsTheInterrupt() throws Exception {
            Path bepFile = tmp.resolve("flagged.json");
            BuildReport report = BuildReport.builder(out, err).targets(List.of("image"), "build")
                    .events(events(bepFile)).build();
            report.exit(1);
            Thread.currentThread().interrupt();
            try {
                report.close();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            List<JsonNode> events = BepListenerTest.parse(Files.readAllLines(bepFile));
            BepListenerTest.assertCompleteChain(events);
            assertThat(errText.toString()).doesNotContain("WARNING");
        }

        @Test
        void aCommandThatDoesNotFinishInTimeIsFinishedByTheFallback() throws Exception {
            Path bepFile = tmp.resolve("stuck.json");
            AtomicLong clock = new AtomicLong();
            FancyProgress display = new FancyProgress(err, clock::get, 80, 8, 0);
            Thread bystander = new Thread(() -> { });
            BuildReport report = BuildReport.builder(out, err).targets(List.of("image"), "build").progress(display)
                    .events(events(bepFile)).commandThread(bystander).grace(Duration.ofMillis(50)).build();
            display.start();
            display.tick();
            // The command never reports done (it is stuck in a task that ignores cancellation).
            assertThat(report.interrupter().interrupt()).isFalse();
            assertThat(errText.toString()).endsWith(FancyProgress.SHOW_CURSOR);
            List<JsonNode> events = BepListenerTest.parse(Files.readAllLines(bepFile));
            BepListenerTest.assertCompleteChain(events);
            assertThat(BepListenerTest.withPayload(events, "finished").get(0).get("finished").get("exitCode")
                    .get("code").asInt()).isEqualTo(BepListener.INTERRUPTED);
            int length = errText.toString().length();
            report.close();
            assertThat(errText.toString()).as("closing again writes nothing").hasSize(length);
        }
    }
}
