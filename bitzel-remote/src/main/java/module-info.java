/**
 * Speaks the Remote Execution API v2 (cache and execution, client and server), ByteStream and the Build Event
 * Service, and writes Build Event Protocol files.
 *
 * <p>Start from {@link dev.bitzel.remote.RemoteClient} (a REAPI client), {@link dev.bitzel.remote.RemoteExecutor}
 * (the spawn port: run a command remotely, or look it up in and record it to a remote cache),
 * {@link dev.bitzel.remote.RemoteServer} (what {@code bitzel serve} runs) and
 * {@link dev.bitzel.remote.BuildEventPublisher} (BEP JSON files and BES streams).
 *
 * <h2>Protocol classes</h2>
 * The wire format comes from the module's own .proto files (src/main/proto: REAPI v2, google.bytestream,
 * google.longrunning.Operation, google.rpc Status/Code/PreconditionFailure, build.bazel.semver, Bazel's
 * build_event_stream and google.devtools.build.v1), compiled at build time by protoc 4.36.2 and grpc-java's
 * generator 1.83.1 from Maven Central into {@code dev.bitzel.remote.internal.proto.*}, which is not exported: the
 * proto packages (what the wire depends on) are the public ones, the Java packages are Bitzel's, so an embedder's
 * own copy of these protos cannot clash. No generated, grpc or protobuf type appears in an exported signature.
 *
 * <h2>JPMS</h2>
 * protobuf-java, protobuf-java-util and grpc-java carry only an {@code Automatic-Module-Name}, so on the module
 * path they are automatic modules (resolved through this module's {@code requires}; grpc's Netty transport is
 * required too so that its server and channel providers are resolved). The javac warning for requiring an
 * automatic module is suppressed here and nowhere else. grpc's {@code proto-google-common-protos} is excluded: it
 * has no module name and would put {@code com.google.rpc} on the graph twice; this module has its own
 * google.rpc messages. The generated packages are opened to {@code com.google.protobuf}, whose reflection
 * (JSON printing, field accessors) reaches into them.
 */
@SuppressWarnings("requires-automatic")
module dev.bitzel.remote {
    requires transitive dev.bitzel.cas;
    requires transitive dev.bitzel.sandbox;
    requires com.google.common;
    requires com.google.protobuf;
    requires com.google.protobuf.util;
    requires io.grpc;
    requires io.grpc.stub;
    requires io.grpc.protobuf;
    requires io.grpc.netty.shaded;
    requires com.github.luben.zstd_jni;

    exports dev.bitzel.remote;

    opens dev.bitzel.remote.internal.proto.reapi to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bytestream to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.longrunning to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.rpc to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.semver to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bes to com.google.protobuf;
    opens dev.bitzel.remote.internal.proto.bep to com.google.protobuf;
}
