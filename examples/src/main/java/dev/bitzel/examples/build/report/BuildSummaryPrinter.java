package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.BuildSummary;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The summary at the end of a build: counts per status (BitBake's "Tasks Summary"), cache hits local and remote,
 * time per phase and the slowest tasks.
 *
 * <pre>
 * Tasks Summary: 47 tasks: 30 executed, 12 cached, 5 noexec, 0 failed, 0 skipped, 0 not started, 0 cancelled; 12.34 s
 * Cache hits: 12 of 42 tasks (28.6%): 12 local, 0 remote; ran: 30 in the sandbox, 0 remote
 * Phases: parse 1.20 s, graph 0.30 s, signatures 0.10 s, prepare 0.01 s, execution 12.34 s; total 13.95 s
 * Slowest tasks:
 *     3.20 s  hello-lib:do_compile
 * </pre>
 */
public final class BuildSummaryPrinter {
    /** How many of the slowest tasks are listed. */
    public static final int SLOWEST = 5;

    private BuildSummaryPrinter() {
    }

    /**
     * Counts the results by origin: how many executed tasks ran where, and where cached results came from.
     *
     * @param result the build's result
     * @param origins classifies executed and cached tasks
     */
    public static Map<TaskOrigin, Integer> origins(BuildResult result, TaskOrigins origins) {
        Map<TaskOrigin, Integer> counts = new EnumMap<>(TaskOrigin.class);
        for (TaskOrigin o : TaskOrigin.values()) {
            counts.put(o, 0);
        }
        for (TaskOutcome outcome : result.outcomes()) {
            if (outcome.status() == TaskStatus.EXECUTED || outcome.status() == TaskStatus.CACHED) {
                counts.merge(origins.of(outcome), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Prints the summary.
     *
     * @param out where it goes
     * @param result the build's result
     * @param executionNanos the execution phase's duration
     * @param phases the phases of the command
     * @param spans the tasks' times
     * @param origins classifies executed and cached tasks
     */
    public static void print(PrintWriter out, BuildResult result, long executionNanos, List<PhaseSpan> phases,
            List<TaskSpan> spans, TaskOrigins origins) {
        BuildSummary s = result.summary();
        out.printf(Locale.ROOT, "Tasks Summary: %d tasks: %d executed, %d cached, %d noexec, %d failed, %d skipped, "
                + "%d not started, %d cancelled; %.2f s%n", s.tasks(), s.executed(), s.cached(), s.noexec(),
                s.failed(), s.skipped(), s.notStarted(), s.cancelled(), executionNanos / 1e9);
        Map<TaskOrigin, Integer> by = origins(result, origins);
        int needed = s.executed() + s.cached() + s.failed();
        out.printf(Locale.ROOT, "Cache hits: %d of %d tasks (%.1f%%): %d local, %d remote; ran: %d in the sandbox, "
                + "%d remote%n", s.cached(), needed, needed == 0 ? 0.0 : 100.0 * s.cached() / needed,
                by.get(TaskOrigin.DISK_CACHE_HIT), by.get(TaskOrigin.REMOTE_CACHE_HIT), by.get(TaskOrigin.SANDBOX),
                by.get(TaskOrigin.REMOTE));
        if (!phases.isEmpty()) {
            StringJoiner line = new StringJoiner(", ", "Phases: ", "");
            long sum = 0;
            for (PhaseSpan p : phases) {
                line.add(String.format(Locale.ROOT, "%s %.2f s", p.name(), p.durationNanos() / 1e9));
                sum += p.durationNanos();
            }
            out.printf(Locale.ROOT, "%s; total %.2f s%n", line, sum / 1e9);
        }
        List<TaskSpan> slowest = slowest(spans, SLOWEST);
        if (!slowest.isEmpty()) {
            out.println("Slowest tasks:");
            for (TaskSpan span : slowest) {
                out.printf(Locale.ROOT, "  %8.2f s  %s%s%n", span.durationNanos() / 1e9, span.task(),
                        span.status() == TaskStatus.EXECUTED ? "" : " (" + span.status().name().toLowerCase(Locale.ROOT)
                                + ")");
            }
        }
        out.flush();
    }

    /** The {@code n} longest spans, longest first (ties by task name). */
    public static List<TaskSpan> slowest(List<TaskSpan> spans, int n) {
        List<TaskSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(TaskSpan::durationNanos).reversed()
                .thenComparing(span -> span.task().toString()));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }
}
