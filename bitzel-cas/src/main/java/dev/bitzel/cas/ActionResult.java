package dev.bitzel.cas;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What running an action (a task with a given signature) produced: its exit code, output files and directory trees
 * by digest, the digests of its stdout and stderr, and free-form metadata (host, timings, ...).
 *
 * <p>Immutable and thread-safe; no component is null. Output paths are relative to the action's work directory,
 * use {@code /} as separator and never contain {@code .}, {@code ..}, empty segments or NUL.
 *
 * @param exitCode the process's exit code
 * @param outputFiles output files, not null
 * @param outputDirectories output directories as Merkle trees, not null
 * @param stdoutDigest digest of standard output ({@link Digest#EMPTY} when there was none), not null
 * @param stderrDigest digest of standard error ({@link Digest#EMPTY} when there was none), not null
 * @param metadata free-form key/value pairs, kept sorted by key, not null
 */
public record ActionResult(int exitCode, List<OutputFile> outputFiles, List<OutputDirectory> outputDirectories,
        Digest stdoutDigest, Digest stderrDigest, Map<String, String> metadata) {

    /** Copies and validates the components. */
    public ActionResult {
        outputFiles = List.copyOf(outputFiles);
        outputDirectories = List.copyOf(outputDirectories);
        Objects.requireNonNull(stdoutDigest, "stdoutDigest");
        Objects.requireNonNull(stderrDigest, "stderrDigest");
        metadata = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(metadata)));
    }

    /**
     * Returns a result with only an exit code and output files; no trees, empty stdout/stderr, no metadata.
     *
     * @param exitCode the exit code
     * @param outputFiles the output files, not null
     * @return the result; never null
     */
    public static ActionResult of(int exitCode, List<OutputFile> outputFiles) {
        return new ActionResult(exitCode, outputFiles, List.of(), Digest.EMPTY, Digest.EMPTY, Map.of());
    }

    /**
     * Checks that {@code path} is a safe relative output path.
     *
     * @param path the candidate, not null
     * @return {@code path}
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static String checkRelativePath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("output path must be relative and non-empty, was '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            try {
                Directory.checkName(segment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output path '" + path.replace("\0", "\\0")
                        + "' has a bad segment: " + e.getMessage(), e);
            }
        }
        return path;
    }

    /**
     * An output file. Immutable.
     *
     * @param path relative path, not null
     * @param digest content digest, not null
     * @param executable whether the file is executable
     */
    public record OutputFile(String path, Digest digest, boolean executable) {
        /** Validates the path. */
        public OutputFile {
            checkRelativePath(path);
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * An output directory, stored as a Merkle tree. Immutable.
     *
     * @param path relative path, not null
     * @param rootDigest digest of the root {@link Directory} (REAPI's {@code root_directory_digest}), not null
     */
    public record OutputDirectory(String path, Digest rootDigest) {
        /** Validates the path. */
        public OutputDirectory {
            checkRelativePath(path);
            Objects.requireNonNull(rootDigest, "rootDigest");
        }
    }
}
