package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python tasks calling BitBake's fetcher API ({@code bb.fetch2.Fetch(...).download()/unpack()}) and
 * {@code bb.build.exec_func}, run by {@link TaskExecutor} with {@link SourceFetcher} behind them: http downloads
 * checked against their sha256sum, PREMIRRORS, BB_NO_NETWORK and the task's {@code [network]} flag, git sources
 * checked out at SRCREV, and clear errors.
 */
class SourceFetcherTest {
    private static final byte[] ARCHIVE_BODY = "the upstream file\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private Sandbox sandbox;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().endsWith("/payload.txt")) {
                exchange.sendResponseHeaders(200, ARCHIVE_BODY.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ARCHIVE_BODY);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        sandbox = Sandbox.create(root.resolve("sandbox-cache"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        sandbox.close();
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A build directory with one recipe whose SRC_URI and extra settings the test gives. */
    private Recipe recipe(String recipeText, String localConf) throws Exception {
        write("build/conf/bblayers.conf", "BBPATH = \"${TOPDIR}\"\nBBFILES ?= \"\"\nBBLAYERS = \"${TOPDIR}/../meta\"\n");
        write("build/conf/local.conf", localConf);
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
                PN = "demo"
                TMPDIR = "${TOPDIR}/tmp"
                DL_DIR = "${TOPDIR}/downloads"
                WORKDIR = "${TMPDIR}/work/${PN}"
                T = "${WORKDIR}/temp"
                FILESPATH = "${FILE_DIRNAME}/files"
                include conf/local.conf
                """);
        write("meta/classes/base.bbclass", """
                python base_do_fetch() {
                    bb.fetch2.Fetch((d.getVar('SRC_URI') or '').split(), d).download()
                }
                python base_do_unpack() {
                    bb.fetch2.Fetch((d.getVar('SRC_URI') or '').split(), d).unpack(d.getVar('WORKDIR'))
                }
                do_fetch[dirs] = "${DL_DIR}"
                addtask fetch
                addtask unpack after do_fetch
                EXPORT_FUNCTIONS do_fetch do_unpack
                """);
        write("meta/demo.bb", recipeText);
        BuildDirectory build = BuildDirectory.builder(root.resolve("build")).python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        return build.parseAll(1).get(0).recipe();
    }

    private TaskExecutor.Outcome run(Recipe recipe, String task) throws Exception {
        return new TaskExecutor(sandbox, List.of()).run(recipe, task);
    }

    private String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name;
    }

    @Test
    void anHttpDownloadIsVerifiedAgainstItsSha256AndNotFetchedTwice() throws Exception {
        Recipe recipe = recipe("SRC_URI = \"" + url("payload.txt") + "\"\nSRC_URI[sha256sum] = \""
                + sha256(ARCHIVE_BODY) + "\"\ndo_fetch[network] = \"1\"\n", "");
        TaskExecutor.Outcome fetched = run(recipe, "do_fetch");
        assertThat(fetched.success()).as(fetched.message()).isTrue();
        Path download = root.resolve("build/downloads/payload.txt");
        assertThat(download).hasBinaryContent(ARCHIVE_BODY);
        assertThat(root.resolve("build/downloads/payload.txt.done")).exists();
        assertThat(fetched.changes().written()).contains(download);
        assertThat(run(recipe, "do_fetch").success()).isTrue();
        assertThat(requests.get()).as("the second fetch finds the verified download").isEqualTo(1);
        TaskExecutor.Outcome unpacked = run(recipe, "do_unpack");
        assertThat(unpacked.success()).as(unpacked.message()).isTrue();
        assertThat(root.resolve("build/tmp/work/demo/payload.txt")).hasBinaryContent(ARCHIVE_BODY);
    }

    @Test
    void aChecksumMismatchFailsTheTaskAndKeepsNoDownload() throws Exception {
        Recipe recipe = recipe("SRC_URI = \"" + url("payload.txt") + ";sha256sum=" + "0".repeat(64) + "\"\n"
                + "do_fetch[network] = \"1\"\n", "");
        TaskExecutor.Outcome outcome = run(recipe, "do_fetch");
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.message()).contains("Checksum mismatch").contains("payload.txt");
        assertThat(Files.readString(outcome.log())).contains("Checksum mismatch");
        assertThat(root.resolve("build/downloads/payload.txt")).doesNotExist();
    }

    @Test
    void networkNeedsTheTaskFlagAndNoBbNoNetworkButAFilePremirrorIsLocal() throws Exception {
        String recipeText = "SRC_URI = \"" + url("payload.txt") + "\"\nSRC_URI[sha256sum] = \""
                + sha256(ARCHIVE_BODY) + "\"\n";
        TaskExecutor.Outcome noFlag = run(recipe(recipeText, ""), "do_fetch");
        assertThat(noFlag.success()).isFalse();
        assertThat(noFlag.message()).contains("does not set [network] = \"1\"");
        TaskExecutor.Outcome noNetwork = run(recipe(recipeText + "do_fetch[network] = \"1\"\n",
                "BB_NO_NETWORK = \"1\"\n"), "do_fetch");
        assertThat(noNetwork.success()).isFalse();
        assertThat(noNetwork.message()).contains("Network access disabled through BB_NO_NETWORK");
        assertThat(requests.get()).isZero();
        write("mirror/payload.txt", "the upstream file\n");
        TaskExecutor.Outcome mirrored = run(recipe(recipeText, "BB_NO_NETWORK = \"1\"\nPREMIRRORS = \"http://.*/.* "
                + "file://" + root.resolve("mirror") + "/\"\n"), "do_fetch");
        assertThat(mirrored.success()).as(mirrored.message()).isTrue();
        assertThat(root.resolve("build/downloads/payload.txt")).hasBinaryContent(ARCHIVE_BODY);
        assertThat(requests.get()).isZero();
    }

    @Test
    void aGitSourceIsClonedIntoDlDirAndCheckedOutAtSrcrevOnItsBranch() throws Exception {
        Path repo = root.resolve("upstream");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("file.txt"), "first\n");
        git(repo, "add", "file.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
        String first = git(repo, "rev-parse", "HEAD").trim();
        Files.writeString(repo.resolve("file.txt"), "second\n");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "second");
        String src = "SRC_URI = \"git://" + repo + ";protocol=file;branch=main\"\n";
        Recipe pinned = recipe(src + "SRCREV = \"" + first + "\"\n", "BB_NO_NETWORK = \"1\"\n");
        TaskExecutor.Outcome fetched = run(pinned, "do_fetch");
        assertThat(fetched.success()).as(fetched.message()).isTrue();
        TaskExecutor.Outcome unpacked = run(pinned, "do_unpack");
        assertThat(unpacked.success()).as(unpacked.message()).isTrue();
        assertThat(root.resolve("build/tmp/work/demo/git/file.txt")).hasContent("first");
        TaskExecutor.Outcome missing = run(recipe(src + "SRCREV = \"" + "1".repeat(40) + "\"\n", ""), "do_fetch");
        assertThat(missing.success()).isFalse();
        assertThat(missing.message()).contains("Unable to find revision " + "1".repeat(40) + " in branch main");
        TaskExecutor.Outcome unset = run(recipe(src, ""), "do_fetch");
        assertThat(unset.success()).isFalse();
        assertThat(unset.message()).contains("Please set a valid SRCREV");
    }

    @Test
    void aMissingLocalFileAndAnUnsupportedSchemeAreClearErrors() throws Exception {
        TaskExecutor.Outcome missing = run(recipe("SRC_URI = \"file://absent.c\"\n", ""), "do_fetch");
        assertThat(missing.success()).isFalse();
        assertThat(missing.message()).contains("Unable to find file file://absent.c anywhere");
        TaskExecutor.Outcome svn = run(recipe("SRC_URI = \"svn://example.invalid/repo;module=x\"\n", ""),
                "do_fetch");
        assertThat(svn.success()).isFalse();
        assertThat(svn.message()).contains("Could not find a fetcher which supports the URL: 'svn://");
    }

    @Test
    void execFuncRunsShellAndPythonFunctionsOfTheRecipeInTheTask() throws Exception {
        Recipe recipe = recipe("""
                SRC_URI = ""
                write_marker() {
                	echo "from shell" > ${WORKDIR}/marker.txt
                }
                python note_it() {
                    bb.note("python helper ran")
                }
                python do_custom() {
                    bb.build.exec_func('write_marker', d)
                    bb.build.exec_func('note_it', d)
                }
                do_custom[dirs] = "${WORKDIR}"
                addtask custom
                failing() {
                	exit 3
                }
                python do_broken() {
                    bb.build.exec_func('failing', d)
                }
                addtask broken
                """, "");
        TaskExecutor.Outcome custom = run(recipe, "do_custom");
        assertThat(custom.success()).as(custom.message()).isTrue();
        assertThat(root.resolve("build/tmp/work/demo/marker.txt")).hasContent("from shell");
        assertThat(Files.readString(custom.log())).contains("NOTE: python helper ran");
        TaskExecutor.Outcome broken = run(recipe, "do_broken");
        assertThat(broken.success()).isFalse();
        assertThat(Files.readString(broken.log())).contains("run.failing").contains("exit code 3");
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
