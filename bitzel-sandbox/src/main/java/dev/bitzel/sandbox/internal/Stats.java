package dev.bitzel.sandbox.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The helper's statistics file: {@code key=value} lines, a key may repeat. */
final class Stats {
    private final List<String[]> entries;

    private Stats(List<String[]> entries) {
        this.entries = entries;
    }

    static Stats read(Path file) throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                entries.add(new String[] {line.substring(0, eq), line.substring(eq + 1)});
            }
        }
        return new Stats(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    String get(String key) {
        for (String[] e : entries) {
            if (e[0].equals(key)) {
                return e[1];
            }
        }
        return null;
    }

    List<String> all(String key) {
        List<String> values = new ArrayList<>();
        for (String[] e : entries) {
            if (e[0].equals(key)) {
                values.add(e[1]);
            }
        }
        return values;
    }

    long getLong(String key, long otherwise) {
        String v = get(key);
        return v == null ? otherwise : Long.parseLong(v.trim());
    }

    int getInt(String key, int otherwise) {
        String v = get(key);
        return v == null ? otherwise : Integer.parseInt(v.trim());
    }
}
