package dev.bitzel.sandbox;

import dev.bitzel.sandbox.internal.HelperRunner;
import dev.bitzel.sandbox.internal.HelperServer;
import dev.bitzel.sandbox.internal.NativeHelper;
import dev.bitzel.sandbox.internal.UnsandboxedRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Runs commands hermetically, one {@link #run(SandboxSpec)} at a time per call, any number concurrently.
 * Thread-safe. Start here:
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.create();
 * SandboxResult result = sandbox.run(SandboxSpec.builder("sh", "-c", "make -C /work/src")
 *         .writable(Path.of("/work/src"))
 *         .limits(Limits.none().withTimeout(Duration.ofMinutes(5)).withMemoryBytes(2L << 30))
 *         .stdout(Path.of("/work/log/out.txt"))
 *         .build());
 * }</pre>
 *
 * <p>A command that fails or hits a limit is a normal {@link SandboxResult}; a sandbox that cannot be
 * set up is a {@link SandboxException}. The first run starts one small native helper process that forks every
 * later sandbox (cheaper than a process launch from the JVM); {@link #close()} stops it, and it stops by itself
 * when the JVM exits.
 */
public final class Sandbox implements AutoCloseable {
    private final Path cacheDir;
    private final Object lock = new Object();
    private HelperServer server;
    private boolean closed;

    private Sandbox(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** A sandbox extracting its native helper under {@code $XDG_CACHE_HOME} or {@code ~/.cache} ({@code bitzel/sandbox}). */
    public static Sandbox create() {
        return new Sandbox(NativeHelper.defaultCacheDir());
    }

    /** A sandbox extracting its native helper under this directory. */
    public static Sandbox create(Path cacheDir) {
        return new Sandbox(Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath());
    }

    /**
     * Runs the command and waits for it.
     *
     * @return how it ended, with times, peak memory and the limits it hit
     * @throws SandboxUnavailableException when this machine cannot sandbox and the spec does not allow running unsandboxed
     * @throws SandboxException when the sandbox could not be set up for this spec (a missing path, …)
     * @throws IOException when the helper cannot be extracted or started
     * @throws InterruptedException when interrupted; the command's whole process tree is killed first
     */
    public SandboxResult run(SandboxSpec spec) throws IOException, InterruptedException {
        Objects.requireNonNull(spec, "spec");
        String unavailable = NativeHelper.unavailableReason();
        if (unavailable == null) {
            try {
                Path helper = NativeHelper.extract(cacheDir);
                return HelperRunner.run(helper, server(helper), spec);
            } catch (SandboxUnavailableException e) {
                if (!spec.allowUnsandboxed()) {
                    throw e;
                }
                unavailable = e.detail();
            }
        } else if (!spec.allowUnsandboxed()) {
            throw new SandboxUnavailableException(spec.command(), unavailable);
        }
        return UnsandboxedRunner.run(spec, unavailable);
    }

    private HelperServer server(Path helper) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("sandbox is closed");
            }
            if (server == null || !server.isAlive()) {
                server = HelperServer.start(helper);
            }
            return server;
        }
    }

    /** Stops the helper process; sandboxes still running are killed. Later runs throw IllegalStateException. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }
}
