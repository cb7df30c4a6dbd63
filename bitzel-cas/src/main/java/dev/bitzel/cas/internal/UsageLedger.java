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
 * The store's size as the quota sees it, shared by all processes through the {@code usage} file: each process adds
 * what it wrote in batches (so small puts do not each take a file lock), and every full scan replaces the figure
 * with the exact one. It is a hint that decides when to scan, never what to delete; between flushes each process
 * may be behind by one batch per writer.
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
        this.flushEvery = quota == CasOptions.UNLIMITED ? Long.MAX_VALUE
                : Math.max(4096, Math.min(64L << 20, quota / 64));
        this.view = new AtomicLong(read());
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

    /** Replaces the estimate with an exact figure from a scan (which saw this process's writes too). */
    void set(long exact) {
        try {
            locked(() -> {
                unflushed.set(0);
                write(exact);
                return exact;
            });
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "cannot record usage: " + e);
        }
        view.set(exact);
    }

    private long flush() {
        try {
            return locked(() -> {
                long shared = read() + unflushed.getAndSet(0);
                write(shared);
                view.set(shared);
                return shared;
            });
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "cannot record usage: " + e);
            return view.get();
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
