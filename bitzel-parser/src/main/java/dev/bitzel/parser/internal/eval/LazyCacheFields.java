package dev.bitzel.parser.internal.eval;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A recipe's cache fields read from a {@link ParseSnapshot}: the variables decoded with the snapshot, the task
 * flags ({@code do_x[flag]}, after them in iteration order) when first asked for. Immutable and thread-safe.
 */
public final class LazyCacheFields extends AbstractMap<String, String> {
    private final Map<String, String> core;
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final String[] strings;
    private volatile Map<String, String> all;

    LazyCacheFields(Map<String, String> core, byte[] bytes, int from, int to, String[] strings) {
        this.core = Collections.unmodifiableMap(core);
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.strings = strings;
    }

    private Map<String, String> all() {
        Map<String, String> a = all;
        if (a == null) {
            ParseSnapshot.Reader in = new ParseSnapshot.Reader(bytes, from, to);
            in.strings = strings;
            Map<String, String> m = new LinkedHashMap<>(core);
            try {
                while (in.p < to) {
                    m.put(in.s(), in.s());
                }
            } catch (IOException e) {
                // the snapshot's checksum covered these bytes when it was read
                throw new IllegalStateException("parse snapshot changed in memory: " + e.getMessage(), e);
            }
            a = Collections.unmodifiableMap(m);
            all = a;
        }
        return a;
    }

    @Override
    public String get(Object key) {
        return key instanceof String s && s.indexOf('[') < 0 ? core.get(s) : all().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && s.indexOf('[') < 0 ? core.containsKey(s) : all().containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return all().entrySet();
    }

    @Override
    public int size() {
        return all().size();
    }
}
