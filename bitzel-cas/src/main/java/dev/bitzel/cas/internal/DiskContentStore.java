package dev.bitzel.cas.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.bitzel.cas.ActionCache;
import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.CasStats;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.DigestMismatchException;
import dev.bitzel.cas.Directory;
import dev.bitzel.cas.FsckReport;
import dev.bitzel.cas.GcReport;
import dev.bitzel.cas.InvalidTreeException;
import dev.bitzel.cas.MerkleTree;
import dev.bitzel.cas.Pin;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The file-system store behind {@link dev.bitzel.cas.Cas#open}. */
public final class DiskContentStore implements ContentStore {

    static final System.Logger LOG = System.getLogger("dev.bitzel.cas");

    final Layout layout;
    final CasOptions options;
    final Session session;
    final long leftoversRemoved;
    /** Stored bytes as the quota sees them, shared between processes. */
    final UsageLedger usage;
    /**
     * Usage above which the next eviction runs. Normally the quota; after an eviction that pins kept above the
     * quota, a tenth of the quota more, so that a store full of pinned blobs is not rescanned after every put.
     */
    final AtomicLong nextEviction;
    private final DiskActionCache actionCache;
    private final Maintenance maintenance;
    private volatile boolean closed;

    private DiskContentStore(Layout layout, CasOptions options, Session session, long leftoversRemoved) {
        this.layout = layout;
        this.options = options;
        this.session = session;
        this.leftoversRemoved = leftoversRemoved;
        this.usage = new UsageLedger(layout, session, options.quotaBytes());
        this.nextEviction = new AtomicLong(options.quotaBytes());
        this.actionCache = new DiskActionCache(this);
        this.maintenance = new Maintenance(this);
    }

    /** Opens the store: creates the layout if needed, removes dead writers' leftovers, starts a session. */
    public static DiskContentStore open(Path dir, CasOptions options) throws IOException {
        Layout layout = Layout.init(dir, options.fsync());
        long leftovers = Session.cleanUpDead(layout);
        if (leftovers > 0) {
            LOG.log(Level.WARNING, () -> "removed " + leftovers + " temporary files left by crashed writers in "
                    + layout.sessions);
        } else {
            LOG.log(Level.DEBUG, () -> "no leftovers of crashed writers in " + layout.sessions);
        }
        Session session = Session.start(layout);
        return new DiskContentStore(layout, options, session, leftovers);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store " + layout.root + " is closed");
        }
    }

    // ---- writing ----

    @Override
    public Digest put(byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        checkOpen();
        Digest d = Digest.of(content);
        if (present(d) != null) {
            return d;
        }
        byte[] stored = content;
        Layout.Form form = Layout.Form.RAW;
        if (options.compression() && content.length >= options.compressionMinSize() && content.length > 0) {
            byte[] z = Zstd.compress(content, options.compressionLevel());
            if (pays(z.length, content.length)) {
                stored = z;
                form = Layout.Form.ZSTD;
            }
        }
        Path tmp = session.newTemp();
        try {
            AtomicFiles.write(tmp, stored, options.fsync());
            AtomicFiles.commit(tmp, layout.blob(d, form), false, options.fsync());
        } finally {
            Files.deleteIfExists(tmp);
        }
        wrote(stored.length);
        return d;
    }

    private static boolean pays(long compressed, long raw) {
        return compressed <= raw - raw / 10;
    }

    @Override
    public Digest put(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        checkOpen();
        try (InputStream in = Files.newInputStream(file)) {
            return store(in, null, file.toString());
        }
    }

    @Override
    public void put(InputStream in, Digest expected) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(expected, "expected");
        checkOpen();
        store(in, expected, "upload of " + expected);
    }

    /** Streams {@code in} into the store, hashing it on the way; verifies it against {@code expected} if given. */
    private Digest store(InputStream in, Digest expected, String where) throws IOException {
        if (expected != null && present(expected) != null) {
            // Already stored: still verify what the caller sent, but write nothing.
            Digest actual = Hashing.digestStream(in);
            if (!actual.equals(expected)) {
                throw new DigestMismatchException(expected, actual, where);
            }
            return expected;
        }
        byte[] buf = new byte[Hashing.BUFFER];
        int n = in.readNBytes(buf, 0, buf.length);
        boolean compress = false;
        if (options.compression() && n > 0
                && (expected != null ? expected.sizeBytes() : n) >= options.compressionMinSize()) {
            // Judge by the first MiB whether compression pays, so that the blob is written once.
            compress = pays(Zstd.compress(Arrays.copyOf(buf, n), options.compressionLevel()).length, n);
        }
        MessageDigest md = Hashing.sha256();
        Path tmp = session.newTemp();
        long total = 0;
        long storedSize;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream raw = new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // keep the channel open for force()
                    }
                };
                OutputStream out = compress ? new ZstdOutputStream(raw, options.compressionLevel()) : raw;
                while (n > 0) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    total += n;
                    n = in.read(buf);
                }
                out.close();
                if (options.fsync()) {
                    ch.force(true);
                }
                storedSize = ch.size();
            }
            Digest actual = Hashing.finish(md, total);
            if (expected != null && !actual.equals(expected)) {
                throw new DigestMismatchException(expected, actual, where);
            }
            if (present(actual) == null) {
                AtomicFiles.commit(tmp, layout.blob(actual, compress ? Layout.Form.ZSTD : Layout.Form.RAW), false,
                        options.fsync());
                wrote(storedSize);
            }
            return actual;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Counts a write against the quota. Past the quota the writer evicts, or waits while another process evicts:
     * so each process overshoots by at most one ledger batch plus the objects its threads are committing.
     */
    void wrote(long bytes) {
        long now = usage.add(bytes);
        if (now > options.quotaBytes() && now > nextEviction.get()) {
            maintenance.evictForQuota();
        }
    }

    // ---- lookup ----

    /** Returns the form in which {@code d} is stored, recording an access; null if absent. */
    Layout.Form present(Digest d) throws IOException {
        for (Layout.Form form : new Layout.Form[] {Layout.Form.RAW, Layout.Form.ZSTD}) {
            Path p = layout.blob(d, form);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            }
            if (form == Layout.Form.RAW && a.size() != d.sizeBytes()) {
                // Same hash, other size: either the caller's digest is wrong or the file is damaged; only fsck,
                // which re-hashes, may decide which.
                return null;
            }
            if (!intact(p, a)) {
                continue;
            }
            touch(p, a);
            return form;
        }
        return null;
    }

    /**
     * Whether the object at {@code p} was not written to since it was stored (its modification time is still
     * {@link AtomicFiles#SEALED}); if it was, it is quarantined, so that it counts as absent and is never handed out
     * again. This is what protects the store from a process that writes to a hard-linked copy despite its 0444 mode
     * (root ignores mode bits): the kernel stamps the shared inode with the time of the write.
     */
    boolean intact(Path p, BasicFileAttributes a) {
        if (AtomicFiles.sealed(a)) {
            return true;
        }
        String moved = maintenance.quarantine(p, "modified in place after it was stored (modification time "
                + a.lastModifiedTime() + ", size " + a.size() + "): something wrote to a hard-linked copy");
        LOG.log(Level.WARNING, () -> "treating " + layout.relative(p) + " as absent; quarantined as " + moved);
        return false;
    }

    /** Records an access in the access time (the modification time stays sealed). */
    void touch(Path p, BasicFileAttributes a) {
        long now = System.currentTimeMillis();
        if (now - a.lastAccessTime().toMillis() >= options.accessTimeResolution().toMillis()) {
            try {
                // Null keeps the modification time as read a moment ago by the JDK; a write racing with this call
                // could have its time stamp reset to SEALED, the one window this check leaves open.
                Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(null, FileTime.fromMillis(now), null);
            } catch (NoSuchFileException e) {
                // evicted meanwhile
            } catch (IOException e) {
                LOG.log(Level.DEBUG, () -> "cannot record access to " + p + ": " + e);
            }
        }
    }

    void touch(Path p) {
        try {
            touch(p, Files.readAttributes(p, BasicFileAttributes.class));
        } catch (IOException e) {
            // evicted meanwhile, or not ours to touch
        }
    }

    @Override
    public boolean contains(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        checkOpen();
        return digest.sizeBytes() == 0 && digest.equals(Digest.EMPTY) || present(digest) != null;
    }

    @Override
    public Set<Digest> findMissing(Collection<Digest> digests) throws IOException {
        Objects.requireNonNull(digests, "digests");
        checkOpen();
        Set<Digest> missing = new LinkedHashSet<>();
        Set<Digest> seen = new HashSet<>();
        for (Digest d : digests) {
            if (seen.add(d) && !contains(d)) {
                missing.add(d);
            }
        }
        return missing;
    }

    @Override
    public InputStream open(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        checkOpen();
        if (digest.equals(Digest.EMPTY)) {
            return new ByteArrayInputStream(new byte[0]);
        }
        for (Layout.Form form : new Layout.Form[] {Layout.Form.RAW, Layout.Form.ZSTD}) {
            Path p = layout.blob(digest, form);
            InputStream in;
            BasicFileAttributes a;
            try {
                in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS);
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                continue;
            }
            if (!intact(p, a)) {
                in.close();
                continue;
            }
            touch(p, a);
            if (form == Layout.Form.ZSTD) {
                in = new ZstdInputStream(new BufferedInputStream(in, 1 << 16));
            }
            return options.verifyOnRead() ? new VerifyingInputStream(in, digest, p) : in;
        }
        throw new BlobNotFoundException(digest);
    }

    @Override
    public byte[] get(Digest digest) throws IOException {
        Objects.requireNonNull(digest, "digest");
        if (digest.sizeBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("blob " + digest + " is too large for an array; use open()");
        }
        byte[] bytes;
        try (InputStream in = open(digest)) {
            bytes = in.readAllBytes();
        }
        if (bytes.length != digest.sizeBytes()) {
            Path p = layout.blob(digest, Layout.Form.RAW);
            throw new DigestMismatchException(digest, Digest.of(bytes), layout.relative(p));
        }
        return bytes;
    }

    /** Re-hashes as it is read; at the end, a mismatch quarantines the object and throws. */
    private final class VerifyingInputStream extends FilterInputStream {
        private final MessageDigest md = Hashing.sha256();
        private final Digest expected;
        private final Path path;
        private long count;
        private boolean checked;

        VerifyingInputStream(InputStream in, Digest expected, Path path) {
            super(in);
            this.expected = expected;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                verify();
            } else {
                md.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                verify();
            } else {
                md.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        private void verify() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            Digest actual = Hashing.finish(md, count);
            if (!actual.equals(expected)) {
                String moved = maintenance.quarantine(path, "content hashes to " + actual);
                throw new DigestMismatchException(expected, actual, layout.relative(path) + " (quarantined as "
                        + moved + ")");
            }
        }
    }

    // ---- materialisation ----

    @Override
    public void materialize(Digest digest, Path target, boolean executable) throws IOException {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(target, "target");
        checkOpen();
        Files.deleteIfExists(target);
        place(digest, target, executable);
    }

    /** Places a blob at {@code target}, where nothing is. */
    private void place(Digest digest, Path target, boolean executable) throws IOException {
        if (options.verifyOnRead() && !digest.equals(Digest.EMPTY)) {
            try (InputStream in = open(digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        Layout.Form form = digest.equals(Digest.EMPTY) ? null : present(digest);
        if (form == null && !digest.equals(Digest.EMPTY)) {
            throw new BlobNotFoundException(digest);
        }
        if (form == Layout.Form.RAW && options.hardLinks()) {
            try {
                Path source = executable ? executableTwin(digest) : layout.blob(digest, Layout.Form.RAW);
                Files.createLink(target, source);
                return;
            } catch (NoSuchFileException e) {
                if (Files.exists(target.getParent())) {
                    throw new BlobNotFoundException(digest); // evicted between lookup and link
                }
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // other file system (EXDEV), too many links (EMLINK), no permission: copy instead
                LOG.log(Level.DEBUG, () -> "hard link to " + target + " failed (" + e + "), copying");
            }
        }
        try (InputStream in = open(digest)) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, executable ? AtomicFiles.READ_EXEC : AtomicFiles.READ_ONLY);
        // Copies carry the same modification time as hard links, so a work tree looks the same either way.
        Files.setLastModifiedTime(target, AtomicFiles.SEALED);
    }

    /** The executable twin of a raw blob, made on first use: hard links share their inode's mode. */
    private Path executableTwin(Digest digest) throws IOException {
        Path x = layout.blob(digest, Layout.Form.EXEC);
        try {
            BasicFileAttributes a = Files.readAttributes(x, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (intact(x, a)) {
                touch(x, a);
                return x;
            }
        } catch (NoSuchFileException e) {
            // made below
        }
        Path tmp = session.newTemp();
        try {
            Files.copy(layout.blob(digest, Layout.Form.RAW), tmp);
            if (options.fsync()) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            AtomicFiles.commit(tmp, x, true, options.fsync());
        } finally {
            Files.deleteIfExists(tmp);
        }
        wrote(digest.sizeBytes());
        return x;
    }

    // ---- trees ----

    @Override
    public Digest putTree(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        checkOpen();
        MerkleTree tree = MerkleTree.build(dir);
        Set<Digest> missing = findMissing(tree.allDigests());
        // Files first, then directories children-first: a stored directory never points at what is not stored yet.
        for (Map.Entry<Digest, Path> f : tree.files().entrySet()) {
            if (missing.contains(f.getKey())) {
                try (InputStream in = Files.newInputStream(f.getValue())) {
                    store(in, f.getKey(), f.getValue().toString());
                }
            }
        }
        for (Map.Entry<Digest, Directory> d : tree.directories().entrySet()) {
            if (missing.contains(d.getKey())) {
                put(d.getValue().toBytes());
            }
        }
        return tree.root();
    }

    @Override
    public Directory getDirectory(Digest digest) throws IOException {
        byte[] bytes = get(digest);
        try {
            return Directory.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new InvalidTreeException(digest.toString(), "is not a valid REAPI Directory: " + e.getMessage());
        }
    }

    private record Entry(String path, Directory.FileNode file, Directory.SymlinkNode link) {
    }

    /** Walks a stored tree, validating names and recording its links; directories come before their contents. */
    void walk(Digest root, String prefix, int depth, List<String> dirs, List<Entry> entries, SymlinkCheck links)
            throws IOException {
        if (depth > 1000) {
            throw new InvalidTreeException(prefix, "tree is deeper than 1000 levels");
        }
        Directory d = getDirectory(root);
        for (Directory.FileNode f : d.files()) {
            entries.add(new Entry(prefix + f.name(), f, null));
            links.file(prefix + f.name());
        }
        for (Directory.SymlinkNode s : d.symlinks()) {
            entries.add(new Entry(prefix + s.name(), null, s));
            links.link(prefix + s.name(), s.target());
        }
        for (Directory.DirectoryNode n : d.directories()) {
            dirs.add(prefix + n.name());
            links.directory(prefix + n.name());
            walk(n.digest(), prefix + n.name() + "/", depth + 1, dirs, entries, links);
        }
    }

    /** Every directory and file digest of a stored tree. */
    Set<Digest> treeDigests(Digest root) throws IOException {
        Set<Digest> all = new LinkedHashSet<>();
        collect(root, all, 0);
        return all;
    }

    private void collect(Digest dir, Set<Digest> all, int depth) throws IOException {
        if (!all.add(dir)) {
            return;
        }
        if (depth > 1000) {
            throw new InvalidTreeException(dir.toString(), "tree is deeper than 1000 levels");
        }
        Directory d = getDirectory(dir);
        for (Directory.FileNode f : d.files()) {
            all.add(f.digest());
        }
        for (Directory.DirectoryNode n : d.directories()) {
            collect(n.digest(), all, depth + 1);
        }
    }

    @Override
    public void materializeTree(Digest root, Path dir) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dir, "dir");
        checkOpen();
        List<String> dirs = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        SymlinkCheck links = new SymlinkCheck();
        walk(root, "", 0, dirs, entries, links);
        links.check();
        List<Digest> needed = new ArrayList<>();
        for (Entry e : entries) {
            if (e.file() != null) {
                needed.add(e.file().digest());
            }
        }
        Set<Digest> missing = findMissing(needed);
        if (!missing.isEmpty()) {
            throw new BlobNotFoundException(missing.iterator().next());
        }
        if (Files.isSymbolicLink(dir)) {
            throw new FileSystemException(dir.toString(), null, "is a symbolic link; materialise into a real"
                    + " directory, so that nothing is written through a link");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new FileSystemException(dir.toString(), null, "is not empty; materialise into a new or empty"
                            + " directory");
                }
            }
        } else {
            Files.createDirectories(dir);
        }
        // Directories, then files, then links last: nothing is ever written through a link of the tree, and each
        // file is created where nothing is (a hard link or an exclusive create, neither of which follows a link).
        for (String d : dirs) {
            Files.createDirectory(dir.resolve(d));
        }
        for (Entry e : entries) {
            if (e.file() != null) {
                place(e.file().digest(), dir.resolve(e.path()), e.file().executable());
            }
        }
        for (Entry e : entries) {
            if (e.link() != null) {
                Path target = dir.resolve(e.path());
                Files.createSymbolicLink(target, target.getFileSystem().getPath(e.link().target()));
            }
        }
    }

    // ---- pins ----

    @Override
    public Pin pin(Collection<Digest> digests) throws IOException {
        Objects.requireNonNull(digests, "digests");
        checkOpen();
        List<String> hashes = new ArrayList<>(digests.size());
        for (Digest d : digests) {
            hashes.add(d.hash());
        }
        Path file = session.writePin(hashes);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, () -> "cannot remove pin file " + file + " (it dies with the process): " + e);
                }
            }
        };
    }

    @Override
    public Pin pinTree(Digest root) throws IOException {
        Objects.requireNonNull(root, "root");
        checkOpen();
        // Pin the root first so that GC cannot take the tree apart while it is walked.
        Pin rootPin = pin(List.of(root));
        try {
            return pin(treeDigests(root));
        } finally {
            rootPin.close();
        }
    }

    // ---- the rest ----

    @Override
    public ActionCache actionCache() {
        return actionCache;
    }

    @Override
    public CasStats stats() throws IOException {
        checkOpen();
        return maintenance.stats();
    }

    @Override
    public GcReport gc() throws IOException {
        checkOpen();
        return maintenance.gc();
    }

    @Override
    public FsckReport fsck() throws IOException {
        checkOpen();
        return maintenance.fsck();
    }

    @Override
    public Path directory() {
        return layout.root;
    }

    @Override
    public CasOptions options() {
        return options;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            if (options.quotaBytes() != CasOptions.UNLIMITED) {
                usage.flush(); // so that the next writer's view includes what this one wrote
            }
            session.close();
        }
    }

    @Override
    public String toString() {
        return "ContentStore[" + layout.root + ", " + options + "]";
    }

    String quarantineForCache(Path p, String problem) {
        return maintenance.quarantine(p, problem);
    }
}
