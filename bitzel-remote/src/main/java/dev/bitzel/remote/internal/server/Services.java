package dev.bitzel.remote.internal.server;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The services of one server, for any transport (Netty for {@code bitzel serve}, in-process in tests). */
public final class Services implements AutoCloseable {

    private final List<BindableService> services = new ArrayList<>();
    private final ExecutionService execution;
    private final BesService bes;
    private final ByteStreamService byteStream;

    /** Creates the services over {@code config}. */
    public Services(ServerConfig config) throws IOException {
        services.add(new CapabilitiesService(config));
        services.add(new CasService(config));
        byteStream = new ByteStreamService(config);
        services.add(byteStream);
        services.add(new ActionCacheService(config));
        bes = new BesService();
        services.add(bes);
        if (config.sandbox() != null) {
            execution = new ExecutionService(config);
            services.add(execution);
        } else {
            execution = null;
        }
    }

    /** The build event service, to read what clients sent. */
    public BesService bes() {
        return bes;
    }

    /** Returns the definitions, each wrapped by {@code interceptors} (first runs first). */
    public List<ServerServiceDefinition> definitions(List<ServerInterceptor> interceptors) {
        List<ServerServiceDefinition> out = new ArrayList<>();
        List<ServerInterceptor> reversed = new ArrayList<>(interceptors);
        java.util.Collections.reverse(reversed);
        for (BindableService s : services) {
            out.add(ServerInterceptors.intercept(s, reversed));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        byteStream.close();
        if (execution != null) {
            execution.close();
        }
    }
}
