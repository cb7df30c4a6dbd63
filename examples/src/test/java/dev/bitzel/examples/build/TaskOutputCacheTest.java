package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.CacheLookup;
import dev.bitzel.graph.scheduler.SpawnResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskOutputCacheTest {
    @TempDir
    Path root;

    private ContentStore store;
    private TaskOutputCache cache;
    private Path tmpdir;
    private Path dlDir;
    private Path workdir;
    private final TaskNode task = new TaskNode(TaskId.parse("demo:do_compile"), Map.of());

    @BeforeEach
    void setUp() throws Exception {
        store = Cas.open(root.resolve("cas"));
        tmpdir = root.resolve("build/tmp");
        dlDir = root.resolve("build/downloads");
        workdir = tmpdir.resolve("work/demo");
        Files.createDirectories(workdir.resolve("src"));
        Files.writeString(workdir.resolve("src/main.c"), "int main;", StandardCharsets.UTF_8);
        cache = newCache(tmpdir, dlDir);
    }

    private TaskOutputCache newCache(Path tmp, Path dl) {
        return new TaskOutputCache(store, tmp, dl,
                (t, signature) -> tmp.resolve("stamps/demo." + t.id().task() + "." + signature));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    /** Runs a fake task: tracks the work directory, lets {@code body} change it, records the changes. */
    private void runTask(String signature, ThrowingRunnable body) throws Exception {
        OutputTracker tracker = new OutputTracker(workdir.resolve("temp"));
        tracker.track(workdir);
        body.run(tracker);
        cache.recordChanges(signature, tracker.changes());
        cache.store(task, signature, SpawnResult.success());
    }

    interface ThrowingRunnable {
        void run(OutputTracker tracker) throws Exception;
    }

    @Test
    void onlyWhatTheTaskWroteIsStoredAndReplayedIntoAnEmptiedBuildDirectory() throws Exception {
        runTask("sig1", t -> {
            Files.writeString(workdir.resolve("src/main.o"), "object code", StandardCharsets.UTF_8);
            Files.createDirectories(workdir.resolve("temp"));
            Files.writeString(workdir.resolve("temp/log.do_compile"), "a log", StandardCharsets.UTF_8);
        });
        assertThat(tmpdir.resolve("stamps/demo.do_compile.sig1")).exists();
        TaskExecutor.deleteTree(tmpdir);
        CacheLookup hit = cache.lookup(task, "sig1");
        assertThat(hit).isInstanceOf(CacheLookup.Hit.class);
        assertThat(Files.readString(workdir.resolve("src/main.o"))).isEqualTo("object code");
        assertThat(workdir.resolve("src/main.c")).as("written by an earlier task").doesNotExist();
        assertThat(workdir.resolve("temp")).as("logs are not results").doesNotExist();
        assertThat(tmpdir.resolve("stamps/demo.do_compile.sig1")).exists();
    }

    @Test
    void replayKeepsOtherFilesEmptiesCleanedDirectoriesAndRemovesDeletedOnes() throws Exception {
        Files.createDirectories(workdir.resolve("image"));
        Files.writeString(workdir.resolve("image/stale"), "old", StandardCharsets.UTF_8);
        runTask("sig1", t -> {
            t.cleaned(workdir.resolve("image"));
            TaskExecutor.deleteTree(workdir.resolve("image"));
            Files.createDirectories(workdir.resolve("image/bin"));
            Files.writeString(workdir.resolve("image/bin/app"), "#!/bin/sh\n", StandardCharsets.UTF_8);
            workdir.resolve("image/bin/app").toFile().setExecutable(true);
            Files.delete(workdir.resolve("src/main.c"));
            Files.createSymbolicLink(workdir.resolve("image/bin/alias"), Path.of("app"));
        });
        Files.writeString(workdir.resolve("src/main.c"), "back again", StandardCharsets.UTF_8);
        Files.writeString(workdir.resolve("image/stale"), "old", StandardCharsets.UTF_8);
        Files.writeString(workdir.resolve("untouched"), "kept", StandardCharsets.UTF_8);
        Files.delete(tmpdir.resolve("stamps/demo.do_compile.sig1"));
        assertThat(cache.lookup(task, "sig1")).isInstanceOf(CacheLookup.Hit.class);
        assertThat(workdir.resolve("image/stale")).doesNotExist();
        assertThat(workdir.resolve("src/main.c")).doesNotExist();
        assertThat(workdir.resolve("untouched")).hasContent("kept");
        assertThat(workdir.resolve("image/bin/app")).isExecutable();
        assertThat(Files.readSymbolicLink(workdir.resolve("image/bin/alias"))).isEqualTo(Path.of("app"));
    }

    @Test
    void resultsAreRelativeToTheirRootSoAnotherBuildDirectoryReusesThem() throws Exception {
        runTask("sig1", t -> {
            Path download = dlDir.resolve("src.tar.gz");
            t.track(download);
            Files.createDirectories(dlDir);
            Files.writeString(download, "archive", StandardCharsets.UTF_8);
            Files.writeString(workdir.resolve("src/main.o"), "object code", StandardCharsets.UTF_8);
        });
        Path otherTmp = root.resolve("other/tmp");
        Path otherDl = root.resolve("other/dl");
        assertThat(newCache(otherTmp, otherDl).lookup(task, "sig1")).isInstanceOf(CacheLookup.Hit.class);
        assertThat(otherTmp.resolve("work/demo/src/main.o")).hasContent("object code");
        assertThat(otherDl.resolve("src.tar.gz")).hasContent("archive");
    }

    @Test
    void aStampedTaskIsUpToDateWithoutReplaying() throws Exception {
        runTask("sig1", t -> Files.writeString(workdir.resolve("src/main.o"), "object code"));
        Files.writeString(workdir.resolve("src/main.o"), "changed by hand", StandardCharsets.UTF_8);
        assertThat(cache.lookup(task, "sig1")).isInstanceOf(CacheLookup.Hit.class);
        assertThat(workdir.resolve("src/main.o")).hasContent("changed by hand");
    }

    @Test
    void anotherSignatureOrAFailureIsAMiss() throws Exception {
        OutputTracker tracker = new OutputTracker(workdir.resolve("temp"));
        tracker.track(workdir);
        cache.recordChanges("sig1", tracker.changes());
        cache.store(task, "sig1", SpawnResult.failure(1, "failed"));
        assertThat(cache.lookup(task, "sig1")).isNotInstanceOf(CacheLookup.Hit.class);
        assertThat(cache.lookup(task, "sig2")).isNotInstanceOf(CacheLookup.Hit.class);
    }

    @Test
    void writesOutsideTmpdirAndDlDirAreRefusedNamingThePath() throws Exception {
        Path elsewhere = root.resolve("elsewhere");
        OutputTracker tracker = new OutputTracker(workdir.resolve("temp"));
        tracker.track(elsewhere);
        Files.createDirectories(elsewhere);
        cache.recordChanges("sig1", tracker.changes());
        assertThatThrownBy(() -> cache.store(task, "sig1", SpawnResult.success()))
                .hasMessageContaining("outside TMPDIR").hasMessageContaining("elsewhere");
    }

    @Test
    void aCorruptEntryIsRefusedAndWritesNothingOutsideItsRoot() throws Exception {
        Digest file = store.put("payload".getBytes(StandardCharsets.UTF_8));
        Digest tree = store.put(new Directory(List.of(new Directory.FileNode("f", file, false)), List.of(),
                List.of()).toBytes());
        store.actionCache().put(TaskOutputCache.key("bad-root"), new ActionResult(0, List.of(),
                List.of(new ActionResult.OutputDirectory("HOME", tree)), Digest.EMPTY, Digest.EMPTY, Map.of()));
        assertThatThrownBy(() -> cache.lookup(task, "bad-root")).hasMessageContaining("unknown root 'HOME'");
        Digest escaping = store.put("deleted TMPDIR ../../victim\n".getBytes(StandardCharsets.UTF_8));
        store.actionCache().put(TaskOutputCache.key("escape"), new ActionResult(0,
                List.of(new ActionResult.OutputFile(TaskOutputCache.CHANGES, escaping, false)), List.of(),
                Digest.EMPTY, Digest.EMPTY, Map.of()));
        Files.writeString(root.resolve("victim"), "precious", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> cache.lookup(task, "escape")).hasMessageContaining("outside");
        assertThat(root.resolve("victim")).hasContent("precious");
        Digest garbage = store.put("rm -rf /\n".getBytes(StandardCharsets.UTF_8));
        store.actionCache().put(TaskOutputCache.key("garbage"), new ActionResult(0,
                List.of(new ActionResult.OutputFile(TaskOutputCache.CHANGES, garbage, false)), List.of(),
                Digest.EMPTY, Digest.EMPTY, Map.of()));
        assertThatThrownBy(() -> cache.lookup(task, "garbage")).hasMessageContaining("line 1")
                .hasMessageContaining("malformed");
    }

    @Test
    void aReplayReplacesASymbolicLinkInTheBuildDirectoryInsteadOfWritingThroughIt() throws Exception {
        runTask("sig1", t -> Files.writeString(workdir.resolve("src/main.o"), "object code"));
        Path outside = root.resolve("outside");
        Files.createDirectories(outside);
        TaskExecutor.deleteTree(workdir.resolve("src"));
        Files.createSymbolicLink(workdir.resolve("src"), outside);
        Files.delete(tmpdir.resolve("stamps/demo.do_compile.sig1"));
        assertThat(cache.lookup(task, "sig1")).isInstanceOf(CacheLookup.Hit.class);
        assertThat(outside.resolve("main.o")).doesNotExist();
        assertThat(workdir.resolve("src")).as("the link replaced by the directory the task made").isDirectory();
        assertThat(Files.isSymbolicLink(workdir.resolve("src"))).isFalse();
        assertThat(workdir.resolve("src/main.o")).hasContent("object code");
    }
}
