package dev.bitzel.cas.internal;

import dev.bitzel.cas.InvalidTreeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every symbolic link of a tree, resolved the way the kernel would resolve it inside the materialised
 * tree, stays inside the tree: each path component is looked up in the tree, and a component that is itself a link
 * of the tree is replaced by that link's target (up to {@link #MAX_HOPS} expansions in total, like the kernel's
 * ELOOP limit). A purely textual check is not enough: with {@code sub/l -> ..} the target {@code sub/l/..} climbs
 * two levels although it reads as zero.
 *
 * <p>Components the tree does not hold are treated as plain directories, which is the strict reading: a later
 * {@code ..} still climbs from them. Not thread-safe; one instance per tree.
 */
public final class SymlinkCheck {

    /** Expansions allowed while resolving one link (the kernel's limit is 40). */
    static final int MAX_HOPS = 40;

    private enum Kind { DIR, FILE, LINK }

    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, String> targets = new HashMap<>();
    private final List<String> links = new ArrayList<>();

    /** Records a directory at {@code path} ('/'-separated, relative to the root, no leading '/'). */
    public void directory(String path) {
        kinds.put(path, Kind.DIR);
    }

    /** Records a regular file at {@code path}. */
    public void file(String path) {
        kinds.put(path, Kind.FILE);
    }

    /** Records a symbolic link at {@code path} pointing to {@code target}. */
    public void link(String path, String target) {
        kinds.put(path, Kind.LINK);
        targets.put(path, target);
        links.add(path);
    }

    /**
     * Checks every recorded link.
     *
     * @throws InvalidTreeException naming the first link that is absolute, empty, holds NUL, loops or leaves the
     *     tree
     */
    public void check() throws InvalidTreeException {
        for (String link : links) {
            resolve(link);
        }
    }

    private void resolve(String link) throws InvalidTreeException {
        String target = targets.get(link);
        checkText(link, target);
        // The components still to walk, innermost first at the end (a stack), and where the walk is.
        List<String> at = parentOf(link);
        ArrayList<String> todo = new ArrayList<>();
        push(todo, target);
        int hops = 0;
        while (!todo.isEmpty()) {
            String seg = todo.remove(todo.size() - 1);
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (at.isEmpty()) {
                    throw new InvalidTreeException(link, "symbolic link to '" + target + "' leaves the tree"
                            + (hops > 0 ? " (resolved through other links of the tree)" : "")
                            + "; only links to files inside the tree can be stored");
                }
                at.remove(at.size() - 1);
                continue;
            }
            at.add(seg);
            String path = String.join("/", at);
            if (kinds.get(path) == Kind.LINK) {
                if (++hops > MAX_HOPS) {
                    throw new InvalidTreeException(link, "symbolic link to '" + target + "' does not resolve within "
                            + MAX_HOPS + " links (a loop of links)");
                }
                String next = targets.get(path);
                checkText(path, next);
                at.remove(at.size() - 1); // a link's target is relative to the link's directory
                push(todo, next);
            }
        }
    }

    private static void checkText(String where, String target) throws InvalidTreeException {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new InvalidTreeException(where, "symbolic link has an empty target or one with NUL");
        }
        if (target.startsWith("/")) {
            throw new InvalidTreeException(where, "symbolic link points to the absolute path '" + target
                    + "', outside the tree; make it relative to a file inside the tree");
        }
    }

    private static void push(ArrayList<String> todo, String target) {
        String[] segs = target.split("/", -1);
        for (int i = segs.length - 1; i >= 0; i--) {
            todo.add(segs[i]);
        }
    }

    private static List<String> parentOf(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("/")));
        parts.remove(parts.size() - 1);
        return parts;
    }
}
