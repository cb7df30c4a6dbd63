package dev.bitzel.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeTest {

    @TempDir
    Path tmp;
    ContentStore cas;

    @BeforeEach
    void open() throws Exception {
        cas = Cas.open(tmp.resolve("store"));
    }

    @AfterEach
    void close() throws Exception {
        cas.close();
    }

    private Path sampleTree() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("bin"));
        Files.createDirectories(src.resolve("lib/empty"));
        Files.writeString(src.resolve("README"), "read me");
        Files.writeString(src.resolve("bin/tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(src.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(src.resolve("lib/libz.so.1"), "ELF");
        Files.writeString(src.resolve("lib/copy"), "read me");
        Files.createSymbolicLink(src.resolve("lib/libz.so"), Path.of("libz.so.1"));
        Files.createSymbolicLink(src.resolve("lib/readme"), Path.of("../README"));
        return src;
    }

    @Nested
    class RoundTrip {

        @Test
        void storesAndRecreatesFilesExecutableBitsEmptyDirectoriesAndLinks() throws Exception {
            Path src = sampleTree();
            Digest root = cas.putTree(src);
            assertThat(root).isEqualTo(MerkleTree.build(src).root());

            Path out = tmp.resolve("out");
            cas.materializeTree(root, out);

            assertThat(out.resolve("README")).hasContent("read me");
            assertThat(Files.isExecutable(out.resolve("bin/tool"))).isTrue();
            assertThat(Files.isExecutable(out.resolve("README"))).isFalse();
            assertThat(out.resolve("lib/empty")).isEmptyDirectory();
            assertThat(Files.readSymbolicLink(out.resolve("lib/libz.so"))).isEqualTo(Path.of("libz.so.1"));
            assertThat(out.resolve("lib/readme")).hasContent("read me");
            assertThat(MerkleTree.build(out).root()).isEqualTo(root);
        }

        @Test
        void directoriesAreSortedRemoteExecutionDirectories() throws Exception {
            Digest root = cas.putTree(sampleTree());
            Directory top = cas.getDirectory(root);
            assertThat(top.files()).extracting(Directory.FileNode::name).containsExactly("README");
            assertThat(top.directories()).extracting(Directory.DirectoryNode::name).containsExactly("bin", "lib");
            Directory lib = cas.getDirectory(top.directories().get(1).digest());
            assertThat(lib.files()).extracting(Directory.FileNode::name).containsExactly("copy", "libz.so.1");
            assertThat(lib.symlinks()).containsExactly(new Directory.SymlinkNode("libz.so", "libz.so.1"),
                    new Directory.SymlinkNode("readme", "../README"));
        }

        @Test
        void uploadsOnlyMissingBlobs() throws Exception {
            Path src = sampleTree();
            MerkleTree tree = MerkleTree.build(src);
            // lib/empty is the empty Directory, whose digest is the empty blob's: always present
            assertThat(tree.allDigests()).contains(Digest.EMPTY).hasSize(7);
            assertThat(cas.findMissing(tree.allDigests())).hasSize(6);
            cas.put(Files.readAllBytes(src.resolve("README")));
            assertThat(cas.findMissing(tree.allDigests())).hasSize(5)
                    .doesNotContain(Digest.ofUtf8("read me"));
            cas.putTree(src);
            assertThat(cas.findMissing(tree.allDigests())).isEmpty();
        }

        @Test
        void refusesToMaterialiseIntoANonEmptyDirectoryOrFromAnIncompleteTree() throws Exception {
            Path src = sampleTree();
            Digest root = cas.putTree(src);
            assertThatThrownBy(() -> cas.materializeTree(root, src)).hasMessageContaining("not empty");
            Directory partial = new Directory(List.of(new Directory.FileNode("gone", Digest.ofUtf8("gone"), false)),
                    List.of(), List.of());
            Digest partialRoot = cas.put(partial.toBytes());
            assertThatThrownBy(() -> cas.materializeTree(partialRoot, tmp.resolve("p")))
                    .isInstanceOfSatisfying(BlobNotFoundException.class,
                            e -> assertThat(e.digest()).isEqualTo(Digest.ofUtf8("gone")));
            assertThat(tmp.resolve("p")).doesNotExist();
        }
    }

    @Nested
    class HostileInput {

        @Test
        void refusesToStoreASymlinkOutOfTheTree() throws Exception {
            Path src = tmp.resolve("evil");
            Files.createDirectories(src.resolve("sub"));
            Files.createSymbolicLink(src.resolve("sub/up"), Path.of("../../outside"));
            assertThatThrownBy(() -> cas.putTree(src)).isInstanceOfSatisfying(InvalidTreeException.class, e -> {
                assertThat(e.location()).isEqualTo("sub/up");
                assertThat(e).hasMessageContaining("'../../outside' leaves the tree");
            });
        }

        @Test
        void refusesToStoreAnAbsoluteSymlink() throws Exception {
            Path src = tmp.resolve("evil");
            Files.createDirectories(src);
            Files.createSymbolicLink(src.resolve("passwd"), Path.of("/etc/passwd"));
            assertThatThrownBy(() -> cas.putTree(src)).isInstanceOf(InvalidTreeException.class)
                    .hasMessageContaining("absolute path '/etc/passwd'");
        }

        @Test
        void refusesToStoreAFifo() throws Exception {
            Path src = tmp.resolve("fifo");
            Files.createDirectories(src);
            Process p = new ProcessBuilder("mkfifo", src.resolve("pipe").toString()).start();
            assertThat(p.waitFor()).isZero();
            assertThatThrownBy(() -> cas.putTree(src)).isInstanceOf(InvalidTreeException.class)
                    .hasMessageContaining("fifo");
        }

        @Test
        void refusesToMaterialiseAStoredTreeWithADotDotNameAndWritesNothing() throws Exception {
            Digest abc = cas.put("abc".getBytes(StandardCharsets.US_ASCII));
            byte[] evil = DirectoryTest.concat(DirectoryTest.hex("0a4a" + "0a022e2e" + "1244" + "0a40"),
                    abc.hash().getBytes(StandardCharsets.US_ASCII), DirectoryTest.hex("1003"));
            Digest root = cas.put(evil);
            assertThatThrownBy(() -> cas.materializeTree(root, tmp.resolve("out")))
                    .isInstanceOfSatisfying(InvalidTreeException.class,
                            e -> assertThat(e.location()).isEqualTo(root.toString()))
                    .hasMessageContaining("'..'");
            assertThat(tmp.resolve("out")).doesNotExist();
        }

        @Test
        void refusesToMaterialiseNamesWithSlashOrNul() throws Exception {
            Digest abc = cas.put("abc".getBytes(StandardCharsets.US_ASCII));
            for (String name : List.of("a/b", "a\0b")) {
                byte[] n = name.getBytes(StandardCharsets.UTF_8);
                byte[] node = DirectoryTest.concat(new byte[] {0x0a, (byte) n.length}, n,
                        DirectoryTest.hex("1244" + "0a40"), abc.hash().getBytes(StandardCharsets.US_ASCII),
                        DirectoryTest.hex("1003"));
                Digest root = cas.put(DirectoryTest.concat(new byte[] {0x0a, (byte) node.length}, node));
                assertThatThrownBy(() -> cas.materializeTree(root, tmp.resolve("out")))
                        .isInstanceOf(InvalidTreeException.class).hasMessageContaining("entry name");
            }
        }

        @Test
        void refusesToMaterialiseSymlinksLeavingTheTreeFromAnyDepth() throws Exception {
            Directory inner = new Directory(List.of(), List.of(),
                    List.of(new Directory.SymlinkNode("ok", "../x"), new Directory.SymlinkNode("z", "../../x")));
            Digest innerDigest = cas.put(inner.toBytes());
            Directory top = new Directory(List.of(), List.of(new Directory.DirectoryNode("d", innerDigest)), List.of());
            Digest root = cas.put(top.toBytes());
            assertThatThrownBy(() -> cas.materializeTree(root, tmp.resolve("out")))
                    .isInstanceOfSatisfying(InvalidTreeException.class,
                            e -> assertThat(e.location()).isEqualTo("d/z"));
            assertThat(tmp.resolve("out")).doesNotExist();
        }

        @Test
        void refusesHostileOutputPathsInActionResults() {
            for (String bad : List.of("/etc/passwd", "a/../../b", "a//b", "a/\0", "")) {
                assertThatThrownBy(() -> new ActionResult.OutputFile(bad, Digest.EMPTY, false))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /** Trees whose links, each harmless as text, leave the tree once resolved through the tree's other links. */
    @Nested
    class HostileLinks {

        private Digest store(Directory d) throws Exception {
            return cas.put(d.toBytes());
        }

        private Directory links(Directory.SymlinkNode... nodes) {
            return new Directory(List.of(), List.of(), List.of(nodes));
        }

        private Directory.SymlinkNode link(String name, String target) {
            return new Directory.SymlinkNode(name, target);
        }

        private void assertRefused(Digest root, String location, String message) {
            Path out = tmp.resolve("out");
            assertThatThrownBy(() -> cas.materializeTree(root, out))
                    .isInstanceOfSatisfying(InvalidTreeException.class,
                            e -> assertThat(e.location()).isEqualTo(location))
                    .hasMessageContaining(message);
            assertThat(out).doesNotExist();
        }

        @Test
        void aChainThroughALinkToTheParentLeavesTheTree() throws Exception {
            // sub/l -> .. is fine alone; x -> sub/l/.. reads as "stay here" but resolves to the tree's parent.
            Digest sub = store(links(link("l", "..")));
            Digest root = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("sub", sub)),
                    List.of(link("x", "sub/l/.."))));
            assertRefused(root, "x", "resolved through other links");
        }

        @Test
        void aLinkToALinkThatClimbsLeavesTheTree() throws Exception {
            Digest sub = store(links(link("b", "../..")));
            Digest root = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("sub", sub)),
                    List.of(link("a", "sub/b/.."))));
            assertRefused(root, "a", "leaves the tree");
        }

        @Test
        void dotDotThroughALinkedDirectoryIsResolvedFromTheLinksTarget() throws Exception {
            // s -> sub/deep is a directory two levels down: s/.. is sub (inside), but t -> s/../../.. is outside
            // although "t" itself only climbs once as text.
            Digest deep = store(Directory.EMPTY);
            Digest sub = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("deep", deep)), List.of()));
            Digest inside = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("sub", sub)),
                    List.of(link("s", "sub/deep"), link("up", "s/.."))));
            Path ok = tmp.resolve("ok");
            cas.materializeTree(inside, ok);
            assertThat(ok.resolve("up").toRealPath()).isEqualTo(ok.resolve("sub").toRealPath());

            Digest outside = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("sub", sub)),
                    List.of(link("s", "sub/deep"), link("t", "s/../../.."))));
            assertRefused(outside, "t", "leaves the tree");
        }

        @Test
        void loopsOfLinksAreRefused() throws Exception {
            assertRefused(store(links(link("a", "b"), link("b", "a"))), "a", "loop");
            assertRefused(store(links(link("self", "self/x"))), "self", "loop");
        }

        @Test
        void absoluteTargetsAreRefusedEvenWhenReachedThroughAnotherLink() throws Exception {
            assertRefused(store(links(link("etc", "/etc"))), "etc", "absolute path '/etc'");
            Digest sub = store(links(link("abs", "/")));
            Digest root = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("sub", sub)),
                    List.of(link("a", "sub/abs"))));
            assertRefused(root, "sub/abs", "absolute path '/'");
        }

        @Test
        void linksStayingInsideThroughChainsAreKept() throws Exception {
            Digest lib = store(new Directory(List.of(new Directory.FileNode("libz.so.1",
                    cas.put("ELF".getBytes(StandardCharsets.US_ASCII)), false)), List.of(),
                    List.of(link("libz.so", "libz.so.1"), link("up", ".."))));
            Digest root = store(new Directory(List.of(), List.of(new Directory.DirectoryNode("lib", lib)),
                    List.of(link("current", "lib/up/lib/libz.so"))));
            Path out = tmp.resolve("out");
            cas.materializeTree(root, out);
            assertThat(Files.readString(out.resolve("current"))).isEqualTo("ELF");
            assertThat(Files.isSymbolicLink(out.resolve("current"))).isTrue();
        }

        @Test
        void storingALocalTreeResolvesLinksThroughOtherLinks() throws Exception {
            Path src = tmp.resolve("evil");
            Files.createDirectories(src.resolve("sub"));
            Files.createSymbolicLink(src.resolve("sub/l"), Path.of(".."));
            Files.createSymbolicLink(src.resolve("x"), Path.of("sub/l/.."));
            assertThatThrownBy(() -> cas.putTree(src))
                    .isInstanceOfSatisfying(InvalidTreeException.class, e -> assertThat(e.location()).isEqualTo("x"))
                    .hasMessageContaining("leaves the tree");
            Path loop = tmp.resolve("loop");
            Files.createDirectories(loop);
            Files.createSymbolicLink(loop.resolve("a"), Path.of("b"));
            Files.createSymbolicLink(loop.resolve("b"), Path.of("a"));
            assertThatThrownBy(() -> cas.putTree(loop)).isInstanceOf(InvalidTreeException.class)
                    .hasMessageContaining("loop");
        }

        @Test
        void refusesToMaterialiseIntoADirectoryThatIsALink() throws Exception {
            Path real = Files.createDirectories(tmp.resolve("elsewhere"));
            Path link = Files.createSymbolicLink(tmp.resolve("out"), real);
            Digest root = store(new Directory(List.of(new Directory.FileNode("f",
                    cas.put("f".getBytes(StandardCharsets.US_ASCII)), false)), List.of(), List.of()));
            assertThatThrownBy(() -> cas.materializeTree(root, link)).isInstanceOf(java.nio.file.FileSystemException.class)
                    .hasMessageContaining("symbolic link");
            assertThat(real).isEmptyDirectory();
        }
    }
}
