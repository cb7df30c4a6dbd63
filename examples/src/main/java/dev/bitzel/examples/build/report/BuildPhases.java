package dev.bitzel.examples.build.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Times the phases of a build command: each {@link #begin} ends the phase before it, so the command marks where
 * each phase starts with one call.
 *
 * <pre>{@code
 * phases.begin("parse");      // ... parse
 * phases.begin("graph");      // ... task graph
 * phases.end();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class BuildPhases {
    private final LongSupplier clock;
    private final List<PhaseSpan> done = new ArrayList<>();
    private String current;
    private long currentStart;

    /**
     * Creates a timer.
     *
     * @param clock nanosecond clock ({@code System::nanoTime} outside tests); not null
     */
    public BuildPhases(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ends the current phase, if any, and begins one.
     *
     * @param name the phase's name; not blank
     */
    public synchronized void begin(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name, was '" + name + "'");
        }
        long now = clock.getAsLong();
        endAt(now);
        current = name;
        currentStart = now;
    }

    /** Ends the current phase; does nothing when none is running. */
    public synchronized void end() {
        endAt(clock.getAsLong());
    }

    private void endAt(long now) {
        if (current != null) {
            done.add(new PhaseSpan(current, currentStart, Math.max(now, currentStart)));
            current = null;
        }
    }

    /** Returns the name of the running phase, or null. */
    public synchronized String current() {
        return current;
    }

    /** Returns the ended phases in order, and the running one as if it ended now. */
    public synchronized List<PhaseSpan> phases() {
        List<PhaseSpan> all = new ArrayList<>(done);
        if (current != null) {
            all.add(new PhaseSpan(current, currentStart, Math.max(clock.getAsLong(), currentStart)));
        }
        return List.copyOf(all);
    }
}
