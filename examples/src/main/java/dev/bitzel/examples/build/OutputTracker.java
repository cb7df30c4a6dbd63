package dev.bitzel.examples.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one task changed in the places it may write: each tracked path (a directory such as {@code WORKDIR}, or one
 * download) is snapshotted when it is added, before the task touches it, and compared afterwards. A file counts as
 * changed when its inode, change time, modification time or size differ, so a rewrite in place is seen too.
 * {@code [cleandirs]} emptied by the task are recorded as such, so that restoring the result empties them as well.
 *
 * <p>Paths under an excluded directory (the task's log directory {@code T}) are never part of the result. Not
 * thread-safe: one tracker per task run.
 */
public final class OutputTracker {
    /** A file's identity and content stamp as the kernel reports it. */
    private record State(Object inode, Object ctime, long mtime, long size, String linkTarget, boolean directory) {
    }

    private final Path excluded;
    private final Map<Path, Map<Path, State>> snapshots = new HashMap<>();
    private final Set<Path> cleaned = new LinkedHashSet<>();

    /**
     * Creates a tracker.
     *
     * @param excluded a directory whose contents are never part of the result
     */
    OutputTracker(Path excluded) {
        this.excluded = excluded.toAbsolutePath().normalize();
    }

    /**
     * What a task changed.
     *
     * @param cleaned the directories it emptied ({@code [cleandirs]})
     * @param deleted the paths it removed (outside those)
     * @param written the paths it created or changed
     */
    public record Changes(List<Path> cleaned, List<Path> deleted, List<Path> written) {
        /** Copies the lists. */
        public Changes {
            cleaned = List.copyOf(cleaned);
            deleted = List.copyOf(deleted);
            written = List.copyOf(written);
        }
    }

    /** The tracked roots, in the order they were added. */
    List<Path> roots() {
        return List.copyOf(snapshots.keySet());
    }

    /** Starts tracking {@code path} (a file or directory, present or not) unless a tracked directory covers it. */
    void track(Path path) throws IOException {
        Path normal = path.toAbsolutePath().normalize();
        if (snapshots.keySet().stream().anyMatch(normal::startsWith)) {
            return;
        }
        snapshots.keySet().removeIf(tracked -> tracked.startsWith(normal));
        snapshots.put(normal, scan(normal));
    }

    /** Records that the task empties {@code dir} (its {@code [cleandirs]}); tracks it first. */
    void cleaned(Path dir) throws IOException {
        track(dir);
        cleaned.add(dir.toAbsolutePath().normalize());
    }

    /** Compares every tracked path with its snapshot. */
    Changes changes() throws IOException {
        Set<Path> deleted = new TreeSet<>();
        Set<Path> written = new TreeSet<>();
        for (Map.Entry<Path, Map<Path, State>> e : snapshots.entrySet()) {
            Map<Path, State> before = e.getValue();
            Map<Path, State> after = scan(e.getKey());
            for (Map.Entry<Path, State> a : after.entrySet()) {
                State b = before.get(a.getKey());
                if (!Objects.equals(b, a.getValue()) && !(b != null && b.directory() && a.getValue().directory())) {
                    written.add(a.getKey());
                }
            }
            for (Path p : before.keySet()) {
                if (!after.containsKey(p) && cleaned.stream().noneMatch(p::startsWith)) {
                    deleted.add(p);
                }
            }
        }
        return new Changes(new ArrayList<>(cleaned), new ArrayList<>(deleted), new ArrayList<>(written));
    }

    private Map<Path, State> scan(Path root) throws IOException {
        Map<Path, State> states = new HashMap<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return states;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.startsWith(excluded)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                states.put(dir, new State(null, null, 0, 0, null, true));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.startsWith(excluded)) {
                    return FileVisitResult.CONTINUE;
                }
                states.put(file, state(file, attrs));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // removed while scanning (a concurrent task's temporary file)
                }
                throw exc;
            }
        });
        return states;
    }

    private static State state(Path file, BasicFileAttributes attrs) throws IOException {
        Map<String, Object> unix = Files.readAttributes(file, "unix:ino,ctime", LinkOption.NOFOLLOW_LINKS);
        String target = attrs.isSymbolicLink() ? Files.readSymbolicLink(file).toString() : null;
        return new State(unix.get("ino"), unix.get("ctime"), attrs.lastModifiedTime().toMillis(), attrs.size(),
                target, false);
    }
}
