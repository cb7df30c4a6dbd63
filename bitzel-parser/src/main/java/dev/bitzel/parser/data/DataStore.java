package dev.bitzel.parser.data;

import dev.bitzel.parser.internal.data.AppendOp;
import dev.bitzel.parser.internal.data.CowMap;
import dev.bitzel.parser.internal.data.InlinePythonMatch;
import dev.bitzel.parser.internal.data.PyStrings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variable store of one configuration or recipe: a port of BitBake 2.8.1's {@code DataSmart} (the {@code d} of
 * BitBake metadata) with its expansion, override, {@code :append}/{@code :prepend}/{@code :remove}, weak default,
 * flag and history semantics.
 *
 * <p>Values and flag values are strings; {@code null} means unset. Methods take the same arguments as their BitBake
 * namesakes, with BitBake's {@code loginfo} as an {@link Origin}. Example:
 *
 * <pre>{@code
 * DataStore d = DataStore.create();
 * d.setVar("OVERRIDES", "arm:linux");
 * d.setVar("CFLAGS", "-O2 ${EXTRA}");
 * d.setVar("CFLAGS:append:arm", " -marm");
 * d.setVar("EXTRA", "-g");
 * d.getVar("CFLAGS"); // "-O2 -g -marm"
 * }</pre>
 *
 * <p>{@link #createCopy()} is O(1): the configuration store is copied once per recipe. Unlike BitBake, where a copy
 * still sees later writes to the original for variables it has not written itself, copies here are independent in
 * both directions.
 *
 * <p>Not thread-safe: use one store from one thread at a time (even reads write the expansion cache). The
 * exception is {@link #createCopy()}, which may be called from several threads at once on a store that is no longer
 * otherwise used (a configuration store copied once per recipe); distinct copies may then be used from distinct
 * threads.
 */
public final class DataStore {

    private static final System.Logger LOG = System.getLogger(DataStore.class.getName());

    static final String CONTENT = "_content";
    static final String DEFAULTVAL = "_defaultval";
    private static final String APPEND = ":append";
    private static final String PREPEND = ":prepend";
    private static final String REMOVE = ":remove";
    private static final String EXPORTLIST = "__exportlist";

    private static final Pattern SETVAR = Pattern.compile(
            "(?<base>.*?)(?<keyword>:append|:prepend|:remove)(:(?<add>[^A-Z]*))?$", Pattern.UNIX_LINES);

    /** Python frames are not Java frames; this nesting depth stands in for Python's recursion limit. */
    private static final int MAX_EXPANSION_DEPTH = 250;

    private static final Map<String, String> BITBAKE_RENAMED_VARS = renamedVars();

    /** Marks internal calls that BitBake makes with {@code ignore=True}: nothing is recorded. */
    private static final Origin IGNORE = new Origin(null, null, 0, null);

    private final PythonEvaluator python;
    /**
     * Marks the override lists this store created since it was last copied (or copied from): only those are
     * changed in place; any other is copied first, as BitBake's {@code delVar} "forces CoW".
     */
    private Object epoch = new Object();
    private CowMap<LinkedHashMap<String, Object>> dict;
    private CowMap<List<OverrideEntry>> overridedata;
    private CowMap<List<HistoryEntry>> varhistory;
    private Set<String> overridevars;
    private Map<String, String> varRenames;
    private boolean varRenamesShared;
    private boolean tracking;

    private List<String> overrides;
    private Set<String> overridesset = Set.of();
    private boolean inoverride;
    private HashMap<String, Parse> expandCache = new HashMap<>();
    private int expansionDepth;
    private final List<String> errors;

    record OverrideEntry(String var, String override) {
        // written out: the generated equals/hashCode go through method handles, slow under the client compiler
        @Override
        public boolean equals(Object o) {
            return o instanceof OverrideEntry e && e.override.equals(override) && e.var.equals(var);
        }

        @Override
        public int hashCode() {
            return var.hashCode() * 31 + override.hashCode();
        }
    }

    private DataStore(PythonEvaluator python) {
        this.python = Objects.requireNonNull(python, "python");
        this.dict = new CowMap<>();
        this.overridedata = new CowMap<>();
        this.varhistory = new CowMap<>();
        this.overridevars = new HashSet<>(List.of("OVERRIDES", "FILE"));
        this.varRenames = new HashMap<>(BITBAKE_RENAMED_VARS);
        this.errors = new ArrayList<>();
    }

    /**
     * Merges the store's copy-on-write layers into one, changing no value: for a store that many copies are made
     * from (the configuration every recipe starts from), whose lookups then probe one layer instead of several.
     */
    public void compactLayers() {
        dict.compact();
        overridedata.compact();
        varhistory.compact();
        epoch = new Object(); // the lists it made are in a frozen layer now
    }

    private DataStore(DataStore from) {
        this.python = from.python;
        this.dict = from.dict.copy();
        this.overridedata = from.overridedata.copy();
        from.epoch = new Object(); // the lists it made are the copy's too now
        this.varhistory = from.varhistory.copy();
        this.overridevars = new HashSet<>(from.overridevars);
        this.varRenames = from.varRenames;
        this.varRenamesShared = true;
        if (!from.varRenamesShared) {
            from.varRenamesShared = true;
        }
        this.tracking = from.tracking;
        this.errors = new ArrayList<>(from.errors);
    }

    /**
     * Creates an empty store whose inline Python ({@code ${@...}}) fails with an {@link ExpansionException}.
     *
     * @return the store (BitBake's {@code bb.data.init()})
     */
    public static DataStore create() {
        return new DataStore(PythonEvaluator.UNSUPPORTED);
    }

    /**
     * Creates an empty store that runs inline Python with the given evaluator.
     *
     * @param python the evaluator for {@code ${@...}}
     * @return the store
     */
    public static DataStore create(PythonEvaluator python) {
        return new DataStore(python);
    }

    /**
     * Copies the store in O(1) time (BitBake's {@code createCopy}); the copy and this store are independent
     * afterwards. History, tracking and the known variables come along; the computed overrides and the expansion
     * cache start afresh, as in BitBake.
     *
     * @return the copy
     */
    public synchronized DataStore createCopy() {
        return new DataStore(this);
    }

    /** The evaluator used for inline Python. */
    public PythonEvaluator python() {
        return python;
    }

    /**
     * Writes what distinguishes this store from {@code base}, a store it was copied from (directly or through
     * further copies), so that {@link #readDelta} can rebuild it from an equal base: how parse caches store a
     * recipe relative to its configuration.
     *
     * @param base the store this one descends from
     * @param out where to write
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the store holds a value the format cannot carry
     */
    public void writeDelta(DataStore base, DataOutputStream out) throws IOException {
        writeDelta(base, out, UnaryOperator.identity());
    }

    /**
     * Like {@link #writeDelta(DataStore, DataOutputStream)}, writing each string value (variable contents and
     * flags) as {@code values} maps it: how a cache replaces values that stand for objects of the evaluator (e.g.
     * Python objects) with a form that outlives the process.
     *
     * @param base the store this one descends from
     * @param out where to write
     * @param values maps each string value to what is written; may throw {@link IllegalArgumentException} for a
     *     value that cannot be written
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the store holds a value the format or {@code values} cannot carry
     */
    public void writeDelta(DataStore base, DataOutputStream out, UnaryOperator<String> values) throws IOException {
        writeDelta(base, out, values, null);
    }

    /**
     * Like {@link #writeDelta(DataStore, DataOutputStream, UnaryOperator)}, putting strings of at least
     * {@link SharedStrings#MIN_LENGTH} characters into {@code shared} and writing only their references.
     *
     * @param base the store this one descends from
     * @param out where to write
     * @param values maps each string value to what is written, as for
     *     {@link #writeDelta(DataStore, DataOutputStream, UnaryOperator)}
     * @param shared where long strings go, or null to write them into the delta
     * @throws IOException if writing (or storing a shared string) fails
     * @throws IllegalArgumentException if the store holds a value the format or {@code values} cannot carry
     */
    public void writeDelta(DataStore base, DataOutputStream out, UnaryOperator<String> values, SharedStrings shared)
            throws IOException {
        DataStoreCodec.write(this, base, out, Objects.requireNonNull(values, "values"), shared);
    }

    /**
     * Rebuilds a store written by {@link #writeDelta} on a copy of {@code base}.
     *
     * @param base a store equal to the one the delta was written against
     * @param in where to read
     * @return the rebuilt store
     * @throws IOException if reading fails or the data is not a delta of this format
     */
    public static DataStore readDelta(DataStore base, DataInputStream in) throws IOException {
        return readDelta(base, in, (store, value) -> value);
    }

    /**
     * Like {@link #readDelta(DataStore, DataInputStream)}, mapping each string value read back: the inverse of
     * the mapping given to {@link #writeDelta(DataStore, DataOutputStream, UnaryOperator)}.
     *
     * @param base a store equal to the one the delta was written against
     * @param in where to read
     * @param values maps each string value read, given the store being rebuilt (values may refer to it)
     * @return the rebuilt store
     * @throws IOException if reading fails or the data is not a delta of this format
     */
    public static DataStore readDelta(DataStore base, DataInputStream in,
            java.util.function.BiFunction<DataStore, String, String> values) throws IOException {
        return readDelta(base, in, values, null);
    }

    /**
     * Like {@link #readDelta(DataStore, DataInputStream, java.util.function.BiFunction)}, for a delta written with
     * shared strings.
     *
     * @param base a store equal to the one the delta was written against
     * @param in where to read
     * @param values maps each string value read, given the store being rebuilt (values may refer to it)
     * @param shared where the delta's long strings were put, or null if it was written without
     * @return the rebuilt store
     * @throws IOException if reading fails, the data is not a delta of this format, or a shared string is missing
     *     or damaged
     */
    public static DataStore readDelta(DataStore base, DataInputStream in,
            java.util.function.BiFunction<DataStore, String, String> values, SharedStrings shared)
            throws IOException {
        Objects.requireNonNull(values, "values");
        DataStore d = base.createCopy();
        DataStoreCodec.read(d, in, value -> values.apply(d, value), shared);
        return d;
    }

    CowMap<LinkedHashMap<String, Object>> dictMap() {
        return dict;
    }

    CowMap<List<OverrideEntry>> overrideMap() {
        return overridedata;
    }

    CowMap<List<HistoryEntry>> historyMap() {
        return varhistory;
    }

    Set<String> overrideVars() {
        return overridevars;
    }

    List<String> errorList() {
        return errors;
    }

    void resetAfterDelta() {
        expandCache = new HashMap<>();
        overrides = null;
        // the renames setVarFlag("BB_RENAMED_VARIABLES", ...) adds are not in the delta: take them from the flags
        LinkedHashMap<String, Object> renamed = dict.get("BB_RENAMED_VARIABLES");
        if (renamed != null) {
            Map<String, String> renames = new HashMap<>(varRenames);
            renamed.forEach((flag, value) -> {
                if (!flag.equals(CONTENT) && !flag.equals(APPEND) && !flag.equals(PREPEND) && !flag.equals(REMOVE)) {
                    renames.put(flag, asString(value));
                }
            });
            varRenames = renames;
            varRenamesShared = false;
        }
    }

    // ---------------------------------------------------------------- history

    /** Starts recording history (BitBake's {@code enableTracking}); off by default, as in BitBake. */
    public void enableTracking() {
        tracking = true;
    }

    /** Stops recording history. */
    public void disableTracking() {
        tracking = false;
    }

    /** Whether history is recorded. */
    public boolean isTracking() {
        return tracking;
    }

    private void record(String op, String variable, String flag, Origin origin, String detail) {
        if (!tracking || origin == IGNORE) {
            return;
        }
        String file = origin == null ? null : origin.file();
        int line = origin == null ? 0 : origin.line();
        List<HistoryEntry> list = varhistory.getLocal(variable);
        if (list == null) {
            List<HistoryEntry> old = varhistory.get(variable);
            list = old == null ? new ArrayList<>() : new ArrayList<>(old);
            varhistory.put(variable, list);
        }
        list.add(new HistoryEntry(op, variable, flag, file, line, detail));
    }

    private static String opOr(Origin origin, String dflt) {
        return origin != null && origin.op() != null && !origin.op().isEmpty() ? origin.op() : dflt;
    }

    private static String detailOr(Origin origin, String dflt) {
        return origin != null && origin.detail() != null ? origin.detail() : dflt;
    }

    /**
     * The history {@code bitbake -e} prints for a variable (BitBake's {@code VariableHistory.emit}): the operations
     * recorded under its name, including flag operations, then those of each override variable registered for it
     * (operations on its value and internal flags only) as {@code override[o]:op}.
     *
     * @param var the variable
     * @return the entries, oldest first; empty when tracking was off
     */
    public List<HistoryEntry> history(String var) {
        List<HistoryEntry> result = new ArrayList<>(variableHistory(var));
        List<OverrideEntry> ovr = overridedata.get(var);
        if (ovr != null) {
            for (OverrideEntry e : ovr) {
                for (HistoryEntry h : variableHistory(e.var())) {
                    if (h.flag() != null && !h.flag().startsWith("_") && !h.flag().startsWith(":")) {
                        continue;
                    }
                    result.add(new HistoryEntry("override[" + e.override() + "]:" + h.op(), var, h.flag(), h.file(),
                            h.line(), h.detail()));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The operations recorded under the variable's own name (BitBake's {@code VariableHistory.variable}).
     *
     * @param var the variable
     * @return the entries, oldest first
     */
    public List<HistoryEntry> variableHistory(String var) {
        List<HistoryEntry> list = varhistory.get(var);
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * Errors BitBake would log with {@code bb.erroronce}: uses of renamed variables (see
     * {@code BB_RENAMED_VARIABLES}). Setting such a variable also sets {@code _FAILPARSINGERRORHANDLED} to
     * {@code "True"}, as BitBake does, so that parsing fails.
     *
     * @return the messages, each once, oldest first
     */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    // ---------------------------------------------------------------- variables

    /**
     * The expanded value of a variable with overrides, appends, prepends and removes applied; {@code null} if unset.
     *
     * @param var the variable
     * @return the value
     * @throws ExpansionException if expansion fails
     */
    public String getVar(String var) throws ExpansionException {
        return getVar(var, true);
    }

    /**
     * The value of a variable with overrides, appends, prepends and removes applied, expanded or not.
     *
     * @param var the variable
     * @param expand whether to expand references
     * @return the value, {@code null} if unset
     * @throws ExpansionException if expansion fails (even unexpanded, an active override variable is expanded)
     */
    public String getVar(String var, boolean expand) throws ExpansionException {
        return asString(getVarFlagInternal(var, CONTENT, expand, false, false));
    }

    /**
     * BitBake's full {@code getVar(var, expand, noweakdefault, parsing)}.
     *
     * @param var the variable
     * @param expand whether to expand references
     * @param noweakdefault whether to ignore a weak default ({@code ??=})
     * @param parsing whether to return the raw value without overrides, appends, prepends and removes (as the
     *     parser reads it for {@code +=} and friends)
     * @return the value, {@code null} if unset
     * @throws ExpansionException if expansion fails
     */
    public String getVar(String var, boolean expand, boolean noweakdefault, boolean parsing)
            throws ExpansionException {
        return asString(getVarFlagInternal(var, CONTENT, expand, noweakdefault, parsing));
    }

    /**
     * Sets a variable with no history origin.
     *
     * @param var the variable; a name with {@code :append}, {@code :prepend} or {@code :remove} adds to that list
     * @param value the value, or {@code null}
     * @throws OldOverrideSyntaxException if the name contains {@code _append}, {@code _prepend} or {@code _remove}
     */
    public void setVar(String var, String value) {
        setVar(var, value, null, false);
    }

    /**
     * Sets a variable (BitBake's {@code setVar(var, value, **loginfo)}): replaces its value and drops its appends,
     * prepends, removes and active override variables.
     *
     * @param var the variable; a name with {@code :append}, {@code :prepend} or {@code :remove} adds to that list
     * @param value the value, or {@code null}
     * @param origin where the assignment came from, or {@code null}
     * @throws OldOverrideSyntaxException if the name contains {@code _append}, {@code _prepend} or {@code _remove}
     * @throws UncheckedExpansionException if {@code OVERRIDES} or what it references fails to expand
     */
    public void setVar(String var, String value, Origin origin) {
        setVar(var, value, origin, false);
    }

    /**
     * BitBake's {@code setVar(var, value, parsing=..., **loginfo)}. The parser assigns with {@code parsing=true},
     * which keeps the variable's appends, prepends, removes and override variables.
     *
     * @param var the variable
     * @param value the value, or {@code null}
     * @param origin where the assignment came from, or {@code null}
     * @param parsing whether this is a parser assignment
     * @throws OldOverrideSyntaxException if the name contains {@code _append}, {@code _prepend} or {@code _remove}
     * @throws UncheckedExpansionException if {@code OVERRIDES} or what it references fails to expand
     */
    public void setVar(String var, String value, Origin origin, boolean parsing) {
        try {
            setVarInternal(var, value, origin, parsing);
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    private void setVarInternal(String var, Object value, Origin origin, boolean parsing)
            throws ExpansionException {
        Objects.requireNonNull(var, "var");
        if (!var.startsWith("__anon_")
                && (var.contains("_append") || var.contains("_prepend") || var.contains("_remove"))) {
            throw new OldOverrideSyntaxException(var, origin == null ? null : origin.file(),
                    origin == null ? 0 : origin.line());
        }
        int colon = var.indexOf(':');
        String shortvar = colon < 0 ? var : var.substring(0, colon);
        if (varRenames.containsKey(shortvar)) {
            renameError(shortvar, origin, var);
        }
        clearExpandCache();
        String op = opOr(origin, "set");

        Matcher m = colon >= 0 && hasOperatorSuffix(var) ? SETVAR.matcher(var) : null;
        if (m != null && m.lookingAt()) {
            String base = m.group("base");
            String keyword = m.group("keyword");
            String override = m.group("add");
            List<AppendOp> l = appendList(base, keyword);
            List<AppendOp> nl = new ArrayList<>(l.size() + 1);
            nl.addAll(l);
            nl.add(new AppendOp(asString(value), override));
            setVarFlagInternal(base, keyword, Collections.unmodifiableList(nl), IGNORE);
            String histop = override != null && !override.isEmpty() ? keyword + "[" + override + "]" : keyword;
            record(histop, base, null, origin, asString(value));
            setvarUpdateOverrides(base);
            if (overridevars.contains(base)) {
                setvarUpdateOverridevars(var, value);
            }
            return;
        }

        LinkedHashMap<String, Object> vd = shadow(var);
        if (!parsing) {
            vd.remove(APPEND);
            vd.remove(PREPEND);
            vd.remove(REMOVE);
            List<OverrideEntry> ovr = overridedata.get(var);
            if (ovr != null) {
                List<String> active = new ArrayList<>();
                needOverrides();
                for (OverrideEntry e : ovr) {
                    if (isActive(e.override())) {
                        active.add(e.var());
                    }
                }
                for (String a : active) {
                    delVar(a, null);
                }
                overridedata.remove(var);
            }
        }
        if (colon >= 0) {
            setvarUpdateOverrides(var);
        }
        // delVar above may have replaced the entry
        shadow(var).put(CONTENT, value);
        record(op, var, null, origin, detailOr(origin, asString(value)));
        if (overridevars.contains(var)) {
            setvarUpdateOverridevars(var, value);
        }
    }

    /** The override list of {@code shortvar} ({@code current}), made this store's own to change in place. */
    private OverrideList ownOverrides(String shortvar, List<OverrideEntry> current) {
        if (current instanceof OverrideList own && own.owner == epoch) {
            return own;
        }
        OverrideList own = new OverrideList(epoch, current == null ? List.of() : current);
        overridedata.put(shortvar, own);
        return own;
    }

    /**
     * A variable's override variables, changed in place by the store that made it until that store is copied;
     * {@code contains} is a hash lookup once the list is long ({@code RECIPE_MAINTAINER:pn-*} has over a thousand).
     *
     * <p>A long list copied from another keeps that one's count of each entry (built once, then shared by every copy:
     * a list no longer owned never changes) and counts only its own changes, so making a store's own copy of a long
     * list costs no index of its own.
     */
    static final class OverrideList extends java.util.AbstractList<OverrideEntry> implements java.util.RandomAccess {
        private static final int INDEXED = 32;
        final Object owner;
        private final ArrayList<OverrideEntry> entries;
        /**
         * Entry to how often it occurs, built when a long list without a base is first searched. Only the owning store
         * changes a list (and the index with it); a list shared with copies no longer changes, and threads reading it
         * may each build the index and publish it whole.
         */
        private volatile HashMap<OverrideEntry, Integer> counts;
        /** The list without a base this one was copied from (directly or through copies), or null. */
        private final OverrideList base;
        /** With a base: how each entry's count differs from the base's. */
        private final HashMap<OverrideEntry, Integer> changes;

        OverrideList(Object owner, List<OverrideEntry> from) {
            this.owner = owner;
            this.entries = new ArrayList<>(from.size() + 4);
            // another list's own array is copied in one go; AbstractList's copy would walk it through get(i)
            entries.addAll(from instanceof OverrideList list ? list.entries : from);
            if (from instanceof OverrideList list && list.size() >= INDEXED) {
                this.base = list.base != null ? list.base : list;
                this.changes = list.base != null ? new HashMap<>(list.changes) : new HashMap<>();
            } else {
                this.base = null;
                this.changes = null;
            }
        }

        @Override
        public OverrideEntry get(int i) {
            return entries.get(i);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public boolean add(OverrideEntry e) {
            entries.add(e);
            if (base != null) {
                changes.merge(e, 1, Integer::sum);
            } else {
                HashMap<OverrideEntry, Integer> index = counts;
                if (index != null) {
                    index.merge(e, 1, Integer::sum);
                }
            }
            modCount++;
            return true;
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof OverrideEntry e) || (base != null || counts != null) && count(e) == 0) {
                return false;
            }
            int i = entries.indexOf(e);
            if (i < 0) {
                return false;
            }
            entries.remove(i);
            if (base != null) {
                changes.merge(e, -1, Integer::sum);
            } else {
                HashMap<OverrideEntry, Integer> index = counts;
                if (index != null) {
                    index.computeIfPresent(e, (k, n) -> n == 1 ? null : n - 1);
                }
            }
            modCount++;
            return true;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof OverrideEntry e)) {
                return false;
            }
            if (base == null && entries.size() < INDEXED) {
                return entries.contains(e);
            }
            return count(e) > 0;
        }

        private int count(OverrideEntry e) {
            if (base != null) {
                return base.count(e) + changes.getOrDefault(e, 0);
            }
            HashMap<OverrideEntry, Integer> index = counts;
            if (index == null) {
                index = new HashMap<>(entries.size() * 2);
                for (OverrideEntry x : entries) {
                    index.merge(x, 1, Integer::sum);
                }
                counts = index;
            }
            return index.getOrDefault(e, 0);
        }
    }

    /** Whether a name holds {@code :append}, {@code :prepend} or {@code :remove}, without which SETVAR cannot match. */
    private static boolean hasOperatorSuffix(String var) {
        return var.contains(":append") || var.contains(":prepend") || var.contains(":remove");
    }

    private boolean isActive(String o) {
        if (overridesset.contains(o)) {
            return true;
        }
        if (o.indexOf(':') >= 0) {
            return overridesset.containsAll(PyStrings.split(o, ':'));
        }
        return false;
    }

    /**
     * A variable's pending {@code :append}, {@code :prepend} or {@code :remove} operations, as BitBake's
     * {@code getVarFlag(var, ":append", False)} reads its internal list: each operation's value and its override
     * ({@code null} for none), in order.
     *
     * @param var the variable
     * @param kind {@code :append}, {@code :prepend} or {@code :remove}
     * @return the operations, or {@code null} when there are none
     * @throws IllegalArgumentException for another kind
     */
    public List<List<String>> pendingOperations(String var, String kind) {
        if (!kind.equals(APPEND) && !kind.equals(PREPEND) && !kind.equals(REMOVE)) {
            throw new IllegalArgumentException("not an internal list: " + kind);
        }
        LinkedHashMap<String, Object> vd = dict.get(var);
        if (vd == null || !(vd.get(kind) instanceof List<?>)) {
            return null;
        }
        List<List<String>> ops = new ArrayList<>();
        for (AppendOp op : appendList(var, kind)) {
            ops.add(java.util.Arrays.asList(op.value(), op.override()));
        }
        return ops;
    }

    @SuppressWarnings("unchecked")
    private List<AppendOp> appendList(String var, String keyword) {
        LinkedHashMap<String, Object> vd = dict.get(var);
        Object o = vd == null ? null : vd.get(keyword);
        return o instanceof List<?> ? (List<AppendOp>) o : List.of();
    }

    private void setvarUpdateOverridevars(String var, Object value) throws ExpansionException {
        Parse vardata = expandWithRefsInternal(value, var);
        Set<String> fresh = new LinkedHashSet<>(vardata.references());
        while (!overridevars.containsAll(fresh)) {
            Set<String> nextnew = new LinkedHashSet<>();
            overridevars.addAll(fresh);
            for (String i : fresh) {
                Parse p = expandWithRefsInternal(getVarFlagInternal(i, CONTENT, true, false, false), i);
                nextnew.addAll(p.references());
            }
            fresh = nextnew;
        }
        overrides = null;
        clearExpandCache();
    }

    private static boolean isOverrideName(String s) {
        // BitBake's __override_regexp__.match: a prefix match of [a-z0-9]+
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private void setvarUpdateOverrides(String var) {
        // var[:rfind(':')] with rfind == -1 is var[:-1], as in BitBake
        int idx = var.lastIndexOf(':');
        String override = var.substring(idx + 1);
        String shortvar = idx >= 0 ? var.substring(0, idx) : var.substring(0, Math.max(0, var.length() - 1));
        while (override != null && isOverrideName(override)) {
            List<OverrideEntry> list = overridedata.get(shortvar);
            OverrideEntry entry = new OverrideEntry(var, override);
            if (list == null || !list.contains(entry)) {
                ownOverrides(shortvar, list).add(entry);
            }
            override = null;
            int sidx = shortvar.lastIndexOf(':');
            if (sidx >= 0) {
                override = var.substring(sidx + 1);
                shortvar = var.substring(0, sidx);
                if (shortvar.isEmpty()) {
                    override = null;
                }
            }
        }
    }

    /**
     * Appends to a variable (BitBake's {@code appendVar}: records {@code append} and adds to its {@code :append}
     * list, so the text is added when the variable is read).
     *
     * @param var the variable
     * @param value the text to append
     * @param origin where it came from, or {@code null}
     */
    public void appendVar(String var, String value, Origin origin) {
        record("append", var, null, origin, detailOr(origin, value));
        setVar(var + APPEND, value, IGNORE, true);
    }

    /**
     * Prepends to a variable (BitBake's {@code prependVar}), through its {@code :prepend} list.
     *
     * @param var the variable
     * @param value the text to prepend
     * @param origin where it came from, or {@code null}
     */
    public void prependVar(String var, String value, Origin origin) {
        record("prepend", var, null, origin, detailOr(origin, value));
        setVar(var + PREPEND, value, IGNORE, true);
    }

    /**
     * Deletes a variable with all its flags (BitBake's {@code delVar}). Its override variables stay but are no
     * longer registered for it.
     *
     * @param var the variable
     * @param origin where it came from, or {@code null}
     */
    public void delVar(String var, Origin origin) {
        // BitBake empties its expansion cache here; deleting a variable that has no value, no flags and no override
        // variables changes no expansion, so the cache is kept then (renames of absent variables are common:
        // ClassExtender renames every package variable of every package)
        LinkedHashMap<String, Object> old = dict.get(var);
        boolean changed = old != null && !old.isEmpty();
        record("del", var, null, origin, "");
        dict.put(var, new LinkedHashMap<>());
        if (overridedata.containsKey(var)) {
            overridedata.remove(var);
            changed = true;
        }
        int idx = var.lastIndexOf(':');
        if (idx >= 0) {
            String override = var.substring(idx + 1);
            String shortvar = var.substring(0, idx);
            while (override != null && isOverrideName(override)) {
                List<OverrideEntry> list = overridedata.get(shortvar);
                OverrideEntry entry = new OverrideEntry(var, override);
                if (list != null && list.contains(entry)) {
                    ownOverrides(shortvar, list).remove(entry);
                    changed = true;
                }
                override = null;
                int sidx = shortvar.lastIndexOf(':');
                if (sidx >= 0) {
                    override = var.substring(sidx + 1);
                    shortvar = var.substring(0, sidx);
                    if (shortvar.isEmpty()) {
                        override = null;
                    }
                }
            }
        }
        if (changed) {
            clearExpandCache();
        }
    }

    /**
     * Renames a variable (BitBake's {@code renameVar}): moves its raw value, its {@code :append}/{@code :prepend}/
     * {@code :remove} lists and, recursively, its override variables; other flags are dropped with the old name.
     * Renaming a variable to itself does nothing (BitBake warns).
     *
     * @param key the old name
     * @param newkey the new name
     * @param origin where it came from, or {@code null}
     * @throws UncheckedExpansionException if {@code OVERRIDES} or what it references fails to expand
     */
    public void renameVar(String key, String newkey, Origin origin) {
        try {
            renameVarInternal(key, newkey, origin);
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    private void renameVarInternal(String key, String newkey, Origin origin) throws ExpansionException {
        if (key.equals(newkey)) {
            LOG.log(System.Logger.Level.WARNING, "Calling renameVar with equivalent keys ({0}) is invalid", key);
            return;
        }
        Object val = getVarFlagInternal(key, CONTENT, false, false, true);
        if (val != null) {
            if (tracking) {
                List<HistoryEntry> old = varhistory.get(key);
                if (old != null) {
                    List<HistoryEntry> nl = varhistory.get(newkey);
                    nl = nl == null ? new ArrayList<>() : new ArrayList<>(nl);
                    nl.addAll(old);
                    varhistory.put(newkey, nl);
                }
            }
            record("rename from " + key, newkey, null, origin, asString(val));
            setVarInternal(newkey, val, IGNORE, true);
        }
        LinkedHashMap<String, Object> src = dict.get(key);
        if (src != null) {
            for (String i : List.of(APPEND, PREPEND, REMOVE)) {
                // BitBake walks the source's flags in their order; the three lists are independent
                if (src.containsKey(i) && src.get(i) instanceof List<?>) {
                    List<AppendOp> srcl = appendList(key, i);
                    List<AppendOp> dest = new ArrayList<>(appendList(newkey, i));
                    dest.addAll(srcl);
                    setVarFlagInternal(newkey, i, Collections.unmodifiableList(dest), IGNORE);
                }
            }
        }
        List<OverrideEntry> ovr = overridedata.get(key);
        if (ovr != null) {
            OverrideList renamedList = new OverrideList(epoch, List.of());
            overridedata.put(newkey, renamedList);
            // over a snapshot: renaming each one removes it from this list
            for (OverrideEntry e : List.copyOf(ovr)) {
                String renamed = e.var().replace(key, newkey);
                ownOverrides(newkey, overridedata.get(newkey)).add(new OverrideEntry(renamed, e.override()));
                renameVarInternal(e.var(), renamed, null);
            }
        }
        if (newkey.indexOf(':') >= 0 && val == null) {
            setvarUpdateOverrides(newkey);
        }
        record("rename (to)", key, null, origin, newkey);
        delVar(key, IGNORE);
    }

    // ---------------------------------------------------------------- flags

    /**
     * A flag of a variable ({@code VAR[flag]}); flag {@code _content} is the value with overrides applied, as in
     * BitBake.
     *
     * @param var the variable
     * @param flag the flag
     * @param expand whether to expand references
     * @return the flag's value, {@code null} if unset
     * @throws ExpansionException if expansion fails
     * @throws IllegalArgumentException if the flag is one of BitBake's internal lists {@code :append},
     *     {@code :prepend}, {@code :remove}
     */
    public String getVarFlag(String var, String flag, boolean expand) throws ExpansionException {
        checkFlag(flag);
        return asString(getVarFlagInternal(var, flag, expand, false, false));
    }

    /**
     * Sets a flag of a variable ({@code VAR[flag] = value}); {@code _defaultval} holds a weak default
     * ({@code ??=}).
     *
     * @param var the variable
     * @param flag the flag
     * @param value the value, or {@code null}
     * @param origin where it came from, or {@code null}
     * @throws UncheckedExpansionException if {@code OVERRIDES} or what it references fails to expand
     */
    public void setVarFlag(String var, String flag, String value, Origin origin) {
        checkFlag(flag);
        try {
            setVarFlagInternal(var, flag, value, origin);
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    private static void checkFlag(String flag) {
        Objects.requireNonNull(flag, "flag");
        if (flag.equals(APPEND) || flag.equals(PREPEND) || flag.equals(REMOVE)) {
            throw new IllegalArgumentException("flag " + flag + " is an internal list; use setVar(\"VAR" + flag
                    + "\", ...) instead");
        }
    }

    private void setVarFlagInternal(String var, String flag, Object value, Origin origin)
            throws ExpansionException {
        clearExpandCache();
        if (var.equals("BB_RENAMED_VARIABLES")) {
            if (varRenamesShared) {
                varRenames = new HashMap<>(varRenames);
                varRenamesShared = false;
            }
            varRenames.put(flag, asString(value));
        }
        if (varRenames.containsKey(var)) {
            renameError(var, origin, null);
        }
        record(opOr(origin, "set"), var, flag, origin, detailOr(origin, asString(value)));
        shadow(var).put(flag, value);
        if (flag.equals(DEFAULTVAL) && var.indexOf(':') >= 0) {
            setvarUpdateOverrides(var);
        }
        if (flag.equals(DEFAULTVAL) && overridevars.contains(var)) {
            setvarUpdateOverridevars(var, value);
        }
        if ((flag.equals("unexport") || flag.equals("export")) && !exportList().contains(var)) {
            // the list is shared with copies: a new one with the name added (most names are on it already)
            LinkedHashMap<String, Object> el = shadow(EXPORTLIST);
            Object old = el.get(CONTENT);
            LinkedHashSet<String> set = old instanceof ExportList e ? new LinkedHashSet<>(e.names) : new LinkedHashSet<>();
            set.add(var);
            el.put(CONTENT, new ExportList(Collections.unmodifiableSet(set)));
        }
    }

    /** BitBake's {@code __exportlist}, a Python set rather than a string. */
    record ExportList(Set<String> names) {}

    /**
     * The variables that ever had an {@code export} or {@code unexport} flag set (BitBake's {@code __exportlist},
     * which is a set, not a string: {@link #getVar(String)} returns {@code null} for it while {@link #keys()} and
     * {@link #contains(String)} see it, as in BitBake).
     *
     * @return the names, in first-export order; unmodifiable
     */
    public Set<String> exportList() {
        LinkedHashMap<String, Object> vd = dict.get(EXPORTLIST);
        return vd != null && vd.get(CONTENT) instanceof ExportList e ? e.names : Set.of();
    }

    /**
     * Appends to a flag's value (BitBake's {@code appendVarFlag}), immediately.
     *
     * @param var the variable
     * @param flag the flag
     * @param value the text to append
     * @param origin where it came from, or {@code null}
     * @throws UncheckedExpansionException if reading {@code _content} fails to expand an override
     */
    public void appendVarFlag(String var, String flag, String value, Origin origin) {
        checkFlag(flag);
        record("append", var, flag, origin, detailOr(origin, value));
        try {
            String old = asString(getVarFlagInternal(var, flag, false, false, false));
            setVarFlagInternal(var, flag, (old == null ? "" : old) + value, IGNORE);
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    /**
     * Prepends to a flag's value (BitBake's {@code prependVarFlag}), immediately.
     *
     * @param var the variable
     * @param flag the flag
     * @param value the text to prepend
     * @param origin where it came from, or {@code null}
     * @throws UncheckedExpansionException if reading {@code _content} fails to expand an override
     */
    public void prependVarFlag(String var, String flag, String value, Origin origin) {
        checkFlag(flag);
        record("prepend", var, flag, origin, detailOr(origin, value));
        try {
            String old = asString(getVarFlagInternal(var, flag, false, false, false));
            setVarFlagInternal(var, flag, value + (old == null ? "" : old), IGNORE);
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    /**
     * Deletes a flag (BitBake's {@code delVarFlag}).
     *
     * @param var the variable
     * @param flag the flag
     * @param origin where it came from, or {@code null}
     */
    public void delVarFlag(String var, String flag, Origin origin) {
        clearExpandCache();
        LinkedHashMap<String, Object> found = dict.get(var);
        if (found == null || found.isEmpty()) {
            return;
        }
        LinkedHashMap<String, Object> vd = shadow(var);
        if (vd.containsKey(flag)) {
            record("delFlag", var, flag, origin, "");
            vd.remove(flag);
        }
    }

    /**
     * Sets several flags (BitBake's {@code setVarFlags}); {@code _content} is skipped. Unlike
     * {@link #setVarFlag}, this does not update the export list or weak-default overrides, as in BitBake. With a
     * {@code null} origin nothing is recorded, as in BitBake without {@code loginfo}.
     *
     * @param var the variable
     * @param flags the flags, in order
     * @param origin where they came from, or {@code null}
     */
    public void setVarFlags(String var, Map<String, String> flags, Origin origin) {
        clearExpandCache();
        LinkedHashMap<String, Object> vd = shadow(var);
        for (Map.Entry<String, String> e : flags.entrySet()) {
            if (e.getKey().equals(CONTENT)) {
                continue;
            }
            if (origin != null) {
                record(opOr(origin, "set"), var, e.getKey(), origin, detailOr(origin, e.getValue()));
            }
            vd.put(e.getKey(), e.getValue());
        }
    }

    /**
     * Deletes all flags of a variable but keeps its value (BitBake's {@code delVarFlags}). A variable without a
     * value disappears from this store's own layer, so that a value it had when the store was copied shows again,
     * as in BitBake.
     *
     * @param var the variable
     * @param origin where it came from, or {@code null}
     */
    public void delVarFlags(String var, Origin origin) {
        clearExpandCache();
        LinkedHashMap<String, Object> vd = shadow(var);
        record("delete flags", var, null, origin, null);
        if (vd.containsKey(CONTENT)) {
            Object content = vd.get(CONTENT);
            LinkedHashMap<String, Object> n = new LinkedHashMap<>();
            n.put(CONTENT, content);
            dict.put(var, n);
        } else {
            dict.removeLocal(var);
        }
    }

    /**
     * The public flags of a variable (BitBake's {@code getVarFlags(var, expand, internalflags=False)}: flags
     * starting with {@code _} or {@code :} are left out).
     *
     * @param var the variable
     * @param expand whether to expand every flag's value (BitBake takes a list of flags to expand; its
     *     {@code expand=True} fails on a variable with flags)
     * @return the flags in the order they were first set; unmodifiable, empty when none; values may be {@code null}
     * @throws ExpansionException if expansion fails
     */
    public Map<String, String> getVarFlags(String var, boolean expand) throws ExpansionException {
        LinkedHashMap<String, Object> vd = dict.get(var);
        if (vd == null || vd.isEmpty()) {
            return Map.of();
        }
        return getVarFlags(var, expand ? vd.keySet() : Set.of());
    }

    /**
     * The public flags of a variable, expanding the given ones (BitBake's {@code getVarFlags(var, expand=[...])}).
     *
     * @param var the variable
     * @param expand the flags whose values to expand
     * @return the flags in the order they were first set; unmodifiable, empty when none; values may be {@code null}
     * @throws ExpansionException if expansion fails
     */
    public Map<String, String> getVarFlags(String var, Set<String> expand) throws ExpansionException {
        LinkedHashMap<String, Object> vd = dict.get(var);
        if (vd == null || vd.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, String> flags = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : vd.entrySet()) {
            String i = e.getKey();
            if (i.startsWith("_") || i.startsWith(":")) {
                continue;
            }
            Object v = e.getValue();
            if (expand.contains(i)) {
                v = expandWithRefsInternal(v, var + "[" + i + "]").value;
            }
            flags.put(i, asString(v));
        }
        return Collections.unmodifiableMap(flags);
    }

    // ---------------------------------------------------------------- reading

    private LinkedHashMap<String, Object> shadow(String var) {
        LinkedHashMap<String, Object> vd = dict.getLocal(var);
        if (vd != null) {
            return vd;
        }
        LinkedHashMap<String, Object> found = dict.get(var);
        // BitBake's _makeShadowCopy: an empty (deleted) entry is not copied but re-initialised
        vd = found != null && !found.isEmpty() ? new LinkedHashMap<>(found) : new LinkedHashMap<>();
        if (found == null || found.isEmpty()) {
            clearExpandCache();
        }
        dict.put(var, vd);
        return vd;
    }

    private record Got(Object value, Parse parser) {}

    Object getVarFlagInternal(String var, String flag, boolean expand, boolean noweakdefault, boolean parsing)
            throws ExpansionException {
        if (expand && flag.equals(CONTENT)) {
            Parse cached = expandCache.get(var); // getVarFlagFull's first step, without its result record
            if (cached != null) {
                return cached.value;
            }
        }
        try {
            return getVarFlagFull(var, flag, expand, noweakdefault, parsing, false).value;
        } catch (NoOverrides e) {
            throw new ExpansionException(var, null, "TypeError", e.getMessage(), null);
        }
    }

    /**
     * BitBake's {@code TypeError} from iterating {@code self.overrides} while it is {@code None}: after an
     * expansion of {@code OVERRIDES} failed, BitBake's {@code inoverride} stays set and overrides are never
     * recomputed once invalidated.
     */
    private static final class NoOverrides extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoOverrides(String message) {
            super(message, null, false, false);
        }
    }

    private List<String> overridesOrFail(String message) {
        if (overrides == null) {
            throw new NoOverrides(message);
        }
        return overrides;
    }

    @SuppressWarnings("unchecked")
    private Got getVarFlagFull(String var, String flag, boolean expand, boolean noweakdefault, boolean parsing,
            boolean retparser) throws ExpansionException {
        boolean content = flag.equals(CONTENT);
        String cachename;
        if (content) {
            cachename = var;
        } else {
            if (flag.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Calling getVarFlag with flag unset is invalid");
                return new Got(null, null);
            }
            // the expansion cache's name: not needed (nor built) for a flag read as it is
            cachename = expand || retparser ? var + "[" + flag + "]" : null;
        }
        if (!expand && retparser) {
            Parse cached = expandCache.get(cachename);
            if (cached != null) {
                return new Got(cached.unexpandedValue, cached);
            }
        }
        if (expand) {
            Parse cached = expandCache.get(cachename);
            if (cached != null) {
                return new Got(cached.value, null);
            }
        }

        LinkedHashMap<String, Object> localVar = dict.get(var);
        Object value = null;
        Set<String> removes = null;
        if (content && !parsing) {
            List<OverrideEntry> ovr = overridedata.get(var);
            if (ovr != null) {
                String match = null;
                LinkedHashMap<String, String> active = null; // most variables' override entries are all inactive
                needOverrides();
                for (OverrideEntry e : ovr) {
                    if (isActive(e.override())) {
                        if (active == null) {
                            active = new LinkedHashMap<>();
                        }
                        active.put(e.override(), e.var());
                    }
                }
                // BitBake walks the overrides once even when nothing is active (failing when they are None)
                List<String> walked = overridesOrFail("'NoneType' object is not iterable");
                boolean mod = active != null;
                while (mod) {
                    mod = false;
                    for (String o : walked) {
                        String suffix = ":" + o;
                        for (String a : new ArrayList<>(active.keySet())) {
                            if (a.endsWith(suffix)) {
                                String t = active.remove(a);
                                active.put(a.replace(suffix, ""), t);
                                mod = true;
                            } else if (a.equals(o)) {
                                match = active.remove(a);
                            }
                        }
                    }
                }
                if (match != null && !match.isEmpty()) {
                    Got sub = getVarFlagFull(match, CONTENT, false, false, false, true);
                    value = sub.value;
                    if (sub.parser != null && sub.parser.removes != null) {
                        // the overriding variable's removes still apply at the end
                        removes = sub.parser.removes;
                    }
                }
            }
        }

        if (localVar != null && value == null) {
            if (localVar.containsKey(flag)) {
                value = localVar.get(flag);
            } else if (content && localVar.containsKey(DEFAULTVAL) && !noweakdefault) {
                value = localVar.get(DEFAULTVAL);
            }
        }

        if (content && localVar != null && !parsing) {
            Object appends = localVar.get(APPEND);
            if (appends instanceof List<?> list) {
                needOverrides();
                for (AppendOp op : (List<AppendOp>) list) {
                    if (matchesAll(op.override())) {
                        value = concatenate(var, value == null ? "" : asString(value), op.value());
                    }
                }
            }
            Object prepends = localVar.get(PREPEND);
            if (prepends instanceof List<?> list) {
                needOverrides();
                for (AppendOp op : (List<AppendOp>) list) {
                    if (matchesAll(op.override())) {
                        value = concatenate(var, op.value(), value == null ? "" : asString(value));
                    }
                }
            }
        }

        Parse parser = null;
        if (expand || retparser) {
            parser = expandWithRefsInternal(value, cachename);
        }
        if (expand) {
            value = parser.value;
        }

        if (truthy(value) && content && localVar != null && !parsing) {
            Object rm = localVar.get(REMOVE);
            if (rm instanceof List<?> list) {
                needOverrides();
                for (AppendOp op : (List<AppendOp>) list) {
                    if (matchesAll(op.override())) {
                        // may be the overriding variable's (cached) set: BitBake adds to that very set
                        if (removes == null) {
                            removes = new LinkedHashSet<>();
                        }
                        removes.add(op.value());
                    }
                }
            }
        }

        if (truthy(value) && content && !parsing && removes != null && !removes.isEmpty() && parser != null) {
            if (parser.value instanceof String str && ObjectValues.isObject(str)) {
                throw new ExpansionException(var, null, "TypeError", "expected string or bytes-like object, got '"
                        + typeName(str, var) + "'", null);
            }
            Map<String, List<String>> expandedRemoves = new HashMap<>();
            for (String r : removes) {
                expandedRemoves.put(r, PyStrings.split(asString(expandWithRefsInternal(r, null).value)));
            }
            parser.removes = new LinkedHashSet<>();
            StringBuilder val = new StringBuilder();
            for (String v : PyStrings.splitKeepingSpaces(asString(parser.value))) {
                boolean skip = false;
                for (String r : removes) {
                    if (expandedRemoves.get(r).contains(v)) {
                        parser.removes.add(r);
                        skip = true;
                    }
                }
                if (!skip) {
                    val.append(v);
                }
            }
            parser.value = val.toString();
            if (expand) {
                value = parser.value;
            }
        }

        if (parser != null) {
            expandCache.put(cachename, parser);
        }
        return new Got(value, retparser ? parser : null);
    }

    private boolean matchesAll(String o) {
        if (o == null || o.isEmpty()) {
            return true;
        }
        for (String o2 : PyStrings.split(o, ':')) {
            if (!overridesOrFail("argument of type 'NoneType' is not iterable").contains(o2)) {
                return false;
            }
        }
        return true;
    }

    /** Python's truth of a value: an object other than a string (a token) has its own. */
    private boolean truthy(Object value) {
        if (value instanceof String s && ObjectValues.isObject(s)) {
            return ObjectValues.describe(s, python).truth();
        }
        return value != null && !(value instanceof String s && s.isEmpty());
    }

    /** BitBake's {@code value + r} of an append or prepend: Python's {@code +} when an object is involved. */
    private String concatenate(String var, String left, String right) throws ExpansionException {
        if (!ObjectValues.isObject(left) && !ObjectValues.isObject(right)) {
            return left + right;
        }
        try {
            return python.add(left, right);
        } catch (PythonException e) {
            throw new ExpansionException(var, null, e.type(), e.getMessage(), e);
        }
    }

    /** The Python type name of a value the store holds for a variable (for messages). */
    private String typeName(String value, String var) {
        if (!ObjectValues.isObject(value)) {
            return ObjectValues.isInternalList(var) ? "list" : "str";
        }
        try {
            return ObjectValues.describe(value, python).typeName();
        } catch (IllegalArgumentException gone) {
            return "object"; // named by a token its evaluator no longer has: still not a string
        }
    }

    private static String asString(Object value) {
        return value instanceof String s ? s : null;
    }

    // ---------------------------------------------------------------- overrides

    private void needOverrides() throws ExpansionException {
        if (overrides != null || inoverride) {
            return;
        }
        List<List<String>> stack = new ArrayList<>();
        for (int count = 0; count < 5; count++) {
            inoverride = true;
            // getVar can end up here recursively: dummy values meanwhile, as in BitBake
            overrides = List.of();
            overridesset = Set.of();
            overrides = splitOverrides(getVarFlagInternal("OVERRIDES", CONTENT, true, false, false));
            stack.add(overrides);
            overridesset = new HashSet<>(overrides);
            inoverride = false;
            clearExpandCache();
            List<String> newoverrides = splitOverrides(getVarFlagInternal("OVERRIDES", CONTENT, true, false, false));
            if (newoverrides.equals(overrides)) {
                return;
            }
            overrides = newoverrides;
            overridesset = new HashSet<>(overrides);
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> s : stack) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(pyList(s));
        }
        throw new ExpansionException("OVERRIDES", null, "BBHandledException",
                "Overrides could not be expanded into a stable state after 5 iterations, overrides must be being"
                        + " referenced by other overridden variables in some recursive fashion. Please provide your"
                        + " configuration to bitbake-devel so we can laugh, er, I mean try and understand how to make"
                        + " it work. The list of failing override expansions: " + sb,
                null);
    }

    private static String pyList(List<String> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            sb.append(i == 0 ? "'" : ", '").append(l.get(i)).append('\'');
        }
        return sb.append(']').toString();
    }

    private static List<String> splitOverrides(Object value) {
        String s = asString(value);
        return List.copyOf(PyStrings.split(s == null ? "" : s, ':'));
    }

    /**
     * The active overrides, lowest priority first (BitBake's {@code self.overrides}: {@code OVERRIDES} expanded and
     * split at {@code :}, empty parts included; {@code [""]} when {@code OVERRIDES} is unset).
     *
     * @return the overrides; unmodifiable
     * @throws UncheckedExpansionException if {@code OVERRIDES} fails to expand
     */
    public List<String> activeOverrides() {
        try {
            needOverrides();
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
        return overrides == null ? List.of() : overrides;
    }

    /**
     * Whether override variables ({@code VAR:o}) are registered for the variable (BitBake's {@code hasOverrides}).
     *
     * @param var the variable
     * @return whether it has overrides
     */
    public boolean hasOverrides(String var) {
        return overridedata.containsKey(var);
    }

    /**
     * The names that have override variables registered, the keys of BitBake's {@code d.overridedata} (in the
     * order they got their first one).
     *
     * @return the names
     */
    public List<String> overriddenNames() {
        List<String> names = new ArrayList<>();
        overridedata.forEach((var, list) -> names.add(var));
        return names;
    }

    /**
     * A name's override variables with their overrides, as BitBake's {@code d.overridedata[var]} lists them:
     * {@code FOO} gives {@code [FOO:arm, arm]}, {@code [FOO:mx8:arm, mx8:arm]}, ... ({@code FOO:append:x} is a
     * pending append of {@code FOO}, not an entry here).
     *
     * @param var the name
     * @return each override variable and its override, or {@code null} when none were ever registered
     */
    public List<List<String>> overrideVariables(String var) {
        List<OverrideEntry> entries = overridedata.get(var);
        if (entries == null) {
            return null;
        }
        List<List<String>> pairs = new ArrayList<>(entries.size());
        for (OverrideEntry e : entries) {
            pairs.add(List.of(e.var(), e.override()));
        }
        return pairs;
    }

    // ---------------------------------------------------------------- keys

    /**
     * The variable names, as iterating BitBake's {@code d} gives them: every variable with a value or a flag
     * (override variables like {@code A:foo} included, deleted ones not), and every variable that has an active
     * override variable even when it is itself unset. BitBake yields them from Python sets in hash order; here the
     * order is first insertion, with the names that only exist through active overrides last.
     *
     * @return the names; unmodifiable
     * @throws UncheckedExpansionException if {@code OVERRIDES} fails to expand
     */
    public Set<String> keys() {
        try {
            needOverrides();
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
        Set<String> overridden = new LinkedHashSet<>();
        overridedata.forEach((var, list) -> {
            for (OverrideEntry e : list) {
                if (isActive(e.override())) {
                    overridden.add(var);
                }
            }
        });
        Set<String> keys = new LinkedHashSet<>();
        dict.forEach((k, vd) -> {
            if (!overridden.contains(k) && !vd.isEmpty()) {
                keys.add(k);
            }
        });
        keys.addAll(overridden);
        return Collections.unmodifiableSet(keys);
    }

    /**
     * The names {@link #keys()} would list that contain a <code>$&#123;</code> reference, found without listing
     * every key.
     */
    private Set<String> referenceKeys() throws ExpansionException {
        needOverrides();
        Set<String> keys = new LinkedHashSet<>();
        for (String k : dict.referenceKeys()) {
            LinkedHashMap<String, Object> vd = dict.get(k);
            if (vd != null && !vd.isEmpty()) {
                keys.add(k);
            }
        }
        for (String k : overridedata.referenceKeys()) {
            for (OverrideEntry e : overridedata.get(k)) {
                if (isActive(e.override())) {
                    keys.add(k);
                    break;
                }
            }
        }
        return keys;
    }

    /**
     * The names written in this store since it was created or copied, deleted ones included (BitBake's
     * {@code localkeys}).
     *
     * @return the names, in insertion order
     */
    public List<String> localKeys() {
        return dict.localKeys();
    }

    /**
     * BitBake's {@code var in d}: whether {@code getVar(var, False)} is not {@code None}. A variable with only flags
     * is not contained although {@link #keys()} lists it.
     *
     * @param var the variable
     * @return whether it has a value
     * @throws UncheckedExpansionException if an active override variable fails to expand
     */
    public boolean contains(String var) {
        try {
            return getVarFlagInternal(var, CONTENT, false, false, false) != null;
        } catch (ExpansionException e) {
            throw new UncheckedExpansionException(e);
        }
    }

    /**
     * Renames every variable whose name contains {@code ${...}} to its expanded name ({@code bb.data.expandKeys}),
     * in sorted order of the old names. A rename that replaces an existing variable is logged as a warning.
     *
     * @throws ExpansionException if a name fails to expand
     */
    public void expandKeys() throws ExpansionException {
        TreeMap<String, String> todolist = new TreeMap<>();
        for (String key : referenceKeys()) {
            String ekey = expand(key);
            if (key.equals(ekey)) {
                continue;
            }
            todolist.put(key, ekey);
        }
        for (Map.Entry<String, String> e : todolist.entrySet()) {
            String key = e.getKey();
            String ekey = e.getValue();
            Object newval = getVarFlagInternal(ekey, CONTENT, false, false, false);
            if (newval != null) {
                Object val = getVarFlagInternal(key, CONTENT, false, false, false);
                if (val != null) {
                    LOG.log(System.Logger.Level.WARNING, "Variable key {0} ({1}) replaces original key {2} ({3}).",
                            key, val, ekey, newval);
                }
            }
            renameVarInternal(key, ekey, null);
        }
    }

    // ---------------------------------------------------------------- expansion

    /**
     * Expands {@code ${VAR}} references and inline Python in a text (BitBake's {@code d.expand(s)}).
     *
     * @param text the text, or {@code null}
     * @return the expanded text
     * @throws ExpansionException if expansion fails
     */
    public String expand(String text) throws ExpansionException {
        return expand(text, null);
    }

    /**
     * Expands a text as the value of the named variable (which then may not reference itself).
     *
     * @param text the text, or {@code null}
     * @param varname the variable the text belongs to, or {@code null}
     * @return the expanded text
     * @throws ExpansionException if expansion fails
     */
    public String expand(String text, String varname) throws ExpansionException {
        return asString(expandWithRefsInternal(text, varname).value);
    }

    /**
     * Expands a text and reports what it referenced (BitBake's {@code expandWithRefs}).
     *
     * @param text the text, or {@code null}
     * @param varname the variable the text belongs to, or {@code null}
     * @return the value and references
     * @throws ExpansionException if expansion fails
     */
    public ExpansionResult expandWithRefs(String text, String varname) throws ExpansionException {
        Parse p = expandWithRefsInternal(text, varname);
        return new ExpansionResult(asString(p.value), p.references(), p.execs());
    }

    /** BitBake's {@code VariableParse}. */
    private static final class Parse {
        final String varname;
        Object value;
        final Object unexpandedValue;
        /** Made when the first is added: most expansions have none. */
        private Set<String> references;
        private Set<String> execs;
        Set<String> removes;

        Parse(String varname, Object unexpandedValue) {
            this.varname = varname;
            this.unexpandedValue = unexpandedValue;
        }

        /**
         * The first few references, before {@link #references} is made: an expansion references a handful of
         * variables, and a list searched from the end (a repeated reference is usually the last one) is cheaper to
         * make than a hash set.
         */
        private ArrayList<String> fewReferences;
        private static final int FEW_REFERENCES = 8;

        void addReference(String key) {
            if (references != null) {
                references.add(key);
                return;
            }
            if (fewReferences == null) {
                fewReferences = new ArrayList<>(4);
            } else if (fewReferences.lastIndexOf(key) >= 0) {
                return;
            }
            fewReferences.add(key);
            if (fewReferences.size() > FEW_REFERENCES) {
                references();
            }
        }

        Set<String> references() {
            if (references == null) {
                references = fewReferences == null ? new LinkedHashSet<>() : new LinkedHashSet<>(fewReferences);
                fewReferences = null;
            }
            return references;
        }

        Set<String> execs() {
            if (execs == null) {
                execs = new LinkedHashSet<>();
            }
            return execs;
        }
    }

    /** A Python exception raised inside the substitution callbacks. */
    private static final class PyFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String type;

        PyFailure(String type, String message, Throwable cause) {
            super(message, cause, false, false);
            this.type = type;
        }
    }

    private Parse expandWithRefsInternal(Object value, String varname) throws ExpansionException {
        if (!(value instanceof String)) {
            Parse p = new Parse(varname, value);
            p.value = value;
            return p;
        }
        String s = (String) value;
        Parse varparse = new Parse(varname, s);
        expansionDepth++;
        try {
            while (s.contains("${")) {
                String olds = s;
                try {
                    s = varSub(s, varparse);
                    if (s.contains("${@")) {
                        try {
                            s = pythonSub(s, varparse);
                        } catch (PythonException e) {
                            String msg = e.getMessage() == null ? "" : e.getMessage();
                            if (!e.isSyntaxError() || (!msg.equals("EOL while scanning string literal")
                                    && !msg.startsWith("unterminated string literal"))) {
                                throw new PyFailure(e.type(), msg, e);
                            }
                        }
                    }
                    if (s.equals(olds)) {
                        break;
                    }
                } catch (ExpansionException e) {
                    e.addVar(varname);
                    throw e;
                } catch (PyFailure e) {
                    throw new ExpansionException(varname, s, e.type, e.getMessage(), e.getCause());
                } catch (PyFailureAt e) {
                    throw new ExpansionException(varname, olds, e.type, e.getMessage(), null);
                }
            }
        } finally {
            expansionDepth--;
        }
        varparse.value = s;
        return varparse;
    }

    /** A failure in {@link #varSub}, reported with the text before substitution, as in BitBake. */
    private static final class PyFailureAt extends Exception {
        private static final long serialVersionUID = 1L;
        final String type;

        PyFailureAt(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }

    private static boolean isVarNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '+' || c == '.' || c == '/' || c == '~' || c == ':';
    }

    /** {@code __expand_var_regexp__.sub(varparse.var_sub, s)}, scanning by hand. */
    private String varSub(String s, Parse varparse) throws ExpansionException, PyFailureAt {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = s.indexOf("${");
        while (i >= 0) {
            int j = i + 2;
            while (j < n && isVarNameChar(s.charAt(j))) {
                j++;
            }
            if (j > i + 2 && j < n && s.charAt(j) == '}') {
                String key = s.substring(i + 2, j);
                if (varparse.varname != null && !varparse.varname.isEmpty() && varparse.varname.equals(key)) {
                    throw new PyFailureAt("Exception", "variable " + key + " references itself!");
                }
                if (expansionDepth >= MAX_EXPANSION_DEPTH) {
                    throw new PyFailureAt("RecursionError", "maximum recursion depth exceeded");
                }
                Object var = getVarFlagInternal(key, CONTENT, true, false, false);
                if (var instanceof String str && (ObjectValues.isObject(str)
                        || key.charAt(0) == '_' && ObjectValues.isInternalList(key))) {
                    // BitBake's re.sub callback returns the object itself, which re.sub refuses
                    throw new PyFailureAt("TypeError", "expected str instance, " + typeName(str, key) + " found");
                }
                varparse.addReference(key);
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(s, copied, i);
                out.append(var instanceof String str ? str : var != null ? String.valueOf(var) : s.substring(i, j + 1));
                copied = j + 1;
                i = s.indexOf("${", j + 1);
            } else {
                i = s.indexOf("${", i + 1);
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, n).toString();
    }

    private static boolean hasVarRef(String code) {
        int i = code.indexOf("${");
        while (i >= 0) {
            int j = i + 2;
            while (j < code.length() && isVarNameChar(code.charAt(j))) {
                j++;
            }
            if (j > i + 2 && j < code.length() && code.charAt(j) == '}') {
                return true;
            }
            i = code.indexOf("${", i + 1);
        }
        return false;
    }

    /** {@code __expand_python_regexp__.sub(varparse.python_sub, s)}. */
    private String pythonSub(String s, Parse varparse) throws PythonException, ExpansionException {
        StringBuilder out = null;
        int copied = 0;
        for (int start = s.indexOf("${@"); start >= 0; start = s.indexOf("${@", start + 1)) {
            int end = InlinePythonMatch.end(s, start);
            if (end < 0) {
                continue;
            }
            String code = s.substring(start + 3, end - 1);
            String replacement;
            if (hasVarRef(code)) {
                replacement = "${@" + code + "}";
            } else {
                if (varparse.varname != null && !varparse.varname.isEmpty()) {
                    // BitBake reads (and so expands) the vardeps flag here to decide whether to log parser warnings
                    getVarFlagInternal(varparse.varname, "vardeps", true, false, false);
                }
                PythonEvaluator.CodeReferences refs = python.references(code);
                String result = python.evaluateExpression(code, this, varparse.varname);
                if (!refs.references().isEmpty()) {
                    varparse.references().addAll(refs.references());
                }
                if (!refs.execs().isEmpty()) {
                    varparse.execs().addAll(refs.execs());
                }
                replacement = result == null ? "None" : result;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16);
            }
            out.append(s, copied, start).append(replacement);
            copied = end;
            start = end - 1; // the next search starts where this match ended
        }
        if (out == null) {
            return s;
        }
        return out.append(s, copied, s.length()).toString();
    }

    private void clearExpandCache() {
        if (!expandCache.isEmpty()) {
            expandCache = new HashMap<>();
        }
    }

    // ---------------------------------------------------------------- renamed variables

    private void renameError(String var, Origin origin, String fullvar) throws ExpansionException {
        String info = "";
        if (origin != null && origin != IGNORE && origin.file() != null) {
            info = " file: " + origin.file();
        }
        if (origin != null && origin != IGNORE && origin.line() > 0) {
            info += " line: " + origin.line();
        }
        if (fullvar != null && !fullvar.equals(var)) {
            info += " referenced as: " + fullvar;
        }
        if (!info.isEmpty()) {
            info = " (" + info.strip() + ")";
        }
        String renameinfo = varRenames.get(var);
        String msg = renameinfo != null && renameinfo.contains(" ")
                ? "Variable " + var + " " + renameinfo + info
                : "Variable " + var + " has been renamed to " + renameinfo + info;
        if (!errors.contains(msg)) {
            errors.add(msg);
            LOG.log(System.Logger.Level.ERROR, msg);
        }
        setVarInternal("_FAILPARSINGERRORHANDLED", "True", null, false);
    }

    private static Map<String, String> renamedVars() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BB_ENV_WHITELIST", "BB_ENV_PASSTHROUGH");
        m.put("BB_ENV_EXTRAWHITE", "BB_ENV_PASSTHROUGH_ADDITIONS");
        m.put("BB_HASHBASE_WHITELIST", "BB_BASEHASH_IGNORE_VARS");
        m.put("BB_HASHCONFIG_WHITELIST", "BB_HASHCONFIG_IGNORE_VARS");
        m.put("BB_HASHTASK_WHITELIST", "BB_TASKHASH_IGNORE_TASKS");
        m.put("BB_SETSCENE_ENFORCE_WHITELIST", "BB_SETSCENE_ENFORCE_IGNORE_TASKS");
        m.put("MULTI_PROVIDER_WHITELIST", "BB_MULTI_PROVIDER_ALLOWED");
        m.put("BB_STAMP_WHITELIST", "is a deprecated variable and support has been removed");
        m.put("BB_STAMP_POLICY", "is a deprecated variable and support has been removed");
        return Collections.unmodifiableMap(m);
    }
}
