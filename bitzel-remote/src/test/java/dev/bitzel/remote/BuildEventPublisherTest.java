package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import dev.bitzel.remote.internal.proto.bep.BuildEvent;
import dev.bitzel.remote.internal.proto.bep.BuildEventId;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildEventPublisherTest {

    @TempDir
    Path tmp;

    Harness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new Harness(tmp.resolve("server"), 1 << 20, null, null);
    }

    @AfterEach
    void stop() throws IOException {
        harness.close();
    }

    static void publishABuild(BuildEventPublisher bep) throws Exception {
        bep.started("build", List.of("core-image-minimal"), Instant.ofEpochMilli(1_000));
        bep.progress("parsing\n", "");
        bep.actionExecuted("busybox:do_compile", "do_compile", "tmp/work/busybox/temp/log.do_compile", 0);
        bep.targetCompleted("busybox", true, List.of("tmp/deploy/ipk/busybox.ipk"));
        bep.finished(0, Instant.ofEpochMilli(5_000), new BuildEventPublisher.Metrics(10, 4, 3,
                Map.of("remote cache hit", 3, "sandbox", 1)));
    }

    static List<BuildEvent> parse(List<String> lines) throws Exception {
        List<BuildEvent> events = new ArrayList<>();
        for (String line : lines) {
            BuildEvent.Builder b = BuildEvent.newBuilder();
            JsonFormat.parser().merge(line, b);
            events.add(b.build());
        }
        return events;
    }

    /** Every event but the first was announced by an earlier one, everything announced came, the last says so. */
    static void assertCompleteChain(List<BuildEvent> events) {
        Set<BuildEventId> announced = new HashSet<>();
        Set<BuildEventId> posted = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            BuildEvent e = events.get(i);
            if (i > 0) {
                assertThat(announced).as("event %s announced before it came", e.getId()).contains(e.getId());
            }
            posted.add(e.getId());
            announced.addAll(e.getChildrenList());
        }
        assertThat(posted).containsAll(announced);
        assertThat(events.get(events.size() - 1).getLastMessage()).isTrue();
    }

    @Test
    void writesBazelSchemaJsonWithACompleteEventChainAndTheActionSummary() throws Exception {
        Path file = tmp.resolve("bep.json");
        try (BuildEventPublisher bep = BuildEventPublisher.builder("inv-json").jsonFile(file).build()) {
            publishABuild(bep);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("{\"id\":{\"started\":{}}");
        List<BuildEvent> events = parse(lines);
        assertCompleteChain(events);
        assertThat(events).anyMatch(e -> e.hasAction() && e.getAction().getType().equals("do_compile"));
        assertThat(events).anyMatch(e -> e.hasCompleted() && e.getId().getTargetCompleted().getLabel().equals("busybox"));
        BuildEvent metrics = events.get(events.size() - 1);
        assertThat(metrics.getBuildMetrics().getActionSummary().getActionsExecuted()).isEqualTo(4);
        assertThat(metrics.getBuildMetrics().getActionSummary().getRunnerCountList())
                .anyMatch(r -> r.getName().equals("remote cache hit") && r.getCount() == 3);
        assertThat(lines).anyMatch(l -> l.contains("\"buildMetrics\":{\"actionSummary\":{\"actionsCreated\":\"10\""));
    }

    @Test
    void streamsToABesWhichAcknowledgesEveryEventEvenAfterTransientFailures() throws Exception {
        harness.faults.fail("PublishBuildToolEventStream", 2, Status.UNAVAILABLE);
        Path file = tmp.resolve("bep.json");
        try (BuildEventPublisher bep = BuildEventPublisher.builder("inv-bes").jsonFile(file)
                .bes(harness.client(), Duration.ofSeconds(30)).build()) {
            publishABuild(bep);
        }
        List<BuildEvent> received = harness.services.bes().events("inv-bes");
        assertThat(received).isEqualTo(parse(Files.readAllLines(file)));
        assertCompleteChain(received);
        assertThat(harness.faults.count("PublishBuildToolEventStream")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aBesThatKeepsRefusingFailsTheBuildEventsClearly() throws Exception {
        harness.faults.fail("PublishBuildToolEventStream", 100, Status.PERMISSION_DENIED);
        try (BuildEventPublisher bep = BuildEventPublisher.builder("inv-denied")
                .bes(harness.client(), Duration.ofSeconds(30)).build()) {
            assertThatThrownBy(() -> publishABuild(bep)).isInstanceOf(RemoteException.class)
                    .hasMessageContaining("inv-denied").hasMessageContaining("PERMISSION_DENIED");
        }
    }

    @Test
    void anInterruptedBuildFinishesWithBazelsInterruptedExitCode() throws Exception {
        Path file = tmp.resolve("interrupted.json");
        try (BuildEventPublisher bep = BuildEventPublisher.builder("inv-int").jsonFile(file).build()) {
            bep.started("build", List.of("demo-image"), Instant.ofEpochMilli(1_000));
            bep.finished(8, Instant.ofEpochMilli(2_000), new BuildEventPublisher.Metrics(3, 1, 0, Map.of()));
        }
        List<BuildEvent> events = parse(Files.readAllLines(file));
        assertCompleteChain(events);
        BuildEvent finished = events.stream().filter(BuildEvent::hasFinished).findFirst().orElseThrow();
        assertThat(finished.getFinished().getOverallSuccess()).isFalse();
        assertThat(finished.getFinished().getExitCode().getCode()).isEqualTo(8);
        assertThat(finished.getFinished().getExitCode().getName()).isEqualTo("INTERRUPTED");
        assertThat(BuildEventPublisher.exitCodeName(2)).isEqualTo("COMMAND_LINE_ERROR");
        assertThat(BuildEventPublisher.exitCodeName(1)).isEqualTo("BUILD_FAILURE");
        assertThat(BuildEventPublisher.exitCodeName(42)).isEqualTo("EXIT_CODE_42");
    }

    @Test
    void eventsNeedStartedFirstAndNothingAfterFinished() throws Exception {
        try (BuildEventPublisher bep = BuildEventPublisher.builder("inv-order").jsonFile(tmp.resolve("x.json"))
                .build()) {
            assertThatThrownBy(() -> bep.progress("", "")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("started()");
            publishABuild(bep);
            assertThatThrownBy(() -> bep.progress("", "")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already finished");
        }
    }
}
