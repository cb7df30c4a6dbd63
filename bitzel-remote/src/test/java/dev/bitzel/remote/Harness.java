package dev.bitzel.remote;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.remote.internal.server.ServerConfig;
import dev.bitzel.remote.internal.server.Services;
import dev.bitzel.remote.internal.server.TokenInterceptor;
import dev.bitzel.sandbox.Sandbox;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An in-process server on a fresh store, with fault injection, and clients for it. */
final class Harness implements AutoCloseable {

    final Path dir;
    final ContentStore store;
    final Faults faults = new Faults();
    final Services services;
    private final Server server;
    private final String name = UUID.randomUUID().toString();
    private final List<RemoteClient> clients = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    Harness(Path dir, long maxBatchBytes, Sandbox sandbox, String token) throws IOException {
        this.dir = dir;
        this.store = Cas.open(Files.createDirectories(dir.resolve("server-cas")));
        this.services = new Services(new ServerConfig(store, 1L << 40, maxBatchBytes, sandbox,
                Files.createDirectories(dir.resolve("scratch")), 2));
        List<ServerInterceptor> interceptors = new ArrayList<>();
        interceptors.add(faults);
        if (token != null) {
            interceptors.add(new TokenInterceptor(token));
        }
        InProcessServerBuilder b = InProcessServerBuilder.forName(name);
        services.definitions(interceptors).forEach(b::addService);
        this.server = b.build().start();
    }

    RemoteClient client(UnaryOperator<RemoteOptions.Builder> configure) {
        RemoteOptions options = configure.apply(RemoteOptions.builder(Endpoint.parse("grpc://in-process:1"))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).deadline(Duration.ofSeconds(30))).build();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).maxInboundMessageSize(64 << 20).build();
        RemoteClient c = RemoteClient.forChannel(channel, options);
        clients.add(c);
        return c;
    }

    ManagedChannel channel() {
        ManagedChannel c = InProcessChannelBuilder.forName(name).build();
        channels.add(c);
        return c;
    }

    RemoteClient client() {
        return client(b -> b);
    }

    @Override
    public void close() throws IOException {
        clients.forEach(RemoteClient::close);
        channels.forEach(ManagedChannel::shutdownNow);
        server.shutdownNow();
        services.close();
        store.close();
    }
}
