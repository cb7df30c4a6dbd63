package dev.bitzel.remote.internal.server;

import dev.bitzel.remote.internal.proto.reapi.ActionCacheUpdateCapabilities;
import dev.bitzel.remote.internal.proto.reapi.CacheCapabilities;
import dev.bitzel.remote.internal.proto.reapi.CapabilitiesGrpc;
import dev.bitzel.remote.internal.proto.reapi.Compressor;
import dev.bitzel.remote.internal.proto.reapi.DigestFunction;
import dev.bitzel.remote.internal.proto.reapi.ExecutionCapabilities;
import dev.bitzel.remote.internal.proto.reapi.GetCapabilitiesRequest;
import dev.bitzel.remote.internal.proto.reapi.ServerCapabilities;
import dev.bitzel.remote.internal.proto.reapi.SymlinkAbsolutePathStrategy;
import dev.bitzel.remote.internal.proto.semver.SemVer;
import io.grpc.stub.StreamObserver;

/** Tells clients what this server speaks: SHA-256, zstd, its batch and blob limits, and whether it executes. */
public final class CapabilitiesService extends CapabilitiesGrpc.CapabilitiesImplBase {

    private final ServerCapabilities capabilities;
    private final ServerConfig config;

    /** Describes a server with {@code config}. */
    public CapabilitiesService(ServerConfig config) {
        this.config = config;
        ServerCapabilities.Builder b = ServerCapabilities.newBuilder()
                .setCacheCapabilities(CacheCapabilities.newBuilder()
                        .addDigestFunctions(DigestFunction.Value.SHA256)
                        .setActionCacheUpdateCapabilities(ActionCacheUpdateCapabilities.newBuilder().setUpdateEnabled(true))
                        .setMaxBatchTotalSizeBytes(config.maxBatchBytes())
                        .setMaxCasBlobSizeBytes(config.maxBlobBytes())
                        .setSymlinkAbsolutePathStrategy(SymlinkAbsolutePathStrategy.Value.DISALLOWED)
                        .addSupportedCompressors(Compressor.Value.ZSTD)
                        .addSupportedBatchUpdateCompressors(Compressor.Value.ZSTD))
                .setLowApiVersion(SemVer.newBuilder().setMajor(2))
                .setHighApiVersion(SemVer.newBuilder().setMajor(2).setMinor(2));
        if (config.sandbox() != null) {
            b.setExecutionCapabilities(ExecutionCapabilities.newBuilder().setExecEnabled(true)
                    .setDigestFunction(DigestFunction.Value.SHA256).addDigestFunctions(DigestFunction.Value.SHA256));
        }
        this.capabilities = b.build();
    }

    @Override
    public void getCapabilities(GetCapabilitiesRequest request, StreamObserver<ServerCapabilities> response) {
        try {
            config.store(request.getInstanceName());
        } catch (RuntimeException e) {
            response.onError(Errors.toStatus(e));
            return;
        }
        response.onNext(capabilities);
        response.onCompleted();
    }
}
