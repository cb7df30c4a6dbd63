package dev.bitzel.parser.internal.eval;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** BitBake's {@code bb.utils.which(path, item, history=True)}: the first existing {@code dir/item} along a colon path. */
final class PathSearch {

    /** The file found (or null) and every candidate tried, in order, as BitBake records them as dependencies. */
    record Result(String found, List<String> attempts) {
    }

    private PathSearch() {
    }

    static Result which(String searchPath, String item) {
        List<String> attempts = new ArrayList<>();
        String[] dirs = (searchPath == null ? "" : searchPath).split(":", -1);
        for (String dir : dirs) {
            String candidate = join(dir, item);
            attempts.add(candidate);
            if (exists(candidate)) {
                return new Result(candidate.startsWith("/") ? candidate : absolute(candidate), attempts);
            }
        }
        return new Result(null, attempts);
    }

    /** Python's {@code os.path.join(a, b)} for two components. */
    static String join(String dir, String item) {
        if (item.startsWith("/") || dir.isEmpty()) {
            return item;
        }
        return dir.endsWith("/") ? dir + item : dir + "/" + item;
    }

    static boolean exists(String file) {
        try {
            return Files.exists(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static boolean isFile(String file) {
        try {
            return Files.isRegularFile(Path.of(file));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> ABSOLUTE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Python's {@code os.path.abspath}: absolute and normalized, without resolving symbolic links. Memoized:
     * the same few thousand metadata paths are normalized for every recipe (BBINCLUDED).
     */
    static String absolute(String file) {
        if (isNormalAbsolute(file)) {
            return file; // most are: no lookup in a table of thousands of paths
        }
        if (ABSOLUTE.size() > 200_000) {
            ABSOLUTE.clear();
        }
        return ABSOLUTE.computeIfAbsent(file, f -> Path.of(f).toAbsolutePath().normalize().toString());
    }

    /** Whether a path is absolute and already normalized: no empty, {@code .} or {@code ..} segment. */
    static boolean isNormalAbsolute(String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) != '/') {
            return false;
        }
        if (n == 1) {
            return true;
        }
        int start = 1;
        for (int i = 1; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int length = i - start;
                if (length == 0 || length == 1 && path.charAt(start) == '.'
                        || length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Python's {@code os.path.dirname}. */
    static String dirname(String file) {
        int slash = file.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : file.substring(0, slash);
    }

    /** Python's {@code os.path.basename}. */
    static String basename(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** The extension including its dot, as Python's {@code os.path.splitext(basename)[1]}, or "". */
    static String extension(String file) {
        String base = basename(file);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot);
    }
}
