package dev.bitzel.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DirectoryTest {

    private static final Digest ABC = Digest.ofUtf8("abc");

    @Nested
    class WireFormat {

        @Test
        void theEmptyDirectoryEncodesToNothingAndSoHasTheEmptyDigest() {
            assertThat(Directory.EMPTY.toBytes()).isEmpty();
            assertThat(Directory.EMPTY.digest()).isEqualTo(Digest.EMPTY);
        }

        @Test
        void encodesFieldsInNumberOrderOmittingProto3Defaults() {
            Directory d = new Directory(
                    List.of(new Directory.FileNode("a", ABC, true)),
                    List.of(new Directory.DirectoryNode("d", Digest.EMPTY)),
                    List.of(new Directory.SymlinkNode("l", "a")));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            // FileNode (field 1): name=1, digest=2 {hash=1, size_bytes=2}, is_executable=4
            expected.writeBytes(hex("0a4b" + "0a0161" + "1244" + "0a40"));
            expected.writeBytes(ABC.hash().getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(hex("1003" + "2001"));
            // DirectoryNode (field 2): size_bytes 0 is omitted
            expected.writeBytes(hex("1247" + "0a0164" + "1242" + "0a40"));
            expected.writeBytes(Digest.EMPTY.hash().getBytes(StandardCharsets.US_ASCII));
            // SymlinkNode (field 3): name=1, target=2
            expected.writeBytes(hex("1a06" + "0a016c" + "120161"));
            assertThat(HexFormat.of().formatHex(d.toBytes())).isEqualTo(HexFormat.of().formatHex(expected.toByteArray()));
        }

        @Test
        void matchesTheDigestProtobufJavaComputesForTheSameDirectory() {
            // Golden value computed by protobuf-java 4.32.1's own serializer (DynamicMessage over a descriptor of
            // remote_execution.proto's Directory); see src/test/protobuf-check. No protobuf dependency here.
            Directory d = new Directory(
                    List.of(new Directory.FileNode("a", ABC, true), new Directory.FileNode("b", Digest.EMPTY, false)),
                    List.of(new Directory.DirectoryNode("d", Digest.ofUtf8("x"))),
                    List.of(new Directory.SymlinkNode("l", "a")));
            assertThat(d.digest().toString()).isEqualTo("53e8e495befa327c54ed3a003ccb02909cd53621442e57cdfb09a04975ea4f8e/233");
        }

        @Test
        void parsesWhatItWritesAndSkipsUnknownFields() {
            Directory d = new Directory(
                    List.of(new Directory.FileNode("f\u00e9", ABC, false)),
                    List.of(new Directory.DirectoryNode("sub", Digest.EMPTY)),
                    List.of(new Directory.SymlinkNode("z", "sub/../f\u00e9")));
            assertThat(Directory.parse(d.toBytes())).isEqualTo(d);
            byte[] withProperties = concat(d.toBytes(), hex("2a00")); // node_properties (5), empty message
            assertThat(Directory.parse(withProperties)).isEqualTo(d);
        }

        @Test
        void rejectsTruncatedOrGarbledBytesWithTheOffset() {
            byte[] bytes = new Directory(List.of(new Directory.FileNode("a", ABC, false)), List.of(), List.of())
                    .toBytes();
            assertThatThrownBy(() -> Directory.parse(java.util.Arrays.copyOf(bytes, bytes.length - 5)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte");
            assertThatThrownBy(() -> Directory.parse(hex("0f"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("wire type 7");
        }
    }

    @Nested
    class HostileNames {

        @Test
        void rejectsSlashDotDotNulAndEmptyNamesShowingTheValue() {
            for (String bad : List.of("", ".", "..", "a/b", "../etc", "a\0b")) {
                assertThatThrownBy(() -> new Directory.FileNode(bad, ABC, false))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad.replace("\0", "\\0") + "'");
            }
        }

        @Test
        void rejectsHostileNamesWhenParsingBytesFromElsewhere() {
            byte[] dotdot = concat(hex("0a4a" + "0a022e2e" + "1244" + "0a40"),
                    ABC.hash().getBytes(StandardCharsets.US_ASCII), hex("1003"));
            assertThatThrownBy(() -> Directory.parse(dotdot)).hasMessageContaining("'..'");
        }

        @Test
        void rejectsUnsortedAndDuplicateNames() {
            assertThatThrownBy(() -> new Directory(
                    List.of(new Directory.FileNode("b", ABC, false), new Directory.FileNode("a", ABC, false)),
                    List.of(), List.of())).hasMessageContaining("'a' follows 'b'");
            assertThatThrownBy(() -> new Directory(List.of(new Directory.FileNode("a", ABC, false)),
                    List.of(new Directory.DirectoryNode("a", ABC)), List.of())).hasMessageContaining("used twice");
        }

        @Test
        void sortsByCodePointLikeUtf8BytesNotByUtf16Units() {
            // U+FFFD sorts before U+1F600 in UTF-8, after it in UTF-16 (a surrogate, 0xD83D, is smaller).
            Directory d = new Directory(List.of(new Directory.FileNode("\uFFFD", ABC, false),
                    new Directory.FileNode("\uD83D\uDE00", ABC, false)), List.of(), List.of());
            assertThat(Directory.parse(d.toBytes())).isEqualTo(d);
            assertThatThrownBy(() -> new Directory(List.of(new Directory.FileNode("\uD83D\uDE00", ABC, false),
                    new Directory.FileNode("\uFFFD", ABC, false)), List.of(), List.of()))
                    .hasMessageContaining("follows");
        }

        @Test
        void rejectsEmptyAndNulSymlinkTargets() {
            assertThatThrownBy(() -> new Directory.SymlinkNode("l", "")).hasMessageContaining("non-empty");
            assertThatThrownBy(() -> new Directory.SymlinkNode("l", "a\0")).hasMessageContaining("a\\0");
        }
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
