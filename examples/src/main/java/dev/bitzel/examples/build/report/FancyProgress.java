package dev.bitzel.examples.build.report;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress display for a terminal, redrawn in place with ANSI escapes, in the shape of BitBake's knotty UI:
 *
 * <pre>
 * Currently 2 running tasks (12 of 47, 5 cached)  25% |##        | ETA 0:30
 * 0: hello-lib:do_compile - 3.2s
 * 1: gen-tool-native:do_install - 0.4s
 * </pre>
 *
 * <p>Events only update counters; the frame is drawn by {@link #tick()}, which a daemon thread calls ten times a
 * second once {@link #start()}ed, and which draws at most once per {@code minRedrawNanos} of the injected clock. Lines
 * that stay (a failed task, a note) are printed above the frame. Lines are cut to the terminal width so that the
 * cursor arithmetic of the redraw holds. Tests drive it without a terminal or a thread: events, then {@link #tick()}
 * with a fake clock, and read what the writer got.
 *
 * <p>Thread-safe.
 */
public final class FancyProgress implements ProgressDisplay {
    static final String HIDE_CURSOR = "\033[?25l";
    static final String SHOW_CURSOR = "\033[?25h";
    static final String CLEAR_TO_END = "\033[J";
    private static final int BAR = 10;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final int width;
    private final int maxTaskLines;
    private final long minRedrawNanos;

    private final Map<Integer, Running> running = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private int total;
    private int workers = 1;
    private int done;
    private int cached;
    private int failed;
    private int finishedRuns;
    private long finishedRunNanos;
    private long lastDraw;
    private boolean drawn;
    private int linesOnScreen;
    private boolean started;
    private boolean buildStarted;
    private boolean closed;
    private ScheduledExecutorService ticker;

    private record Running(TaskId task, long start) {
    }

    /**
     * Creates a display.
     *
     * @param err the terminal's writer; not null
     * @param clock nanosecond clock; not null
     * @param width terminal columns (lines are cut to one less); at least 20
     * @param maxTaskLines running tasks listed at most; at least 1
     * @param minRedrawNanos least time between two draws ({@code 100_000_000} for ten a second)
     */
    public FancyProgress(PrintWriter err, LongSupplier clock, int width, int maxTaskLines, long minRedrawNanos) {
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (width < 20) {
            throw new IllegalArgumentException("width must be >= 20, was " + width);
        }
        if (maxTaskLines < 1) {
            throw new IllegalArgumentException("maxTaskLines must be >= 1, was " + maxTaskLines);
        }
        if (minRedrawNanos < 0) {
            throw new IllegalArgumentException("minRedrawNanos must be >= 0, was " + minRedrawNanos);
        }
        this.width = width;
        this.maxTaskLines = maxTaskLines;
        this.minRedrawNanos = minRedrawNanos;
    }

    /**
     * The terminal width from {@code COLUMNS}, else 80.
     *
     * @param env the environment
     */
    public static int terminalWidth(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Math.max(20, Integer.parseInt(columns));
        }
        return 80;
    }

    @Override
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bitzel-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, Math.max(1, minRedrawNanos), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onEvent(BuildEvent event) {
        if (event instanceof BuildEvent.TaskStarted s) {
            long now = clock.getAsLong();
            synchronized (this) {
                running.put(s.node(), new Running(s.task().id(), now));
            }
        } else if (event instanceof BuildEvent.TaskFinished f) {
            ended(f.node(), f.outcome());
        } else if (event instanceof BuildEvent.TaskFailed f) {
            ended(f.node(), f.outcome());
        } else if (event instanceof BuildEvent.TaskSkipped s) {
            ended(s.node(), s.outcome());
        } else if (event instanceof BuildEvent.TaskNotStarted n) {
            ended(n.node(), n.outcome());
        } else if (event instanceof BuildEvent.TaskCancelled c) {
            ended(c.node(), c.outcome());
        } else if (event instanceof BuildEvent.BuildStarted s) {
            synchronized (this) {
                total = s.tasks();
                workers = Math.max(1, s.workers());
                buildStarted = true;
            }
        } else if (event instanceof BuildEvent.CacheLookupFailed f) {
            message(BuildWarnings.lookupFailed(f));
        } else if (event instanceof BuildEvent.CacheStoreFailed f) {
            message(BuildWarnings.storeFailed(f));
        }
    }

    private void ended(int node, TaskOutcome outcome) {
        long now = clock.getAsLong();
        synchronized (this) {
            done++;
            Running r = running.remove(node);
            if (r != null) {
                finishedRuns++;
                finishedRunNanos += Math.max(0, now - r.start());
            }
            if (outcome.status() == TaskStatus.CACHED) {
                cached++;
            } else if (outcome.status() == TaskStatus.FAILED) {
                failed++;
                pending.add(String.format(Locale.ROOT, "ERROR: Task (%s) failed with exit code '%d'", outcome.task(),
                        outcome.exitCode()));
            }
        }
    }

    @Override
    public synchronized void message(String line) {
        Objects.requireNonNull(line, "line");
        if (closed || !started) {
            err.println(line);
            err.flush();
            return;
        }
        pending.add(line);
        draw(clock.getAsLong());
    }

    /**
     * Redraws the frame if the build started and at least {@code minRedrawNanos} passed since the last draw (or
     * nothing was drawn yet).
     */
    public synchronized void tick() {
        if (closed || !buildStarted) {
            return;
        }
        long now = clock.getAsLong();
        if (drawn && now - lastDraw < minRedrawNanos) {
            return;
        }
        draw(now);
    }

    private void draw(long now) {
        StringBuilder out = new StringBuilder(256);
        if (!drawn) {
            out.append(HIDE_CURSOR);
        }
        eraseFrame(out);
        for (String line : pending) {
            out.append(line).append('\n');
        }
        pending.clear();
        List<String> frame = frame(now);
        for (String line : frame) {
            out.append(line).append('\n');
        }
        linesOnScreen = frame.size();
        drawn = true;
        lastDraw = now;
        err.print(out);
        err.flush();
    }

    private void eraseFrame(StringBuilder out) {
        out.append('\r');
        if (linesOnScreen > 0) {
            out.append("\033[").append(linesOnScreen).append('A');
        }
        out.append(CLEAR_TO_END);
    }

    /** The lines of the frame at {@code now}, each cut to the width; package-private for tests. */
    synchronized List<String> frame(long now) {
        List<String> lines = new ArrayList<>();
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        lines.add(cut(String.format(Locale.ROOT, "Currently %d running task%s (%d of %d, %d cached%s) %3d%% |%s%s| ETA %s",
                running.size(), running.size() == 1 ? "" : "s", done, total, cached,
                failed == 0 ? "" : ", " + failed + " failed", percent, "#".repeat(filled), " ".repeat(BAR - filled),
                eta())));
        int shown = running.size() <= maxTaskLines ? running.size() : maxTaskLines - 1;
        int i = 0;
        for (Running r : running.values()) {
            if (i == shown) {
                break;
            }
            lines.add(cut(i + ": " + r.task() + " - " + duration(now - r.start())));
            i++;
        }
        if (shown < running.size()) {
            lines.add(cut("... and " + (running.size() - shown) + " more"));
        }
        return lines;
    }

    /** The remaining time: mean time of the tasks that ended, times the remaining tasks, over the workers. */
    private String eta() {
        int remaining = total - done;
        if (remaining <= 0) {
            return "0:00";
        }
        if (finishedRuns == 0) {
            return "--:--";
        }
        double mean = (double) finishedRunNanos / finishedRuns;
        double seconds = mean * remaining / Math.max(1, Math.min(workers, remaining)) / 1e9;
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String duration(long nanos) {
        double seconds = Math.max(0, nanos) / 1e9;
        if (seconds < 10) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = (long) seconds;
        if (s < 60) {
            return s + "s";
        }
        return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
    }

    private String cut(String line) {
        return line.length() < width ? line : line.substring(0, width - 1);
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = ticker;
            StringBuilder out = new StringBuilder();
            if (drawn) {
                eraseFrame(out);
            }
            for (String line : pending) {
                out.append(line).append('\n');
            }
            pending.clear();
            linesOnScreen = 0;
            out.append(SHOW_CURSOR);
            err.print(out);
            err.flush();
        }
        if (t != null) {
            t.shutdownNow();
        }
    }
}
