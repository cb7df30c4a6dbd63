package dev.bitzel.kas.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One kas project file, read and validated on its own (as kas does before merging).
 *
 * <p>YAML goes through SnakeYAML's safe loader because it resolves scalars by YAML 1.1 rules like PyYAML
 * ({@code no} is a boolean, {@code 0001} an integer), which kas files rely on; Jackson's YAML parser
 * follows YAML 1.2 here. JSON goes through Jackson.
 *
 * @param path absolute path of the file
 * @param data the parsed top-level mapping (insertion ordered, mutable copies are made by the merger)
 * @param version the header version (1 for the legacy "0.10")
 * @param legacyVersionString whether the header said "0.10" (kas 5.4 fails to merge such files)
 */
public record ConfigFile(Path path, Map<String, Object> data, int version, boolean legacyVersionString) {

    /** Newest format version this implementation understands (kas 5.4). */
    public static final int MAX_VERSION = 23;

    /** SnakeYAML instances are costly to set up and not thread-safe: one per thread. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        return new Yaml(new SafeConstructor(options));
    });

    /** Reads, schema-checks and version-checks one file. */
    public static ConfigFile load(Path path) {
        String name = path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new KasException("Configuration file not found: " + path);
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        Object root;
        if (name.endsWith(".json")) {
            root = parseJson(path, text);
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            root = parseYaml(path, text);
        } else {
            throw new KasException("Config file extension not recognized: " + path
                    + " (allowed: .yml, .yaml, .json)");
        }
        if (!(root instanceof Map<?, ?>)) {
            throw new KasException("Invalid configuration file " + path
                    + ": the top level must be a mapping, got " + Schema.typeName(root));
        }
        Map<String, Object> data = Values.stringKeys(root);
        new Schema(path).validate(data);
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) data.get("header");
        Object v = header.get("version");
        boolean legacy = false;
        int version;
        if (v instanceof String s) {
            if (!s.equals("0.10")) {
                throw new KasException("Invalid configuration file " + path + ": header.version '" + s
                        + "' is not supported (allowed: an integer 1.." + MAX_VERSION + ", or \"0.10\")");
            }
            legacy = true;
            version = 1;
        } else {
            long n = ((Number) v).longValue();
            if (n < 1 || n > MAX_VERSION) {
                throw new KasException("Invalid configuration file " + path + ": header.version " + n
                        + " is not supported (allowed: 1.." + MAX_VERSION + ")");
            }
            version = (int) n;
        }
        return new ConfigFile(path, data, version, legacy);
    }

    private static Object parseYaml(Path path, String text) {
        try {
            return YAML.get().load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new KasException("Configuration file is not valid YAML: Error in line " + line + " of " + path
                    + ": " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new KasException("Configuration file is not valid YAML: " + path + ": " + e.getMessage(), e);
        }
    }

    private static Object parseJson(Path path, String text) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            return mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            // kas 5.4 lets json.JSONDecodeError escape as an internal error (exit 1); so do we.
            throw new ConfigSyntaxError("JSON syntax error in " + path + " at line "
                    + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A JSON syntax error: kas 5.4 treats it as an internal error (exit 1), not a user error. */
    public static final class ConfigSyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigSyntaxError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
