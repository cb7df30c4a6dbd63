package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.RemoteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bitzel build} end to end on a copy of the demo layers: the demo image builds from scratch with every task
 * sandboxed, a second build after deleting {@code TMPDIR} runs nothing (every task a cache hit) and yields the same
 * image byte for byte, and editing one source file re-runs exactly the tasks downstream of it.
 *
 * <p>The copy lives under {@code target/} rather than {@code /tmp}: the sandbox gives every task a private
 * {@code /tmp}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuildCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "Tasks Summary: (\\d+) tasks: (\\d+) executed, (\\d+) cached, (\\d+) noexec, (\\d+) failed");
    private static final Pattern RUNNING = Pattern.compile("NOTE: Running task \\d+ of \\d+ \\((\\S+)\\)");
    private static final Pattern CACHED = Pattern.compile("NOTE: (\\S+): cached");

    private Path top;
    private Path build;
    private Path cache;
    private byte[] firstImage;

    @BeforeAll
    void copyTheDemo() throws IOException, InterruptedException {
        top = copyDemo("build-e2e-");
        build = top.resolve("build");
        cache = top.resolve("cache");
    }

    /**
     * Copies the demo layers and build configuration to a fresh directory under {@code target/} and creates the demo's
     * local git sources there.
     *
     * @return the copy's top directory, holding {@code layers/} and {@code build/conf}
     */
    static Path copyDemo(String prefix) throws IOException, InterruptedException {
        Path top = Path.of("target", prefix + UUID.randomUUID()).toAbsolutePath();
        Path examples = ParserCommandsTest.DEMO.getParent();
        copyTree(examples.resolve("layers"), top.resolve("layers"));
        copyTree(examples.resolve("build/conf"), top.resolve("build/conf"));
        Files.copy(examples.resolve("build/make-demo-sources"), top.resolve("build/make-demo-sources"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Process p = new ProcessBuilder("sh", top.resolve("build/make-demo-sources").toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return top;
    }

    @AfterAll
    void removeTheCopy() throws IOException {
        deleteTree(top);
    }

    private record Outcome(MainTest.Run run, int tasks, int executed, int cached, int noexec, Set<String> ran) {
    }

    private Outcome build() {
        MainTest.Run run = MainTest.run("--cache-dir", cache.toString(), "build", "-d", build.toString(),
                "demo-image");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher m = SUMMARY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        Set<String> started = new TreeSet<>();
        Matcher r = RUNNING.matcher(run.err());
        while (r.find()) {
            started.add(r.group(1));
        }
        Matcher c = CACHED.matcher(run.err());
        while (c.find()) {
            started.remove(c.group(1));
        }
        started.remove("demo-image:do_build"); // noexec
        return new Outcome(run, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), started);
    }

    private Path image() {
        return build.resolve("tmp/deploy/images/demo-x86-64/demo-image-demo-x86-64.rootfs.tar");
    }

    @Test
    @Order(1)
    void theDemoImageBuildsFromScratchAndWorks() throws Exception {
        Outcome first = build();
        assertThat(first.tasks()).isEqualTo(47);
        assertThat(first.executed()).isEqualTo(46);
        assertThat(first.cached()).isZero();
        assertThat(first.noexec()).isEqualTo(1);
        firstImage = Files.readAllBytes(image());
        Path rootfs = top.resolve("rootfs");
        Files.createDirectories(rootfs);
        Process untar = new ProcessBuilder("tar", "-C", rootfs.toString(), "-xf", image().toString()).start();
        assertThat(untar.waitFor()).isZero();
        assertThat(rootfs.resolve("usr/share/greeting/greeting.txt")).hasContent("Hello, world!");
        assertThat(rootfs.resolve("usr/include/hello.h")).exists();
        assertThat(Files.readSymbolicLink(rootfs.resolve("usr/lib/libhello.so"))).isEqualTo(Path.of("libhello.so.1"));
        ProcessBuilder app = new ProcessBuilder(rootfs.resolve("usr/bin/hello-app").toString());
        app.environment().put("LD_LIBRARY_PATH", rootfs.resolve("usr/lib").toString());
        Process run = app.start();
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).isZero();
        // libhello from the recipe sysroot, the version header from the -native tool, the bbappend's version
        assertThat(said).isEqualTo("Hello from libhello (hello-app 1.0-extra)\n");
        Process greeter = new ProcessBuilder("sh", rootfs.resolve("usr/bin/greeter").toString()).start();
        assertThat(new String(greeter.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Hello");
        assertThat(greeter.waitFor()).isZero();
    }

    @Test
    @Order(2)
    void aBuildAfterDeletingTmpdirRunsNothingAndYieldsTheSameImage() throws Exception {
        deleteTree(build.resolve("tmp"));
        Outcome second = build();
        assertThat(second.executed()).as(second.run().err()).isZero();
        assertThat(second.cached()).isEqualTo(46);
        assertThat(second.ran()).isEmpty();
        assertThat(Files.readAllBytes(image())).isEqualTo(firstImage);
    }

    @Test
    @Order(3)
    void aBuildWithNothingChangedRunsNothing() {
        Outcome again = build();
        assertThat(again.executed()).isZero();
        assertThat(again.ran()).isEmpty();
    }

    @Test
    @Order(4)
    void editingOneSourceFileReRunsExactlyTheTasksDownstreamOfIt() throws Exception {
        Path main = top.resolve("layers/meta-demo/recipes-core/hello-app/files/main.c");
        Files.writeString(main, Files.readString(main).replace("(hello-app %s)", "(hello-app %s, edited)"));
        Outcome edited = build();
        assertThat(edited.ran()).containsExactlyInAnyOrder(
                "hello-app:do_fetch", "hello-app:do_unpack", "hello-app:do_patch",
                "hello-app:do_prepare_recipe_sysroot", "hello-app:do_configure", "hello-app:do_compile",
                "hello-app:do_install", "hello-app:do_package",
                "demo-image:do_rootfs", "demo-image:do_image_tar");
        assertThat(edited.executed()).isEqualTo(edited.ran().size());
        assertThat(Files.readAllBytes(image())).isNotEqualTo(firstImage);
    }

    @Test
    @Order(5)
    void explainSaysWhichFileChangedAndForceRunsOneTaskAgain() throws Exception {
        Path main = top.resolve("layers/meta-demo/recipes-core/hello-app/files/main.c");
        Files.writeString(main, Files.readString(main) + "/* another edit */\n");
        MainTest.Run dry = MainTest.run("--cache-dir", cache.toString(), "build", "--explain", "-n", "-d",
                build.toString(), "demo-image");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.err()).contains("NOTE: explain: hello-app:do_fetch runs: Checksum for file main.c changed")
                .contains("NOTE: explain: hello-app:do_unpack runs: Dependency on task hello-app:do_fetch changed")
                .doesNotContain("hello-lib:do_compile runs");
        MainTest.Run forced = MainTest.run("--cache-dir", cache.toString(), "build", "-f", "-c", "compile", "-d",
                build.toString(), "hello-lib");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("6 tasks: 1 executed, 5 cached");
        assertThat(forced.err()).contains("Running task 6 of 6 (hello-lib:do_compile)")
                .doesNotContain("hello-lib:do_compile: cached");
    }

    @Test
    @Order(6)
    void aTaskThatRunsAgainSeesItsDependenciesOutputsNotWhatLaterTasksDidToThem() {
        // do_patch again on a tree whose patch an earlier build applied: the unpacked sources are put back first
        MainTest.Run forced = MainTest.run("--cache-dir", cache.toString(), "build", "-f", "-c", "patch", "-d",
                build.toString(), "patched-greeting");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(build.resolve("tmp/work/x86_64-linux/patched-greeting/1.0/greeting.txt"))
                .hasContent("Hello, world!");
    }

    @Test
    @Order(7)
    void twoBuildDirectoriesSharingAServerReuseEachOthersResults() throws Exception {
        try (ContentStore serverStore = Cas.open(top.resolve("server-cas"));
                RemoteServer server = RemoteServer.builder(serverStore).build().start()) {
            String url = "grpc://127.0.0.1:" + server.port();
            List<MainTest.Run> runs = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                Path dir = top.resolve("build-" + name);
                copyTree(build.resolve("conf"), dir.resolve("conf"));
                MainTest.Run run = MainTest.run("--cache-dir", top.resolve("cache-" + name).toString(), "build",
                        "--remote", url, "-d", dir.toString(), "demo-image");
                assertThat(run.exitCode()).as(run.err()).isZero();
                runs.add(run);
            }
            assertThat(runs.get(0).out()).contains("47 tasks: 46 executed, 0 cached");
            assertThat(runs.get(1).out()).contains("47 tasks: 0 executed, 46 cached");
            assertThat(runs.get(1).out() + runs.get(1).err()).contains("0 local, 46 remote");
            Path image = Path.of("tmp/deploy/images/demo-x86-64/demo-image-demo-x86-64.rootfs.tar");
            assertThat(Files.readAllBytes(top.resolve("build-b").resolve(image)))
                    .isEqualTo(Files.readAllBytes(top.resolve("build-a").resolve(image)));
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }
}
