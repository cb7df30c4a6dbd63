package dev.bitzel.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links left in a writable path: those that lead out of it, as text or through other links, are removed. */
class OutputLinksTest {

    @TempDir
    Path tmp;
    Path work;

    @BeforeEach
    void tree() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("sub/deep"));
        Files.writeString(work.resolve("lib.so.1"), "ELF");
    }

    private Path link(String at, String target) throws Exception {
        return Files.createSymbolicLink(work.resolve(at), Path.of(target));
    }

    private List<String> strip() throws Exception {
        return OutputLinks.strip(List.of(work), System.currentTimeMillis());
    }

    @Test
    void linksToHostFilesAndUpwardsAreRemovedAndReported() throws Exception {
        Path shadow = link("shadow", "/etc/shadow");
        Path up = link("sub/up", "../../outside");
        Path absOut = link("absout", work + "/../etc");
        List<String> removed = strip();
        assertThat(removed).hasSize(3).anySatisfy(l -> assertThat(l).isEqualTo(shadow + " -> /etc/shadow: absolute"
                + " target outside " + work)).anySatisfy(l -> assertThat(l).startsWith(up + " -> ../../outside: leads"
                        + " out of " + work)).anySatisfy(l -> assertThat(l).startsWith(absOut.toString()));
        assertThat(shadow).doesNotExist();
        assertThat(Files.exists(up, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void chainsThroughOtherLinksAreResolvedLikeTheKernelDoes() throws Exception {
        Path parent = link("sub/l", "..");        // inside: sub/.. is the work dir
        Path chain = link("x", "sub/l/..");       // reads as "here", resolves to work's parent
        Path dirLink = link("d", "sub/deep");
        Path viaDir = link("t", "d/../..");       // d/.. is sub, sub/.. is work, one more .. would leave
        Path viaDirOut = link("t2", "d/../../..");
        List<String> removed = strip();
        assertThat(removed).hasSize(2);
        assertThat(removed).anySatisfy(l -> assertThat(l).startsWith(chain + " -> sub/l/..: leads out")
                .endsWith("(through other links)"));
        assertThat(removed).anySatisfy(l -> assertThat(l).startsWith(viaDirOut.toString()));
        assertThat(Files.isSymbolicLink(parent)).isTrue();
        assertThat(Files.isSymbolicLink(dirLink)).isTrue();
        assertThat(Files.isSymbolicLink(viaDir)).isTrue();
        assertThat(viaDir.toRealPath()).isEqualTo(work.toRealPath());
    }

    @Test
    void linksInsideIncludingAbsoluteOnesNamingTheWritablePathAreKept() throws Exception {
        Path rel = link("lib.so", "lib.so.1");
        Path abs = link("sub/abs", work + "/lib.so.1");
        Path dangling = link("later", "not-yet/../lib.so.1");
        assertThat(strip()).isEmpty();
        assertThat(Files.readString(rel)).isEqualTo("ELF");
        assertThat(Files.readString(abs)).isEqualTo("ELF");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
    }

    @Test
    void aLoopIsRemoved() throws Exception {
        Path loop = link("self", "self/x");
        assertThat(strip()).singleElement().asString().contains("loop");
        assertThat(Files.exists(loop, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void linksThatWereThereBeforeTheRunBelongToTheCallerAndStay() throws Exception {
        Path old = link("host", "/etc/passwd");
        long runStartedLater = System.currentTimeMillis() + OutputLinks.CTIME_SLACK_MILLIS + 60_000;
        assertThat(OutputLinks.strip(List.of(work), runStartedLater)).isEmpty();
        assertThat(Files.isSymbolicLink(old)).isTrue();
    }
}
