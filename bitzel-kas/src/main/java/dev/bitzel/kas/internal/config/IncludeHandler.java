package dev.bitzel.kas.internal.config;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * kas' {@code IncludeHandler}: resolves {@code header.includes} depth first and merges the files in kas' order
 * (a file's lock file first, then its includes, then the file itself); mappings merge recursively, anything else
 * is replaced; keys keep the position of their first appearance. Includes may not leave the repository they are
 * addressed in (after resolving {@code ..} and symbolic links), and include cycles are errors.
 */
public final class IncludeHandler {
    private final List<Path> topFiles;
    private final Consumer<String> warn;
    private final Function<Path, ConfigFile> loader;
    private final Path cwd;
    private Path topRepoPath;
    private boolean useLock = true;

    /** One file as used in a merge: where it came from decides how {@code kas lock} treats it. */
    public record Loaded(ConfigFile file, boolean lockfile, boolean external) {
        public Path path() {
            return file.path();
        }

        public Map<String, Object> data() {
            return file.data();
        }
    }

    /** What one merge round produced. */
    public record Result(Map<String, Object> config, List<String> missingRepos, List<Loaded> files) {
        /** The lock files in the order they were read. */
        public List<Loaded> lockfiles() {
            return files.stream().filter(Loaded::lockfile).toList();
        }
    }

    /**
     * @param topFiles the command-line files, absolute
     * @param topRepoPath the VCS root of the first file (or its directory)
     * @param warn receives warnings (the caller de-duplicates them across rounds)
     * @param loader loads one file (cached by the caller, since the repo loop reloads several times)
     */
    public IncludeHandler(List<Path> topFiles, Path topRepoPath, Consumer<String> warn,
            Function<Path, ConfigFile> loader) {
        this(topFiles, topRepoPath, warn, loader, topRepoPath);
    }

    /** As above; {@code cwd} is the base of a relative {@code _source_dir}. */
    public IncludeHandler(List<Path> topFiles, Path topRepoPath, Consumer<String> warn,
            Function<Path, ConfigFile> loader, Path cwd) {
        this.topFiles = List.copyOf(topFiles);
        this.topRepoPath = topRepoPath;
        this.warn = warn;
        this.loader = loader;
        this.cwd = cwd;
    }

    /** Whether lock files take part in the merge ({@code --update} leaves them out). */
    public IncludeHandler useLock(boolean on) {
        this.useLock = on;
        return this;
    }

    /** The root string includes of the top files are relative to (changed by {@code _source_dir}). */
    public Path topRepoPath() {
        return topRepoPath;
    }

    /** {@code x.yml} → {@code x.lock.yml} (kas: stem + ".lock" + suffix). */
    public static Path lockFileOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        String suffix = dot <= 0 ? "" : name.substring(dot);
        return file.resolveSibling(stem + ".lock" + suffix);
    }

    /**
     * Merges everything reachable with the repositories known so far.
     *
     * @param repoPaths checkout directories of repositories, for {@code {repo, file}} includes
     */
    public Result load(Map<String, Path> repoPaths) {
        List<Loaded> files = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < topFiles.size(); i++) {
            collect(topFiles.get(i), null, repoPaths, false, false, i == 0, files, missing, new ArrayDeque<>());
        }
        List<Loaded> used = useLock ? files : files.stream().filter(f -> !f.lockfile()).toList();
        Map<String, Object> merged = new LinkedHashMap<>();
        int version = 0;
        for (Loaded f : used) {
            if (f.file().legacyVersionString()) {
                // kas validates "0.10" but then fails converting it to an integer while merging: an internal error
                throw new IllegalStateException("invalid literal for int() with base 10: '0.10' (header.version in "
                        + f.path() + "; kas 5.4 cannot merge a \"0.10\" file, use version: 1)");
            }
            merge(merged, Values.stringKeys(f.data()));
            version = Math.max(version, f.file().version());
        }
        Map<String, Object> header = Values.map(merged.get("header"));
        if (header != null) {
            header.put("version", version);
        }
        return new Result(merged, List.copyOf(missing), List.copyOf(files));
    }

    private void collect(Path file, Path repoPath, Map<String, Path> repoPaths, boolean external, boolean lockfile,
            boolean mainFile, List<Loaded> out, Set<String> missing, Deque<Path> stack) {
        Path norm = file.toAbsolutePath().normalize();
        if (stack.contains(norm)) {
            List<String> chain = new ArrayList<>();
            stack.descendingIterator().forEachRemaining(p -> chain.add(p.toString()));
            chain.add(norm.toString());
            throw new KasException("Include cycle: " + String.join(" -> ", chain)
                    + " (a file must not include itself, directly or through other files)");
        }
        stack.push(norm);
        ConfigFile cf = loader.apply(norm);
        Object srcDir = cf.data().get("_source_dir");
        if (srcDir != null && !mainFile) {
            throw new KasException("'_source_dir' is only allowed in the top-level kas configuration: " + norm);
        }
        if (repoPath == null) {
            repoPath = topRepoPath;
        }
        List<Loaded> lockConfigs = new ArrayList<>();
        Path lock = lockFileOf(norm);
        if (Files.exists(lock)) {
            collect(lock, repoPath, repoPaths, external, true, false, lockConfigs, missing, stack);
        }
        out.addAll(lockConfigs);
        if (srcDir instanceof String s) {
            topRepoPath = cwd.resolve(s).normalize();
            repoPath = topRepoPath;
        }
        Map<String, Object> header = Values.mapOrEmpty(cf.data().get("header"));
        List<?> includes = header.get("includes") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < includes.size(); i++) {
            Object inc = includes.get(i);
            if (inc instanceof String s) {
                Path target = sanitize(repoPath, s, norm, i);
                if (!Files.exists(target)) {
                    Path alternate = sanitize(norm.getParent(), s, norm, i);
                    if (Files.exists(alternate)) {
                        warn.accept("Falling back to file-relative addressing of local include \"" + s + "\"");
                        warn.accept("Update your layer to repo-relative addressing to avoid this warning");
                        target = alternate;
                    }
                }
                collect(target, repoPath, repoPaths, external, false, false, out, missing, stack);
            } else {
                Map<String, Object> m = Values.map(inc);
                String repo = (String) m.get("repo");
                Path dir = repoPaths.get(repo);
                if (dir == null) {
                    missing.add(repo);
                    continue;
                }
                boolean incExternal = !dir.equals(topRepoPath);
                Path absDir = dir.toAbsolutePath();
                Path target = sanitize(absDir, (String) m.get("file"), norm, i);
                collect(target, absDir, repoPaths, incExternal, false, false, out, missing, stack);
            }
        }
        out.add(new Loaded(cf, lockfile, external));
        stack.pop();
    }

    /**
     * kas' {@code sanitize_include_path}: {@code base/include} with {@code ..} and symbolic links resolved, which
     * must stay inside {@code base}.
     */
    private static Path sanitize(Path base, String include, Path from, int index) {
        Path realBase = resolveLenient(base);
        Path candidate = resolveLenient(base.resolve(include));
        if (!candidate.startsWith(realBase)) {
            throw new KasException("include " + candidate + " resolves outside repository " + base + " (in " + from
                    + " at 'header.includes[" + index + "]': \"" + include + "\"; allowed: paths inside the "
                    + "repository)");
        }
        return candidate;
    }

    /** Python's non-strict {@code Path.resolve()}: symlinks of the existing part resolved, the rest normalised. */
    static Path resolveLenient(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Deque<Path> rest = new ArrayDeque<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest.push(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            // a dangling link: keep the lexical path, which then fails as "not found" with a clear name
            return abs;
        }
        for (Path r : rest) {
            real = real.resolve(r);
        }
        return real.normalize();
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
