package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.internal.python.HostAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records what evaluating a configuration learns from the host beyond the metadata files it parses: the files,
 * paths, directories, environment variables, commands and host facts its Python reaches, and the immediate
 * assignments whose value is the time ({@code DATE := "${@time.strftime(...)}"}). {@link ConfigCache} keeps a
 * configuration only while all of these still give the same answers, and re-computes the time-valued assignments.
 * A probed path is described when first probed; if the evaluation itself changed it (e.g. created
 * {@code HOSTTOOLS_DIR}), the configuration is evaluated once more (see {@link #changedHost}), and not cached if
 * that one changes the host too, since the next evaluation would see it changed.
 */
final class ConfigRecorder implements HostAccess.Recorder {
    /** An immediate assignment whose expansion read the clock and nothing else. */
    record TimedAssignment(String variable, String flag, String rawValue, String value, String file, int line) {
    }

    final List<String> filesRead = new ArrayList<>();
    final Map<String, String> probes = new LinkedHashMap<>();
    final Map<String, String> listings = new LinkedHashMap<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> commands = new LinkedHashMap<>();
    final Map<String, String> hostFacts = new LinkedHashMap<>();
    final List<TimedAssignment> timedAssignments = new ArrayList<>();
    private long clockReads;
    private long clockReadsAccounted;
    /** Why the configuration cannot be cached, or null. */
    private String uncacheable;

    @Override
    public void fileRead(String path) {
        filesRead.add(path);
    }

    @Override
    public void pathProbed(String path) {
        probes.computeIfAbsent(path, HostState::probe);
    }

    @Override
    public void directoryListed(String path) {
        listings.computeIfAbsent(path, HostState::listing);
    }

    @Override
    public void environmentRead(String name) {
        environment.computeIfAbsent(name, HostState::environment);
    }

    @Override
    public void commandRun(List<String> argv, String cwd, boolean mergeStderr, String result) {
        String key = HostState.commandKey(argv, cwd, mergeStderr);
        String before = commands.putIfAbsent(key, result);
        if (before != null && !before.equals(result)) {
            notCacheable("the command " + argv + " gave two different answers");
        }
    }

    @Override
    public void hostFact(String name, String value) {
        if (name.equals("os.getpid")) {
            notCacheable("it reads the process id");
        }
        hostFacts.putIfAbsent(name, value);
    }

    @Override
    public void clockRead() {
        clockReads++;
    }

    long clockReads() {
        return clockReads;
    }

    /** Records an immediate assignment whose expansion read the clock {@code reads} times. */
    void timedAssignment(TimedAssignment assignment, boolean onlyTheClock, long reads) {
        clockReadsAccounted += reads;
        if (!onlyTheClock) {
            notCacheable("the time-valued assignment " + assignment.variable() + " at " + assignment.file() + ":"
                    + assignment.line() + " also reads variables");
        }
        timedAssignments.add(assignment);
    }

    /** Marks the configuration as not cacheable, keeping the first reason. */
    void notCacheable(String reason) {
        if (uncacheable == null) {
            uncacheable = reason;
        }
    }

    /** Why the recorded evaluation cannot be cached, or null when it can. */
    /** Whether the evaluation changed a path or directory it had probed or listed (they read differently now). */
    boolean changedHost() {
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            if (!HostState.probe(probe.getKey()).equals(probe.getValue())) {
                return true;
            }
        }
        for (Map.Entry<String, String> listing : listings.entrySet()) {
            if (!HostState.listing(listing.getKey()).equals(listing.getValue())) {
                return true;
            }
        }
        return false;
    }

    String uncacheableReason() {
        if (uncacheable != null) {
            return uncacheable;
        }
        if (clockReads != clockReadsAccounted) {
            return "its Python read the clock outside immediate assignments";
        }
        return changedHost() ? "its evaluation changed a path it probed or a directory it listed" : null;
    }
}
