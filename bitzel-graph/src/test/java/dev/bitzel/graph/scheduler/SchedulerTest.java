package dev.bitzel.graph.scheduler;

import static dev.bitzel.graph.scheduler.TestGraphs.graph;
import static dev.bitzel.graph.scheduler.TestGraphs.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

    /** A spawner that records what it ran and fails the tasks named in {@code failing}. */
    static final class Recorder implements Spawner {
        final Queue<TaskId> started = new ConcurrentLinkedQueue<>();
        final Queue<SpawnRequest> requests = new ConcurrentLinkedQueue<>();
        final Set<TaskId> failing = ConcurrentHashMap.newKeySet();

        @Override
        public SpawnResult spawn(SpawnRequest request) {
            started.add(request.task().id());
            requests.add(request);
            return failing.contains(request.task().id()) ? SpawnResult.failure(2, "exit 2 in " + request.task().id())
                    : SpawnResult.success();
        }

        List<TaskId> order() {
            return List.copyOf(started);
        }
    }

    /** A cache with fixed hits that records lookups and stores. */
    static final class MapCache implements ActionCache {
        final Map<String, String> hits = new ConcurrentHashMap<>();
        final Queue<String> lookups = new ConcurrentLinkedQueue<>();
        final Queue<TaskId> stored = new ConcurrentLinkedQueue<>();

        @Override
        public CacheLookup lookup(TaskNode task, String signature) throws IOException {
            lookups.add(signature);
            String handle = hits.get(signature);
            return handle == null ? CacheLookup.miss() : CacheLookup.hit(handle);
        }

        @Override
        public void store(TaskNode task, String signature, SpawnResult result) throws IOException {
            stored.add(task.id());
        }
    }

    private static BuildResult run(TaskGraph g, SchedulerConfig config) throws InterruptedException {
        return Scheduler.create(config).run(BuildRequest.builder(g, node -> TestGraphs.signature(g, node)).build());
    }

    private static SchedulerConfig.Builder config(Spawner spawner) {
        return SchedulerConfig.builder(spawner).workers(1);
    }

    private static TaskOutcome outcome(BuildResult result, String task) {
        return result.outcome(id(task)).orElseThrow();
    }

    @Nested
    class Ordering {
        @Test
        void everyTaskStartsAfterItsDependenciesFinished() throws InterruptedException {
            TaskGraph g = graph("p:do_install -> p:do_compile", "p:do_compile -> p:do_configure p:do_fetch",
                    "p:do_configure -> p:do_fetch", "q:do_build -> p:do_install");
            Recorder spawner = new Recorder();
            BuildResult result = run(g, config(spawner).workers(3).build());
            assertThat(spawner.order()).containsExactly(id("p:do_fetch"), id("p:do_configure"), id("p:do_compile"),
                    id("p:do_install"), id("q:do_build"));
            assertThat(result.success()).isTrue();
            assertThat(result.summary().executed()).isEqualTo(5);
        }

        @Test
        void independentTasksRunAtOnceOnSeveralWorkers() throws InterruptedException {
            java.util.concurrent.CyclicBarrier allThree = new java.util.concurrent.CyclicBarrier(3);
            Spawner meeting = request -> {
                try {
                    allThree.await(30, TimeUnit.SECONDS);
                    return SpawnResult.success();
                } catch (java.util.concurrent.BrokenBarrierException | java.util.concurrent.TimeoutException e) {
                    return SpawnResult.failure(1, "not run concurrently: " + e);
                }
            };
            BuildResult result = run(graph("a:do_a", "b:do_b", "c:do_c"), config(meeting).workers(3).build());
            assertThat(result.success()).as("%s", result.outcomes()).isTrue();
        }

        @Test
        void onlyTheTargetsAndWhatTheyDependOnAreBuilt() throws InterruptedException {
            TaskGraph g = graph("a:do_b -> a:do_a", "x:do_y -> x:do_z", "a:do_c -> a:do_b");
            Recorder spawner = new Recorder();
            BuildResult result = Scheduler.create(config(spawner).build()).run(BuildRequest
                    .builder(g, node -> "s").targets(id("a:do_b")).build());
            assertThat(spawner.order()).containsExactly(id("a:do_a"), id("a:do_b"));
            assertThat(result.outcomes()).extracting(TaskOutcome::task).containsExactly(id("a:do_b"), id("a:do_a"));
            assertThat(result.outcome(id("x:do_y"))).isEmpty();
        }

        @Test
        void theLongestChainStartsFirstWhenWorkersAreScarce() throws InterruptedException {
            TaskGraph g = graph("s:do_a", "s:do_b", "c:do_4 -> c:do_3", "c:do_3 -> c:do_2", "c:do_2 -> c:do_1");
            Recorder spawner = new Recorder();
            run(g, config(spawner).build());
            // Remaining chains: c:do_1 4, c:do_2 3, c:do_3 2; c:do_4 ties with the short tasks at 1 and comes last by
            // node number.
            assertThat(spawner.order()).containsExactly(id("c:do_1"), id("c:do_2"), id("c:do_3"), id("s:do_a"),
                    id("s:do_b"), id("c:do_4"));
        }

        @Test
        void estimatedDurationsWeighTheCriticalPath() throws InterruptedException {
            TaskGraph g = graph("c:do_3 -> c:do_2", "c:do_2 -> c:do_1", "h:do_heavy", "l:do_light");
            Recorder spawner = new Recorder();
            int heavy = g.indexOf(id("h:do_heavy"));
            Scheduler.create(config(spawner).build()).run(BuildRequest.builder(g, node -> "s")
                    .estimatedDuration(node -> node == heavy ? 10 : 1).build());
            assertThat(spawner.order()).containsExactly(id("h:do_heavy"), id("c:do_1"), id("c:do_2"), id("c:do_3"),
                    id("l:do_light"));
        }

        @Test
        void equalPrioritiesStartInNodeNumberOrder() throws InterruptedException {
            TaskGraph g = graph("z:do_a", "y:do_a", "x:do_a");
            Recorder spawner = new Recorder();
            run(g, config(spawner).build());
            assertThat(spawner.order()).containsExactly(id("z:do_a"), id("y:do_a"), id("x:do_a"));
        }
    }

    @Nested
    class Failures {
        private final TaskGraph g = graph("f:do_compile -> f:do_fetch", "f:do_install -> f:do_compile",
                "img:do_rootfs -> f:do_install o:do_install", "o:do_install", "u:do_a", "u:do_b");

        @Test
        void withoutKeepGoingTheFirstFailureStopsTheBuild() throws InterruptedException {
            Recorder spawner = new Recorder();
            spawner.failing.add(id("f:do_fetch"));
            BuildResult result = run(g, config(spawner).build());
            assertThat(spawner.order()).containsExactly(id("f:do_fetch"));
            assertThat(outcome(result, "f:do_fetch").status()).isEqualTo(TaskStatus.FAILED);
            assertThat(outcome(result, "f:do_fetch").exitCode()).isEqualTo(2);
            assertThat(outcome(result, "f:do_fetch").message()).isEqualTo("exit 2 in f:do_fetch");
            TaskOutcome unrelated = outcome(result, "u:do_a");
            assertThat(unrelated.status()).isEqualTo(TaskStatus.NOT_STARTED);
            assertThat(unrelated.cause()).contains(id("f:do_fetch"));
            assertThat(unrelated.message()).contains("stopped after f:do_fetch failed");
            assertThat(outcome(result, "img:do_rootfs").status()).isEqualTo(TaskStatus.SKIPPED);
            assertThat(result.summary()).isEqualTo(new BuildSummary(7, 0, 0, 0, 1, 3, 3, 0));
            assertThat(result.success()).isFalse();
            assertThat(result.cancelled()).isFalse();
        }

        @Test
        void aStopAfterFailureLetsRunningTasksFinish() throws Exception {
            TaskGraph three = graph("slow:do_a", "bad:do_a", "later:do_a");
            CountDownLatch failureReported = new CountDownLatch(1);
            BuildEventListener listener = event -> {
                if (event instanceof BuildEvent.TaskFailed) {
                    failureReported.countDown();
                }
            };
            Spawner spawner = request -> {
                if (request.task().id().equals(id("slow:do_a"))) {
                    // The failure event is sent after the build is marked as stopping.
                    return failureReported.await(30, TimeUnit.SECONDS) ? SpawnResult.success()
                            : SpawnResult.failure(1, "the failure was never reported");
                }
                return request.task().id().equals(id("bad:do_a")) ? SpawnResult.failure(1, "bad")
                        : SpawnResult.success();
            };
            BuildResult result = run(three, config(spawner).workers(2).listener(listener).build());
            assertThat(outcome(result, "slow:do_a").status()).isEqualTo(TaskStatus.EXECUTED);
            assertThat(outcome(result, "bad:do_a").status()).isEqualTo(TaskStatus.FAILED);
            assertThat(outcome(result, "later:do_a").status()).isEqualTo(TaskStatus.NOT_STARTED);
            assertThat(outcome(result, "later:do_a").cause()).contains(id("bad:do_a"));
            assertThat(result.cancelled()).isFalse();
        }

        @Test
        void withKeepGoingOnlyTheDependentsOfAFailureStop() throws InterruptedException {
            Recorder spawner = new Recorder();
            spawner.failing.add(id("f:do_fetch"));
            BuildResult result = run(g, config(spawner).keepGoing(true).build());
            assertThat(spawner.order()).containsExactlyInAnyOrder(id("f:do_fetch"), id("o:do_install"),
                    id("u:do_a"), id("u:do_b"));
            assertThat(result.withStatus(TaskStatus.EXECUTED)).extracting(TaskOutcome::task)
                    .containsExactly(id("o:do_install"), id("u:do_a"), id("u:do_b"));
            assertThat(result.summary()).isEqualTo(new BuildSummary(7, 3, 0, 0, 1, 3, 0, 0));
        }

        @Test
        void dependentsOfAFailureAreSkippedNamingIt() throws InterruptedException {
            Recorder spawner = new Recorder();
            spawner.failing.add(id("f:do_compile"));
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = run(g, config(spawner).keepGoing(true).listener(events).build());
            for (String skipped : List.of("f:do_install", "img:do_rootfs")) {
                TaskOutcome o = outcome(result, skipped);
                assertThat(o.status()).isEqualTo(TaskStatus.SKIPPED);
                assertThat(o.message()).isEqualTo("skipped because f:do_compile failed");
                assertThat(o.cause()).contains(id("f:do_compile"));
                assertThat(o.exitCode()).isEqualTo(-1);
            }
            assertThat(events.of(BuildEvent.TaskSkipped.class)).extracting(e -> e.outcome().task())
                    .containsExactlyInAnyOrder(id("f:do_install"), id("img:do_rootfs"));
            assertThat(spawner.order()).doesNotContain(id("f:do_install"), id("img:do_rootfs"));
        }

        @Test
        void aTaskBelowTwoFailuresNamesTheLowestNumberedOne() throws InterruptedException {
            TaskGraph two = graph("top:do_a -> l:do_x r:do_x");
            int right = two.indexOf(id("r:do_x"));
            Recorder spawner = new Recorder();
            spawner.failing.addAll(List.of(id("l:do_x"), id("r:do_x")));
            for (int workers : new int[] {1, 2}) {
                spawner.started.clear();
                BuildResult result = Scheduler.create(config(spawner).workers(workers).keepGoing(true).build())
                        .run(BuildRequest.builder(two, node -> "s").estimatedDuration(n -> n == right ? 5 : 1).build());
                assertThat(outcome(result, "top:do_a").cause()).contains(id("l:do_x"));
                assertThat(outcome(result, "top:do_a").message()).isEqualTo("skipped because l:do_x failed");
            }
            assertThat(spawner.order()).startsWith(id("r:do_x"));
        }

        @Test
        void aSpawnerIOExceptionFailsTheTaskWithItsMessage() throws InterruptedException {
            Spawner broken = request -> {
                if (request.task().id().equals(id("f:do_fetch"))) {
                    throw new IOException("sandbox: cannot mount /proc");
                }
                return SpawnResult.success();
            };
            BuildResult result = run(g, config(broken).keepGoing(true).build());
            TaskOutcome o = outcome(result, "f:do_fetch");
            assertThat(o.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(o.exitCode()).isEqualTo(-1);
            assertThat(o.message()).isEqualTo("could not run f:do_fetch: sandbox: cannot mount /proc");
            assertThat(outcome(result, "f:do_compile").message()).isEqualTo("skipped because f:do_fetch failed");
        }

        @Test
        void aSpawnerBugFailsTheTaskNotTheBuild() throws InterruptedException {
            Spawner buggy = request -> {
                throw new IllegalStateException("bug");
            };
            BuildResult result = run(graph("a:do_a"), config(buggy).build());
            assertThat(outcome(result, "a:do_a").status()).isEqualTo(TaskStatus.FAILED);
            assertThat(outcome(result, "a:do_a").message()).contains("IllegalStateException: bug");
        }

        @Test
        void aSignatureThatCannotBeComputedFailsTheTask() throws InterruptedException {
            TaskGraph one = graph("a:do_a");
            BuildResult result = Scheduler.create(config(new Recorder()).build()).run(BuildRequest
                    .builder(one, node -> {
                        throw new IllegalArgumentException("unknown variable FOO");
                    }).build());
            assertThat(outcome(result, "a:do_a").status()).isEqualTo(TaskStatus.FAILED);
            assertThat(outcome(result, "a:do_a").message())
                    .isEqualTo("no signature for a:do_a: java.lang.IllegalArgumentException: unknown variable FOO");
        }
    }

    @Nested
    class ActionCaching {
        private final TaskGraph g = graph("a:do_b -> a:do_a", "a:do_c -> a:do_b");

        @Test
        void aCacheHitSkipsTheSpawnerAndKeepsTheHandle() throws InterruptedException {
            MapCache cache = new MapCache();
            cache.hits.put("sig-a:do_a", "digest-1");
            Recorder spawner = new Recorder();
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = run(g, config(spawner).actionCache(cache).listener(events).build());
            assertThat(spawner.order()).containsExactly(id("a:do_b"), id("a:do_c"));
            TaskOutcome hit = outcome(result, "a:do_a");
            assertThat(hit.status()).isEqualTo(TaskStatus.CACHED);
            assertThat(hit.cacheHandle()).contains("digest-1");
            assertThat(events.of(BuildEvent.TaskCacheHit.class)).extracting(BuildEvent.TaskCacheHit::handle)
                    .containsExactly("digest-1");
            assertThat(result.summary()).isEqualTo(new BuildSummary(3, 2, 0, 1, 0, 0, 0, 0));
        }

        @Test
        void onlySuccessfulSpawnsAreStored() throws InterruptedException {
            MapCache cache = new MapCache();
            cache.hits.put("sig-a:do_a", "digest-1");
            TaskGraph wide = graph("a:do_b -> a:do_a", "a:do_c -> a:do_b", "x:do_fail", "y:do_ok");
            Recorder spawner = new Recorder();
            spawner.failing.add(id("x:do_fail"));
            run(wide, config(spawner).actionCache(cache).keepGoing(true).build());
            assertThat(cache.stored).containsExactlyInAnyOrder(id("a:do_b"), id("a:do_c"), id("y:do_ok"));
        }

        @Test
        void aFailingLookupIsAMissReportedAsAnEvent() throws InterruptedException {
            ActionCache broken = new ActionCache() {
                @Override
                public CacheLookup lookup(TaskNode task, String signature) throws IOException {
                    throw new IOException("cache disk unreadable");
                }

                @Override
                public void store(TaskNode task, String signature, SpawnResult result) {
                }
            };
            Recorder spawner = new Recorder();
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = run(g, config(spawner).actionCache(broken).listener(events).build());
            assertThat(result.success()).isTrue();
            assertThat(spawner.order()).hasSize(3);
            assertThat(events.of(BuildEvent.CacheLookupFailed.class)).hasSize(3).allSatisfy(e ->
                    assertThat(e.error()).hasMessage("cache disk unreadable"));
        }

        @Test
        void aFailingStoreIsReportedAndTheTaskStillCounts() throws InterruptedException {
            ActionCache full = new ActionCache() {
                @Override
                public CacheLookup lookup(TaskNode task, String signature) {
                    return CacheLookup.miss();
                }

                @Override
                public void store(TaskNode task, String signature, SpawnResult result) throws IOException {
                    throw new IOException("no space left on device");
                }
            };
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = run(g, config(new Recorder()).actionCache(full).listener(events).build());
            assertThat(result.summary().executed()).isEqualTo(3);
            assertThat(events.of(BuildEvent.CacheStoreFailed.class)).hasSize(3);
        }

        @Test
        void lookupsUseTheCallersSignatures() throws InterruptedException {
            MapCache cache = new MapCache();
            run(g, config(new Recorder()).actionCache(cache).build());
            assertThat(cache.lookups).containsExactly("sig-a:do_a", "sig-a:do_b", "sig-a:do_c");
        }
    }

    @Nested
    class Noexec {
        @Test
        void noexecTasksCompleteWithoutSpawnerCacheOrSignature() throws InterruptedException {
            TaskGraph g = graph("a:do_build -> !a:do_package_write", "!a:do_package_write -> a:do_compile");
            Recorder spawner = new Recorder();
            MapCache cache = new MapCache();
            List<Integer> signed = new ArrayList<>();
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = Scheduler.create(config(spawner).actionCache(cache).listener(events).build())
                    .run(BuildRequest.builder(g, node -> {
                        synchronized (signed) {
                            signed.add(node);
                        }
                        return "s" + node;
                    }).build());
            assertThat(spawner.order()).containsExactly(id("a:do_compile"), id("a:do_build"));
            assertThat(outcome(result, "a:do_package_write").status()).isEqualTo(TaskStatus.NOEXEC);
            assertThat(signed).doesNotContain(g.indexOf(id("a:do_package_write")));
            assertThat(cache.lookups).hasSize(2);
            assertThat(events.of(BuildEvent.TaskFinished.class)).extracting(e -> e.outcome().status())
                    .containsExactly(TaskStatus.EXECUTED, TaskStatus.NOEXEC, TaskStatus.EXECUTED);
            assertThat(result.summary().noexec()).isEqualTo(1);
        }
    }

    @Nested
    class Cancellation {
        @Test
        void cancelStopsDispatchSignalsRunningTasksAndListsWhatWasCancelled() throws Exception {
            TaskGraph g = graph("a:do_x", "c:do_z", "b:do_y -> a:do_x", "d:do_w");
            CountDownLatch bothRunning = new CountDownLatch(2);
            Queue<TaskId> spawned = new ConcurrentLinkedQueue<>();
            Spawner blocking = request -> {
                spawned.add(request.task().id());
                CountDownLatch killed = new CountDownLatch(1);
                request.cancellation().onCancel(killed::countDown);
                bothRunning.countDown();
                killed.await();
                if (request.task().id().equals(id("a:do_x"))) {
                    throw new InterruptedException("killed");
                }
                return SpawnResult.failure(143, "terminated by SIGTERM");
            };
            Build build = Scheduler.create(config(blocking).workers(2).build())
                    .start(BuildRequest.builder(g, node -> "s").estimatedDuration(node -> node == 1 ? 5 : 1).build());
            assertThat(bothRunning.await(30, TimeUnit.SECONDS)).isTrue();
            build.cancel();
            BuildResult result = build.result().get(30, TimeUnit.SECONDS);
            assertThat(spawned).containsExactlyInAnyOrder(id("a:do_x"), id("c:do_z"));
            assertThat(result.cancelled()).isTrue();
            assertThat(result.summary()).isEqualTo(new BuildSummary(4, 0, 0, 0, 0, 0, 0, 4));
            assertThat(outcome(result, "a:do_x").message()).isEqualTo("cancelled while running");
            assertThat(outcome(result, "c:do_z").message()).isEqualTo("cancelled while running: terminated by SIGTERM");
            assertThat(outcome(result, "b:do_y").message()).isEqualTo("not started: the build was cancelled");
            assertThat(outcome(result, "d:do_w").message()).isEqualTo("not started: the build was cancelled");
        }

        @Test
        void cancellingTheFutureAlsoStopsTheWork() throws Exception {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            Spawner blocking = request -> {
                request.cancellation().onCancel(killed::countDown);
                running.countDown();
                killed.await();
                throw new InterruptedException();
            };
            Build build = Scheduler.create(config(blocking).build())
                    .start(BuildRequest.builder(graph("a:do_a"), node -> "s").build());
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            build.result().cancel(true);
            assertThat(killed.await(30, TimeUnit.SECONDS)).isTrue();
        }

        @Test
        void interruptingTheWaitingThreadCancelsTheBuildAndRethrows() throws Exception {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch killed = new CountDownLatch(1);
            Spawner blocking = request -> {
                request.cancellation().onCancel(killed::countDown);
                running.countDown();
                killed.await();
                return SpawnResult.failure(137, "killed");
            };
            CompletableFuture<BuildResult> finished = new CompletableFuture<>();
            BuildEventListener listener = event -> {
                if (event instanceof BuildEvent.BuildFinished f) {
                    finished.complete(f.result());
                }
            };
            Scheduler scheduler = Scheduler.create(config(blocking).listener(listener).build());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    scheduler.run(BuildRequest.builder(graph("a:do_a", "b:do_b -> a:do_a"), node -> "s").build());
                } catch (InterruptedException e) {
                    thrown.set(e);
                }
            });
            caller.start();
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            caller.join(30_000);
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(killed.await(30, TimeUnit.SECONDS)).isTrue();
            BuildResult result = finished.get(30, TimeUnit.SECONDS);
            assertThat(result.cancelled()).isTrue();
            assertThat(result.withStatus(TaskStatus.CANCELLED)).extracting(TaskOutcome::task)
                    .containsExactly(id("a:do_a"), id("b:do_b"));
        }

        @Test
        void anInterruptedSpawnCancelsTheWholeBuild() throws InterruptedException {
            Recorder after = new Recorder();
            Spawner interrupted = request -> {
                if (request.task().id().equals(id("a:do_a"))) {
                    throw new InterruptedException("worker interrupted");
                }
                return after.spawn(request);
            };
            BuildResult result = run(graph("a:do_a", "b:do_b"), config(interrupted).keepGoing(true).build());
            assertThat(result.cancelled()).isTrue();
            assertThat(outcome(result, "a:do_a").status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(outcome(result, "b:do_b").status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(after.order()).isEmpty();
        }

        @Test
        void aPortThatReassertsAnInterruptAlsoCancelsTheBuild() throws InterruptedException {
            Recorder after = new Recorder();
            Spawner reasserting = request -> {
                if (request.task().id().equals(id("a:do_a"))) {
                    Thread.currentThread().interrupt();
                    return SpawnResult.success();
                }
                return after.spawn(request);
            };
            BuildResult result = run(graph("a:do_a", "b:do_b"), config(reasserting).build());
            assertThat(result.cancelled()).isTrue();
            assertThat(outcome(result, "a:do_a").status()).isEqualTo(TaskStatus.EXECUTED);
            assertThat(outcome(result, "b:do_b").status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(after.order()).isEmpty();
        }

        @Test
        void cancellingAFinishedBuildChangesNothing() throws Exception {
            Build build = Scheduler.create(config(new Recorder()).build())
                    .start(BuildRequest.builder(graph("a:do_a"), node -> "s").build());
            BuildResult result = build.await();
            build.cancel();
            assertThat(build.isDone()).isTrue();
            assertThat(build.result().get()).isSameAs(result);
            assertThat(result.cancelled()).isFalse();
        }
    }

    @Nested
    class Events {
        @Test
        void everyTaskIsQueuedStartedAndEndedOnceBetweenBuildStartAndFinish() throws InterruptedException {
            TaskGraph g = graph("a:do_b -> a:do_a", "x:do_fail", "x:do_after -> x:do_fail", "!n:do_noexec");
            Recorder spawner = new Recorder();
            spawner.failing.add(id("x:do_fail"));
            TestGraphs.Events events = new TestGraphs.Events();
            BuildResult result = run(g, config(spawner).workers(2).keepGoing(true).listener(events).build());
            List<BuildEvent> all = List.copyOf(events.all);
            assertThat(all.get(0)).isEqualTo(new BuildEvent.BuildStarted(5, 2));
            assertThat(all.get(all.size() - 1)).isEqualTo(new BuildEvent.BuildFinished(result));
            for (TaskNode task : g.tasks()) {
                List<String> kinds = all.stream().filter(e -> task.id().equals(taskOf(e)))
                        .map(e -> e.getClass().getSimpleName()).toList();
                if (task.id().equals(id("x:do_after"))) {
                    assertThat(kinds).containsExactly("TaskSkipped");
                } else if (task.id().equals(id("x:do_fail"))) {
                    assertThat(kinds).containsExactly("TaskQueued", "TaskStarted", "TaskFailed");
                } else {
                    assertThat(kinds).containsExactly("TaskQueued", "TaskStarted", "TaskFinished");
                }
            }
            assertThat(result.summary()).isEqualTo(new BuildSummary(5, 2, 1, 0, 1, 1, 0, 0));
        }

        private TaskId taskOf(BuildEvent e) {
            if (e instanceof BuildEvent.TaskQueued q) {
                return q.task().id();
            } else if (e instanceof BuildEvent.TaskStarted s) {
                return s.task().id();
            } else if (e instanceof BuildEvent.TaskFinished f) {
                return f.outcome().task();
            } else if (e instanceof BuildEvent.TaskFailed f) {
                return f.outcome().task();
            } else if (e instanceof BuildEvent.TaskSkipped f) {
                return f.outcome().task();
            }
            return null;
        }

        @Test
        void aThrowingListenerDoesNotBreakTheBuild() throws InterruptedException {
            BuildResult result = run(graph("a:do_b -> a:do_a"), config(new Recorder()).listener(event -> {
                throw new IllegalStateException("display broke");
            }).build());
            assertThat(result.success()).isTrue();
        }
    }

    @Nested
    class Logs {
        @Test
        void eachRunGetsItsLogFileFromTheLogPort(@TempDir Path dir) throws Exception {
            Spawner writing = request -> {
                Files.writeString(request.log().orElseThrow(), "compiling " + request.task().id() + "\n");
                return SpawnResult.success();
            };
            BuildResult result = run(graph("busybox:do_compile -> busybox:do_configure"),
                    config(writing).logs(TaskLogs.inDirectory(dir)).build());
            Path log = dir.resolve("busybox").resolve("log.do_compile");
            assertThat(outcome(result, "busybox:do_compile").log()).contains(log);
            assertThat(log).hasContent("compiling busybox:do_compile");
        }

        @Test
        void aLogThatCannotBeSetUpFailsTheTask() throws InterruptedException {
            Recorder spawner = new Recorder();
            TaskLogs broken = (task, signature) -> {
                throw new IOException("read-only file system");
            };
            BuildResult result = run(graph("a:do_a"), config(spawner).logs(broken).build());
            assertThat(outcome(result, "a:do_a").message())
                    .isEqualTo("could not set up the log of a:do_a: read-only file system");
            assertThat(spawner.order()).isEmpty();
        }

        @Test
        void withoutALogPortNoLogIsKept() throws InterruptedException {
            Recorder spawner = new Recorder();
            BuildResult result = run(graph("a:do_a"), config(spawner).build());
            assertThat(outcome(result, "a:do_a").log()).isEmpty();
            assertThat(spawner.requests).singleElement().satisfies(r -> assertThat(r.log()).isEmpty());
        }
    }

    @Nested
    class Validation {
        @Test
        void aCycleIsRejectedBeforeAnyTaskStartsAndPrinted() {
            TaskGraph g = graph("ok:do_a", "a:do_x -> b:do_y", "b:do_y -> c:do_z", "c:do_z -> a:do_x");
            Recorder spawner = new Recorder();
            assertThatThrownBy(() -> run(g, config(spawner).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the tasks to build have a dependency cycle: a:do_x -> b:do_y -> c:do_z -> a:do_x");
            assertThat(spawner.order()).isEmpty();
        }

        @Test
        void aCycleOutsideTheTargetsDoesNotMatter() throws InterruptedException {
            TaskGraph g = graph("ok:do_b -> ok:do_a", "a:do_x -> b:do_y", "b:do_y -> a:do_x");
            BuildResult result = Scheduler.create(config(new Recorder()).build())
                    .run(BuildRequest.builder(g, node -> "s").targets(id("ok:do_b")).build());
            assertThat(result.success()).isTrue();
        }

        @Test
        void badRequestsAndConfigurationsNameTheValue() {
            TaskGraph g = graph("a:do_a");
            assertThatThrownBy(() -> SchedulerConfig.builder(new Recorder()).workers(0))
                    .hasMessage("workers must be >= 1, was 0");
            assertThatThrownBy(() -> BuildRequest.builder(g, n -> "s").targets(id("zz:do_a")))
                    .hasMessage("target task 'zz:do_a' is not in the graph");
            assertThatThrownBy(() -> BuildRequest.builder(g, n -> "s").targets(3))
                    .hasMessage("target node 3 is not in the graph (0..0)");
            assertThatThrownBy(() -> Scheduler.create(config(new Recorder()).build())
                    .start(BuildRequest.builder(g, n -> "s").estimatedDuration(n -> -4).build()))
                    .hasMessage("estimated duration of a:do_a must be >= 0, was -4");
            assertThatThrownBy(() -> SpawnResult.failure(1, null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new SpawnResult(true, 3, ""))
                    .hasMessage("a success must have exit code 0, was 3");
        }

        @Test
        void anEmptyBuildFinishesAtOnce() throws InterruptedException {
            BuildResult result = run(TaskGraph.builder().build(), config(new Recorder()).workers(3).build());
            assertThat(result.outcomes()).isEmpty();
            assertThat(result.success()).isTrue();
        }

        @Test
        void theConfigurationRoundTripsThroughItsBuilder() {
            Recorder spawner = new Recorder();
            SchedulerConfig config = SchedulerConfig.builder(spawner).workers(5).keepGoing(true).build();
            SchedulerConfig copy = config.toBuilder().build();
            assertThat(copy.workers()).isEqualTo(5);
            assertThat(copy.keepGoing()).isTrue();
            assertThat(copy.spawner()).isSameAs(spawner);
            assertThat(config.toBuilder().workers(2).build().workers()).isEqualTo(2);
            assertThat(config.workers()).isEqualTo(5);
        }
    }
}
