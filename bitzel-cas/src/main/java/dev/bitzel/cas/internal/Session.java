package dev.bitzel.cas.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One process's claim on a store: a lock file it holds while alive (the kernel drops the lock when the process
 * dies, even by SIGKILL), a private directory for temporary files and pin files. Other processes tell live
 * sessions from dead ones by trying the lock; a dead session's files are leftovers of a crash.
 */
final class Session {

    /**
     * Sessions of this JVM. POSIX locks belong to the process, so probing our own lock file from a second channel
     * would not fail, and closing that channel would drop our lock: this JVM never probes its own sessions.
     */
    private static final Set<String> OURS = ConcurrentHashMap.newKeySet();

    private final String id;
    private final Path dir;
    private final Path tmp;
    private final Path pins;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final AtomicLong counter = new AtomicLong();

    private Session(String id, Path dir, Path lockFile, FileChannel lockChannel) {
        this.id = id;
        this.dir = dir;
        this.tmp = dir.resolve("tmp");
        this.pins = dir.resolve("pins");
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    static Session start(Layout layout) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String id = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
            Path lockFile = layout.sessions.resolve(id + ".lock");
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                ch.lock();
                // A cleaner may have taken the new file for a dead session's, locked it before us and deleted it; it
                // deletes only while holding the lock, so once we hold it the file stays if it is still there now.
                if (!Files.exists(lockFile)) {
                    throw new NoSuchFileException(lockFile.toString());
                }
                OURS.add(id);
                Path dir = layout.sessions.resolve(id);
                Files.createDirectories(dir.resolve("tmp"));
                Files.createDirectories(dir.resolve("pins"));
                return new Session(id, dir, lockFile, ch);
            } catch (NoSuchFileException e) {
                ch.close();
                OURS.remove(id);
                if (attempt > 5) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        }
    }

    /** A fresh temporary path (not created) in this session's directory. */
    Path newTemp() {
        return tmp.resolve(Long.toString(counter.incrementAndGet()));
    }

    /** Records pinned hashes in a pin file and returns it. */
    Path writePin(Collection<String> hashes) throws IOException {
        Path file = pins.resolve(Long.toString(counter.incrementAndGet()));
        Path t = newTemp();
        Files.write(t, hashes, StandardCharsets.US_ASCII);
        Files.move(t, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    void close() throws IOException {
        try {
            deleteTree(dir);
            Files.deleteIfExists(lockFile);
        } finally {
            OURS.remove(id);
            lockChannel.close();
        }
    }

    /** Whether the session with lock file {@code lockFile} is alive; if it is dead, hands its lock to {@code onDead}. */
    private static boolean probe(Path lockFile, DeadAction onDead) throws IOException {
        String name = lockFile.getFileName().toString();
        String id = name.substring(0, name.length() - ".lock".length());
        if (OURS.contains(id)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            onDead.run(id);
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (AccessDeniedException e) {
            return true; // another user's session in a shared store: only that user can clean it up
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private interface DeadAction {
        void run(String id) throws IOException;
    }

    /** Removes the directories of dead sessions; returns how many temporary files they held. */
    static long cleanUpDead(Layout layout) throws IOException {
        long[] files = {0};
        Set<String> withLock = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.sessions, "*.lock")) {
            for (Path lockFile : entries) {
                String name = lockFile.getFileName().toString();
                withLock.add(name.substring(0, name.length() - ".lock".length()));
                probe(lockFile, id -> {
                    files[0] += countFiles(layout.sessions.resolve(id).resolve("tmp"));
                    deleteTree(layout.sessions.resolve(id));
                    Files.deleteIfExists(lockFile);
                });
            }
        }
        // A directory whose lock file is gone belongs to a session that was being cleaned up when it crashed.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.sessions, Files::isDirectory)) {
            for (Path dir : entries) {
                String id = dir.getFileName().toString();
                if (!withLock.contains(id) && !OURS.contains(id) && !Files.exists(layout.sessions.resolve(id + ".lock"))) {
                    files[0] += countFiles(dir.resolve("tmp"));
                    deleteTree(dir);
                }
            }
        }
        return files[0];
    }

    /** Returns the number of live sessions and adds the hashes they pin to {@code pinned}. */
    static int livePins(Layout layout, Set<String> pinned) throws IOException {
        int live = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.sessions, "*.lock")) {
            for (Path lockFile : entries) {
                String name = lockFile.getFileName().toString();
                String id = name.substring(0, name.length() - ".lock".length());
                // Probing never deletes here: a dead session's pins simply do not count.
                if (probe(lockFile, dead -> { })) {
                    live++;
                    readPins(layout.sessions.resolve(id).resolve("pins"), pinned);
                }
            }
        }
        return live;
    }

    private static void readPins(Path pinsDir, Set<String> pinned) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(pinsDir)) {
            files = s.toList();
        } catch (NoSuchFileException e) {
            return;
        }
        for (Path f : files) {
            try {
                pinned.addAll(Files.readAllLines(f, StandardCharsets.US_ASCII));
            } catch (NoSuchFileException e) {
                // unpinned meanwhile
            }
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // another cleaner got there first
        }
    }
}
