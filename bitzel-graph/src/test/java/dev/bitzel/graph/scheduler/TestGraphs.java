package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Small task graphs and port doubles for the scheduler tests. */
final class TestGraphs {
    private TestGraphs() {
    }

    /**
     * A graph from lines {@code "r:do_a -> r:do_b r:do_c"} ("a depends on b and c") and single names for tasks
     * without dependencies; a {@code !} before a name marks the task noexec.
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

    /** A random DAG: each node depends on up to {@code maxDeps} lower-numbered nodes. */
    static TaskGraph randomDag(Random random, int size, int maxDeps) {
        TaskGraph.Builder b = TaskGraph.builder();
        for (int i = 0; i < size; i++) {
            b.task(new TaskNode(new TaskId("r" + i, "do_t"), Map.of()));
            int deps = i == 0 ? 0 : random.nextInt(Math.min(i, maxDeps) + 1);
            for (int k = 0; k < deps; k++) {
                b.edge(i, random.nextInt(i));
            }
        }
        return b.build();
    }

    static TaskId id(String text) {
        return TaskId.parse(text);
    }

    /** A signature per node: its name with a prefix. */
    static String signature(TaskGraph graph, int node) {
        return "sig-" + graph.task(node).id();
    }

    /** Records every event. */
    static final class Events implements BuildEventListener {
        final Queue<BuildEvent> all = new ConcurrentLinkedQueue<>();

        @Override
        public void onEvent(BuildEvent event) {
            all.add(event);
        }

        <T extends BuildEvent> List<T> of(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
