package dev.bitzel.kas;

import dev.bitzel.kas.internal.config.ConfigFile;
import dev.bitzel.kas.internal.config.Emitter;
import dev.bitzel.kas.internal.config.IncludeHandler;
import dev.bitzel.kas.internal.config.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A merged kas configuration read from local files only: the command-line files and their string includes,
 * validated and merged in kas' order, without fetching any repository. {@code {repo, file}} includes of
 * repositories are listed by {@link #missingRepos()} instead of being read.
 *
 * <pre>{@code
 * KasConfig c = KasConfig.load(Path.of("project"), List.of(Path.of("project/kas.yml")));
 * System.out.print(c.toYaml());
 * }</pre>
 *
 * <p>Immutable and thread-safe. Use {@link KasRunner} for everything that touches repositories.
 */
public final class KasConfig {
    private final Map<String, Object> tree;
    private final List<String> missingRepos;
    private final KasFormatVersion version;

    private KasConfig(Map<String, Object> tree, List<String> missingRepos, int version) {
        this.tree = tree;
        this.missingRepos = List.copyOf(missingRepos);
        this.version = new KasFormatVersion(version);
    }

    /**
     * Loads and merges {@code files}.
     *
     * @param topRepoDir the directory string includes are relative to (kas: the VCS root of the first file)
     * @param files the command-line files, in order
     * @throws KasException naming the file, key path and what is allowed when a file is invalid
     */
    public static KasConfig load(Path topRepoDir, List<Path> files) {
        Objects.requireNonNull(topRepoDir, "topRepoDir");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        List<Path> abs = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<String> ignored = new ArrayList<>();
        IncludeHandler.Result r = new IncludeHandler(abs, topRepoDir.toAbsolutePath().normalize(), ignored::add,
                ConfigFile::load).load(Map.of());
        Map<String, Object> header = Values.map(r.config().get("header"));
        if (header != null) {
            header.remove("includes");
        }
        Object v = Values.get(r.config(), "header", "version");
        return new KasConfig(r.config(), r.missingRepos(), v instanceof Integer i ? i : 1);
    }

    /** The merged tree (maps keep kas' key order; values are String, Integer, Long, Boolean, List, Map or null). */
    public Map<String, Object> tree() {
        return freeze(tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freeze(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? freeze((Map<String, Object>) mm)
                : v instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : v));
        return Collections.unmodifiableMap(out);
    }

    /** Repository ids named by {@code {repo, file}} includes, which need a checkout to be read. */
    public List<String> missingRepos() {
        return missingRepos;
    }

    /** The maximum format version of the files used. */
    public KasFormatVersion version() {
        return version;
    }

    /** The tree as {@code kas dump} prints it (YAML, indent 2, merge order). */
    public String toYaml() {
        return Emitter.yaml(tree, 2, false);
    }

    /** The tree as {@code kas dump --format json} prints it (indent 2). */
    public String toJson() {
        return Emitter.json(tree, 2, false);
    }
}
