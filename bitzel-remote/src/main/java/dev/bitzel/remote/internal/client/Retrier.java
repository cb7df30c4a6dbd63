package dev.bitzel.remote.internal.client;

import dev.bitzel.remote.RemoteException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs calls with retries on transient codes only (UNAVAILABLE, RESOURCE_EXHAUSTED, ABORTED, DEADLINE_EXCEEDED, and
 * CANCELLED, which is what a stream gets when the server shuts down under it: this client cancels calls only on a
 * local failure, which it reports itself),
 * sleeping an exponentially growing delay with full jitter between attempts, and bounding the calls in flight.
 * Any other code fails at once. Failures become {@link RemoteException}s naming the server and what was asked.
 */
public final class Retrier {

    private static final System.Logger LOG = System.getLogger(Retrier.class.getName());
    static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED);

    private final String server;
    private final int maxAttempts;
    private final Duration initial;
    private final Duration max;
    private final Semaphore inFlight;

    /** Retries calls to {@code server}. */
    public Retrier(String server, int maxAttempts, Duration initial, Duration max, int maxConcurrent) {
        this.server = server;
        this.maxAttempts = maxAttempts;
        this.initial = initial;
        this.max = max;
        this.inFlight = new Semaphore(maxConcurrent, true);
    }

    /** A call attempt. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** Runs once. */
        T run() throws IOException, InterruptedException;
    }

    /**
     * Whether a status is worth another attempt. A failed TLS handshake (a certificate the other side does not
     * trust) is not, although gRPC reports it as UNAVAILABLE: it fails the same way every time.
     */
    public static boolean isTransient(Status status) {
        return TRANSIENT.contains(status.getCode()) && tlsProblem(status) == null;
    }

    /** Returns the message of the TLS failure behind a status, or null when there is none. */
    static String tlsProblem(Status status) {
        for (Throwable t = status.getCause(); t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return null;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or the attempts run out.
     *
     * @param what what is being done, naming the blob or action, for error messages
     * @throws RemoteException when the server refuses or stays unreachable
     * @throws IOException from the attempt itself (local I/O, digest mismatches)
     * @throws InterruptedException when interrupted while waiting
     */
    public <T> T call(String what, Attempt<T> attempt) throws IOException, InterruptedException {
        for (int n = 1;; n++) {
            inFlight.acquire();
            try {
                return attempt.run();
            } catch (StatusRuntimeException e) {
                Status s = e.getStatus();
                if (!isTransient(s) || n >= maxAttempts) {
                    throw failure(what, s, e, n);
                }
                long delay = backoff(n);
                int tried = n;
                LOG.log(System.Logger.Level.DEBUG, () -> what + ": " + s.getCode() + " (attempt " + tried + " of "
                        + maxAttempts + "), retrying in " + delay + " ms");
                inFlight.release();
                try {
                    Thread.sleep(delay);
                } finally {
                    inFlight.acquire();
                }
            } finally {
                inFlight.release();
            }
        }
    }

    /** Builds the final exception for a status. */
    public RemoteException failure(String what, Status s, Throwable cause, int attempts) {
        String tls = tlsProblem(s);
        return new RemoteException(s.getCode().name(), what + " at " + server + " failed: " + s.getCode()
                + (s.getDescription() == null ? "" : " (" + s.getDescription() + ")")
                + (tls == null ? "" : ": the TLS handshake failed (" + tls + "); check that the certificate authority"
                        + " given to the client signed the server's certificate, and the client certificate when the"
                        + " server requires one")
                + (attempts > 1 ? " after " + attempts + " attempts" : ""), cause);
    }

    /** The delay before attempt {@code n + 1}: uniform in [0, min(max, initial * 2^(n-1))]. */
    public long backoff(int n) {
        long base = Math.min(max.toMillis(), initial.toMillis() << Math.min(30, n - 1));
        return ThreadLocalRandom.current().nextLong(base + 1);
    }
}
