package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
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
    private Path workdir;
    private final TaskNode task = new TaskNode(TaskId.parse("demo:do_compile"), Map.of());

    @BeforeEach
    void setUp() throws Exception {
        store = Cas.open(root.resolve("cas"));
        tmpdir = root.resolve("build/tmp");
        workdir = tmpdir.resolve("work/demo");
        Files.createDirectories(workdir.resolve("src"));
        Files.writeString(workdir.resolve("src/out.o"), "object code", StandardCharsets.UTF_8);
        cache = new TaskOutputCache(store, tmpdir,
                (t, signature) -> tmpdir.resolve("stamps/demo." + t.id().task() + "." + signature));
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    @Test
    void aStoredResultIsRestoredIntoAnEmptiedBuildDirectoryAndStamped() throws Exception {
        cache.recordOutputs("sig1", List.of(workdir));
        cache.store(task, "sig1", SpawnResult.success());
        assertThat(tmpdir.resolve("stamps/demo.do_compile.sig1")).exists();
        TaskExecutor.deleteTree(tmpdir);
        CacheLookup hit = cache.lookup(task, "sig1");
        assertThat(hit).isInstanceOf(CacheLookup.Hit.class);
        assertThat(Files.readString(workdir.resolve("src/out.o"))).isEqualTo("object code");
        assertThat(tmpdir.resolve("stamps/demo.do_compile.sig1")).exists();
    }

    @Test
    void aStampedTaskIsUpToDateWithoutRestoring() throws Exception {
        cache.recordOutputs("sig1", List.of(workdir));
        cache.store(task, "sig1", SpawnResult.success());
        Files.writeString(workdir.resolve("src/later.o"), "written by a later task", StandardCharsets.UTF_8);
        assertThat(cache.lookup(task, "sig1")).isInstanceOf(CacheLookup.Hit.class);
        assertThat(workdir.resolve("src/later.o")).exists();
    }

    @Test
    void anotherSignatureOrAFailureIsAMiss() throws Exception {
        cache.recordOutputs("sig1", List.of(workdir));
        cache.store(task, "sig1", SpawnResult.failure(1, "failed"));
        assertThat(cache.lookup(task, "sig1")).isNotInstanceOf(CacheLookup.Hit.class);
        assertThat(cache.lookup(task, "sig2")).isNotInstanceOf(CacheLookup.Hit.class);
    }

    @Test
    void outputsOutsideTmpdirAreRefusedNamingThePath() {
        cache.recordOutputs("sig1", List.of(root.resolve("elsewhere")));
        assertThatThrownBy(() -> cache.store(task, "sig1", SpawnResult.success()))
                .hasMessageContaining("outside TMPDIR").hasMessageContaining("elsewhere");
    }
}
