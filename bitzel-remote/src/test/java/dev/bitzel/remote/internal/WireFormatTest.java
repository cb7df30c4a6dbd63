package dev.bitzel.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.remote.internal.proto.reapi.ActionResult;
import dev.bitzel.remote.internal.proto.reapi.RemoteExecutionProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void theGeneratedDirectoryEncodesExactlyAsBitzelCasDoesSoDigestsAgree() {
        Directory d = new Directory(
                List.of(new Directory.FileNode("a.txt", Digest.ofUtf8("a"), false),
                        new Directory.FileNode("run", Digest.ofUtf8("#!"), true)),
                List.of(new Directory.DirectoryNode("sub", Directory.EMPTY.digest())),
                List.of(new Directory.SymlinkNode("link", "a.txt")));
        assertThat(Protos.toProto(d).toByteArray()).isEqualTo(d.toBytes());
    }

    @Test
    void packagesAndFieldNumbersAreRemoteApisV2s() {
        Descriptors.FileDescriptor file = RemoteExecutionProto.getDescriptor();
        assertThat(file.getPackage()).isEqualTo("build.bazel.remote.execution.v2");
        Descriptors.Descriptor result = ActionResult.getDescriptor();
        assertThat(result.getFullName()).isEqualTo("build.bazel.remote.execution.v2.ActionResult");
        assertThat(result.findFieldByName("output_files").getNumber()).isEqualTo(2);
        assertThat(result.findFieldByName("output_directories").getNumber()).isEqualTo(3);
        assertThat(result.findFieldByName("exit_code").getNumber()).isEqualTo(4);
        assertThat(result.findFieldByName("execution_metadata").getNumber()).isEqualTo(9);
        assertThat(file.findServiceByName("ContentAddressableStorage").findMethodByName("GetTree").toProto()
                .getServerStreaming()).isTrue();
        assertThat(dev.bitzel.remote.internal.proto.bytestream.ReadResponse.getDescriptor()
                .findFieldByName("data").getNumber()).isEqualTo(10);
        assertThat(dev.bitzel.remote.internal.proto.bep.BuildEvent.getDescriptor().getFullName())
                .isEqualTo("build_event_stream.BuildEvent");
    }

    @Test
    void resourceNamesParseInEveryFormREapiAllowsAndBadOnesAreNamed() {
        Digest d = Digest.ofUtf8("x");
        assertThat(ResourceName.parseRead("blobs/" + d)).isEqualTo(new ResourceName("", "", false, d));
        assertThat(ResourceName.parseRead("a/b/compressed-blobs/zstd/" + d)).isEqualTo(new ResourceName("a/b", "",
                true, d));
        assertThat(ResourceName.parseWrite("i/uploads/u-1/blobs/sha256/" + d + "/meta/data"))
                .isEqualTo(new ResourceName("i", "u-1", false, d));
        assertThat(ResourceName.parseWrite(ResourceName.write("inst", "u", d, true)))
                .isEqualTo(new ResourceName("inst", "u", true, d));
        assertThatThrownBy(() -> ResourceName.parseRead("compressed-blobs/brotli/" + d))
                .hasMessageContaining("only zstd");
        assertThatThrownBy(() -> ResourceName.parseRead("blobs/nothex/3")).hasMessageContaining("'blobs/nothex/3'");
        assertThatThrownBy(() -> ResourceName.parseWrite("blobs/" + d)).hasMessageContaining("uploads/UUID");
    }
}
