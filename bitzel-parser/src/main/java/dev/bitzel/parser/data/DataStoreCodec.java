package dev.bitzel.parser.data;

import dev.bitzel.parser.internal.data.AppendOp;
import dev.bitzel.parser.internal.data.CowMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The binary form of {@link DataStore#writeDelta}: the entries of a store's maps that differ from its base's,
 * plus its small sets, each value tagged with its type. Unknown tags or a bad magic number fail with an
 * {@link IOException}; nothing is trusted that was not written by this class.
 */
final class DataStoreCodec {
    private static final int MAGIC = 0x42445331; // "BDS1"
    private static final int REMOVED = 0;
    private static final int STRING = 1;
    private static final int APPENDS = 2;
    private static final int EXPORTS = 3;
    private static final int OVERRIDES = 4;
    private static final int HISTORY = 5;
    private static final int MAP = 6;

    private DataStoreCodec() {
    }

    static void write(DataStore d, DataStore base, DataOutputStream out, UnaryOperator<String> values)
            throws IOException {
        out.writeInt(MAGIC);
        writeDiff(d.dictMap(), base.dictMap(), out, values);
        writeDiff(d.overrideMap(), base.overrideMap(), out, values);
        writeDiff(d.historyMap(), base.historyMap(), out, values);
        writeStrings(d.overrideVars(), out);
        writeStrings(d.errorList(), out);
    }

    static void read(DataStore d, DataInputStream in, UnaryOperator<String> values) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a datastore delta (bad magic number)");
        }
        readDiff(d.dictMap(), in, values);
        readDiff(d.overrideMap(), in, values);
        readDiff(d.historyMap(), in, values);
        Set<String> overrideVars = d.overrideVars();
        overrideVars.clear();
        overrideVars.addAll(readStrings(in));
        List<String> errors = d.errorList();
        errors.clear();
        errors.addAll(readStrings(in));
        d.resetAfterDelta();
    }

    private static <V> void writeDiff(CowMap<V> mine, CowMap<V> base, DataOutputStream out,
            UnaryOperator<String> values) throws IOException {
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (!mine.diffKeys(base, changed, removed)) {
            Map<String, V> now = mine.snapshot();
            Map<String, V> before = base.snapshot();
            for (Map.Entry<String, V> e : now.entrySet()) {
                V old = before.get(e.getKey());
                if (old != e.getValue() && !Objects.equals(old, e.getValue())) {
                    changed.add(e.getKey());
                }
            }
            for (String key : before.keySet()) {
                if (!now.containsKey(key)) {
                    removed.add(key);
                }
            }
        }
        out.writeInt(changed.size() + removed.size());
        for (String key : changed) {
            writeString(key, out);
            writeValue(mine.get(key), out, values);
        }
        for (String key : removed) {
            writeString(key, out);
            out.writeByte(REMOVED);
        }
    }

    @SuppressWarnings("unchecked")
    private static <V> void readDiff(CowMap<V> map, DataInputStream in, UnaryOperator<String> values)
            throws IOException {
        int n = checkedCount(in.readInt());
        for (int i = 0; i < n; i++) {
            String key = readString(in);
            Object value = readValue(in, values);
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, (V) value);
            }
        }
    }

    private static void writeValue(Object value, DataOutputStream out, UnaryOperator<String> values)
            throws IOException {
        if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(values.apply(s), out);
        } else if (value instanceof DataStore.ExportList e) {
            out.writeByte(EXPORTS);
            writeStrings(e.names(), out);
        } else if (value instanceof Map<?, ?> m) {
            out.writeByte(MAP);
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                writeString((String) e.getKey(), out);
                writeValue(e.getValue(), out, values);
            }
        } else if (value instanceof List<?> list) {
            Object first = list.isEmpty() ? null : list.get(0);
            if (first == null || first instanceof AppendOp) {
                out.writeByte(APPENDS);
                out.writeInt(list.size());
                for (Object o : list) {
                    AppendOp op = (AppendOp) o;
                    writeString(op.value(), out);
                    writeNullable(op.override(), out);
                }
            } else if (first instanceof DataStore.OverrideEntry) {
                out.writeByte(OVERRIDES);
                out.writeInt(list.size());
                for (Object o : list) {
                    DataStore.OverrideEntry e = (DataStore.OverrideEntry) o;
                    writeString(e.var(), out);
                    writeString(e.override(), out);
                }
            } else if (first instanceof HistoryEntry) {
                out.writeByte(HISTORY);
                out.writeInt(list.size());
                for (Object o : list) {
                    HistoryEntry h = (HistoryEntry) o;
                    writeNullable(h.op(), out);
                    writeNullable(h.variable(), out);
                    writeNullable(h.flag(), out);
                    writeNullable(h.file(), out);
                    out.writeInt(h.line());
                    writeNullable(h.detail(), out);
                }
            } else {
                throw new IllegalArgumentException("cannot store a list of " + first.getClass().getName());
            }
        } else {
            throw new IllegalArgumentException("cannot store a value of type "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static Object readValue(DataInputStream in, UnaryOperator<String> values) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case REMOVED:
                return null;
            case STRING:
                return values.apply(readString(in));
            case EXPORTS:
                return new DataStore.ExportList(Collections.unmodifiableSet(new LinkedHashSet<>(readStrings(in))));
            case MAP: {
                int n = checkedCount(in.readInt());
                LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = readString(in);
                    Object v = readValue(in, values);
                    if (v == null) {
                        throw new IOException("corrupt datastore delta: removal marker inside a variable");
                    }
                    m.put(key, v);
                }
                return m;
            }
            case APPENDS: {
                int n = checkedCount(in.readInt());
                List<AppendOp> ops = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ops.add(new AppendOp(readString(in), readNullable(in)));
                }
                return Collections.unmodifiableList(ops);
            }
            case OVERRIDES: {
                int n = checkedCount(in.readInt());
                List<DataStore.OverrideEntry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    entries.add(new DataStore.OverrideEntry(readString(in), readString(in)));
                }
                return Collections.unmodifiableList(entries);
            }
            case HISTORY: {
                int n = checkedCount(in.readInt());
                List<HistoryEntry> entries = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    entries.add(new HistoryEntry(readNullable(in), readNullable(in), readNullable(in),
                            readNullable(in), in.readInt(), readNullable(in)));
                }
                return entries;
            }
            default:
                throw new IOException("corrupt datastore delta: unknown value tag " + tag);
        }
    }

    private static int checkedCount(int n) throws IOException {
        if (n < 0 || n > 50_000_000) {
            throw new IOException("corrupt datastore delta: count " + n);
        }
        return n;
    }

    static void writeString(String s, DataOutputStream out) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        // readFully into an exact-size array: InputStream.readNBytes allocates 8 KiB chunks per call.
        byte[] bytes = new byte[checkedCount(in.readInt())];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeNullable(String s, DataOutputStream out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(s, out);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    private static void writeStrings(java.util.Collection<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(s, out);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = checkedCount(in.readInt());
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }
}
