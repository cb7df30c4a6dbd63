// Not part of the build. Run: javac -cp protobuf-java-4.32.1.jar RealProtobufCheck.java && java -cp protobuf-java-4.32.1.jar:. RealProtobufCheck
// It prints the golden digest DirectoryTest checks, computed by protobuf-java itself (run 2026-11-28: 53e8e495…/233).
import com.google.protobuf.DescriptorProtos.*;
import com.google.protobuf.Descriptors.*;
import com.google.protobuf.DynamicMessage;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Encodes a REAPI Directory with protobuf-java's own serializer, from a descriptor mirroring remote_execution.proto. */
public class RealProtobufCheck {
    static FieldDescriptorProto f(String name, int num, FieldDescriptorProto.Type t, String typeName, boolean repeated) {
        FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(num).setType(t)
            .setLabel(repeated ? FieldDescriptorProto.Label.LABEL_REPEATED : FieldDescriptorProto.Label.LABEL_OPTIONAL);
        if (typeName != null) b.setTypeName(typeName);
        return b.build();
    }
    public static void main(String[] a) throws Exception {
        var S = FieldDescriptorProto.Type.TYPE_STRING; var M = FieldDescriptorProto.Type.TYPE_MESSAGE;
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("re.proto").setPackage("build.bazel.remote.execution.v2").setSyntax("proto3")
          .addMessageType(DescriptorProto.newBuilder().setName("Digest").addField(f("hash",1,S,null,false)).addField(f("size_bytes",2,FieldDescriptorProto.Type.TYPE_INT64,null,false)))
          .addMessageType(DescriptorProto.newBuilder().setName("NodeProperties"))
          .addMessageType(DescriptorProto.newBuilder().setName("FileNode").addField(f("name",1,S,null,false)).addField(f("digest",2,M,".build.bazel.remote.execution.v2.Digest",false))
              .addField(f("is_executable",4,FieldDescriptorProto.Type.TYPE_BOOL,null,false)).addField(f("node_properties",6,M,".build.bazel.remote.execution.v2.NodeProperties",false)))
          .addMessageType(DescriptorProto.newBuilder().setName("DirectoryNode").addField(f("name",1,S,null,false)).addField(f("digest",2,M,".build.bazel.remote.execution.v2.Digest",false)))
          .addMessageType(DescriptorProto.newBuilder().setName("SymlinkNode").addField(f("name",1,S,null,false)).addField(f("target",2,S,null,false)))
          .addMessageType(DescriptorProto.newBuilder().setName("Directory").addField(f("files",1,M,".build.bazel.remote.execution.v2.FileNode",true))
              .addField(f("directories",2,M,".build.bazel.remote.execution.v2.DirectoryNode",true)).addField(f("symlinks",3,M,".build.bazel.remote.execution.v2.SymlinkNode",true))
              .addField(f("node_properties",5,M,".build.bazel.remote.execution.v2.NodeProperties",false)))
          .build();
        FileDescriptor fd = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
        Descriptor dig = fd.findMessageTypeByName("Digest"), fn = fd.findMessageTypeByName("FileNode"), dn = fd.findMessageTypeByName("DirectoryNode"),
            sn = fd.findMessageTypeByName("SymlinkNode"), dir = fd.findMessageTypeByName("Directory");
        java.util.function.BiFunction<String,Long,DynamicMessage> digest = (h, s) -> DynamicMessage.newBuilder(dig).setField(dig.findFieldByName("hash"), h).setField(dig.findFieldByName("size_bytes"), s).build();
        String abc = sha("abc".getBytes()), empty = sha(new byte[0]), x = sha("x".getBytes());
        DynamicMessage d = DynamicMessage.newBuilder(dir)
          .addRepeatedField(dir.findFieldByName("files"), DynamicMessage.newBuilder(fn).setField(fn.findFieldByName("name"), "a").setField(fn.findFieldByName("digest"), digest.apply(abc, 3L)).setField(fn.findFieldByName("is_executable"), true).build())
          .addRepeatedField(dir.findFieldByName("files"), DynamicMessage.newBuilder(fn).setField(fn.findFieldByName("name"), "b").setField(fn.findFieldByName("digest"), digest.apply(empty, 0L)).setField(fn.findFieldByName("is_executable"), false).build())
          .addRepeatedField(dir.findFieldByName("directories"), DynamicMessage.newBuilder(dn).setField(dn.findFieldByName("name"), "d").setField(dn.findFieldByName("digest"), digest.apply(x, 1L)).build())
          .addRepeatedField(dir.findFieldByName("symlinks"), DynamicMessage.newBuilder(sn).setField(sn.findFieldByName("name"), "l").setField(sn.findFieldByName("target"), "a").build())
          .build();
        byte[] bytes = d.toByteArray();
        System.out.println(sha(bytes) + "/" + bytes.length);
    }
    static String sha(byte[] b) throws Exception { return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)); }
}
