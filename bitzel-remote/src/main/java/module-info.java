/**
 * Speaks the Remote Execution API v2 (cache and execution, client and server), ByteStream and the Build
 * Event Service, and writes Build Event Protocol files.
 *
 * <p>Start from {@link dev.bitzel.remote.Endpoint}, the address of a remote service.
 *
 * <p>protobuf-java and grpc-java carry only an {@code Automatic-Module-Name}, so they are automatic modules;
 * the warning javac gives for requiring one is suppressed here and nowhere else. No grpc or protobuf type
 * appears in an exported signature, so callers need not put them on their own module graph.
 */
@SuppressWarnings("requires-automatic")
module dev.bitzel.remote {
    requires transitive dev.bitzel.cas;
    requires transitive dev.bitzel.sandbox;
    requires com.google.common;
    requires com.google.protobuf;
    requires io.grpc;
    requires io.grpc.stub;
    requires io.grpc.protobuf;
    requires io.grpc.netty.shaded;
    requires com.google.protobuf.util;
    requires com.github.luben.zstd_jni;

    exports dev.bitzel.remote;

    // Generated messages are reached reflectively by protobuf (field accessors, JSON).
    opens dev.bitzel.remote.internal.proto.reapi to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bytestream to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.longrunning to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.rpc to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.semver to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bes to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bep to com.google.protobuf;
}
