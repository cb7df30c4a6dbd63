package dev.bitzel.cas.internal;

import com.github.luben.zstd.ZstdInputStream;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.CasStats;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.cas.FsckReport;
import dev.bitzel.cas.GcReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;

/**
 * Whole-store operations: stats, quota eviction, mark-and-sweep GC, fsck. All of them stream over the shard
 * directories and keep memory bounded: eviction picks its victims from a fixed-size histogram of last-access
 * times, and GC marks live blobs in a Bloom filter (a false positive only spares a garbage blob).
 */
final class Maintenance {

    private static final int BUCKETS = 4096;
    /** Eviction goes below the quota by this much, so that it does not run again after every put. */
    private static final double LOW_WATER = 0.9;
    /** One lock per store directory in this JVM: POSIX file locks cannot exclude threads of one process. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final DiskContentStore store;
    private final Layout layout;

    Maintenance(DiskContentStore store) {
        this.store = store;
        this.layout = store.layout;
    }

    // ---- locking ----

    private final class Held implements AutoCloseable {
        private final ReentrantLock jvm;
        private final FileChannel channel;

        Held(ReentrantLock jvm, FileChannel channel) {
            this.jvm = jvm;
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                jvm.unlock();
            }
        }
    }

    /** The lock that stands in front of {@code gc.lock} for the threads of this JVM. */
    static ReentrantLock jvmLock(Path root) {
        return JVM_LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
    }

    /** Takes the store's maintenance lock; when {@code wait} is false, returns null if another holds it. */
    private Held lock(boolean wait) throws IOException {
        ReentrantLock jvm = jvmLock(layout.root);
        if (wait) {
            jvm.lock();
        } else if (!jvm.tryLock()) {
            return null;
        }
        try {
            FileChannel ch = FileChannel.open(layout.gcLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = wait ? ch.lock() : ch.tryLock();
            if (l == null) {
                ch.close();
                jvm.unlock();
                return null;
            }
            return new Held(jvm, ch);
        } catch (IOException | RuntimeException e) {
            jvm.unlock();
            throw e;
        }
    }

    // ---- walking ----

    /** A stored object; {@code atime} is its last recorded access, {@code sealed} false if it was written to. */
    private record Obj(Path path, boolean blob, String hash, long size, long atime, boolean sealed) {
    }

    private interface Visitor {
        void visit(Obj o) throws IOException;
    }

    /** Visits every blob and action entry file, shard by shard; misnamed files get a null hash. */
    private void walk(Visitor v) throws IOException {
        walk(layout.blobs, true, v);
        walk(layout.actions, false, v);
    }

    private void walk(Path base, boolean blobs, Visitor v) throws IOException {
        List<Path> shards = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(base)) {
            s.forEach(shards::add);
        }
        shards.sort(null);
        for (Path shard : shards) {
            if (!Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
                v.visit(new Obj(shard, blobs, null, 0, 0, true));
                continue;
            }
            try (DirectoryStream<Path> s = Files.newDirectoryStream(shard)) {
                for (Path p : s) {
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException e) {
                        continue;
                    }
                    String name = p.getFileName().toString();
                    String hash = null;
                    Matcher m = (blobs ? Layout.BLOB_NAME : Layout.ACTION_NAME).matcher(name);
                    if (a.isRegularFile() && m.matches()
                            && name.startsWith(shard.getFileName().toString())) {
                        hash = blobs ? m.group(1) : name;
                    }
                    v.visit(new Obj(p, blobs, hash, a.size(), a.lastAccessTime().toMillis(), AtomicFiles.sealed(a)));
                }
            }
        }
    }

    // ---- stats ----

    CasStats stats() throws IOException {
        long[] c = new long[5];
        try (Held held = lock(true)) {
            Objects.requireNonNull(held);
            long s0 = store.usage.snapshot();
            walk(o -> {
                if (o.hash() == null) {
                    return;
                }
                if (o.blob()) {
                    c[0]++;
                    c[1] += o.size();
                    if (o.path().getFileName().toString().endsWith(".zst")) {
                        c[2]++;
                    }
                } else {
                    c[3]++;
                    c[4] += o.size();
                }
            });
            store.usage.reconcile(s0, c[1] + c[4]);
        }
        int live = Session.livePins(layout, new HashSet<>());
        return new CasStats(c[0], c[1], c[2], c[3], c[4], store.options.quotaBytes(), live, store.leftoversRemoved);
    }

    // ---- eviction ----

    /**
     * Called by a writer whose view of the usage is above the quota: waits for the maintenance lock (so that, while
     * one process evicts, the others stop writing instead of piling on), then evicts unless the usage, re-read
     * under the lock, shows that another process already did.
     */
    void evictForQuota() {
        try (Held held = lock(true)) {
            Objects.requireNonNull(held);
            if (store.usage.refresh() <= store.options.quotaBytes()) {
                return;
            }
            Set<String> pinned = new HashSet<>();
            Session.livePins(layout, pinned);
            evict(pinned);
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.WARNING, () -> "quota eviction in " + layout.root + " failed: " + e);
        }
    }

    /** Rounds of scan-and-delete one eviction makes at most (a round only falls short when writers race it). */
    private static final int EVICTION_ROUNDS = 4;

    /**
     * Evicts least recently used unpinned objects until under the low-water mark; returns {count, bytes, total}.
     * Caller holds the maintenance lock.
     */
    private long[] evict(Set<String> pinned) throws IOException {
        long quota = store.options.quotaBytes();
        long s0 = store.usage.snapshot();
        long[] freed = {0, 0};
        long after = 0;
        for (int round = 0; round < EVICTION_ROUNDS; round++) {
            long[] r = evictRound(pinned, quota);
            freed[0] += r[0];
            freed[1] += r[1];
            after = r[2];
            if (after <= quota || r[0] == 0) {
                break;
            }
        }
        store.usage.reconcile(s0, after);
        long remain = after;
        store.nextEviction.set(remain > quota ? remain + quota / 10 : quota);
        if (freed[0] > 0) {
            DiskContentStore.LOG.log(Level.INFO, () -> "evicted " + freed[0] + " objects (" + freed[1]
                    + " bytes) from " + layout.root + " to meet its quota of " + quota + " bytes; " + remain
                    + " bytes remain");
        }
        return new long[] {freed[0], freed[1], after};
    }

    /** One scan-and-delete round; returns {count, bytes, total after}. */
    private long[] evictRound(Set<String> pinned, long quota) throws IOException {
        long[] scan = {0, Long.MAX_VALUE, Long.MIN_VALUE};
        walk(o -> {
            if (o.hash() != null) {
                scan[0] += o.size();
                if (!pinned.contains(o.hash())) {
                    scan[1] = Math.min(scan[1], o.atime());
                    scan[2] = Math.max(scan[2], o.atime());
                }
            }
        });
        long total = scan[0];
        if (total <= quota) {
            return new long[] {0, 0, total};
        }
        long need = total - (long) (quota * LOW_WATER);
        long min = scan[1];
        long span = Math.max(1, scan[2] - min);
        long[] histogram = new long[BUCKETS];
        walk(o -> {
            if (o.hash() != null && !pinned.contains(o.hash())) {
                histogram[bucket(o.atime(), min, span)] += o.size();
            }
        });
        int cutoff = BUCKETS - 1;
        long sum = 0;
        for (int b = 0; b < BUCKETS; b++) {
            sum += histogram[b];
            if (sum >= need) {
                cutoff = b;
                break;
            }
        }
        int last = cutoff;
        long[] freed = {0, 0};
        walk(o -> {
            if (o.hash() != null && !pinned.contains(o.hash()) && bucket(o.atime(), min, span) <= last) {
                if (deleteIfUnchanged(o)) {
                    freed[0]++;
                    freed[1] += o.size();
                }
            }
        });
        return new long[] {freed[0], freed[1], total - freed[1]};
    }

    private static int bucket(long mtime, long min, long span) {
        return (int) Math.min(BUCKETS - 1, Math.max(0, (mtime - min) * (BUCKETS - 1) / span));
    }

    /** Deletes {@code o} unless it was accessed since it was scanned. */
    private boolean deleteIfUnchanged(Obj o) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(o.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.lastAccessTime().toMillis() > o.atime()) {
                return false;
            }
            Files.delete(o.path());
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    // ---- gc ----

    GcReport gc() throws IOException {
        long start = System.nanoTime();
        try (Held held = lock(true)) {
            Objects.requireNonNull(held);
            long s0 = store.usage.snapshot();
            Set<String> pinned = new HashSet<>();
            Session.livePins(layout, pinned);
            long[] before = {0, 0};
            walk(o -> {
                if (o.hash() != null) {
                    before[0] += o.size();
                    before[1]++;
                }
            });
            BloomFilter<CharSequence> live = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.US_ASCII),
                    Math.max(1000, before[1]), 0.001);
            Set<String> visitedDirs = new HashSet<>();
            long[] roots = {0};
            walk(layout.actions, false, o -> {
                if (o.hash() == null) {
                    return;
                }
                ActionResult r;
                try {
                    r = ActionResultCodec.decode(Files.readAllBytes(o.path()), layout.relative(o.path()));
                } catch (ActionResultCodec.CorruptEntryException e) {
                    quarantine(o.path(), e.getMessage());
                    return;
                } catch (NoSuchFileException e) {
                    return;
                }
                roots[0]++;
                for (ActionResult.OutputFile f : r.outputFiles()) {
                    live.put(f.digest().hash());
                }
                live.put(r.stdoutDigest().hash());
                live.put(r.stderrDigest().hash());
                for (ActionResult.OutputDirectory d : r.outputDirectories()) {
                    markTree(d.rootDigest(), live, visitedDirs, 0);
                }
            });
            // A pinned tree was expanded when it was pinned, so pins need no walking.
            long graceStart = System.currentTimeMillis() - store.options.gcGracePeriod().toMillis();
            long[] swept = {0, 0, 0};
            walk(layout.blobs, true, o -> {
                if (o.hash() == null || live.mightContain(o.hash()) || pinned.contains(o.hash())) {
                    return;
                }
                if (o.atime() > graceStart) {
                    swept[2]++;
                } else if (deleteIfUnchanged(o)) {
                    swept[0]++;
                    swept[1] += o.size();
                }
            });
            long[] evicted = {0, 0, before[0] - swept[1]};
            if (evicted[2] > store.options.quotaBytes()) {
                evicted = evict(pinned);
            } else {
                store.usage.reconcile(s0, evicted[2]);
            }
            return new GcReport(before[0], roots[0], pinned.size(), swept[0], swept[1], swept[2], evicted[0],
                    evicted[1], evicted[2], Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void markTree(Digest dir, BloomFilter<CharSequence> live, Set<String> visited, int depth)
            throws IOException {
        live.put(dir.hash());
        if (!visited.add(dir.hash()) || depth > 1000) {
            return;
        }
        Directory d;
        try {
            d = store.getDirectory(dir);
        } catch (dev.bitzel.cas.BlobNotFoundException | dev.bitzel.cas.InvalidTreeException e) {
            return; // the entry is a miss anyway
        }
        for (Directory.FileNode f : d.files()) {
            live.put(f.digest().hash());
        }
        for (Directory.DirectoryNode n : d.directories()) {
            markTree(n.digest(), live, visited, depth + 1);
        }
    }

    // ---- fsck ----

    FsckReport fsck() throws IOException {
        List<FsckReport.Problem> problems = new ArrayList<>();
        long[] c = {0, 0, 0};
        walk(o -> {
            String rel = layout.relative(o.path());
            if (o.hash() == null) {
                problems.add(new FsckReport.Problem(rel, "misnamed: not a store object",
                        quarantine(o.path(), "misnamed")));
                return;
            }
            Object key = fileKey(o.path());
            String problem;
            if (o.blob()) {
                c[0]++;
                c[1] += o.size();
                problem = o.sealed() ? checkBlob(o) : "modified in place after it was stored (its modification"
                        + " time is no longer the sealed one): something wrote to a hard-linked copy";
            } else {
                c[2]++;
                try {
                    ActionResultCodec.decode(Files.readAllBytes(o.path()), rel);
                    problem = null;
                } catch (ActionResultCodec.CorruptEntryException e) {
                    problem = e.getMessage();
                }
            }
            // Quarantine only the file that was checked, not a good copy a writer renamed over it meanwhile.
            if (problem != null && Objects.equals(key, fileKey(o.path()))) {
                problems.add(new FsckReport.Problem(rel, problem, quarantine(o.path(), problem)));
            }
        });
        return new FsckReport(c[0], c[1], c[2], problems);
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private String checkBlob(Obj o) throws IOException {
        boolean zstd = o.path().getFileName().toString().endsWith(".zst");
        Digest actual;
        try (InputStream raw = Files.newInputStream(o.path());
                InputStream in = zstd ? new ZstdInputStream(new BufferedInputStream(raw, 1 << 16)) : raw) {
            actual = Hashing.digestStream(in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (zstd) {
                return "compressed form does not decompress: " + e.getMessage();
            }
            throw e;
        }
        if (!actual.hash().equals(o.hash())) {
            return "content hashes to " + actual + ", not to its name " + o.hash();
        }
        return null;
    }

    /** Moves a bad object out of the way; returns where to (relative to the store), or "(gone)". */
    String quarantine(Path p, String problem) {
        String name = layout.relative(p).replace('/', '_') + "." + System.currentTimeMillis();
        Path target = layout.quarantine.resolve(name);
        try {
            Files.createDirectories(layout.quarantine);
            Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            DiskContentStore.LOG.log(Level.WARNING, () -> "quarantined " + layout.relative(p) + " as "
                    + layout.relative(target) + ": " + problem);
            return layout.relative(target);
        } catch (NoSuchFileException e) {
            return "(gone)";
        } catch (IOException e) {
            DiskContentStore.LOG.log(Level.ERROR, () -> "cannot quarantine " + p + " (" + problem + "): " + e);
            return "(not moved: " + e.getMessage() + ")";
        }
    }
}
