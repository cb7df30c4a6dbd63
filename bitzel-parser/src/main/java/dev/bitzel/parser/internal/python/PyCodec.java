package dev.bitzel.parser.internal.python;

import dev.bitzel.parser.internal.data.ByteSink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python values to bytes and back, for values that outlive the process that made them (a recipe's datastore in
 * the parse cache holds Python objects: create-spdx's license table, nativesdk's class extender): what
 * {@code pickle} does for BitBake, restricted to what can be re-created exactly.
 *
 * <p>Encodable: None, bool, int, float, str, bytes, list, tuple, dict, set, frozenset, classes importable by
 * module and name, instances of such classes (their attribute dict, and the built-in value of dict/list/set
 * subclasses; {@code __init__} is not called again, as with pickle), and host objects the caller names (the
 * datastore holding the value). Identity within one value is kept: a list reached twice decodes as one list, and
 * cycles survive. Anything else (functions, modules, generators, other host objects) is refused with
 * {@link NotEncodableException} naming it, so that the caller can keep the value out of the cache instead of
 * storing something that would behave differently.
 *
 * <p>Stateless and thread-safe; the values themselves must not change while being encoded.
 */
public final class PyCodec {
    private static final int MAGIC = 0x42505931; // "BPY1"
    private static final int NONE = 0;
    private static final int TRUE = 1;
    private static final int FALSE = 2;
    private static final int INT = 3;
    private static final int BIGINT = 4;
    private static final int FLOAT = 5;
    private static final int STR = 6;
    private static final int BYTES = 7;
    private static final int LIST = 8;
    private static final int TUPLE = 9;
    private static final int DICT = 10;
    private static final int SET = 11;
    private static final int FROZENSET = 12;
    private static final int INSTANCE = 13;
    private static final int CLASS = 14;
    private static final int REF = 15;
    private static final int HOST = 16;

    private PyCodec() {
    }

    /** A value that cannot be encoded faithfully; the message names what and where. */
    public static final class NotEncodableException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public NotEncodableException(String message) {
            super(message);
        }
    }

    /** The host objects an encoding may refer to by number, and how classes are found again. */
    public interface Host {
        /**
         * The number of a host object (e.g. the datastore holding the value) an encoding may refer to.
         *
         * @param o a Java object exposed to Python
         * @return its number, or -1 when it cannot be referred to
         */
        int hostReference(Object o);

        /**
         * The host object with a number {@link #hostReference} gave.
         *
         * @param number the number
         * @return the object
         * @throws IOException when there is no such object
         */
        Object hostObject(int number) throws IOException;

        /**
         * The module a class is found in when decoding, imported if needed.
         *
         * @param name the module name
         * @return the module, or null when it cannot be imported
         */
        PyModule module(String name);
    }

    /**
     * Encodes a value.
     *
     * @param value the value
     * @param runtime the runtime whose modules define the classes of instances
     * @param host the host objects the value may refer to
     * @param seen objects already encoded into other values that must stay distinct from this one's: an object
     *     found there makes the value not encodable (two values sharing a list could not share it after decoding);
     *     objects of this value are added
     * @return the bytes
     * @throws NotEncodableException naming the part that cannot be encoded
     */
    public static byte[] encode(Object value, PythonRuntime runtime, Host host, IdentityHashMap<Object, Object> seen)
            throws NotEncodableException {
        ByteSink bytes = new ByteSink(256);
        DataOutputStream out = new DataOutputStream(bytes);
        Encoder e = new Encoder(out, runtime, host, seen);
        try {
            out.writeInt(MAGIC);
            e.write(value, "value");
            out.flush();
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to memory failed", impossible);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes bytes {@link #encode} wrote.
     *
     * @param bytes the encoding
     * @param runtime the runtime whose classes instances are made of
     * @param host resolves host references and modules
     * @return the value
     * @throws IOException when the bytes are not an encoding or name a class or host object that is not there
     */
    public static Object decode(byte[] bytes, PythonRuntime runtime, Host host) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC) {
            throw new IOException("not an encoded Python value (bad magic number)");
        }
        Object value = new Decoder(in, runtime, host).read(0);
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes after the encoded Python value");
        }
        return value;
    }

    /**
     * The content of a value made of plain data only (None, bool, int, float, str, bytes, tuple, list, dict, set,
     * frozenset), in the order {@link #encode} writes it, with the identity of its lists, dicts and sets: a value
     * with the same content has the same encoding. Lets a caller that stores many equal values (the same table in
     * every recipe) encode and hash one of them only. Leaves are immutable, so a {@code Plain} does not change when
     * the value it was taken from does.
     */
    public static final class Plain {
        private final Object[] shape;
        private final int containers;

        private Plain(Object[] shape, int containers) {
            this.shape = shape;
            this.containers = containers;
        }

        /**
         * The content of a value, or null when it holds anything but plain data (instances, classes, host
         * objects, ...).
         *
         * @param value the value
         * @return its content, or null
         */
        public static Plain of(Object value) {
            Walk w = new Walk(null, 16);
            return w.walk(value, 0) ? new Plain(w.built.toArray(), w.containers.size()) : null;
        }

        /** How many leaves and containers the value has. */
        public int size() {
            return shape.length;
        }

        /**
         * Whether {@code value} has this content now; if so, marks its lists, dicts and sets as held by one stored
         * value, as {@link #encode} does, unless one of them is held by another already.
         *
         * @param value a value
         * @param seen objects already encoded into other values (see {@link #encode})
         * @return true when the value has this content (its encoding is the one of this content) and was claimed;
         *     false, leaving {@code seen} unchanged, otherwise
         */
        public boolean claimIfSame(Object value, IdentityHashMap<Object, Object> seen) {
            Walk w = new Walk(shape, containers);
            if (!w.walk(value, 0) || w.at != shape.length) {
                return false;
            }
            for (Object c : w.containers) {
                if (seen.containsKey(c)) {
                    return false;
                }
            }
            Object owner = new Object();
            for (Object c : w.containers) {
                seen.put(c, owner);
            }
            return true;
        }
    }

    /** A container's tag and size (or a back-reference's index) in a {@link Plain}. */
    private static final class Marker {
        private static final Marker[][] SMALL = new Marker[REF + 1][64];
        private final int tag;
        private final int count;

        static {
            for (int t = 0; t < SMALL.length; t++) {
                for (int n = 0; n < SMALL[t].length; n++) {
                    SMALL[t][n] = new Marker(t, n);
                }
            }
        }

        private Marker(int tag, int count) {
            this.tag = tag;
            this.count = count;
        }

        static Marker of(int tag, int count) {
            return count < 64 ? SMALL[tag][count] : new Marker(tag, count);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Marker m && m.tag == tag && m.count == count;
        }

        @Override
        public int hashCode() {
            return tag * 31 + count;
        }
    }

    private record FloatBits(long bits) {
    }

    private record BytesValue(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BytesValue b && java.util.Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "bytes[" + bytes.length + "]";
        }
    }

    /** One walk over a value in {@link Encoder}'s order: records its content, or compares it with a recorded one. */
    private static final class Walk {
        private final Object[] expected;
        private final List<Object> built;
        private final IdentityHashMap<Object, Integer> memo;
        private final List<Object> containers;
        private int at;

        Walk(Object[] expected, int containers) {
            this.expected = expected;
            this.built = expected == null ? new ArrayList<>() : null;
            this.memo = new IdentityHashMap<>(containers);
            this.containers = new ArrayList<>(containers);
        }

        private boolean leaf(Object key) {
            if (expected == null) {
                built.add(key);
                return true;
            }
            return at < expected.length && expected[at++].equals(key);
        }

        boolean walk(Object v, int depth) {
            if (depth > 1_000) {
                return false;
            }
            if (v == PyNone.NONE || v instanceof Boolean || v instanceof String || v instanceof BigInteger
                    || v instanceof Long) {
                return leaf(v);
            } else if (v instanceof Integer i) {
                return leaf((long) i);
            } else if (v instanceof Double d) {
                return leaf(new FloatBits(Double.doubleToRawLongBits(d)));
            } else if (v instanceof PyBytes b) {
                return leaf(new BytesValue(b.bytes.clone()));
            } else if (v instanceof PyTuple t) {
                if (!leaf(Marker.of(TUPLE, t.items.length))) {
                    return false;
                }
                for (Object item : t.items) {
                    if (!walk(item, depth + 1)) {
                        return false;
                    }
                }
                return true;
            } else if (v instanceof PyList || v instanceof PyDict || v instanceof PySet) {
                Integer index = memo.get(v);
                if (index != null) {
                    return leaf(Marker.of(REF, index));
                }
                memo.put(v, memo.size());
                containers.add(v);
                if (v instanceof PyList l) {
                    if (!leaf(Marker.of(LIST, l.list.size()))) {
                        return false;
                    }
                    for (Object item : l.list) {
                        if (!walk(item, depth + 1)) {
                            return false;
                        }
                    }
                } else if (v instanceof PyDict d) {
                    if (!leaf(Marker.of(DICT, d.map().size()))) {
                        return false;
                    }
                    for (Map.Entry<Object, Object> e : d.map().entrySet()) {
                        if (!walk(d.original(e.getKey()), depth + 1) || !walk(e.getValue(), depth + 1)) {
                            return false;
                        }
                    }
                } else {
                    PySet set = (PySet) v;
                    List<Object> elements = set.elements();
                    if (!leaf(Marker.of(set.frozen ? FROZENSET : SET, elements.size()))) {
                        return false;
                    }
                    for (Object o : elements) {
                        if (!walk(o, depth + 1)) {
                            return false;
                        }
                    }
                }
                return true;
            }
            return false;
        }
    }

    private static final class Encoder {
        private final DataOutputStream out;
        private final PythonRuntime runtime;
        private final Host host;
        private final IdentityHashMap<Object, Object> seen;
        private final IdentityHashMap<Object, Integer> memo = new IdentityHashMap<>();
        private final Object owner = new Object();

        Encoder(DataOutputStream out, PythonRuntime runtime, Host host, IdentityHashMap<Object, Object> seen) {
            this.out = out;
            this.runtime = runtime;
            this.host = host;
            this.seen = seen;
        }

        void write(Object v, String path) throws IOException, NotEncodableException {
            if (v == PyNone.NONE) {
                out.writeByte(NONE);
            } else if (v instanceof Boolean b) {
                out.writeByte(b ? TRUE : FALSE);
            } else if (v instanceof Long || v instanceof Integer) {
                out.writeByte(INT);
                out.writeLong(((Number) v).longValue());
            } else if (v instanceof BigInteger b) {
                out.writeByte(BIGINT);
                byte[] mag = b.toByteArray();
                out.writeInt(mag.length);
                out.write(mag);
            } else if (v instanceof Double d) {
                out.writeByte(FLOAT);
                out.writeLong(Double.doubleToRawLongBits(d));
            } else if (v instanceof String s) {
                out.writeByte(STR);
                writeString(s);
            } else if (v instanceof PyBytes b) {
                out.writeByte(BYTES);
                out.writeInt(b.bytes.length);
                out.write(b.bytes);
            } else if (v instanceof PyTuple t) {
                out.writeByte(TUPLE);
                out.writeInt(t.items.length);
                for (int i = 0; i < t.items.length; i++) {
                    write(t.items[i], path + "[" + i + "]");
                }
            } else if (v instanceof PyType t) {
                out.writeByte(CLASS);
                writeClass(t, path);
            } else if (v instanceof PyList || v instanceof PyDict || v instanceof PySet || v instanceof PyInstance) {
                Integer index = memo.get(v);
                if (index != null) {
                    out.writeByte(REF);
                    out.writeInt(index);
                    return;
                }
                Object other = seen.putIfAbsent(v, owner);
                if (other != null && other != owner) {
                    throw new NotEncodableException(path + ": a " + Ops.typeName(v)
                            + " also held by another stored value (the two could not share it after decoding)");
                }
                memo.put(v, memo.size());
                writeContainer(v, path);
            } else {
                int ref = host.hostReference(v);
                if (ref < 0) {
                    throw new NotEncodableException(path + ": a " + Ops.typeName(v) + " cannot be stored");
                }
                out.writeByte(HOST);
                out.writeInt(ref);
            }
        }

        private void writeContainer(Object v, String path) throws IOException, NotEncodableException {
            if (v instanceof PyList l) {
                out.writeByte(LIST);
                out.writeInt(l.list.size());
                for (int i = 0; i < l.list.size(); i++) {
                    write(l.list.get(i), path + "[" + i + "]");
                }
            } else if (v instanceof PyDict d) {
                out.writeByte(DICT);
                writeDict(d, path);
            } else if (v instanceof PySet s) {
                out.writeByte(s.frozen ? FROZENSET : SET);
                List<Object> elements = s.elements();
                out.writeInt(elements.size());
                for (Object o : elements) {
                    write(o, path + "{}");
                }
            } else {
                PyInstance inst = (PyInstance) v;
                out.writeByte(INSTANCE);
                writeClass(inst.type(), path);
                writeDict(inst.dict, path);
                Object builtin = inst.builtinValue;
                out.writeBoolean(builtin != null);
                if (builtin != null) {
                    write(builtin, path + ".<" + inst.type().name() + " value>");
                }
            }
        }

        private void writeDict(PyDict d, String path) throws IOException, NotEncodableException {
            List<Map.Entry<Object, Object>> entries = d.entries();
            out.writeInt(entries.size());
            for (Map.Entry<Object, Object> e : entries) {
                write(e.getKey(), path + " key");
                String at = e.getKey() instanceof String s ? path + "['" + s + "']" : path + "[...]";
                write(e.getValue(), at);
            }
        }

        private void writeClass(PyType t, String path) throws IOException, NotEncodableException {
            Object found;
            if (t.builtin) {
                found = runtime.builtins.get(t.name());
            } else {
                PyModule m = runtime.loadedModule(t.module());
                found = m == null ? null : m.dict().get(t.name());
            }
            if (found != t) {
                throw new NotEncodableException(path + ": class " + t.module() + "." + t.name()
                        + " cannot be found again by module and name");
            }
            writeString(t.module());
            writeString(t.name());
        }

        private void writeString(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static final class Decoder {
        private static final int MAX_DEPTH = 2_000;
        private final DataInputStream in;
        private final PythonRuntime runtime;
        private final Host host;
        private final List<Object> memo = new ArrayList<>();

        Decoder(DataInputStream in, PythonRuntime runtime, Host host) {
            this.in = in;
            this.runtime = runtime;
            this.host = host;
        }

        Object read(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new IOException("encoded Python value nested too deeply");
            }
            int tag = in.readByte();
            switch (tag) {
                case NONE:
                    return PyNone.NONE;
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case INT:
                    return in.readLong();
                case BIGINT:
                    return new BigInteger(readBytes());
                case FLOAT:
                    return Double.longBitsToDouble(in.readLong());
                case STR:
                    return new String(readBytes(), StandardCharsets.UTF_8);
                case BYTES:
                    return new PyBytes(readBytes());
                case TUPLE: {
                    int n = count();
                    Object[] items = new Object[n];
                    for (int i = 0; i < n; i++) {
                        items[i] = read(depth + 1);
                    }
                    return new PyTuple(items);
                }
                case CLASS:
                    return readClass();
                case REF: {
                    int index = in.readInt();
                    if (index < 0 || index >= memo.size()) {
                        throw new IOException("bad reference " + index + " in encoded Python value");
                    }
                    return memo.get(index);
                }
                case LIST: {
                    int n = count();
                    PyList l = new PyList();
                    memo.add(l);
                    for (int i = 0; i < n; i++) {
                        l.list.add(read(depth + 1));
                    }
                    return l;
                }
                case DICT: {
                    PyDict d = new PyDict();
                    memo.add(d);
                    readDict(d, depth);
                    return d;
                }
                case SET:
                case FROZENSET: {
                    int n = count();
                    PySet s = new PySet(tag == FROZENSET);
                    memo.add(s);
                    for (int i = 0; i < n; i++) {
                        s.add(read(depth + 1));
                    }
                    return s;
                }
                case INSTANCE: {
                    PyType type = readClass();
                    PyInstance inst = new PyInstance(type);
                    memo.add(inst);
                    readDict(inst.dict, depth);
                    if (in.readBoolean()) {
                        inst.builtinValue = read(depth + 1);
                    }
                    return inst;
                }
                case HOST:
                    return host.hostObject(in.readInt());
                default:
                    throw new IOException("unknown tag " + tag + " in encoded Python value");
            }
        }

        private void readDict(PyDict d, int depth) throws IOException {
            int n = count();
            for (int i = 0; i < n; i++) {
                Object key = read(depth + 1);
                d.put(key, read(depth + 1));
            }
        }

        private PyType readClass() throws IOException {
            String module = new String(readBytes(), StandardCharsets.UTF_8);
            String name = new String(readBytes(), StandardCharsets.UTF_8);
            Object found;
            if (module.equals("builtins")) {
                found = runtime.builtins.get(name);
            } else {
                PyModule m = host.module(module);
                found = m == null ? null : m.dict().get(name);
            }
            if (!(found instanceof PyType t)) {
                throw new IOException("class " + module + "." + name + " of an encoded Python value is not there");
            }
            return t;
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available()) {
                throw new IOException("bad count " + n + " in encoded Python value");
            }
            return n;
        }

        private byte[] readBytes() throws IOException {
            byte[] b = new byte[count()];
            readFully(in, b);
            return b;
        }
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        int at = 0;
        while (at < b.length) {
            int n = in.read(b, at, b.length - at);
            if (n < 0) {
                throw new EOFException("encoded Python value ends early");
            }
            at += n;
        }
    }
}
