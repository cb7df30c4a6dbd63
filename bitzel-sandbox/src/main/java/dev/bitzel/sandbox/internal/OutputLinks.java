package dev.bitzel.sandbox.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes, after a run, the symbolic links the command left in its writable paths that lead out of the writable path
 * they sit in (to host files such as {@code /etc/shadow}, or up through {@code ..}): such a link is harmless inside
 * the sandbox, which shows nothing of the host, but whatever collects the outputs on the host would follow it.
 *
 * <p>A link is resolved component by component the way the kernel would, following the other links of the same
 * writable path (at most {@link #MAX_HOPS} expansions); it is kept only if the resolution never leaves that path. An
 * absolute target counts as inside only when it names the writable path itself (the command sees it at the same
 * place). Components that do not exist are taken as directories. Only links created or changed by the run are looked
 * at (status change time from two seconds before the run on, to allow for file systems with whole-second stamps):
 * links that were there before belong to the caller.
 */
final class OutputLinks {

    static final int MAX_HOPS = 40;
    /** How much earlier than the run's start a link's ctime may be and still count as the run's. */
    static final long CTIME_SLACK_MILLIS = 2000;

    private OutputLinks() {
    }

    /**
     * Removes the escaping links under each writable directory; returns one line per removed link,
     * {@code "PATH -> TARGET: why"}.
     */
    static List<String> strip(List<Path> writable, long runStartMillis) throws IOException {
        List<String> removed = new ArrayList<>();
        FileTime since = FileTime.fromMillis(runStartMillis - CTIME_SLACK_MILLIS);
        for (Path w : writable) {
            if (!Files.isDirectory(w, LinkOption.NOFOLLOW_LINKS)) {
                continue; // a writable file, or a writable path that is itself a link: nothing inside to strip
            }
            Path root = w.toAbsolutePath().normalize();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink() && changedSince(file, since)) {
                        String target = Files.readSymbolicLink(file).toString();
                        String why = escape(root, file, target);
                        if (why != null) {
                            Files.deleteIfExists(file);
                            removed.add(file + " -> " + target + ": " + why);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        }
        return removed;
    }

    private static boolean changedSince(Path link, FileTime since) throws IOException {
        FileTime ctime = (FileTime) Files.getAttribute(link, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        return ctime.compareTo(since) >= 0;
    }

    /** Why the link at {@code link} (inside {@code root}) to {@code target} leaves root, or null if it does not. */
    static String escape(Path root, Path link, String target) throws IOException {
        List<String> at = new ArrayList<>();
        for (Path part : root.relativize(link.getParent() == null ? root : link.getParent())) {
            if (!part.toString().isEmpty()) {
                at.add(part.toString());
            }
        }
        ArrayList<String> todo = new ArrayList<>();
        String first = start(root, at, target);
        if (first == null) {
            return "absolute target outside " + root;
        }
        push(todo, first);
        int hops = 0;
        while (!todo.isEmpty()) {
            String seg = todo.remove(todo.size() - 1);
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (at.isEmpty()) {
                    return "leads out of " + root + (hops > 0 ? " (through other links)" : "");
                }
                at.remove(at.size() - 1);
                continue;
            }
            at.add(seg);
            Path here = root.resolve(String.join("/", at));
            if (Files.isSymbolicLink(here)) {
                if (++hops > MAX_HOPS) {
                    return "does not resolve within " + MAX_HOPS + " links (a loop)";
                }
                at.remove(at.size() - 1);
                String next = start(root, at, Files.readSymbolicLink(here).toString());
                if (next == null) {
                    return "leads through " + here + " to an absolute target outside " + root;
                }
                push(todo, next);
            }
        }
        return null;
    }

    /**
     * Where resolving {@code target} starts: for a relative target, {@code at} stays and the target is returned;
     * for an absolute one inside root, {@code at} is cleared and the rest below root is returned; else null.
     */
    private static String start(Path root, List<String> at, String target) {
        if (!target.startsWith("/")) {
            return target;
        }
        String r = root.toString();
        if (target.equals(r) || target.startsWith(r + "/")) {
            at.clear();
            return target.substring(r.length());
        }
        return null;
    }

    private static void push(List<String> todo, String target) {
        String[] segs = target.split("/", -1);
        for (int i = segs.length - 1; i >= 0; i--) {
            todo.add(segs[i]);
        }
    }
}
