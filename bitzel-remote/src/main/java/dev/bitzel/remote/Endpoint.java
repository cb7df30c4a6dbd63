package dev.bitzel.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The address of a REAPI or BES service as users write it: {@code grpc://host:port} (plain text) or
 * {@code grpcs://host:port} (TLS), optionally followed by {@code /INSTANCE_NAME}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host the host name or address, never empty
 * @param port the TCP port, 1 to 65535
 * @param tls whether the connection uses TLS
 * @param instanceName the REAPI instance name, empty for the default instance
 */
public record Endpoint(String host, int port, boolean tls, String instanceName) {

    /** Validates the components. */
    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(instanceName, "instanceName");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
    }

    /**
     * Parses {@code grpc://host:port[/instance]} or {@code grpcs://host[:port][/instance]}; {@code grpcs}
     * defaults to port 443.
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    public static Endpoint parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "' (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme();
        if (!"grpc".equals(scheme) && !"grpcs".equals(scheme)) {
            throw new IllegalArgumentException("URL must start with grpc:// or grpcs://, was '" + url + "'");
        }
        boolean tls = "grpcs".equals(scheme);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: '" + url + "'");
        }
        int port = uri.getPort();
        if (port < 0) {
            if (!tls) {
                throw new IllegalArgumentException("grpc:// URL needs a port (grpc://host:PORT), was '" + url + "'");
            }
            port = 443;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String instance = path.startsWith("/") ? path.substring(1) : path;
        return new Endpoint(uri.getHost(), port, tls, instance);
    }

    /** Returns the URL form accepted by {@link #parse(String)}. */
    @Override
    public String toString() {
        return (tls ? "grpcs://" : "grpc://") + host + ":" + port + (instanceName.isEmpty() ? "" : "/" + instanceName);
    }
}
