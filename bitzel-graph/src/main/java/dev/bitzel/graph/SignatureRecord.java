package dev.bitzel.graph;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one task's signature was computed from — Bitzel's {@code sigdata} file — so that two records can be
 * compared to say why a signature changed ({@link SignatureDiff}).
 *
 * <p>Immutable and thread-safe. Maps are sorted by key, so records compare and print deterministically.
 *
 * @param task the task
 * @param baseHash hash of the task's code and the variables it reaches (hex SHA-256)
 * @param variables every variable the task's code reaches, with the value hashed: the unexpanded value, or
 *     {@code [vardepvalue]} where set
 * @param dependencies the signature of each task this one runs after
 * @param fileChecksums SHA-256 of each local file the task reads ({@code file://} sources, {@code [file-checksums]})
 * @param taint the task's taint ({@code bitbake -f}/{@code -C} forced it to run again), or empty
 * @param signature the task's signature (hex SHA-256 over all of the above)
 */
public record SignatureRecord(TaskId task, String baseHash, SortedMap<String, String> variables,
        SortedMap<String, String> dependencies, SortedMap<String, String> fileChecksums, String taint,
        String signature) {

    /** Validates and copies the components. */
    public SignatureRecord {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(baseHash, "baseHash");
        variables = unmodifiable(variables);
        dependencies = unmodifiable(dependencies);
        fileChecksums = unmodifiable(fileChecksums);
        Objects.requireNonNull(taint, "taint");
        Objects.requireNonNull(signature, "signature");
    }

    private static SortedMap<String, String> unmodifiable(Map<String, String> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
