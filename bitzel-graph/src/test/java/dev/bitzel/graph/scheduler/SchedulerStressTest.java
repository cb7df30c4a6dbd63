package dev.bitzel.graph.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.graph.TaskGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchedulerStressTest {

    @Nested
    class RandomGraphs {
        @Test
        void everyTaskRunsExactlyOnceAndOnlyAfterAllItsDependencies() throws InterruptedException {
            Random random = new Random(20261128);
            for (int round = 0; round < 30; round++) {
                TaskGraph g = TestGraphs.randomDag(random, 50 + random.nextInt(2000), 1 + random.nextInt(6));
                AtomicIntegerArray runs = new AtomicIntegerArray(g.size());
                AtomicIntegerArray done = new AtomicIntegerArray(g.size());
                List<String> violations = new ArrayList<>();
                Spawner checking = request -> {
                    int node = request.node();
                    g.graph().forEachSuccessor(node, dep -> {
                        if (done.get(dep) == 0) {
                            synchronized (violations) {
                                violations.add(g.task(node).id() + " ran before " + g.task(dep).id());
                            }
                        }
                    });
                    runs.incrementAndGet(node);
                    if (node % 3 == 0) {
                        Thread.yield();
                    }
                    done.set(node, 1);
                    return SpawnResult.success();
                };
                BuildResult result = Scheduler.create(SchedulerConfig.builder(checking).workers(4).build())
                        .run(BuildRequest.builder(g, node -> "s" + node).build());
                assertThat(violations).isEmpty();
                for (int node = 0; node < g.size(); node++) {
                    assertThat(runs.get(node)).as("runs of node %d in round %d", node, round).isEqualTo(1);
                }
                assertThat(result.summary().executed()).isEqualTo(g.size());
            }
        }

        @Test
        void oneWorkerAndManyWorkersGiveTheSameOutcomes() throws InterruptedException {
            Random random = new Random(7);
            for (int round = 0; round < 10; round++) {
                TaskGraph g = TestGraphs.randomDag(random, 300 + random.nextInt(500), 4);
                ConcurrentHashMap<String, Boolean> ignored = new ConcurrentHashMap<>();
                Spawner flaky = request -> request.node() % 37 == 5
                        ? SpawnResult.failure(1, "fails " + request.node()) : SpawnResult.success();
                ActionCache someHits = new ActionCache() {
                    @Override
                    public CacheLookup lookup(dev.bitzel.graph.TaskNode task, String signature) {
                        return signature.hashCode() % 11 == 3 ? CacheLookup.hit("h" + signature) : CacheLookup.miss();
                    }

                    @Override
                    public void store(dev.bitzel.graph.TaskNode task, String signature, SpawnResult result) {
                        ignored.put(signature, true);
                    }
                };
                BuildResult[] results = new BuildResult[3];
                int[] workers = {1, 2, 5};
                for (int i = 0; i < workers.length; i++) {
                    results[i] = Scheduler.create(SchedulerConfig.builder(flaky).workers(workers[i]).keepGoing(true)
                            .actionCache(someHits).build()).run(BuildRequest.builder(g, node -> "s" + node).build());
                }
                assertThat(results[0].summary().failed()).isPositive();
                assertThat(results[0].summary().skipped()).isPositive();
                assertThat(results[0].summary().cached()).isPositive();
                assertThat(results[1]).isEqualTo(results[0]);
                assertThat(results[2]).isEqualTo(results[0]);
            }
        }
    }
}
