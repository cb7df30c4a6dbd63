package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.BuildEventListener;
import dev.bitzel.graph.scheduler.TaskOutcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Measures when each task of a build ran, for the profile, the chart and the summary: the scheduler's events carry
 * no timings, so the clock is read as they arrive.
 *
 * <p>Each task that a worker took gets a lane: the lowest lane free at its start. A worker runs one task at a time
 * and sends a task's end event before it takes the next, so at most as many lanes as workers are used and the
 * spans of one lane never overlap: the clock is read under the lock that hands out lanes, so a lane is taken again
 * only at a reading after the one that freed it. Tasks that never started (skipped, not started, cancelled before starting) get
 * no span.
 *
 * <p>Thread-safe; cheap per event (one short lock).
 */
public final class TaskTimeline implements BuildEventListener {
    private final LongSupplier clock;
    private final Map<Integer, Open> open = new HashMap<>();
    private final BitSet busyLanes = new BitSet();
    private final List<TaskSpan> spans = new ArrayList<>();
    private int workers;

    private record Open(TaskId task, int lane, long start) {
    }

    /**
     * Creates an empty timeline.
     *
     * @param clock nanosecond clock ({@code System::nanoTime} outside tests); not null
     */
    public TaskTimeline(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onEvent(BuildEvent event) {
        if (event instanceof BuildEvent.TaskStarted s) {
            synchronized (this) {
                long now = clock.getAsLong();
                int lane = busyLanes.nextClearBit(0);
                busyLanes.set(lane);
                open.put(s.node(), new Open(s.task().id(), lane, now));
            }
        } else if (event instanceof BuildEvent.TaskFinished f) {
            end(f.node(), f.outcome());
        } else if (event instanceof BuildEvent.TaskFailed f) {
            end(f.node(), f.outcome());
        } else if (event instanceof BuildEvent.TaskCancelled c) {
            end(c.node(), c.outcome());
        } else if (event instanceof BuildEvent.BuildStarted s) {
            synchronized (this) {
                workers = s.workers();
            }
        }
    }

    private void end(int node, TaskOutcome outcome) {
        synchronized (this) {
            long now = clock.getAsLong();
            Open o = open.remove(node);
            if (o == null) {
                return; // never started: settled without a worker
            }
            busyLanes.clear(o.lane());
            spans.add(new TaskSpan(node, o.task(), o.lane(), o.start(), Math.max(now, o.start()), outcome.status()));
        }
    }

    /** Returns the spans of the tasks that ended so far, by start time. */
    public synchronized List<TaskSpan> spans() {
        List<TaskSpan> copy = new ArrayList<>(spans);
        copy.sort(Comparator.comparingLong(TaskSpan::startNanos).thenComparingInt(TaskSpan::lane));
        return List.copyOf(copy);
    }

    /** Returns the number of workers the build announced, {@code 0} before it started. */
    public synchronized int workers() {
        return workers;
    }

    /** Returns the highest lane used plus one. */
    public synchronized int lanes() {
        int max = busyLanes.length();
        for (TaskSpan s : spans) {
            max = Math.max(max, s.lane() + 1);
        }
        return max;
    }
}
