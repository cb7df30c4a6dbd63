package dev.bitzel.cas;

import static dev.bitzel.cas.StoreFixture.actionPath;
import static dev.bitzel.cas.StoreFixture.blobPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCacheTest {

    @TempDir
    Path tmp;
    Path dir;
    ContentStore cas;
    final Digest key = Digest.ofUtf8("do_compile of zlib, signature 1234");

    @BeforeEach
    void open() throws Exception {
        dir = tmp.resolve("store");
        cas = Cas.open(dir);
    }

    @AfterEach
    void close() throws Exception {
        cas.close();
    }

    private ActionResult result() throws Exception {
        Digest lib = cas.put("libz.so".getBytes(StandardCharsets.UTF_8));
        Digest out = cas.put("compiling...".getBytes(StandardCharsets.UTF_8));
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("include"));
        Files.writeString(tree.resolve("include/zlib.h"), "#define ZLIB");
        Digest root = cas.putTree(tree);
        return new ActionResult(0, List.of(new ActionResult.OutputFile("lib/libz.so", lib, false)),
                List.of(new ActionResult.OutputDirectory("usr", root)), out, Digest.EMPTY,
                Map.of("host", "builder-1", "wallMillis", "1234"));
    }

    @Test
    void aMissIsAnEmptyOptional() throws Exception {
        assertThat(cas.actionCache().get(key)).isEmpty();
    }

    @Test
    void storesAndReturnsResults() throws Exception {
        ActionResult r = result();
        cas.actionCache().put(key, r);
        assertThat(cas.actionCache().get(key)).contains(r);
        try (ContentStore other = Cas.open(dir)) {
            assertThat(other.actionCache().get(key)).contains(r);
        }
    }

    @Test
    void anEntryWhoseBlobsAreGoneIsAMissNotAnError() throws Exception {
        ActionResult r = result();
        cas.actionCache().put(key, r);
        Files.delete(blobPath(dir, Digest.ofUtf8("#define ZLIB"))); // a file deep in the output tree
        assertThat(cas.actionCache().get(key)).isEmpty();
    }

    @Test
    void refusesAnEntryPointingAtAbsentBlobs() {
        Digest absent = Digest.ofUtf8("never stored");
        assertThatThrownBy(() -> cas.actionCache().put(key,
                ActionResult.of(0, List.of(new ActionResult.OutputFile("x", absent, false)))))
                .isInstanceOfSatisfying(BlobNotFoundException.class, e -> assertThat(e.digest()).isEqualTo(absent));
        assertThat(actionPath(dir, key)).doesNotExist();
    }

    @Test
    void aCorruptEntryIsQuarantinedAndAMiss() throws Exception {
        cas.actionCache().put(key, result());
        byte[] bytes = Files.readAllBytes(actionPath(dir, key));
        bytes[10] ^= 1;
        StoreFixture.tamper(actionPath(dir, key), bytes);
        assertThat(cas.actionCache().get(key)).isEmpty();
        assertThat(actionPath(dir, key)).doesNotExist();
        try (var q = Files.list(dir.resolve("quarantine"))) {
            assertThat(q).hasSize(1);
        }
    }
}
