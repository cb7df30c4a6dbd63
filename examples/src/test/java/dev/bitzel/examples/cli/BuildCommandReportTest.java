package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bitzel build}'s reporting options on a small build directory written by the test (two recipes of shell
 * tasks, one providing {@code virtual/thing}), run through the real pipeline: parse, graph, signatures, sandbox,
 * cache.
 */
class BuildCommandReportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    Path build;

    void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void layer() throws IOException {
        // Tasks run as an unprivileged sandbox user that must read the layer; JUnit's directory is private.
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        build = root.resolve("build");
        write("build/conf/bblayers.conf", "BBPATH = \"${TOPDIR}\"\nBBFILES ?= \"\"\nBBLAYERS = \"${TOPDIR}/../meta\"\n");
        write("build/conf/local.conf", "BB_NUMBER_THREADS = \"2\"\n");
        write("meta/conf/layer.conf", """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/*.bb"
                BBFILE_COLLECTIONS += "t"
                BBFILE_PATTERN_t = "^${LAYERDIR}/"
                BBFILE_PRIORITY_t = "5"
                LAYERSERIES_COMPAT_t = "x"
                LAYERSERIES_CORENAMES = "x"
                """);
        write("meta/conf/bitbake.conf", """
                PN = "${@bb.parse.vars_from_file(d.getVar('FILE', False),d)[0] or 'defaultpkgname'}"
                PV = "1.0"
                PR = "r0"
                PROVIDES = ""
                PROVIDES:prepend = "${PN} "
                TMPDIR = "${TOPDIR}/tmp"
                DL_DIR = "${TOPDIR}/downloads"
                WORKDIR = "${TMPDIR}/work/${PN}"
                T = "${WORKDIR}/temp"
                S = "${WORKDIR}/src"
                B = "${WORKDIR}/build"
                STAMP = "${TMPDIR}/stamps/${PN}"
                include conf/local.conf
                """);
        write("meta/classes/base.bbclass", """
                do_fetch() {
                	mkdir -p ${S}
                	echo "source of ${PN}" > ${S}/src.txt
                }
                do_fetch[dirs] = "${WORKDIR}"
                addtask fetch
                do_compile() {
                	cat ${S}/src.txt > out.txt
                }
                do_compile[dirs] = "${B}"
                do_compile[deptask] = "do_compile"
                addtask compile after do_fetch
                do_build[noexec] = "1"
                addtask build after do_compile
                """);
        write("meta/lib.bb", "PROVIDES += \"virtual/thing\"\n");
        write("meta/app.bb", "DEPENDS = \"lib\"\n");
    }

    MainTest.Run bitzel(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache-dir", root.resolve("cache").toString(), "build", "-d",
                build.toString()));
        all.addAll(List.of(args));
        return MainTest.run(all.toArray(String[]::new));
    }

    static List<JsonNode> events(Path file) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    static JsonNode actionSummary(List<JsonNode> events) {
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("lastMessage").asBoolean()).isTrue();
        return last.get("buildMetrics").get("actionSummary");
    }

    /** The count after "N executed" (or cached, noexec) in the Tasks Summary line. */
    static int count(String out, String what) {
        Matcher m = Pattern.compile("Tasks Summary: \\d+ tasks: .*?(\\d+) " + what).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void writesTheSummaryProfileChartAndBuildEventsAndAnUpToDateRebuildExecutesNothing() throws Exception {
        Path bep = root.resolve("out/bep.json");
        Path profile = root.resolve("out/profile.json");
        Path chart = root.resolve("out/chart.svg");
        MainTest.Run first = bitzel("--progress=plain", "--bep-json", bep.toString(), "--profile", profile.toString(),
                "--chart", chart.toString(), "--invocation-id", "3f2c1b7e-0000-4000-8000-000000000001", "app",
                "virtual/thing");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Tasks Summary: 6 tasks: 4 executed, 0 cached, 2 noexec, 0 failed",
                "Cache hits: 0 of 4 tasks (0.0%): 0 local, 0 remote; ran: 4 in the sandbox, 0 remote", "Phases: parse ",
                ", graph ", ", signatures ", ", execution ", "Slowest tasks:");
        assertThat(first.err()).contains("NOTE: Running task 1 of 6 (", "NOTE: profile written to " + profile,
                "NOTE: build chart written to " + chart).doesNotContain("\033[");

        List<JsonNode> events = events(bep);
        assertThat(events.get(0).get("started").get("uuid").asText()).isEqualTo("3f2c1b7e-0000-4000-8000-000000000001");
        assertThat(actionSummary(events).get("actionsExecuted").asLong()).isEqualTo(4);
        List<String> logs = events.stream().filter(e -> e.has("action"))
                .map(e -> e.get("action").get("primaryOutput").get("name").asText()).toList();
        assertThat(logs).hasSize(4).allSatisfy(log -> assertThat(Path.of(log)).exists());
        assertThat(logs).contains(build.resolve("tmp/work/lib/temp/log.do_compile").toString());
        Map<String, Boolean> targets = new HashMap<>();
        events.stream().filter(e -> e.has("completed")).forEach(e -> targets.put(
                e.get("id").get("targetCompleted").get("label").asText(), e.get("completed").get("success").asBoolean()));
        assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of("app", true, "virtual/thing", true));

        JsonNode trace = JSON.readTree(profile.toFile());
        List<String> tasks = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        trace.get("traceEvents").forEach(e -> {
            if (e.get("ph").asText().equals("X")) {
                (e.get("tid").asInt() == 0 ? phases : tasks).add(e.get("name").asText());
            }
        });
        assertThat(tasks).containsExactlyInAnyOrder("lib:do_fetch", "lib:do_compile", "lib:do_build", "app:do_fetch",
                "app:do_compile", "app:do_build");
        assertThat(phases).containsExactly("parse", "graph", "signatures", "prepare", "execution");

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document svg = f.newDocumentBuilder().parse(chart.toFile());
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int executed = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if (((Element) rects.item(i)).getAttribute("class").equals("task executed")) {
                executed++;
            }
        }
        assertThat(executed).isEqualTo(4);

        // TMPDIR is kept: every task is up to date by its stamp, nothing runs.
        Path again = root.resolve("out/bep2.json");
        MainTest.Run second = bitzel("--progress=plain", "--bep-json", again.toString(), "app", "virtual/thing");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(count(second.out(), "executed")).isZero();
        assertThat(count(second.out(), "cached")).isEqualTo(4);
        List<JsonNode> cached = events(again);
        assertThat(actionSummary(cached).path("actionsExecuted").asLong(0)).isZero();
        assertThat(cached).noneMatch(e -> e.has("action"));
        Map<String, Integer> runners = new HashMap<>();
        actionSummary(cached).get("runnerCount").forEach(r -> runners.put(r.get("name").asText(), r.get("count").asInt()));
        assertThat(runners).containsExactlyInAnyOrderEntriesOf(Map.of("disk cache hit", 4, "total", 4));
    }

    @Nested
    class BadOptions {
        @Test
        void anUnknownProgressModeIsBadInput() {
            MainTest.Run run = bitzel("--progress=loud", "app");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--progress must be auto, fancy or plain, was 'loud'");
        }

        @Test
        void anInvocationIdMustBeAUuid() {
            MainTest.Run run = bitzel("--bep-json", root.resolve("b.json").toString(), "--invocation-id", "nope", "app");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--invocation-id must be a UUID, was 'nope'");
        }

        @Test
        void aBesUrlMustBeGrpc() {
            MainTest.Run run = bitzel("--bes", "http://localhost:1", "app");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--bes: URL must start with grpc:// or grpcs://");
        }

        @Test
        void aBepFileThatCannotBeCreatedIsBadInputNamingIt() throws IOException {
            Path blocker = root.resolve("file");
            Files.writeString(blocker, "x");
            MainTest.Run run = bitzel("--bep-json", blocker.resolve("bep.json").toString(), "app");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--bep-json " + blocker.resolve("bep.json"));
        }

        @Test
        void aBadTargetStillFinishesTheBuildEventsAsACommandLineError() throws IOException {
            Path bep = root.resolve("bad.json");
            MainTest.Run run = bitzel("--bep-json", bep.toString(), "no-such-recipe");
            assertThat(run.exitCode()).isEqualTo(2);
            List<JsonNode> events = events(bep);
            JsonNode finished = events.stream().filter(e -> e.has("finished")).findFirst().orElseThrow();
            assertThat(finished.get("finished").get("exitCode").get("name").asText()).isEqualTo("COMMAND_LINE_ERROR");
        }
    }
}
