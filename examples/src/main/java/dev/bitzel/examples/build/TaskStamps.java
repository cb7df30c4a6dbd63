package dev.bitzel.examples.build;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitzel.graph.SignatureRecord;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskPlan;
import dev.bitzel.parser.data.ExpansionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The files BitBake keeps next to a task's stamp, under {@code ${STAMP}.do_task}: the stamp itself
 * ({@code .SIGNATURE}), the signature data it was computed from ({@code .sigdata.SIGNATURE}, here JSON, read back
 * to explain why a task runs again) and the taint that {@code bitbake -f}/{@code -C} leave ({@code .taint}), which
 * enters the task's signature until it is removed.
 *
 * <p>Thread-safe.
 */
public final class TaskStamps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<TaskId, Path> bases = new HashMap<>();

    /**
     * Reads every task's {@code ${STAMP}} up front, on the calling thread (recipe stores are not thread-safe).
     *
     * @throws IOException naming the task whose {@code STAMP} is unset or does not expand
     */
    public TaskStamps(TaskPlan plan) throws IOException {
        for (int node = 0; node < plan.graph().size(); node++) {
            TaskId task = plan.graph().task(node).id();
            try {
                String stamp = plan.recipe(task).data().getVar("STAMP");
                if (stamp == null || stamp.isBlank()) {
                    throw new IOException(task + ": STAMP is not set");
                }
                bases.put(task, Path.of(stamp + "." + task.task()));
            } catch (ExpansionException e) {
                throw new IOException(task + ": STAMP does not expand: " + e.getMessage(), e);
            }
        }
    }

    /** {@code ${STAMP}.do_task} of a task. */
    public Path base(TaskId task) {
        Path base = bases.get(task);
        if (base == null) {
            throw new IllegalArgumentException("task '" + task + "' is not in this plan");
        }
        return base;
    }

    /** The stamp file of a task at a signature. */
    public Path stamp(TaskId task, String signature) throws IOException {
        return sibling(base(task), "." + signature);
    }

    /** The task's taint, or empty when it has none. */
    public String taint(TaskId task) throws IOException {
        Path taint = sibling(base(task), ".taint");
        return Files.exists(taint) ? Files.readString(taint, StandardCharsets.UTF_8).trim() : "";
    }

    /** Taints a task (a new random taint) so that it and its dependents run again, as {@code bitbake -f} does. */
    public void addTaint(TaskId task) throws IOException {
        Path taint = sibling(base(task), ".taint");
        Files.createDirectories(taint.getParent());
        Files.writeString(taint, "nostamp:" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
    }

    /** Writes a task's signature data next to its stamp. */
    public void writeSigdata(SignatureRecord record) throws IOException {
        Path file = sibling(base(record.task()), ".sigdata." + record.signature());
        if (Files.exists(file)) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("task", record.task().toString());
        o.put("baseHash", record.baseHash());
        o.set("variables", JSON.valueToTree(record.variables()));
        o.set("dependencies", JSON.valueToTree(record.dependencies()));
        o.set("fileChecksums", JSON.valueToTree(record.fileChecksums()));
        o.put("taint", record.taint());
        o.put("signature", record.signature());
        Files.createDirectories(file.getParent());
        Path tmp = sibling(file, ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The most recent signature data of a task at another signature than {@code current}, if any was kept.
     *
     * @throws IOException if a sigdata file is unreadable or malformed (naming it)
     */
    public Optional<SignatureRecord> previous(TaskId task, String current) throws IOException {
        Path base = base(task);
        if (!Files.isDirectory(base.getParent())) {
            return Optional.empty();
        }
        String prefix = base.getFileName() + ".sigdata.";
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(base.getParent(), prefix + "*")) {
            for (Path f : files) {
                String sig = f.getFileName().toString().substring(prefix.length());
                if (sig.equals(current) || sig.endsWith(".tmp")) {
                    continue;
                }
                FileTime t = Files.getLastModifiedTime(f);
                if (newestTime == null || t.compareTo(newestTime) > 0) {
                    newest = f;
                    newestTime = t;
                }
            }
        }
        return newest == null ? Optional.empty() : Optional.of(read(newest));
    }

    private static SignatureRecord read(Path file) throws IOException {
        try {
            JsonNode o = JSON.readTree(file.toFile());
            return new SignatureRecord(TaskId.parse(text(o, "task", file)), text(o, "baseHash", file),
                    map(o, "variables", file), map(o, "dependencies", file), map(o, "fileChecksums", file),
                    text(o, "taint", file), text(o, "signature", file));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(file + ": not a signature data file: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String field, Path file) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException(file + ": field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static TreeMap<String, String> map(JsonNode o, String field, Path file) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new IOException(file + ": field '" + field + "' is missing or not an object");
        }
        TreeMap<String, String> m = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName() + suffix);
    }
}
