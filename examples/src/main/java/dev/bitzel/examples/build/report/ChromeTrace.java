package dev.bitzel.examples.build.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a build's profile as Chrome trace events ({@code --profile FILE}), the JSON object format with a
 * {@code traceEvents} array that Perfetto and {@code chrome://tracing} open: one complete event ({@code "ph":"X"},
 * {@code ts}/{@code dur} in microseconds since the command started) per task on its worker lane (thread id
 * {@code lane + 1}), the command's phases on lane 0, and metadata events naming the process and every lane.
 *
 * <p>Times are cut to whole microseconds by rounding both ends down, so spans that do not overlap in nanoseconds do
 * not overlap in the file either.
 */
public final class ChromeTrace {
    /** The process id all events carry. */
    static final int PID = 1;
    /** The thread id of the phases' lane. */
    static final int PHASE_TID = 0;

    private ChromeTrace() {
    }

    /**
     * Writes the trace.
     *
     * @param file the file to write (replaced)
     * @param title the process name shown, e.g. the command line
     * @param originNanos the clock reading that is time 0 (no span may start before it)
     * @param phases the command's phases
     * @param spans the tasks' spans
     * @param workers the build's worker count (lanes named even when idle)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, String title, long originNanos, List<PhaseSpan> phases,
            List<TaskSpan> spans, int workers) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode events = root.putArray("traceEvents");
        metadata(events, "process_name", PHASE_TID, "name", title);
        metadata(events, "thread_name", PHASE_TID, "name", "phases");
        sortIndex(events, PHASE_TID);
        int lanes = workers;
        for (TaskSpan s : spans) {
            lanes = Math.max(lanes, s.lane() + 1);
        }
        for (int lane = 0; lane < lanes; lane++) {
            metadata(events, "thread_name", lane + 1, "name", "worker " + lane);
            sortIndex(events, lane + 1);
        }
        for (PhaseSpan p : phases) {
            ObjectNode e = complete(events, p.name(), "phase", PHASE_TID, p.startNanos() - originNanos,
                    p.endNanos() - originNanos);
            e.putObject("args").put("seconds", String.format(Locale.ROOT, "%.3f", p.durationNanos() / 1e9));
        }
        for (TaskSpan s : spans) {
            ObjectNode e = complete(events, s.task().toString(), s.task().task(), s.lane() + 1,
                    s.startNanos() - originNanos, s.endNanos() - originNanos);
            ObjectNode args = e.putObject("args");
            args.put("recipe", s.task().recipe());
            args.put("task", s.task().task());
            args.put("status", s.status().name());
        }
        root.put("displayTimeUnit", "ms");
        ObjectNode other = root.putObject("otherData");
        other.put("tool", "bitzel");
        other.put("tasks", spans.size());
        other.put("workers", workers);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            mapper.writeValue(out, root);
        }
    }

    private static void metadata(ArrayNode events, String name, int tid, String key, String value) {
        ObjectNode e = events.addObject();
        e.put("name", name);
        e.put("ph", "M");
        e.put("pid", PID);
        e.put("tid", tid);
        e.putObject("args").put(key, value);
    }

    private static void sortIndex(ArrayNode events, int tid) {
        ObjectNode e = events.addObject();
        e.put("name", "thread_sort_index");
        e.put("ph", "M");
        e.put("pid", PID);
        e.put("tid", tid);
        e.putObject("args").put("sort_index", tid);
    }

    private static ObjectNode complete(ArrayNode events, String name, String category, int tid, long startNanos,
            long endNanos) {
        if (startNanos < 0) {
            throw new IllegalArgumentException(name + " starts before the trace's origin (" + startNanos + " ns)");
        }
        long ts = Math.floorDiv(startNanos, 1000);
        long end = Math.floorDiv(endNanos, 1000);
        ObjectNode e = events.addObject();
        e.put("name", name);
        e.put("cat", category);
        e.put("ph", "X");
        e.put("ts", ts);
        e.put("dur", end - ts);
        e.put("pid", PID);
        e.put("tid", tid);
        return e;
    }
}
