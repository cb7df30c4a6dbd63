package dev.bitzel.kas.internal.config;

import dev.bitzel.kas.KasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Resolves {@code header.includes} depth first and merges the files in kas' order: a file's includes
 * (its lock file first) before the file itself; mappings merge recursively, anything else is replaced;
 * keys keep the position of their first appearance.
 */
public final class IncludeHandler {
    private final List<Path> topFiles;
    private final Path topRepoPath;
    private final Consumer<String> warn;
    private final Function<Path, ConfigFile> loader;

    /**
     * @param topFiles the command-line files, absolute
     * @param topRepoPath the VCS root of the first file (or its directory)
     * @param warn receives warnings (the caller de-duplicates them across rounds)
     * @param loader loads one file (cached by the caller, since the repo loop reloads several times)
     */
    public IncludeHandler(List<Path> topFiles, Path topRepoPath, Consumer<String> warn,
            Function<Path, ConfigFile> loader) {
        this.topFiles = List.copyOf(topFiles);
        this.topRepoPath = topRepoPath;
        this.warn = warn;
        this.loader = loader;
    }

    /** What one merge round produced. */
    public record Result(Map<String, Object> config, List<String> missingRepos, List<ConfigFile> files) {
    }

    /**
     * Merges everything reachable with the repositories known so far.
     *
     * @param repoPaths checkout directories of repositories, for {@code {repo, file}} includes
     */
    public Result load(Map<String, Path> repoPaths) {
        List<ConfigFile> files = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (Path top : topFiles) {
            collect(top, topRepoPath, repoPaths, files, missing, new ArrayDeque<>());
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        int version = 0;
        for (ConfigFile f : files) {
            merge(merged, Values.stringKeys(f.data()));
            version = Math.max(version, f.version());
        }
        Map<String, Object> header = Values.map(merged.get("header"));
        if (header != null) {
            header.remove("includes");
            header.put("version", version);
        }
        return new Result(merged, List.copyOf(missing), List.copyOf(files));
    }

    private void collect(Path file, Path repoPath, Map<String, Path> repoPaths, List<ConfigFile> out,
            Set<String> missing, Deque<Path> stack) {
        Path norm = file.toAbsolutePath().normalize();
        if (stack.contains(norm)) {
            List<String> chain = new ArrayList<>();
            stack.descendingIterator().forEachRemaining(p -> chain.add(p.toString()));
            chain.add(norm.toString());
            throw new KasException("Include cycle: " + String.join(" -> ", chain));
        }
        stack.push(norm);
        ConfigFile cf = loader.apply(norm);
        if (!isFirstTop(norm) && cf.data().containsKey("_source_dir")) {
            throw new KasException("Invalid configuration file " + norm
                    + ": '_source_dir' is only allowed in the top-level configuration file");
        }
        Map<String, Object> header = Values.map(cf.data().get("header"));
        List<?> includes = header.get("includes") instanceof List<?> l ? l : List.of();
        // kas treats a file's lock file as its first include
        Path lock = lockFileOf(norm);
        if (lock != null && Files.isRegularFile(lock)) {
            out.add(loader.apply(lock));
        }
        for (int i = 0; i < includes.size(); i++) {
            Object inc = includes.get(i);
            if (inc instanceof String s) {
                Path target;
                if (s.startsWith("/")) {
                    target = Path.of(s);
                } else {
                    target = repoPath.resolve(s).normalize();
                    if (!Files.exists(target)) {
                        Path alternate = norm.getParent().resolve(s).normalize();
                        if (Files.exists(alternate)) {
                            warn.accept("Falling back to file-relative addressing of local include \"" + s + "\"");
                            warn.accept("Update your layer to repo-relative addressing to avoid this warning");
                            target = alternate;
                        }
                    }
                    confine(target, s, repoPath, norm.getParent(), norm, i);
                }
                collect(target, repoPath, repoPaths, out, missing, stack);
            } else {
                Map<String, Object> m = Values.map(inc);
                String repo = (String) m.get("repo");
                Path dir = repoPaths.get(repo);
                if (dir == null) {
                    missing.add(repo);
                    continue;
                }
                String f = (String) m.get("file");
                Path target = dir.resolve(f).normalize();
                confine(target, f, dir, dir, norm, i);
                collect(target, dir, repoPaths, out, missing, stack);
            }
        }
        out.add(cf);
        stack.pop();
    }

    private boolean isFirstTop(Path p) {
        return p.equals(topFiles.get(0).toAbsolutePath().normalize());
    }

    /** Refuses relative includes that leave the repository they are addressed in. */
    private static void confine(Path target, String written, Path root, Path fallbackRoot, Path from, int index) {
        Path r = root.toAbsolutePath().normalize();
        Path f = fallbackRoot.toAbsolutePath().normalize();
        if (!target.startsWith(r) && !(target.startsWith(f) && f.startsWith(r))) {
            throw new KasException("Invalid configuration file " + from + ": at 'header.includes[" + index
                    + "]': include path \"" + written + "\" points outside of the repository " + r
                    + " (allowed: paths inside the repository)");
        }
    }

    /** {@code x.yml} → {@code x.lock.yml}; null for files that are lock files themselves. */
    public static Path lockFileOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String base = name.substring(0, dot);
        if (base.endsWith(".lock")) {
            return null;
        }
        return file.resolveSibling(base + ".lock" + name.substring(dot));
    }

    /** kas' merge: mappings recursively, everything else replaced; keys keep their first position. */
    public static void merge(Map<String, Object> dest, Map<String, Object> upd) {
        for (Map.Entry<String, Object> e : upd.entrySet()) {
            Object old = dest.get(e.getKey());
            if (old instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?>) {
                merge(Values.map(old), Values.map(e.getValue()));
            } else {
                dest.put(e.getKey(), e.getValue());
            }
        }
    }
}
