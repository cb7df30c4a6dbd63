package dev.bitzel.remote;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.bitzel.remote.internal.client.BesStream;
import dev.bitzel.remote.internal.proto.bep.ActionExecuted;
import dev.bitzel.remote.internal.proto.bep.BuildEvent;
import dev.bitzel.remote.internal.proto.bep.BuildEventId;
import dev.bitzel.remote.internal.proto.bep.BuildFinished;
import dev.bitzel.remote.internal.proto.bep.BuildMetrics;
import dev.bitzel.remote.internal.proto.bep.BuildStarted;
import dev.bitzel.remote.internal.proto.bep.File;
import dev.bitzel.remote.internal.proto.bep.Progress;
import dev.bitzel.remote.internal.proto.bep.TargetComplete;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Publishes a build's events in Bazel's Build Event Protocol: to a JSON file like {@code --build_event_json_file}
 * (one event per line) and/or to a Build Event Service like {@code --bes_backend} (PublishBuildToolEventStream,
 * resending unacknowledged events on a new stream after a failure). Tools that read Bazel's BEP read these events.
 *
 * <pre>{@code
 * try (BuildEventPublisher bep = BuildEventPublisher.builder(invocationId).jsonFile(Path.of("bep.json")).build()) {
 *     bep.started("build", List.of("core-image-minimal"), Instant.now());
 *     bep.actionExecuted("busybox:do_compile", "do_compile", "tmp/work/busybox/compile.log", 0);
 *     bep.targetCompleted("busybox", true, List.of("tmp/deploy/ipk/busybox.ipk"));
 *     bep.finished(0, Instant.now(), new BuildEventPublisher.Metrics(120, 40, 80, Map.of("remote cache hit", 80)));
 * }
 * }</pre>
 *
 * <p>The events form a chain as Bazel's do: each event is announced as a child of an earlier one, so consumers can
 * tell a complete stream from a truncated one; the last event has {@code last_message} set. Thread-safe (events are
 * serialised).
 */
public final class BuildEventPublisher implements AutoCloseable {

    private final String invocationId;
    private final BufferedWriter json;
    private final BesStream bes;
    private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    private int progress;
    private boolean started;
    private boolean finished;

    private BuildEventPublisher(Builder b) throws IOException {
        this.invocationId = b.invocationId;
        this.json = b.jsonFile == null ? null : Files.newBufferedWriter(b.jsonFile, StandardCharsets.UTF_8);
        this.bes = b.bes == null ? null : b.bes.besStream(b.invocationId, b.besTimeout);
    }

    /** Returns a builder for an invocation's events; nothing is published until a sink is set. */
    public static Builder builder(String invocationId) {
        return new Builder(Objects.requireNonNull(invocationId, "invocationId"));
    }

    /**
     * Counters for the BuildMetrics event (its {@code action_summary}).
     *
     * @param actionsCreated actions the build knew of
     * @param actionsExecuted actions run or fetched from a remote cache (not local cache hits)
     * @param remoteCacheHits actions answered by a remote cache
     * @param runnerCounts how many actions each runner handled ("remote cache hit", "sandbox", ...)
     */
    public record Metrics(long actionsCreated, long actionsExecuted, long remoteCacheHits,
            Map<String, Integer> runnerCounts) {
        /** Copies the map. */
        public Metrics {
            runnerCounts = Map.copyOf(runnerCounts);
        }
    }

    private static BuildEventId progressId(int n) {
        return BuildEventId.newBuilder().setProgress(BuildEventId.ProgressId.newBuilder().setOpaqueCount(n)).build();
    }

    private static final BuildEventId FINISHED = BuildEventId.newBuilder()
            .setBuildFinished(BuildEventId.BuildFinishedId.getDefaultInstance()).build();
    private static final BuildEventId METRICS = BuildEventId.newBuilder()
            .setBuildMetrics(BuildEventId.BuildMetricsId.getDefaultInstance()).build();

    /**
     * The first event: the command and the patterns it builds.
     *
     * @throws IOException if a sink fails
     * @throws IllegalStateException if called twice
     */
    public synchronized void started(String command, List<String> patterns, Instant start)
            throws IOException, InterruptedException {
        if (started) {
            throw new IllegalStateException("started() was already published");
        }
        started = true;
        post(BuildEvent.newBuilder().setId(BuildEventId.newBuilder().setStarted(
                        BuildEventId.BuildStartedId.getDefaultInstance()))
                .addChildren(progressId(0)).addChildren(FINISHED)
                .setStarted(BuildStarted.newBuilder().setUuid(invocationId).setCommand(command)
                        .setStartTimeMillis(start.toEpochMilli()).setStartTime(ts(start))
                        .setBuildToolVersion("bitzel " + getClass().getPackage().getImplementationVersion())
                        .setOptionsDescription(String.join(" ", patterns)))
                .build());
    }

    /** Console output since the last progress event. */
    public synchronized void progress(String stdout, String stderr) throws IOException, InterruptedException {
        checkOpen();
        post(BuildEvent.newBuilder().setId(progressId(progress)).addChildren(progressId(++progress))
                .setProgress(Progress.newBuilder().setStdout(stdout).setStderr(stderr)).build());
    }

    /** An action ran (or was fetched from a remote cache). */
    public synchronized void actionExecuted(String label, String mnemonic, String primaryOutput, int exitCode)
            throws IOException, InterruptedException {
        checkOpen();
        BuildEventId id = BuildEventId.newBuilder().setActionCompleted(BuildEventId.ActionCompletedId.newBuilder()
                .setPrimaryOutput(primaryOutput).setLabel(label)).build();
        announce(id);
        post(BuildEvent.newBuilder().setId(id).setAction(ActionExecuted.newBuilder().setSuccess(exitCode == 0)
                .setExitCode(exitCode).setType(mnemonic).setLabel(label)
                .setPrimaryOutput(File.newBuilder().setName(primaryOutput).setUri("file://" + primaryOutput)))
                .build());
    }

    /** A target finished, with its output files. */
    public synchronized void targetCompleted(String label, boolean success, List<String> outputs)
            throws IOException, InterruptedException {
        checkOpen();
        BuildEventId id = BuildEventId.newBuilder().setTargetCompleted(BuildEventId.TargetCompletedId.newBuilder()
                .setLabel(label)).build();
        announce(id);
        TargetComplete.Builder t = TargetComplete.newBuilder().setSuccess(success);
        outputs.forEach(o -> t.addImportantOutput(File.newBuilder().setName(o).setUri("file://" + o)));
        post(BuildEvent.newBuilder().setId(id).setCompleted(t).build());
    }

    /**
     * The last events: BuildFinished and BuildMetrics. Waits for the BES to acknowledge everything.
     *
     * @param exitCode the command's exit code, named as Bazel names it: 0 {@code SUCCESS}, 1 {@code BUILD_FAILURE},
     *     2 {@code COMMAND_LINE_ERROR}, 8 {@code INTERRUPTED} (what a build stopped by Ctrl-C reports); other codes
     *     are named {@code EXIT_CODE_N}
     */
    public synchronized void finished(int exitCode, Instant finish, Metrics metrics)
            throws IOException, InterruptedException {
        checkOpen();
        // Close the progress chain, then the events started() announced.
        post(BuildEvent.newBuilder().setId(progressId(progress)).setProgress(Progress.getDefaultInstance()).build());
        post(BuildEvent.newBuilder().setId(FINISHED).addChildren(METRICS)
                .setFinished(BuildFinished.newBuilder().setOverallSuccess(exitCode == 0)
                        .setExitCode(BuildFinished.ExitCode.newBuilder().setCode(exitCode)
                                .setName(exitCodeName(exitCode)))
                        .setFinishTimeMillis(finish.toEpochMilli()).setFinishTime(ts(finish)))
                .build());
        BuildMetrics.ActionSummary.Builder summary = BuildMetrics.ActionSummary.newBuilder()
                .setActionsCreated(metrics.actionsCreated()).setActionsExecuted(metrics.actionsExecuted())
                .setRemoteCacheHits(metrics.remoteCacheHits());
        new TreeMap<>(metrics.runnerCounts()).forEach((name, count) -> summary.addRunnerCount(
                BuildMetrics.ActionSummary.RunnerCount.newBuilder().setName(name).setCount(count)));
        post(BuildEvent.newBuilder().setId(METRICS).setLastMessage(true)
                .setBuildMetrics(BuildMetrics.newBuilder().setActionSummary(summary)).build());
        finished = true;
        if (bes != null) {
            bes.finish();
        }
    }

    /** Bazel's name of an exit code (its {@code ExitCode} constants) for the codes Bitzel uses. */
    static String exitCodeName(int code) {
        return switch (code) {
            case 0 -> "SUCCESS";
            case 1 -> "BUILD_FAILURE";
            case 2 -> "COMMAND_LINE_ERROR";
            case 8 -> "INTERRUPTED";
            default -> "EXIT_CODE_" + code;
        };
    }

    private void announce(BuildEventId id) throws IOException, InterruptedException {
        post(BuildEvent.newBuilder().setId(progressId(progress)).addChildren(id).addChildren(progressId(++progress))
                .setProgress(Progress.getDefaultInstance()).build());
    }

    private void checkOpen() {
        if (!started) {
            throw new IllegalStateException("publish started() first");
        }
        if (finished) {
            throw new IllegalStateException("the build already finished");
        }
    }

    private void post(BuildEvent event) throws IOException, InterruptedException {
        if (json != null) {
            try {
                json.write(printer.print(event));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a build event cannot be printed: " + e.getMessage(), e);
            }
            json.newLine();
            json.flush();
        }
        if (bes != null) {
            bes.send(Any.pack(event));
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    /** Closes the sinks; a BES stream not yet finished is cancelled. */
    @Override
    public synchronized void close() throws IOException {
        if (json != null) {
            json.close();
        }
        if (bes != null) {
            bes.close();
        }
    }

    /** Configures a {@link BuildEventPublisher}. Not thread-safe. */
    public static final class Builder {
        private final String invocationId;
        private Path jsonFile;
        private RemoteClient bes;
        private Duration besTimeout = Duration.ofSeconds(60);

        private Builder(String invocationId) {
            this.invocationId = invocationId;
        }

        /** Writes the events to this file, one JSON object per line. */
        public Builder jsonFile(Path value) {
            this.jsonFile = value;
            return this;
        }

        /** Streams the events to the BES of this client's endpoint, waiting at most {@code timeout} for acks. */
        public Builder bes(RemoteClient client, Duration timeout) {
            this.bes = Objects.requireNonNull(client, "client");
            this.besTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Opens the sinks.
         *
         * @throws IOException if the JSON file cannot be created
         */
        public BuildEventPublisher build() throws IOException {
            return new BuildEventPublisher(this);
        }
    }
}
