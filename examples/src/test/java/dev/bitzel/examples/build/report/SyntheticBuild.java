package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.ActionCache;
import dev.bitzel.graph.scheduler.BuildEventListener;
import dev.bitzel.graph.scheduler.BuildRequest;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.Scheduler;
import dev.bitzel.graph.scheduler.SchedulerConfig;
import dev.bitzel.graph.scheduler.SpawnRequest;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.graph.scheduler.Spawner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Task graphs, port doubles and a fake clock for driving the real scheduler in the report tests. */
final class SyntheticBuild {
    private SyntheticBuild() {
    }

    /**
     * A graph from lines {@code "r:do_a -> r:do_b r:do_c"} ("a depends on b and c") and single names; a {@code !}
     * before a name marks the task noexec.
     */
    static TaskGraph graph(String... lines) {
        TaskGraph.Builder b = TaskGraph.builder();
        List<String[]> edges = new ArrayList<>();
        for (String line : lines) {
            String[] sides = line.split("->");
            String from = add(b, sides[0].trim());
            if (sides.length > 1) {
                for (String to : sides[1].trim().split("\\s+")) {
                    edges.add(new String[] {from, add(b, to)});
                }
            }
        }
        for (String[] e : edges) {
            b.edge(TaskId.parse(e[0]), TaskId.parse(e[1]));
        }
        return b.build();
    }

    private static String add(TaskGraph.Builder b, String text) {
        boolean noexec = text.startsWith("!");
        String name = noexec ? text.substring(1) : text;
        TaskId id = TaskId.parse(name);
        if (b.indexOf(id) < 0) {
            b.task(new TaskNode(id, noexec ? Map.of("noexec", "1") : Map.of()));
        }
        return name;
    }

    /** A small recipe set in the demo's shape: a library, an application on it, an image; do_build noexec. */
    static TaskGraph demo() {
        return graph(
                "lib:do_unpack -> lib:do_fetch",
                "lib:do_compile -> lib:do_unpack",
                "lib:do_install -> lib:do_compile",
                "!lib:do_build -> lib:do_install",
                "app:do_unpack -> app:do_fetch",
                "app:do_compile -> app:do_unpack lib:do_install",
                "app:do_install -> app:do_compile",
                "!app:do_build -> app:do_install",
                "image:do_rootfs -> app:do_install lib:do_install",
                "!image:do_build -> image:do_rootfs");
    }

    static String signature(TaskGraph g, int node) {
        return "sig-" + g.task(node).id();
    }

    /** A spawner that records what ran and fails the named tasks with exit code 2. */
    static final class Recorder implements Spawner {
        final Queue<TaskId> ran = new ConcurrentLinkedQueue<>();
        final Set<TaskId> failing = ConcurrentHashMap.newKeySet();

        @Override
        public SpawnResult spawn(SpawnRequest request) {
            ran.add(request.task().id());
            return failing.contains(request.task().id()) ? SpawnResult.failure(2, "exit 2 in " + request.task().id())
                    : SpawnResult.success();
        }
    }

    /** A cache whose hits are fixed by signature; handles are the signatures. */
    static final class FixedCache implements ActionCache {
        final Set<String> hits = ConcurrentHashMap.newKeySet();

        @Override
        public CacheLookup lookup(TaskNode task, String signature) {
            return hits.contains(signature) ? CacheLookup.hit("h-" + signature) : CacheLookup.miss();
        }

        @Override
        public void store(TaskNode task, String signature, SpawnResult result) {
            // Results are not kept: each test says what hits.
        }
    }

    /** A clock that advances by a fixed step at every reading (never assert on it: it only orders events). */
    static final class StepClock implements java.util.function.LongSupplier {
        private final AtomicLong now = new AtomicLong(1_000_000_000L);
        private final long step;

        StepClock(long step) {
            this.step = step;
        }

        @Override
        public long getAsLong() {
            return now.addAndGet(step);
        }
    }

    /** Runs a whole build with these ports. */
    static BuildResult run(TaskGraph g, Spawner spawner, ActionCache cache, int workers, BuildEventListener listener)
            throws InterruptedException {
        SchedulerConfig config = SchedulerConfig.builder(spawner).workers(workers).keepGoing(true).actionCache(cache)
                .listener(listener).build();
        return Scheduler.create(config).run(BuildRequest.builder(g, node -> signature(g, node)).build());
    }
}
