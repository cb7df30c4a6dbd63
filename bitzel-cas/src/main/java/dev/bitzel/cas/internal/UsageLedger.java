package dev.bitzel.cas.internal;

import dev.bitzel.cas.CasOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's size as the quota sees it, shared by all processes through the {@code usage} file (guarded by an
 * fcntl lock on {@code usage.lock}): each process adds what it wrote in batches of {@code flushEvery} bytes (so
 * small puts do not each take a file lock), and every full scan replaces the figure with the scanned one plus what
 * other processes added while the scan ran. It decides when to scan, never what to delete.
 *
 * <p>What a process does not yet see is bounded: every other process's unflushed batch (less than
 * {@code flushEvery} each). A scan never loses a concurrent writer's addition (it may count it twice, which only
 * makes the figure high until the next scan).
 */
final class UsageLedger {

    /** POSIX locks do not exclude threads of one process: one JVM lock per store in front of the file lock. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Layout layout;
    private final Session session;
    private final long flushEvery;
    private final AtomicLong view;
    private final AtomicLong unflushed = new AtomicLong();

    UsageLedger(Layout layout, Session session, long quota) {
        this.layout = layout;
        this.session = session;
        this.flushEvery = flushEvery(quota);
        this.view = new AtomicLong(read());
    }

    /** The batch size for a quota: a 64th of it (so N writers overshoot by at most N/64), 4 KiB to 64 MiB. */
    static long flushEvery(long quota) {
        return quota == CasOptions.UNLIMITED ? Long.MAX_VALUE : Math.max(4096, Math.min(64L << 20, quota / 64));
    }

    /** Returns the current estimate. */
    long get() {
        return view.get();
    }

    /** Counts {@code bytes} written by this process; returns the new estimate. */
    long add(long bytes) {
        long v = view.addAndGet(bytes);
        if (unflushed.addAndGet(bytes) >= flushEvery) {
            v = flush();
        }
        return v;
    }

    /** Adds this process's unflushed bytes to the shared figure and returns it (what others wrote included). */
    long flush() {
        try {
            return locked(() -> {
                long shared = read() + unflushed.getAndSet(0);
                write(shared);
                view.set(shared + unflushed.get());
                return shared;
            });
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "cannot record usage: " + e);
            return view.get();
        }
    }

    /** Re-reads the shared figure; returns the estimate with this process's unflushed bytes. */
    long refresh() {
        try {
            return locked(() -> {
                long v = read() + unflushed.get();
                view.set(v);
                return v;
            });
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "cannot read usage: " + e);
            return view.get();
        }
    }

    /** Before a scan: flushes this process's bytes and returns the shared figure, for {@link #reconcile}. */
    long snapshot() {
        return flush();
    }

    /**
     * After a scan that found {@code scanned} bytes: records that plus whatever the others flushed since
     * {@code snapshot} (their writes during the scan, which it may have missed). Only the holder of the maintenance
     * lock calls this, so no other scan's result is mixed in.
     */
    void reconcile(long snapshot, long scanned) {
        try {
            locked(() -> {
                long v = scanned + Math.max(0, read() - snapshot);
                write(v);
                view.set(v + unflushed.get());
                return v;
            });
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "cannot record usage: " + e);
            view.set(scanned);
        }
    }

    private interface Action {
        long run() throws IOException;
    }

    private long locked(Action action) throws IOException {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(layout.root, p -> new ReentrantLock());
        jvm.lock();
        try (FileChannel ch = FileChannel.open(layout.root.resolve("usage.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ch.lock();
            return action.run();
        } finally {
            jvm.unlock();
        }
    }

    private long read() {
        try {
            return Long.parseLong(Files.readString(layout.usageFile(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void write(long bytes) throws IOException {
        Path tmp = session.newTemp();
        Files.writeString(tmp, Long.toString(bytes), StandardCharsets.US_ASCII);
        Files.move(tmp, layout.usageFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
