package dev.bitzel.examples.build.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.scheduler.BuildResult;
import dev.bitzel.graph.scheduler.SpawnResult;
import dev.bitzel.graph.scheduler.Spawner;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The task timeline measured during a real scheduler build, written as a Chrome trace and as an SVG chart. */
class ProfileAndChartTest {
    @TempDir
    Path tmp;

    /** A build on three workers whose spawner yields, so tasks interleave; some cached, one failing. */
    record Built(BuildResult result, TaskTimeline timeline, BuildPhases phases, long origin) {
    }

    Built build(int workers) throws InterruptedException {
        SyntheticBuild.StepClock clock = new SyntheticBuild.StepClock(1_000);
        long origin = clock.getAsLong();
        BuildPhases phases = new BuildPhases(clock);
        TaskTimeline timeline = new TaskTimeline(clock);
        TaskGraph g = SyntheticBuild.demo();
        SyntheticBuild.FixedCache cache = new SyntheticBuild.FixedCache();
        cache.hits.add("sig-lib:do_fetch");
        cache.hits.add("sig-app:do_fetch");
        Spawner spawner = request -> {
            Thread.yield();
            return request.task().id().equals(TaskId.parse("image:do_rootfs")) ? SpawnResult.failure(1, "no space")
                    : SpawnResult.success();
        };
        phases.begin("parse");
        phases.begin("graph");
        phases.begin("execution");
        BuildResult result = SyntheticBuild.run(g, spawner, cache, workers, timeline);
        phases.end();
        return new Built(result, timeline, phases, origin);
    }

    @Nested
    class Timeline {
        @Test
        void everyStartedTaskHasOneSpanOnALaneBelowTheWorkerCountAndLanesNeverOverlap() throws Exception {
            Built b = build(3);
            List<TaskSpan> spans = b.timeline().spans();
            // Every task starts (keep-going; the failure is the last task before image:do_build, which is skipped).
            assertThat(spans).hasSize(b.result().outcomes().size() - b.result().summary().skipped());
            assertThat(spans).allSatisfy(s -> assertThat(s.lane()).isBetween(0, 2));
            assertThat(b.timeline().workers()).isEqualTo(3);
            for (TaskSpan s : spans) {
                assertThat(s.status()).isEqualTo(b.result().outcome(s.task()).orElseThrow().status());
            }
            assertNoOverlapPerLane(spans);
        }
    }

    static void assertNoOverlapPerLane(List<TaskSpan> spans) {
        Map<Integer, List<TaskSpan>> byLane = new HashMap<>();
        spans.forEach(s -> byLane.computeIfAbsent(s.lane(), k -> new ArrayList<>()).add(s));
        byLane.values().forEach(lane -> {
            lane.sort(Comparator.comparingLong(TaskSpan::startNanos));
            for (int i = 1; i < lane.size(); i++) {
                assertThat(lane.get(i).startNanos()).as("%s after %s", lane.get(i), lane.get(i - 1))
                        .isGreaterThanOrEqualTo(lane.get(i - 1).endNanos());
            }
        });
    }

    @Nested
    class Profile {
        @Test
        void isATraceEventFileWithOneCompleteEventPerTaskOnItsLanePhasesOnTheirOwnAndNamedLanes() throws Exception {
            Built b = build(3);
            Path file = tmp.resolve("out/profile.json");
            List<TaskSpan> spans = b.timeline().spans();
            ChromeTrace.write(file, "bitzel build demo", b.origin(), b.phases().phases(), spans, 3);
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            JsonNode events = root.get("traceEvents");
            assertThat(events.isArray()).isTrue();
            List<JsonNode> complete = new ArrayList<>();
            Map<Integer, String> threadNames = new HashMap<>();
            for (JsonNode e : events) {
                assertThat(e.get("pid").asInt()).isEqualTo(1);
                switch (e.get("ph").asText()) {
                    case "X" -> complete.add(e);
                    case "M" -> {
                        if (e.get("name").asText().equals("thread_name")) {
                            threadNames.put(e.get("tid").asInt(), e.get("args").get("name").asText());
                        } else if (e.get("name").asText().equals("process_name")) {
                            assertThat(e.get("args").get("name").asText()).isEqualTo("bitzel build demo");
                        }
                    }
                    default -> throw new AssertionError("unexpected event " + e);
                }
            }
            assertThat(threadNames).containsEntry(0, "phases").containsEntry(1, "worker 0")
                    .containsEntry(2, "worker 1").containsEntry(3, "worker 2").hasSize(4);
            List<JsonNode> phases = complete.stream().filter(e -> e.get("tid").asInt() == 0).toList();
            assertThat(phases).extracting(e -> e.get("name").asText()).containsExactly("parse", "graph", "execution");
            List<JsonNode> tasks = complete.stream().filter(e -> e.get("tid").asInt() > 0).toList();
            assertThat(tasks).hasSize(spans.size());
            Set<String> names = new HashSet<>();
            for (JsonNode t : tasks) {
                names.add(t.get("name").asText());
                TaskId id = TaskId.parse(t.get("name").asText());
                assertThat(t.get("cat").asText()).isEqualTo(id.task());
                assertThat(t.get("args").get("status").asText())
                        .isEqualTo(b.result().outcome(id).orElseThrow().status().name());
                assertThat(t.get("ts").asLong()).isNotNegative();
                assertThat(t.get("dur").asLong()).isNotNegative();
            }
            assertThat(names).hasSize(spans.size());
            Map<Integer, List<long[]>> lanes = new HashMap<>();
            for (JsonNode e : complete) {
                long ts = e.get("ts").asLong();
                lanes.computeIfAbsent(e.get("tid").asInt(), k -> new ArrayList<>())
                        .add(new long[] {ts, ts + e.get("dur").asLong()});
            }
            lanes.forEach((tid, list) -> {
                list.sort(Comparator.comparingLong(a -> a[0]));
                for (int i = 1; i < list.size(); i++) {
                    assertThat(list.get(i)[0]).as("lane %d event %d", tid, i).isGreaterThanOrEqualTo(list.get(i - 1)[1]);
                }
            });
            assertThat(root.get("displayTimeUnit").asText()).isEqualTo("ms");
        }

        @Test
        void spansNotOverlappingInNanosecondsDoNotOverlapInMicroseconds() throws Exception {
            TaskId a = TaskId.parse("a:do_x");
            TaskId c = TaskId.parse("c:do_x");
            // 1.999 µs to 2.5005 µs, then 2.5005 µs to 3.2 µs on the same lane.
            List<TaskSpan> spans = List.of(new TaskSpan(0, a, 0, 1_999, 2_500, TaskStatus.EXECUTED),
                    new TaskSpan(1, c, 0, 2_500, 3_200, TaskStatus.EXECUTED));
            Path file = tmp.resolve("rounding.json");
            ChromeTrace.write(file, "t", 0, List.of(), spans, 1);
            List<JsonNode> x = new ArrayList<>();
            new ObjectMapper().readTree(file.toFile()).get("traceEvents").forEach(e -> {
                if (e.get("ph").asText().equals("X")) {
                    x.add(e);
                }
            });
            assertThat(x).hasSize(2);
            assertThat(x.get(0).get("ts").asLong() + x.get(0).get("dur").asLong())
                    .isLessThanOrEqualTo(x.get(1).get("ts").asLong());
        }
    }

    @Nested
    class Chart {
        Document parse(String svg) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        }

        List<Element> rects(Document doc, String cls) {
            NodeList all = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < all.getLength(); i++) {
                Element e = (Element) all.item(i);
                if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Test
        void isWellFormedSvgWithOneRectPerExecutedTaskAndOnePerStartedTask() throws Exception {
            Built b = build(2);
            Path file = tmp.resolve("chart/build.svg");
            BuildChart.write(file, "bitzel build demo", b.timeline().spans(), 2);
            Document doc = parse(Files.readString(file));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(rects(doc, "executed")).hasSize(b.result().summary().executed());
            assertThat(rects(doc, "cached")).hasSize(b.result().summary().cached());
            assertThat(rects(doc, "failed")).hasSize(b.result().summary().failed());
            assertThat(rects(doc, "task")).hasSize(b.timeline().spans().size());
            assertThat(rects(doc, "lane")).hasSize(2);
            for (Element r : rects(doc, "task")) {
                assertThat(Double.parseDouble(r.getAttribute("x"))).isGreaterThanOrEqualTo(BuildChart.LEFT);
                assertThat(Double.parseDouble(r.getAttribute("x")) + Double.parseDouble(r.getAttribute("width")))
                        .isLessThanOrEqualTo(BuildChart.LEFT + BuildChart.PLOT_WIDTH + 0.5);
                assertThat(r.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength()).isOne();
            }
            // Executed compile tasks share their type's colour; the failed task is red.
            assertThat(rects(doc, "executed")).filteredOn(r -> r.getTextContent().startsWith("lib:do_compile"))
                    .singleElement().satisfies(r -> assertThat(r.getAttribute("fill"))
                            .isEqualTo(BuildChart.typeColour("do_compile")));
            assertThat(rects(doc, "failed")).singleElement()
                    .satisfies(r -> assertThat(r.getAttribute("fill")).isEqualTo("#d62728"));
        }

        @Test
        void escapesNamesAndTitleSoAnyTextStaysWellFormed() throws Exception {
            TaskId odd = new TaskId("a<b>&\"c'", "do_x&y");
            String title = "bitzel build a<b>&\"c' \u0001 \uD800";
            List<TaskSpan> spans = List.of(new TaskSpan(0, odd, 0, 0, 2_000_000_000L, TaskStatus.EXECUTED));
            Document doc = parse(BuildChart.svg(title, spans, 1));
            assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                    .isEqualTo("bitzel build a<b>&\"c' \uFFFD \uFFFD");
            assertThat(rects(doc, "executed")).singleElement()
                    .satisfies(r -> assertThat(r.getTextContent()).startsWith("a<b>&\"c':do_x&y (executed)"));
            assertThat(BuildChart.escape("<&>\"'")).isEqualTo("&lt;&amp;&gt;&quot;&apos;");
        }

        @Test
        void anEmptyBuildStillDrawsItsLanesAndAxis() throws Exception {
            Document doc = parse(BuildChart.svg("nothing", List.of(), 3));
            assertThat(rects(doc, "lane")).hasSize(3);
            assertThat(rects(doc, "task")).isEmpty();
        }

        @Test
        void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
            assertThat(BuildChart.tickStep(0.5)).isEqualTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(BuildChart.tickStep(13)).isEqualTo(2.0);
            assertThat(BuildChart.tickStep(100)).isEqualTo(10.0);
            assertThat(BuildChart.tickStep(4000)).isEqualTo(500.0);
        }
    }
}
