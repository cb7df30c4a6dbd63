package dev.bitzel.examples.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.TaskStatus;
import dev.bitzel.remote.BuildEventPublisher;
import dev.bitzel.remote.Endpoint;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteOptions;
import dev.bitzel.remote.RemoteServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build events of synthetic builds driven through the real scheduler, read back as Bazel's JSON. */
class BepListenerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path tmp;

    static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    /** Every event but the first was announced by an earlier one, everything announced came, the last says so. */
    static void assertCompleteChain(List<JsonNode> events) {
        Set<JsonNode> announced = new HashSet<>();
        Set<JsonNode> posted = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            if (i > 0) {
                assertThat(announced).as("event %s announced before it came", e.get("id")).contains(e.get("id"));
            } else {
                assertThat(e.get("id").has("started")).isTrue();
            }
            assertThat(posted.add(e.get("id"))).as("event %s posted once", e.get("id")).isTrue();
            e.path("children").forEach(announced::add);
        }
        assertThat(posted).containsAll(announced);
        assertThat(events.get(events.size() - 1).path("lastMessage").asBoolean()).isTrue();
    }

    static List<JsonNode> withPayload(List<JsonNode> events, String payload) {
        return events.stream().filter(e -> e.has(payload)).toList();
    }

    static JsonNode actionSummary(List<JsonNode> events) {
        return withPayload(events, "buildMetrics").get(0).get("buildMetrics").get("actionSummary");
    }

    static Map<String, Integer> runnerCounts(List<JsonNode> events) {
        Map<String, Integer> counts = new HashMap<>();
        actionSummary(events).path("runnerCount").forEach(r -> counts.put(r.get("name").asText(),
                r.path("count").asInt(0)));
        return counts;
    }

    static Path log(TaskId id) {
        return Path.of("/build/tmp/work", id.recipe(), "temp", "log." + id.task());
    }

    static final List<BuildTarget> TARGETS = List.of(
            new BuildTarget("image", Optional.of(TaskId.parse("image:do_build"))),
            new BuildTarget("lib:do_compile", Optional.of(TaskId.parse("lib:do_compile"))),
            new BuildTarget("virtual/unknown", Optional.empty()));

    /** Runs the demo-shaped build with this cache and spawner and publishes its events to a JSON file. */
    record Published(BuildResult result, List<JsonNode> events, List<String> lines) {
    }

    Published publish(SyntheticBuild.FixedCache cache, SyntheticBuild.Recorder spawner, TaskOrigins origins,
            int exitCode) throws Exception {
        TaskGraph g = SyntheticBuild.demo();
        Path file = tmp.resolve("bep-" + UUID.randomUUID() + ".json");
        BuildResult result;
        try (BepListener bep = new BepListener(BuildEventPublisher.builder("inv").jsonFile(file).build(), origins,
                () -> T0, Duration.ofSeconds(30))) {
            bep.started("build", List.of("image", "lib:do_compile", "virtual/unknown"));
            bep.prepare(TARGETS, id -> Optional.of(log(id)));
            result = SyntheticBuild.run(g, spawner, cache, 2, bep);
            bep.finished(exitCode < 0 ? (result.success() ? 0 : 1) : exitCode);
            assertThat(bep.error()).isEmpty();
        }
        List<String> lines = Files.readAllLines(file);
        return new Published(result, parse(lines), lines);
    }

    @Nested
    class Json {
        @Test
        void aMixedBuildReportsEachTaskThatRanItsTargetsAndTheActionSummary() throws Exception {
            SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
            cache.hits.add("sig-lib:do_fetch");
            cache.hits.add("sig-app:do_fetch");
            SyntheticBuild.Recorder spawner = new SyntheticBuild.Recorder();
            Published p = publish(cache, spawner, TaskOrigins.local(), -1);
            assertCompleteChain(p.events());
            assertThat(p.result().summary().executed()).isEqualTo(7);
            assertThat(p.result().summary().cached()).isEqualTo(2);
            assertThat(p.result().summary().noexec()).isEqualTo(3);

            List<JsonNode> actions = withPayload(p.events(), "action");
            assertThat(actions).extracting(e -> e.get("action").get("label").asText())
                    .containsExactlyInAnyOrderElementsOf(spawner.ran.stream().map(TaskId::toString).toList());
            for (JsonNode a : actions) {
                TaskId id = TaskId.parse(a.get("action").get("label").asText());
                assertThat(a.get("action").get("success").asBoolean()).isTrue();
                assertThat(a.get("action").get("type").asText()).isEqualTo(id.task());
                assertThat(a.get("action").get("primaryOutput").get("name").asText()).isEqualTo(log(id).toString());
                assertThat(a.get("id").get("actionCompleted").get("primaryOutput").asText())
                        .isEqualTo(log(id).toString());
            }

            List<JsonNode> targets = withPayload(p.events(), "completed");
            assertThat(targets).extracting(e -> e.get("id").get("targetCompleted").get("label").asText())
                    .containsExactly("image", "lib:do_compile", "virtual/unknown");
            assertThat(targets).allSatisfy(t -> assertThat(t.get("completed").get("success").asBoolean()).isTrue());

            JsonNode summary = actionSummary(p.events());
            assertThat(summary.get("actionsExecuted").asLong()).isEqualTo(p.result().summary().executed());
            assertThat(summary.get("actionsCreated").asLong()).isEqualTo(p.result().summary().tasks());
            assertThat(summary.path("remoteCacheHits").asLong(0)).isZero();
            assertThat(runnerCounts(p.events())).containsExactlyInAnyOrderEntriesOf(
                    Map.of("sandbox", 7, "disk cache hit", 2, "total", 9));
            JsonNode finished = withPayload(p.events(), "finished").get(0).get("finished");
            assertThat(finished.get("overallSuccess").asBoolean()).isTrue();
            assertThat(finished.get("exitCode").get("name").asText()).isEqualTo("SUCCESS");
            assertThat(p.events().get(0).get("started").get("optionsDescription").asText())
                    .isEqualTo("image lib:do_compile virtual/unknown");
        }

        @Test
        void aFullyCachedBuildExecutesNothing() throws Exception {
            SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
            TaskGraph g = SyntheticBuild.demo();
            for (int node = 0; node < g.size(); node++) {
                cache.hits.add(SyntheticBuild.signature(g, node));
            }
            SyntheticBuild.Recorder spawner = new SyntheticBuild.Recorder();
            Published p = publish(cache, spawner, TaskOrigins.local(), -1);
            assertCompleteChain(p.events());
            assertThat(spawner.ran).isEmpty();
            assertThat(withPayload(p.events(), "action")).isEmpty();
            // proto3 JSON leaves out zero: actionsExecuted is absent, which readers take as 0.
            assertThat(actionSummary(p.events()).path("actionsExecuted").asLong(0)).isZero();
            assertThat(runnerCounts(p.events())).containsExactlyInAnyOrderEntriesOf(
                    Map.of("disk cache hit", 9, "total", 9));
        }

        @Test
        void aFailedTaskIsAnUnsuccessfulActionAndItsTargetFails() throws Exception {
            SyntheticBuild.Recorder spawner = new SyntheticBuild.Recorder();
            spawner.failing.add(TaskId.parse("image:do_rootfs"));
            Published p = publish(new SyntheticBuild.FixedCache(), spawner, TaskOrigins.local(), -1);
            assertCompleteChain(p.events());
            JsonNode failed = withPayload(p.events(), "action").stream()
                    .filter(a -> a.get("action").get("label").asText().equals("image:do_rootfs")).findFirst()
                    .orElseThrow().get("action");
            assertThat(failed.path("success").asBoolean()).isFalse();
            assertThat(failed.get("exitCode").asInt()).isEqualTo(2);
            Map<String, Boolean> targets = new HashMap<>();
            withPayload(p.events(), "completed").forEach(t -> targets.put(
                    t.get("id").get("targetCompleted").get("label").asText(),
                    t.get("completed").path("success").asBoolean()));
            // An unresolved target succeeds only with the whole build.
            assertThat(targets).containsExactlyInAnyOrderEntriesOf(
                    Map.of("image", false, "lib:do_compile", true, "virtual/unknown", false));
            JsonNode summary = actionSummary(p.events());
            // 9 tasks ran: 8 succeeded, 1 failed.
            assertThat(summary.get("actionsExecuted").asLong()).isEqualTo(p.result().summary().executed() + 1);
            JsonNode finished = withPayload(p.events(), "finished").get(0).get("finished");
            assertThat(finished.path("overallSuccess").asBoolean()).isFalse();
            assertThat(finished.get("exitCode").get("code").asInt()).isEqualTo(1);
            assertThat(finished.get("exitCode").get("name").asText()).isEqualTo("BUILD_FAILURE");
        }

        @Test
        void remoteCacheHitsAreCountedApartFromLocalOnes() throws Exception {
            SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
            cache.hits.add("sig-lib:do_fetch");
            cache.hits.add("sig-app:do_fetch");
            TaskOrigins origins = outcome -> outcome.status() == TaskStatus.CACHED
                    ? outcome.cacheHandle().orElseThrow().contains("app:") ? TaskOrigin.REMOTE_CACHE_HIT
                    : TaskOrigin.DISK_CACHE_HIT
                    : TaskOrigin.SANDBOX;
            Published p = publish(cache, new SyntheticBuild.Recorder(), origins, -1);
            JsonNode summary = actionSummary(p.events());
            assertThat(summary.get("remoteCacheHits").asLong()).isEqualTo(1);
            assertThat(summary.get("actionsExecuted").asLong()).isEqualTo(7);
            assertThat(runnerCounts(p.events())).containsEntry("remote cache hit", 1).containsEntry("disk cache hit", 1)
                    .containsEntry("total", 9);
        }

        @Test
        void metricsOfNoBuildAreZeroAndAnInterruptIsBazelsInterrupted() throws Exception {
            Path file = tmp.resolve("none.json");
            try (BepListener bep = new BepListener(BuildEventPublisher.builder("inv").jsonFile(file).build(),
                    TaskOrigins.local(), () -> T0, Duration.ofSeconds(30))) {
                bep.started("build", List.of("x"));
                bep.finished(BepListener.INTERRUPTED);
                bep.finished(0);
            }
            List<JsonNode> events = parse(Files.readAllLines(file));
            assertCompleteChain(events);
            assertThat(withPayload(events, "finished")).singleElement()
                    .satisfies(f -> assertThat(f.get("finished").get("exitCode").get("name").asText())
                            .isEqualTo("INTERRUPTED"));
            assertThat(actionSummary(events).path("actionsCreated").asLong(0)).isZero();
        }

        @Test
        void eventsAfterCloseAreAnErrorNotACrash() throws Exception {
            BepListener bep = new BepListener(BuildEventPublisher.builder("inv").jsonFile(tmp.resolve("c.json"))
                    .build(), TaskOrigins.local(), () -> T0, Duration.ofSeconds(30));
            bep.started("build", List.of("x"));
            bep.close();
            bep.finished(0);
            assertThat(bep.error()).get().extracting(Throwable::getMessage).asString()
                    .contains("after the build events were closed");
        }
    }

    @Nested
    class Bes {
        @Test
        void streamsTheSameEventsToBitzelServesBesAsToTheFile() throws Exception {
            try (ContentStore store = Cas.open(tmp.resolve("cas"));
                    RemoteServer server = RemoteServer.builder(store).port(0).build().start()) {
                String id = UUID.randomUUID().toString();
                Path file = tmp.resolve("bes.json");
                TaskGraph g = SyntheticBuild.demo();
                SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
                cache.hits.add("sig-lib:do_fetch");
                BuildResult result;
                try (RemoteClient client = RemoteClient.connect(RemoteOptions.builder(
                        Endpoint.parse("grpc://localhost:" + server.port())).invocationId(id).build())) {
                    BepListener bep = new BepListener(BuildEventPublisher.builder(id).jsonFile(file)
                            .bes(client, Duration.ofSeconds(30)).build(), TaskOrigins.local(), () -> T0,
                            Duration.ofSeconds(60));
                    try {
                        bep.started("build", List.of("image"));
                        bep.prepare(List.of(TARGETS.get(0)), t -> Optional.of(log(t)));
                        result = SyntheticBuild.run(g, new SyntheticBuild.Recorder(), cache, 2, bep);
                        bep.finished(0);
                    } finally {
                        bep.close();
                    }
                    assertThat(bep.error()).isEmpty();
                }
                assertThat(server.buildEventInvocations()).contains(id);
                List<JsonNode> received = parse(server.buildEventsJson(id));
                assertThat(received).isEqualTo(parse(Files.readAllLines(file)));
                assertCompleteChain(received);
                assertThat(actionSummary(received).get("actionsExecuted").asLong())
                        .isEqualTo(result.summary().executed()).isEqualTo(8);
                assertThat(withPayload(received, "action")).hasSize(8);
            }
        }
    }
}
