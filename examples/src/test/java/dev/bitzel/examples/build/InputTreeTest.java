package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input root of a remote shell function: absolute paths mirrored, busy directories left out, inputs checked. */
class InputTreeTest {
    @TempDir
    Path tmp;

    private Directory walk(InputTree.Built built, Path absolute) {
        Directory d = built.merkle().directories().get(built.merkle().root());
        for (Path part : absolute) {
            Digest next = d.directories().stream().filter(n -> n.name().equals(part.toString())).findFirst()
                    .orElseThrow(() -> new AssertionError(part + " missing on the way to " + absolute)).digest();
            d = built.merkle().directories().get(next);
        }
        return d;
    }

    @Test
    void theRootsAppearAtTheirAbsolutePathsWithLinksAsTheyAreAndBusyDirectoriesLeftOut() throws Exception {
        Path workdir = Files.createDirectories(tmp.resolve("tmp/work/app/1.0"));
        Files.writeString(workdir.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.createSymbolicLink(workdir.resolve("sysroot-link"), tmp.resolve("tmp/sysroots"));
        Path busy = Files.createDirectories(tmp.resolve("tmp/work/lib/1.0"));
        Files.writeString(busy.resolve("being-written.o"), "partial");
        Path layer = Files.createDirectories(tmp.resolve("layers/meta"));
        Files.writeString(layer.resolve("layer.conf"), "BBPATH .= \":${LAYERDIR}\"\n");

        InputTree.Built built = InputTree.build(List.of(workdir, tmp.resolve("tmp"), layer), Set.of(busy),
                new InputDigests());
        assertThat(built.files()).isEqualTo(2);
        Directory app = walk(built, workdir);
        assertThat(app.files()).extracting(Directory.FileNode::name).containsExactly("main.c");
        assertThat(app.symlinks()).containsExactly(new Directory.SymlinkNode("sysroot-link",
                tmp.resolve("tmp/sysroots").toString()));
        assertThat(walk(built, busy.getParent()).directories()).isEmpty();
        assertThat(walk(built, layer).files()).extracting(Directory.FileNode::name).containsExactly("layer.conf");
        assertThat(built.merkle().files()).containsValue(layer.resolve("layer.conf"));
    }

    @Test
    void anInputRewrittenAfterHashingFailsItsUploadNamingIt() throws Exception {
        Path f = Files.writeString(tmp.resolve("input.txt"), "first");
        InputDigests digests = new InputDigests();
        Digest d = digests.digest(f);
        assertThat(digests.digest(f)).isEqualTo(d);
        assertThat(digests.hashed()).as("unchanged stat data: not read again").isEqualTo(1);
        try (InputStream in = InputDigests.open(f, d)) {
            assertThat(in.readAllBytes()).isEqualTo("first".getBytes());
        }
        Files.writeString(f, "other");
        assertThatThrownBy(() -> {
            try (InputStream in = InputDigests.open(f, d)) {
                in.readAllBytes();
            }
        }).isInstanceOf(InputDigests.InputChangedException.class).hasMessageContaining(f.toString());
        assertThat(digests.digest(f)).isEqualTo(Digest.ofUtf8("other"));
    }
}
