package dev.bitzel.parser.data;

import dev.bitzel.parser.internal.data.AppendOp;
import dev.bitzel.parser.internal.data.CowMap;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The binary form of {@link DataStore#writeDelta}: the entries of a store's maps that differ from its base's,
 * plus its small sets, each value tagged with its type. Strings are written once per delta and then referred to by
 * number; long ones go to a {@link SharedStrings} when one is given. Unknown tags, a bad magic number or a reference
 * to nothing fail with an {@link IOException}; nothing is trusted that was not written by this class.
 *
 * <p>Layout: magic, body length, body. A string is a varint {@code n}: {@code n & 3} is 0 for the string numbered
 * {@code n >>> 2} (strings are numbered as they first occur), 1 for a new string of {@code n >>> 2} UTF-8 bytes that
 * follow, 2 for a new shared string whose reference follows, 3 for null. A long list of override variables that
 * the base also has (a configuration's {@code RECIPE_MAINTAINER:pn-...}, of which a recipe renames a few) is written
 * as runs copied from the base's list and the entries that are new.
 */
final class DataStoreCodec {
    private static final int MAGIC = 0x42445332; // "BDS2"
    private static final int REMOVED = 0;
    private static final int STRING = 1;
    private static final int APPENDS = 2;
    private static final int EXPORTS = 3;
    private static final int OVERRIDES = 4;
    private static final int HISTORY = 5;
    private static final int MAP = 6;
    private static final int OVERRIDES_EDIT = 7;
    /** Override lists at least this long are written as an edit of the base's list when it has one. */
    private static final int EDIT_MIN = 16;
    private static final int KNOWN = 0;
    private static final int INLINE = 1;
    private static final int SHARED = 2;
    private static final int NULL = 3;
    private static final int MAX_LENGTH = 1 << 29;

    /** One encoder per thread: its buffer is kept from delta to delta unless it got big. */
    private static final ThreadLocal<Writer> WRITERS = ThreadLocal.withInitial(Writer::new);

    private DataStoreCodec() {
    }

    static void write(DataStore d, DataStore base, DataOutputStream out, UnaryOperator<String> values,
            SharedStrings shared) throws IOException {
        Writer w = WRITERS.get();
        w.start(values, shared);
        try {
            w.diff(d.dictMap(), base.dictMap());
            w.diff(d.overrideMap(), base.overrideMap());
            w.diff(d.historyMap(), base.historyMap());
            w.strings(d.overrideVars());
            w.strings(d.errorList());
            out.writeInt(MAGIC);
            out.writeInt(w.count);
            out.write(w.buf, 0, w.count);
        } finally {
            w.finish();
        }
    }

    static void read(DataStore d, DataInputStream in, UnaryOperator<String> values, SharedStrings shared)
            throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a datastore delta (bad magic number)");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("corrupt datastore delta: length " + length);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        Reader r = new Reader(body, values, shared);
        r.diff(d.dictMap());
        r.diff(d.overrideMap());
        r.diff(d.historyMap());
        Set<String> overrideVars = d.overrideVars();
        overrideVars.clear();
        overrideVars.addAll(r.strings());
        List<String> errors = d.errorList();
        errors.clear();
        errors.addAll(r.strings());
        if (r.pos != body.length) {
            throw new IOException("corrupt datastore delta: " + (body.length - r.pos) + " bytes after the end");
        }
        d.resetAfterDelta();
    }

    /** Encodes one delta into a growable array, numbering its strings. */
    private static final class Writer {
        private static final int INITIAL = 64 * 1024;
        private static final int KEPT = 4 * 1024 * 1024;

        byte[] buf = new byte[INITIAL];
        int count;
        private final HashMap<String, Integer> numbers = new HashMap<>();
        private UnaryOperator<String> values;
        private SharedStrings shared;

        void start(UnaryOperator<String> values, SharedStrings shared) {
            this.values = values;
            this.shared = shared;
            count = 0;
        }

        void finish() {
            numbers.clear();
            values = null;
            shared = null;
            if (buf.length > KEPT) {
                buf = new byte[INITIAL];
            }
        }

        <V> void diff(CowMap<V> mine, CowMap<V> base) throws IOException {
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
            varint(changed.size() + removed.size());
            for (String key : changed) {
                string(key);
                value(mine.get(key), base.get(key));
            }
            for (String key : removed) {
                string(key);
                ensure(1);
                buf[count++] = REMOVED;
            }
        }

        private void value(Object value, Object before) throws IOException {
            ensure(1);
            if (value instanceof String s) {
                buf[count++] = STRING;
                string(values.apply(s));
            } else if (value instanceof DataStore.ExportList e) {
                buf[count++] = EXPORTS;
                strings(e.names());
            } else if (value instanceof Map<?, ?> m) {
                buf[count++] = MAP;
                varint(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    string((String) e.getKey());
                    value(e.getValue(), null);
                }
            } else if (value instanceof List<?> list) {
                Object first = list.isEmpty() ? null : list.get(0);
                if (first == null || first instanceof AppendOp) {
                    buf[count++] = APPENDS;
                    varint(list.size());
                    for (Object o : list) {
                        AppendOp op = (AppendOp) o;
                        string(op.value());
                        string(op.override());
                    }
                } else if (first instanceof DataStore.OverrideEntry && list.size() >= EDIT_MIN
                        && before instanceof List<?> old && old.size() >= EDIT_MIN) {
                    buf[count++] = OVERRIDES_EDIT;
                    overridesEdit(list, old);
                } else if (first instanceof DataStore.OverrideEntry) {
                    buf[count++] = OVERRIDES;
                    varint(list.size());
                    for (Object o : list) {
                        DataStore.OverrideEntry e = (DataStore.OverrideEntry) o;
                        string(e.var());
                        string(e.override());
                    }
                } else if (first instanceof HistoryEntry) {
                    buf[count++] = HISTORY;
                    varint(list.size());
                    for (Object o : list) {
                        HistoryEntry h = (HistoryEntry) o;
                        string(h.op());
                        string(h.variable());
                        string(h.flag());
                        string(h.file());
                        varint(h.line());
                        string(h.detail());
                    }
                } else {
                    throw new IllegalArgumentException("cannot store a list of " + first.getClass().getName());
                }
            } else {
                throw new IllegalArgumentException("cannot store a value of type "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        }

        /**
         * A list as operations on the base's: a varint count of operations, each a varint {@code x}: odd for
         * {@code x >>> 1} entries copied from the base's list at the varint index that follows, 0 for one new entry
         * (its variable and override follow).
         */
        private void overridesEdit(List<?> list, List<?> old) throws IOException {
            HashMap<Object, Integer> at = new HashMap<>(old.size() * 2);
            for (int i = 0; i < old.size(); i++) {
                at.putIfAbsent(old.get(i), i);
            }
            List<int[]> ops = new ArrayList<>();
            int[] run = null;
            for (int k = 0; k < list.size(); k++) {
                Object o = list.get(k);
                if (run != null && run[0] + run[1] < old.size() && old.get(run[0] + run[1]).equals(o)) {
                    run[1]++;
                    continue;
                }
                Integer i = at.get(o);
                run = i == null ? null : new int[] {i, 1};
                ops.add(run == null ? new int[] {-1, k} : run);
            }
            varint(ops.size());
            for (int[] op : ops) {
                if (op[0] < 0) {
                    DataStore.OverrideEntry e = (DataStore.OverrideEntry) list.get(op[1]);
                    varint(0);
                    string(e.var());
                    string(e.override());
                } else {
                    varint(op[1] << 1 | 1);
                    varint(op[0]);
                }
            }
        }

        void strings(java.util.Collection<String> strings) throws IOException {
            varint(strings.size());
            for (String s : strings) {
                string(s);
            }
        }

        /** A string (or null): its number if written before, else the string itself or its shared reference. */
        private void string(String s) throws IOException {
            if (s == null) {
                varint(NULL);
                return;
            }
            Integer known = numbers.putIfAbsent(s, numbers.size());
            if (known != null) {
                varint(known << 2 | KNOWN);
            } else if (shared != null && s.length() >= SharedStrings.MIN_LENGTH) {
                byte[] reference = shared.put(s);
                varint(SHARED);
                ensure(reference.length);
                System.arraycopy(reference, 0, buf, count, reference.length);
                count += reference.length;
            } else {
                utf8(s);
            }
        }

        /** A new inline string: ASCII copied as it is, anything else through the UTF-8 encoder. */
        private void utf8(String s) {
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (!ascii) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                varint(bytes.length << 2 | INLINE);
                ensure(bytes.length);
                System.arraycopy(bytes, 0, buf, count, bytes.length);
                count += bytes.length;
                return;
            }
            varint(n << 2 | INLINE);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[count + i] = (byte) s.charAt(i);
            }
            count += n;
        }

        private void varint(int v) {
            ensure(5);
            int x = v;
            while ((x & ~0x7f) != 0) {
                buf[count++] = (byte) (x & 0x7f | 0x80);
                x >>>= 7;
            }
            buf[count++] = (byte) x;
        }

        private void ensure(int n) {
            if (count + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + n));
            }
        }
    }

    /** Decodes one delta's body, numbering its strings as the writer did. */
    private static final class Reader {
        private final byte[] body;
        private final UnaryOperator<String> values;
        private final SharedStrings shared;
        private final List<String> known = new ArrayList<>();
        int pos;

        Reader(byte[] body, UnaryOperator<String> values, SharedStrings shared) {
            this.body = body;
            this.values = values;
            this.shared = shared;
        }

        @SuppressWarnings("unchecked")
        <V> void diff(CowMap<V> map) throws IOException {
            int n = count();
            for (int i = 0; i < n; i++) {
                String key = requiredString();
                Object value = value(map.get(key));
                if (value == null) {
                    map.remove(key);
                } else {
                    map.put(key, (V) value);
                }
            }
        }

        private Object value(Object before) throws IOException {
            int tag = readByte();
            switch (tag) {
                case REMOVED:
                    return null;
                case STRING:
                    return values.apply(requiredString());
                case EXPORTS:
                    return new DataStore.ExportList(Collections.unmodifiableSet(new LinkedHashSet<>(strings())));
                case MAP: {
                    int n = count();
                    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String key = requiredString();
                        Object v = value(null);
                        if (v == null) {
                            throw new IOException("corrupt datastore delta: removal marker inside a variable");
                        }
                        m.put(key, v);
                    }
                    return m;
                }
                case APPENDS: {
                    int n = count();
                    List<AppendOp> ops = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        ops.add(new AppendOp(requiredString(), string()));
                    }
                    return Collections.unmodifiableList(ops);
                }
                case OVERRIDES: {
                    int n = count();
                    List<DataStore.OverrideEntry> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        entries.add(new DataStore.OverrideEntry(requiredString(), requiredString()));
                    }
                    return readOnly(entries);
                }
                case OVERRIDES_EDIT:
                    return overridesEdit(before);
                case HISTORY: {
                    int n = count();
                    List<HistoryEntry> entries = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        entries.add(new HistoryEntry(string(), string(), string(), string(), varint(), string()));
                    }
                    return entries;
                }
                default:
                    throw new IOException("corrupt datastore delta: unknown value tag " + tag);
            }
        }

        private List<DataStore.OverrideEntry> overridesEdit(Object before) throws IOException {
            if (!(before instanceof List<?> old)) {
                throw new IOException("corrupt datastore delta: an edit of an override list the base does not have");
            }
            int n = count();
            List<DataStore.OverrideEntry> entries = new ArrayList<>(old.size() + n);
            for (int i = 0; i < n; i++) {
                int x = varint();
                if (x == 0) {
                    entries.add(new DataStore.OverrideEntry(requiredString(), requiredString()));
                    continue;
                }
                int length = x >>> 1;
                int start = varint();
                if ((x & 1) == 0 || start < 0 || length > old.size() || start > old.size() - length) {
                    throw new IOException("corrupt datastore delta: bad override list edit at byte " + pos);
                }
                for (Object o : old.subList(start, start + length)) {
                    if (!(o instanceof DataStore.OverrideEntry e)) {
                        throw new IOException("corrupt datastore delta: an edit of a list that holds no overrides");
                    }
                    entries.add(e);
                }
            }
            return readOnly(entries);
        }

        /** An override list no store owns: each copies it before a change. */
        private static List<DataStore.OverrideEntry> readOnly(List<DataStore.OverrideEntry> entries) {
            return new DataStore.OverrideList(new Object(), entries);
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(requiredString());
            }
            return list;
        }

        private String requiredString() throws IOException {
            String s = string();
            if (s == null) {
                throw new IOException("corrupt datastore delta: null where a string belongs at byte " + pos);
            }
            return s;
        }

        private String string() throws IOException {
            int n = varint();
            int kind = n & 3;
            int arg = n >>> 2;
            switch (kind) {
                case KNOWN:
                    if (arg >= known.size()) {
                        throw new IOException("corrupt datastore delta: string " + arg + " of " + known.size()
                                + " at byte " + pos);
                    }
                    return known.get(arg);
                case INLINE: {
                    if (arg > body.length - pos) {
                        throw new IOException("corrupt datastore delta: string of " + arg + " bytes at byte " + pos
                                + " runs past the end");
                    }
                    String s = new String(body, pos, arg, StandardCharsets.UTF_8);
                    pos += arg;
                    known.add(s);
                    return s;
                }
                case SHARED: {
                    if (arg != 0 || shared == null) {
                        throw new IOException("corrupt datastore delta: unexpected shared string at byte " + pos);
                    }
                    if (SharedStrings.REFERENCE_LENGTH > body.length - pos) {
                        throw new IOException("corrupt datastore delta: truncated shared string reference");
                    }
                    String s = shared.get(Arrays.copyOfRange(body, pos, pos + SharedStrings.REFERENCE_LENGTH));
                    pos += SharedStrings.REFERENCE_LENGTH;
                    known.add(s);
                    return s;
                }
                default:
                    if (arg != 0) {
                        throw new IOException("corrupt datastore delta: bad string marker " + n + " at byte " + pos);
                    }
                    return null;
            }
        }

        private int readByte() throws IOException {
            if (pos >= body.length) {
                throw new IOException("corrupt datastore delta: truncated");
            }
            return body[pos++];
        }

        private int count() throws IOException {
            int n = varint();
            if (n < 0 || n > body.length - pos) {
                throw new IOException("corrupt datastore delta: count " + n + " at byte " + pos);
            }
            return n;
        }

        private int varint() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                v |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("corrupt datastore delta: varint too long at byte " + pos);
        }
    }
}
