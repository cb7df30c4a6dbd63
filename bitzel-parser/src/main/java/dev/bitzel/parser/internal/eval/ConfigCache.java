package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.data.ByteSink;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The evaluated configuration of a build directory kept between runs ({@code CACHE_DIR/parse/config/KEY}), so that
 * a run whose configuration is unchanged does not evaluate bblayers.conf, bitbake.conf, the base classes and the
 * ConfigParsed handlers again.
 *
 * <p>The key covers the build directory, the environment BitBake lets through, the Python evaluator and this
 * Bitzel's build. An entry records everything else the evaluation depended on, and is used only while all of it is
 * unchanged: the content of every file it read or probed (metadata files, files Python read, the {@code .py} files
 * of {@code addpylib} libraries, and the listing of their directories), the paths and directories its Python looked
 * at, the environment variables and host facts (user ids, {@code uname}, CPUs) it read, and the answers of the
 * commands it ran (git queries of layers). Immediate assignments whose value is the time ({@code DATE}, {@code
 * TIME}) are computed again on every load. A corrupt entry is reported once and evaluated again; it never yields a
 * configuration. Thread-safe.
 */
final class ConfigCache {
    private static final System.Logger LOG = System.getLogger(ConfigCache.class.getName());
    private static final int MAGIC = 0x425a4343; // "BZCC"
    private static final int FORMAT = 2;

    /**
     * A configuration read back from an entry.
     *
     * @param state the parse state, its datastore created with the evaluator the caller made
     * @param fingerprint the fingerprint of its inputs, for recipe entries
     * @param timed the immediate assignments whose value is the time
     * @param python the evaluator the caller made for the datastore
     * @param workingDirectory the {@code PWD} the environment gave the evaluation, or null
     */
    record Loaded(ParseState state, String fingerprint, List<ConfigRecorder.TimedAssignment> timed,
            PythonEvaluator python, String workingDirectory) {
    }

    private final Path dir;
    private final ParseCache hashes;

    ConfigCache(Path dir, ParseCache hashes) {
        this.dir = dir;
        this.hashes = hashes;
    }

    /** The entry's file name: the inputs known before evaluating anything. */
    static String key(Path topDir, Map<String, String> passedEnvironment) {
        MessageDigest md = ParseCache.sha256();
        md.update(("bitzel-config-cache-" + FORMAT + '\0' + topDir + '\0' + BuildIdentity.get())
                .getBytes(StandardCharsets.UTF_8));
        new TreeMap<>(passedEnvironment).forEach((k, v) ->
                md.update(('\1' + k + '=' + v).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    private Path entryPath(String key) {
        return dir.resolve(key);
    }

    /**
     * The cached configuration of {@code key}, or null when there is none still valid (or it is corrupt, which is
     * logged).
     *
     * @param python makes the evaluator the configuration's datastore is created with, given the names the
     *     configuration's evaluation bound in the shared Python context
     */
    Loaded load(String key, java.util.function.Function<java.util.Set<String>, PythonEvaluator> python) {
        Path path = entryPath(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot read configuration cache entry " + path + ": " + e
                    + "; evaluating the configuration");
            return null;
        }
        try {
            return decode(bytes, python);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "ignoring corrupt configuration cache entry " + path + ": " + e
                    + "; evaluating the configuration and rewriting it");
            return null;
        }
    }

    private Loaded decode(byte[] bytes, java.util.function.Function<java.util.Set<String>, PythonEvaluator> factory)
            throws IOException {
        int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a configuration cache entry");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 12, length));
        String fingerprint = readString(in);
        if (!inputsUnchanged(in)) {
            return null;
        }
        String workingDirectory = in.readBoolean() ? readString(in) : null;
        PythonEvaluator python = factory.apply(new java.util.HashSet<>(readStrings(in)));
        byte[] store = new byte[count(in)];
        in.readFully(store);
        ParseState st = new ParseState(DataStore.readDelta(DataStore.create(python),
                new DataInputStream(new ByteArrayInputStream(store))));
        st.tasks.addAll(readStrings(in));
        int n = count(in);
        for (int i = 0; i < n; i++) {
            st.taskDeps.put(readString(in), new ArrayList<>(readStrings(in)));
        }
        st.inheritCache.addAll(readStrings(in));
        n = count(in);
        for (int i = 0; i < n; i++) {
            st.anonymousFunctions.add(new AnonymousFunction(readString(in), readString(in), readString(in),
                    in.readInt()));
        }
        n = count(in);
        for (int i = 0; i < n; i++) {
            st.deferredInherits.add(new DeferredInherit(readString(in), readString(in), in.readInt()));
        }
        st.handlers.addAll(readStrings(in));
        st.dependencies.addAll(readStrings(in));
        n = count(in);
        for (int i = 0; i < n; i++) {
            String file = readString(in);
            int line = in.readInt();
            int column = in.readInt();
            int severity = in.readByte();
            if (severity < 0 || severity >= Severity.values().length) {
                throw new IOException("bad severity " + severity);
            }
            st.diagnostics.add(new Diagnostic(file, line, column, Severity.values()[severity], readString(in)));
        }
        n = count(in);
        for (int i = 0; i < n; i++) {
            st.pythonLibraries.add(new PythonLibrary(readString(in), readString(in)));
        }
        n = count(in);
        List<ConfigRecorder.TimedAssignment> timed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String variable = readString(in);
            String flag = in.readBoolean() ? readString(in) : null;
            timed.add(new ConfigRecorder.TimedAssignment(variable, flag, readString(in), readString(in),
                    readString(in), in.readInt()));
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected trailing bytes");
        }
        return new Loaded(st, fingerprint, timed, python, workingDirectory);
    }

    /** Reads the recorded inputs, comparing each with the host now; false at the first that changed. */
    private boolean inputsUnchanged(DataInputStream in) throws IOException {
        int files = count(in);
        boolean same = true;
        for (int i = 0; i < files; i++) {
            String file = readString(in);
            String hash = readString(in);
            same = same && hash.equals(hashes.contentHash(file));
        }
        same = same && unchanged(in, HostState::probe);
        same = same && unchanged(in, HostState::listing);
        same = same && unchanged(in, HostState::environment);
        same = same && unchanged(in, HostState::hostFact);
        return same && unchanged(in, HostState::command);
    }

    private static boolean unchanged(DataInputStream in, java.util.function.UnaryOperator<String> now)
            throws IOException {
        int n = count(in);
        boolean same = true;
        for (int i = 0; i < n; i++) {
            String name = readString(in);
            String recorded = readString(in);
            // after the first difference only read on: commands are not run again needlessly
            same = same && recorded.equals(now.apply(name));
        }
        return same;
    }

    /**
     * The fingerprint recipe entries are keyed by: every input of the configuration with its content now.
     *
     * @param inputs the inputs, as {@link #inputs} returns them
     */
    String fingerprint(String key, Inputs inputs) {
        MessageDigest md = ParseCache.sha256();
        md.update(("bitzel-parse-cache-fingerprint\0" + key).getBytes(StandardCharsets.UTF_8));
        inputs.files.forEach((f, h) -> md.update(('\0' + f + '\0' + h).getBytes(StandardCharsets.UTF_8)));
        for (Map<String, String> m : List.of(inputs.recorder.probes, inputs.recorder.listings,
                inputs.recorder.environment, inputs.recorder.hostFacts, inputs.recorder.commands)) {
            md.update((byte) 2);
            m.forEach((k, v) -> md.update(('\1' + k + '\0' + v).getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** What an evaluated configuration depended on: files with their content hashes, and the recorded answers. */
    record Inputs(Map<String, String> files, ConfigRecorder recorder) {
    }

    /**
     * Collects the inputs of an evaluated configuration: the files it parsed or probed, the files its Python read,
     * and the {@code .py} files of its {@code addpylib} libraries (whose directories' listings join the recorded
     * ones, so that a module added later counts too).
     */
    Inputs inputs(ParseState st, ConfigRecorder recorder) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : st.touched) {
            files.put(f, hashes.contentHash(f));
        }
        for (String f : recorder.filesRead) {
            files.put(f, hashes.contentHash(f));
        }
        for (PythonLibrary library : st.pythonLibraries) {
            Path root = Path.of(library.directory());
            recorder.listings.put(root.toAbsolutePath().toString(), HostState.listing(root.toString()));
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    String name = p.toAbsolutePath().toString();
                    if (Files.isDirectory(p)) {
                        recorder.listings.put(name, HostState.listing(name));
                    } else if (name.endsWith(".py")) {
                        files.put(name, hashes.contentHash(name));
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                recorder.notCacheable("cannot list the Python library " + root + ": " + e);
            }
        }
        return new Inputs(files, recorder);
    }

    /** Stores an evaluated configuration; failures are logged and leave no entry. */
    void store(String key, String fingerprint, ParseState st, Inputs inputs, java.util.Set<String> contextNames,
            String workingDirectory) {
        Path path = entryPath(key);
        try {
            byte[] body = encode(fingerprint, st, inputs, contextNames, workingDirectory);
            FramedFile.write(path, MAGIC, FORMAT, body);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot write configuration cache entry " + path + ": " + e);
        }
    }

    private static byte[] encode(String fingerprint, ParseState st, Inputs inputs, java.util.Set<String> contextNames,
            String workingDirectory) throws IOException {
        ByteSink bytes = new ByteSink(1 << 20);
        DataOutputStream out = new DataOutputStream(bytes);
        writeString(fingerprint, out);
        out.writeInt(inputs.files().size());
        for (Map.Entry<String, String> e : inputs.files().entrySet()) {
            writeString(e.getKey(), out);
            writeString(e.getValue(), out);
        }
        ConfigRecorder r = inputs.recorder();
        for (Map<String, String> m : List.of(r.probes, r.listings, r.environment, r.hostFacts, r.commands)) {
            out.writeInt(m.size());
            for (Map.Entry<String, String> e : m.entrySet()) {
                writeString(e.getKey(), out);
                writeString(e.getValue(), out);
            }
        }
        out.writeBoolean(workingDirectory != null);
        if (workingDirectory != null) {
            writeString(workingDirectory, out);
        }
        writeStrings(new ArrayList<>(contextNames), out);
        ByteSink store = new ByteSink(1 << 20);
        DataOutputStream storeOut = new DataOutputStream(store);
        // a value that is not a string (a Python object) makes writeDelta throw IllegalArgumentException
        st.data.writeDelta(DataStore.create(), storeOut, value -> {
            if (dev.bitzel.parser.internal.bb.BitbakePython.isObjectToken(value)) {
                throw new IllegalArgumentException("the configuration holds a Python object value");
            }
            return value;
        });
        storeOut.flush();
        out.writeInt(store.size());
        store.writeTo(out);
        writeStrings(st.tasks, out);
        out.writeInt(st.taskDeps.size());
        for (Map.Entry<String, List<String>> e : st.taskDeps.entrySet()) {
            writeString(e.getKey(), out);
            writeStrings(e.getValue(), out);
        }
        writeStrings(st.inheritCache, out);
        out.writeInt(st.anonymousFunctions.size());
        for (AnonymousFunction f : st.anonymousFunctions) {
            writeString(f.name(), out);
            writeString(f.body(), out);
            writeString(f.file(), out);
            out.writeInt(f.line());
        }
        out.writeInt(st.deferredInherits.size());
        for (DeferredInherit d : st.deferredInherits) {
            writeString(d.classes(), out);
            writeString(d.file(), out);
            out.writeInt(d.line());
        }
        writeStrings(st.handlers, out);
        writeStrings(new ArrayList<>(st.dependencies), out);
        out.writeInt(st.diagnostics.size());
        for (Diagnostic d : st.diagnostics) {
            writeString(d.file(), out);
            out.writeInt(d.line());
            out.writeInt(d.column());
            out.writeByte(d.severity().ordinal());
            writeString(d.message(), out);
        }
        out.writeInt(st.pythonLibraries.size());
        for (PythonLibrary l : st.pythonLibraries) {
            writeString(l.directory(), out);
            writeString(l.namespace(), out);
        }
        out.writeInt(r.timedAssignments.size());
        for (ConfigRecorder.TimedAssignment t : r.timedAssignments) {
            writeString(t.variable(), out);
            out.writeBoolean(t.flag() != null);
            if (t.flag() != null) {
                writeString(t.flag(), out);
            }
            writeString(t.rawValue(), out);
            writeString(t.value(), out);
            writeString(t.file(), out);
            out.writeInt(t.line());
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * Computes the time-valued immediate assignments again on a configuration read from the cache, where they still
     * hold the value they were recorded with (a later assignment replaced the others, and they keep that).
     *
     * @param bare evaluates a value that needs only Python's {@code time}, or throws when it needs more
     */
    static void retime(DataStore d, List<ConfigRecorder.TimedAssignment> timed, java.util.function.UnaryOperator<String>
            bare) {
        for (ConfigRecorder.TimedAssignment t : timed) {
            String now = Evaluator.data(t.file(), t.line(), () -> t.flag() == null ? d.getVar(t.variable(), false)
                    : d.getVarFlag(t.variable(), t.flag(), false));
            if (!t.value().equals(now)) {
                continue;
            }
            String value = bare.apply(t.rawValue());
            Origin origin = new Origin("immediate", t.file(), t.line(), t.rawValue());
            if (t.flag() == null) {
                d.setVar(t.variable(), value, origin);
            } else {
                d.setVarFlag(t.variable(), t.flag(), value, origin);
            }
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void writeString(String s, DataOutputStream out) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeStrings(List<String> strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(s, out);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }
}
