package dev.bitzel.sandbox.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One long-lived native helper in server mode ({@code --server}): each run is a fork of that small process
 * instead of a process launch from the JVM, which costs more than the whole sandbox set-up. Thread-safe.
 * The server exits, killing every sandbox it runs, when this JVM closes its stdin or dies.
 */
public final class HelperServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HelperServer.class.getName());

    private final Process process;
    private final OutputStream requests;
    private final Map<Long, CompletableFuture<Integer>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private HelperServer(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        Thread responses = new Thread(this::readResponses, "bitzel-sandbox-server-" + process.pid());
        responses.setDaemon(true);
        responses.start();
        Thread errors = new Thread(this::logErrors, "bitzel-sandbox-server-stderr-" + process.pid());
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts the helper at path in server mode. */
    public static HelperServer start(Path helper) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(helper.toString(), "--server");
        pb.environment().clear();
        return new HelperServer(pb.start());
    }

    /** Whether the server process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs the helper with these arguments (without the program name) in a forked worker and waits.
     *
     * @return the worker's exit status, as the helper's would be
     * @throws IOException when the server is gone
     * @throws InterruptedException when interrupted; the worker, and so the whole sandbox, is killed first
     */
    public int run(List<String> args) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        pending.put(id, done);
        ByteArrayOutputStream request = new ByteArrayOutputStream(256);
        token(request, Long.toString(id));
        token(request, Integer.toString(args.size()));
        for (String arg : args) {
            token(request, arg);
        }
        send(request.toByteArray(), id);
        try {
            return done.get();
        } catch (InterruptedException e) {
            ByteArrayOutputStream kill = new ByteArrayOutputStream();
            token(kill, "K");
            token(kill, Long.toString(id));
            try {
                send(kill.toByteArray(), id);
            } catch (IOException ignored) {
                // the server is gone, and its workers with it
            }
            throw e;
        } catch (ExecutionException e) {
            throw new IOException("sandbox helper server failed", e.getCause());
        }
    }

    private void send(byte[] bytes, long id) throws IOException {
        try {
            synchronized (requests) {
                requests.write(bytes);
                requests.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            throw new IOException("sandbox helper server (pid " + process.pid() + ") is gone", e);
        }
    }

    private static void token(ByteArrayOutputStream out, String value) {
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private void readResponses() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                int space = line.indexOf(' ');
                CompletableFuture<Integer> done = pending.remove(Long.parseLong(line.substring(0, space)));
                if (done != null) {
                    done.complete(Integer.parseInt(line.substring(space + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sandbox helper server: bad response", e);
        }
        IOException gone = new IOException("sandbox helper server (pid " + process.pid() + ") exited");
        pending.values().forEach(f -> f.completeExceptionally(gone));
    }

    private void logErrors() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String message = line;
                LOG.log(System.Logger.Level.WARNING, () -> "sandbox helper: " + message);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "sandbox helper stderr closed", e);
        }
    }

    /** Stops the server: every sandbox it still runs is killed. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }
}
