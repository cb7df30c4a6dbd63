package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.internal.data.PyStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the recipe and append files of a configuration as {@code CookerCollectFiles.collect_bbfiles} does:
 * BBFILES globs in priority order, directories walked, BBMASK applied, appends matched to recipes by name with
 * {@code %} wildcards.
 */
final class RecipeCollector {

    /** What was found: recipes and appends in BitBake's order, the masked count, and problems to report. */
    record Collected(List<String> recipes, List<String> appends, int masked, List<String> warnings) {
    }

    /**
     * What the collection on this thread looked at, or null: directories listed ({@code "L:"} and the path) and
     * paths tested for existence ({@code "P:"} and the path).
     */
    private static final ThreadLocal<Set<String>> OBSERVED = new ThreadLocal<>();

    private RecipeCollector() {
    }

    /** Collects, recording into {@code directories} every directory whose entries the result depends on. */
    static Collected collect(List<String> bbfiles, List<LayerCollection> collections, String bbmask,
            Set<String> directories) {
        OBSERVED.set(directories);
        try {
            return collect(bbfiles, collections, bbmask);
        } finally {
            OBSERVED.remove();
        }
    }

    private static void observe(Path directory) {
        Set<String> observed = OBSERVED.get();
        if (observed != null) {
            observed.add("L:" + directory.toAbsolutePath().normalize());
        }
    }

    private static void observeEntry(Path entry) {
        Set<String> observed = OBSERVED.get();
        if (observed != null) {
            observed.add("P:" + entry.toAbsolutePath().normalize());
        }
    }

    static Collected collect(List<String> bbfiles, List<LayerCollection> collections, String bbmask) {
        List<String> files = new ArrayList<>(bbfiles);
        files.sort(Comparator.comparingInt(f -> priority(f, collections)));
        Set<String> found = new LinkedHashSet<>();
        for (String f : files) {
            observeEntry(Path.of(f));
            if (Files.isDirectory(Path.of(f))) {
                found.addAll(walk(Path.of(f)));
            } else {
                List<String> globbed = Glob.glob(f);
                if (globbed.isEmpty() && Files.exists(Path.of(f))) {
                    globbed = List.of(f);
                }
                found.addAll(globbed.stream().sorted().toList());
            }
        }
        List<String> warnings = new ArrayList<>();
        Pattern mask = compileMask(bbmask, warnings);
        List<String> recipes = new ArrayList<>();
        List<String> appends = new ArrayList<>();
        int masked = 0;
        for (String f : found) {
            if (mask != null && mask.matcher(f).find()) {
                masked++;
                continue;
            }
            if (f.endsWith(".bb")) {
                recipes.add(f);
            } else if (f.endsWith(".bbappend")) {
                appends.add(f);
            }
        }
        return new Collected(List.copyOf(recipes), List.copyOf(appends), masked, List.copyOf(warnings));
    }

    /** {@code calc_bbfile_priority}: the priority of the first (longest) pattern matching the file. */
    static int priority(String file, List<LayerCollection> collections) {
        LayerCollection c = collectionOf(file, collections);
        return c == null ? 0 : c.priority();
    }

    /** The collection whose BBFILE_PATTERN matches the file first, or null. */
    static LayerCollection collectionOf(String file, List<LayerCollection> collections) {
        for (LayerCollection c : collections) {
            if (c.regex().matcher(file).lookingAt()) {
                return c;
            }
        }
        return null;
    }

    private static Pattern compileMask(String bbmask, List<String> warnings) {
        if (bbmask == null || bbmask.isBlank()) {
            return null;
        }
        List<String> masks = new ArrayList<>();
        for (String m : PyStrings.split(bbmask)) {
            String mask = m;
            if (mask.startsWith("|")) {
                warnings.add("BBMASK contains regular expression beginning with '|', fixing: " + mask);
                mask = mask.substring(1);
            }
            try {
                Pattern.compile(mask);
                masks.add(mask);
            } catch (PatternSyntaxException e) {
                warnings.add("BBMASK contains an invalid regular expression, ignoring: " + mask);
            }
        }
        return masks.isEmpty() ? null : Pattern.compile(String.join("|", masks));
    }

    /** {@code find_bbfiles}: every .bb and .bbappend under a directory, skipping SCCS, CVS and .svn. */
    private static List<String> walk(Path dir) {
        List<String> result = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    observe(d);
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(dir) && (name.equals("SCCS") || name.equals("CVS") || name.equals(".svn"))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".bb") || name.endsWith(".bbappend")) {
                        result.add(f.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** {@code get_file_appends}: the appends for a recipe file, in collection order. */
    static List<String> appendsFor(String recipeFile, List<String> appends) {
        String f = PathSearch.basename(recipeFile);
        List<String> result = new ArrayList<>();
        for (String append : appends) {
            String name = PathSearch.basename(append).replace(".bbappend", ".bb");
            int percent = name.indexOf('%');
            if (name.equals(f) || (percent >= 0 && f.startsWith(name.substring(0, percent)))) {
                result.add(append);
            }
        }
        return result;
    }

    /** Python's {@code glob.glob} (non-recursive): {@code * ? [...]} per path component, hidden names skipped. */
    static final class Glob {
        private Glob() {
        }

        static List<String> glob(String pattern) {
            if (!hasMagic(pattern)) {
                observeEntry(Path.of(pattern));
                return Files.exists(Path.of(pattern)) ? List.of(pattern) : List.of();
            }
            boolean absolute = pattern.startsWith("/");
            String[] parts = pattern.split("/");
            List<String> current = new ArrayList<>();
            current.add(absolute ? "/" : "");
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.isEmpty()) {
                    continue;
                }
                boolean last = i == parts.length - 1;
                List<String> next = new ArrayList<>();
                for (String base : current) {
                    if (!hasMagic(part)) {
                        String candidate = base.isEmpty() ? part : base.endsWith("/") ? base + part : base + "/" + part;
                        observeEntry(Path.of(candidate));
                        if (last ? Files.exists(Path.of(candidate)) : Files.isDirectory(Path.of(candidate))) {
                            next.add(candidate);
                        }
                        continue;
                    }
                    Pattern regex = Pattern.compile(translate(part), Pattern.DOTALL);
                    Path dir = Path.of(base.isEmpty() ? "." : base);
                    observe(dir);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path entry : entries) {
                            String name = entry.getFileName().toString();
                            if (name.startsWith(".") && !part.startsWith(".")) {
                                continue;
                            }
                            if (regex.matcher(name).matches() && (last || Files.isDirectory(entry))) {
                                next.add(base.isEmpty() ? name : base.endsWith("/") ? base + name : base + "/" + name);
                            }
                        }
                    } catch (IOException e) {
                        // glob.glob ignores directories it cannot list (os.scandir errors are swallowed there).
                        continue;
                    }
                }
                current = next;
            }
            return current;
        }

        private static boolean hasMagic(String s) {
            return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
        }

        /** Python's {@code fnmatch.translate} for one name. */
        static String translate(String pat) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            int n = pat.length();
            while (i < n) {
                char c = pat.charAt(i++);
                if (c == '*') {
                    sb.append(".*");
                } else if (c == '?') {
                    sb.append('.');
                } else if (c == '[') {
                    int j = i;
                    if (j < n && pat.charAt(j) == '!') {
                        j++;
                    }
                    if (j < n && pat.charAt(j) == ']') {
                        j++;
                    }
                    while (j < n && pat.charAt(j) != ']') {
                        j++;
                    }
                    if (j >= n) {
                        sb.append("\\[");
                    } else {
                        String stuff = pat.substring(i, j).replace("\\", "\\\\");
                        i = j + 1;
                        if (stuff.startsWith("!")) {
                            stuff = "^" + stuff.substring(1);
                        } else if (stuff.startsWith("^")) {
                            stuff = "\\" + stuff;
                        }
                        sb.append('[').append(stuff).append(']');
                    }
                } else {
                    sb.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return sb.toString();
        }
    }
}
