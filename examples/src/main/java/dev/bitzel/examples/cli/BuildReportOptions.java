package dev.bitzel.examples.cli;

import dev.bitzel.examples.build.report.BepListener;
import dev.bitzel.examples.build.report.BuildReport;
import dev.bitzel.examples.build.report.FancyProgress;
import dev.bitzel.examples.build.report.PlainProgress;
import dev.bitzel.examples.build.report.ProgressMode;
import dev.bitzel.examples.build.report.TaskOrigins;
import dev.bitzel.remote.BuildEventPublisher;
import dev.bitzel.remote.Endpoint;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * The options of {@code bitzel build} that say what it shows and records besides the build itself: progress,
 * profile, chart, build events. {@link #open} makes the {@link BuildReport} from them.
 */
final class BuildReportOptions {

    @Option(names = "--progress", paramLabel = "MODE", description = "auto (default): a live display on a terminal, "
            + "plain lines otherwise (no console, TERM=dumb, or a CI variable set); fancy; plain.")
    String progress = "auto";

    @Option(names = "--profile", paramLabel = "FILE", description = "Write a Chrome trace-event profile of every "
            + "task and phase (open it in https://ui.perfetto.dev or chrome://tracing).")
    Path profile;

    @Option(names = "--chart", paramLabel = "FILE.svg", description = "Draw the tasks over time per worker as an "
            + "SVG chart, like BitBake's buildstats bootchart.")
    Path chart;

    @Option(names = "--bep-json", paramLabel = "FILE", description = "Write the Build Event Protocol as JSON lines, "
            + "as Bazel's --build_event_json_file does.")
    Path bepJson;

    @Option(names = "--bes", paramLabel = "URL", description = "Stream the build events to a Build Event Service "
            + "(grpc://HOST:PORT, e.g. bitzel serve), as Bazel's --bes_backend does.")
    String bes;

    @Option(names = "--invocation-id", paramLabel = "UUID", description = "The invocation's id in the build events "
            + "(default: a random UUID).")
    String invocationId;

    /**
     * Makes the report of one build command and publishes its {@code started} event.
     *
     * @throws UserInputException naming the option whose value is wrong or whose file cannot be created
     */
    BuildReport open(PrintWriter out, PrintWriter err, List<String> targets, String task, TaskOrigins origins) {
        Map<String, String> env = System.getenv();
        ProgressMode mode;
        try {
            mode = ProgressMode.parse(progress).resolve(System.console() != null, env);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        String id = invocationId != null ? invocationId : UUID.randomUUID().toString();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--invocation-id must be a UUID, was '" + id + "'");
        }
        BuildReport.Builder report = BuildReport.builder(out, err).targets(targets, task).origins(origins)
                .profile(profile).chart(chart).handleSignals(true)
                .progress(mode == ProgressMode.FANCY
                        ? new FancyProgress(err, System::nanoTime, FancyProgress.terminalWidth(env), 16, 100_000_000L)
                        : new PlainProgress(err));
        if (bepJson != null || bes != null) {
            BuildEventPublisher.Builder publisher = BuildEventPublisher.builder(id).jsonFile(bepJson);
            RemoteClient client = null;
            if (bes != null) {
                Endpoint endpoint;
                try {
                    endpoint = Endpoint.parse(bes);
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--bes: " + e.getMessage());
                }
                try {
                    client = RemoteClient.connect(RemoteOptions.builder(endpoint).invocationId(id).build());
                } catch (IOException e) {
                    throw new UserInputException("--bes " + bes + ": " + e.getMessage(), e);
                }
                publisher.bes(client, Duration.ofSeconds(60));
                report.closing(client);
                err.println("NOTE: Streaming build events to " + endpoint + ", invocation ID " + id);
            }
            try {
                Path parent = bepJson == null ? null : bepJson.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                report.events(new BepListener(publisher.build(), origins, Instant::now, Duration.ofSeconds(90)));
            } catch (IOException e) {
                if (client != null) {
                    client.close();
                }
                throw new UserInputException((bepJson != null ? "--bep-json " + bepJson : "--bes " + bes)
                        + ": cannot create it: " + describe(e), e);
            }
        }
        return report.build();
    }

    /** An I/O failure in words: the file system's reason, or the exception's kind and message. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
