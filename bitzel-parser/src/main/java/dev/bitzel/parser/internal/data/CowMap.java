package dev.bitzel.parser.internal.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A string-keyed map whose {@link #copy()} is O(1): BitBake's copy-on-write datastore layering, made independent in
 * both directions.
 *
 * <p>Writes go to a private top layer. Copying freezes that layer and shares the frozen chain with the copy; each
 * side then writes to a new top layer of its own. Frozen layers are never written again, so values stored in them
 * must be treated as immutable by callers (copy before changing, as BitBake's {@code _makeShadowCopy} does). Layers
 * are merged when the chain gets deep, keeping lookups to a few hash probes.
 *
 * <p>Not thread-safe, but distinct copies may be used from distinct threads: frozen layers are only read.
 *
 * @param <V> the value type
 */
public final class CowMap<V> {

    private static final Object TOMBSTONE = new Object();
    private static final int MAX_DEPTH = 6;
    /**
     * A frozen layer this small is merged with the layer frozen on top of it, as copying it costs less than probing
     * it in every later lookup (a recipe's store is copied a few times while it is finalized, often with a handful
     * of names written in between). Not the bottom layer: only a merge into that one drops tombstones, which would
     * change the order of a key removed and put again.
     */
    private static final int SMALL_LAYER = 256;

    private static final class Layer {
        final Map<String, Object> map;
        final Layer parent;
        final int depth;
        /** The keys of this layer that contain a {@code ${} reference, found once when the layer is frozen. */
        final List<String> referenceKeys;

        Layer(Map<String, Object> map, Layer parent) {
            this(map, parent, referenceKeysOf(map.keySet()));
        }

        private Layer(Map<String, Object> map, Layer parent, List<String> referenceKeys) {
            this.map = map;
            this.parent = parent;
            this.depth = parent == null ? 1 : parent.depth + 1;
            this.referenceKeys = referenceKeys;
        }

        private static List<String> referenceKeysOf(Iterable<String> keys) {
            List<String> refs = new ArrayList<>();
            for (String key : keys) {
                if (key.contains("${")) {
                    refs.add(key);
                }
            }
            return refs;
        }

        /**
         * This layer merged into its parent (the parent's entries in their order, then this one's new keys), with
         * tombstones dropped when nothing is below unless kept (a key removed and put again then goes last, as after
         * a removal from a map without layers): the reference keys come from the two layers' own, in the same
         * order a scan of the merged keys would give, without scanning them.
         */
        Layer mergedIntoParent(boolean keepTombstones) {
            LinkedHashMap<String, Object> merged = new LinkedHashMap<>(parent.map);
            merged.putAll(map);
            Layer below = parent.parent;
            if (below == null && !keepTombstones) {
                merged.values().removeIf(v -> v == TOMBSTONE);
            }
            List<String> refs = new ArrayList<>(parent.referenceKeys.size() + referenceKeys.size());
            for (String key : parent.referenceKeys) {
                if (merged.containsKey(key)) {
                    refs.add(key);
                }
            }
            for (String key : referenceKeys) {
                if (!parent.map.containsKey(key) && merged.containsKey(key)) {
                    refs.add(key);
                }
            }
            return new Layer(merged, below, refs);
        }

        /** Each key's place in the merged chain from this layer down (tombstones hold places too). */
        private volatile Map<String, Integer> positions;

        Map<String, Integer> positions() {
            Map<String, Integer> p = positions;
            if (p == null) {
                LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
                List<Layer> layers = new ArrayList<>();
                for (Layer l = this; l != null; l = l.parent) {
                    layers.add(l);
                }
                Collections.reverse(layers);
                for (Layer l : layers) {
                    merged.putAll(l.map);
                }
                java.util.HashMap<String, Integer> at = new java.util.HashMap<>(merged.size() * 2);
                for (String key : merged.keySet()) {
                    at.put(key, at.size());
                }
                p = at;
                positions = p;
            }
            return p;
        }

        /** The value visible from this layer down, or null. */
        Object visible(String key) {
            for (Layer l = this; l != null; l = l.parent) {
                Object o = l.map.get(key);
                if (o != null) {
                    return o == TOMBSTONE ? null : o;
                }
            }
            return null;
        }
    }

    private LinkedHashMap<String, Object> local = new LinkedHashMap<>();
    private Layer base;
    /**
     * Keys written through this instance since it was created, in first-write order. Copying freezes
     * {@link #local} but not this: BitBake's {@code localkeys()} of a store still lists what was set in it after
     * the store itself has been copied.
     */
    private final java.util.LinkedHashSet<String> written = new java.util.LinkedHashSet<>();

    /** Creates an empty map. */
    public CowMap() {}

    private CowMap(Layer base) {
        this.base = base;
    }

    /** The value visible for the key, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object o = local.get(key);
        if (o == null) {
            for (Layer l = base; l != null; l = l.parent) {
                o = l.map.get(key);
                if (o != null) {
                    break;
                }
            }
        }
        return o == null || o == TOMBSTONE ? null : (V) o;
    }

    /** Whether a value is visible for the key. */
    public boolean containsKey(String key) {
        return get(key) != null;
    }

    /** The value in the writable top layer, or {@code null}: a value returned here may be changed in place. */
    @SuppressWarnings("unchecked")
    public V getLocal(String key) {
        Object o = local.get(key);
        return o == TOMBSTONE ? null : (V) o;
    }

    /** Whether the writable top layer holds the key (BitBake's {@code var in self.dict}). */
    public boolean hasLocal(String key) {
        Object o = local.get(key);
        return o != null && o != TOMBSTONE;
    }

    /** Sets the value in the writable top layer. */
    public void put(String key, V value) {
        local.put(key, java.util.Objects.requireNonNull(value, "value"));
        written.add(key);
    }

    /** Hides the key (as Python's {@code del} on a shallow copy of a dict does). */
    public void remove(String key) {
        if (base == null) {
            local.remove(key);
        } else {
            local.put(key, TOMBSTONE);
        }
    }

    /** Drops the key from the writable top layer only, so that a value in a frozen layer shows again. */
    public void removeLocal(String key) {
        local.remove(key);
    }

    /** The keys written through this instance since it was created and still visible, in first-write order. */
    public List<String> localKeys() {
        List<String> keys = new ArrayList<>(written.size());
        for (String k : written) {
            if (get(k) != null) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * Calls the action for every visible entry, oldest layer's keys first, each key once with its visible value (the
     * order of putting every layer, oldest first, into one insertion-ordered map). Walks the layers instead of
     * building that map: each key is taken in the lowest layer that has it, its value read from the top. The action
     * must not change this map.
     */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<String, V> action) {
        List<Layer> layers = new ArrayList<>();
        for (Layer l = base; l != null; l = l.parent) {
            layers.add(l);
        }
        Collections.reverse(layers);
        for (int i = 0; i < layers.size(); i++) {
            for (String k : layers.get(i).map.keySet()) {
                if (inLayersBelow(layers, i, k)) {
                    continue;
                }
                Object v = local.get(k);
                for (int j = layers.size() - 1; v == null; j--) {
                    v = layers.get(j).map.get(k); // found by layer i at the latest
                }
                if (v != TOMBSTONE) {
                    action.accept(k, (V) v);
                }
            }
        }
        for (Map.Entry<String, Object> e : local.entrySet()) {
            if (e.getValue() != TOMBSTONE && !inLayersBelow(layers, layers.size(), e.getKey())) {
                action.accept(e.getKey(), (V) e.getValue());
            }
        }
    }

    private static boolean inLayersBelow(List<Layer> bottomUp, int index, String key) {
        for (int i = 0; i < index; i++) {
            if (bottomUp.get(i).map.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The visible keys that contain a <code>$&#123;</code> reference (what BitBake's {@code expandKeys} looks for),
     * without visiting every key: frozen layers index theirs once.
     */
    public java.util.Set<String> referenceKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (Layer l = base; l != null; l = l.parent) {
            for (String key : l.referenceKeys) {
                if (get(key) != null) {
                    keys.add(key);
                }
            }
        }
        for (String key : local.keySet()) {
            if (key.contains("${") && get(key) != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Every visible entry as one ordered map (oldest layer's keys first). */
    public Map<String, V> snapshot() {
        LinkedHashMap<String, V> all = new LinkedHashMap<>();
        forEach(all::put);
        return all;
    }

    /**
     * The keys whose visible value differs from {@code base}'s, without visiting the entries both share: when
     * {@code base} has nothing outside its frozen layers and those are part of this map's chain, only the keys
     * written above them can differ. Fills {@code changed} (keys visible here whose value is not the same or
     * equal one) and {@code removed} (keys visible in {@code base} only), each in the order a comparison of the
     * two {@link #snapshot}s would find them: {@code changed} in this map's key order, {@code removed} in
     * {@code base}'s.
     *
     * @param base the map this one was copied from (directly or not)
     * @param changed receives the changed keys
     * @param removed receives the removed keys
     * @return false, adding nothing, when {@code base}'s layers are not shared this way (compare snapshots then)
     */
    public boolean diffKeys(CowMap<V> base, List<String> changed, List<String> removed) {
        if (base == this || !base.local.isEmpty() || base.base == null) {
            return false;
        }
        Layer common = base.base;
        List<Layer> upper = new ArrayList<>();
        Layer l = this.base;
        while (l != null && l != common) {
            upper.add(l);
            l = l.parent;
        }
        if (l == null) {
            return false;
        }
        Collections.reverse(upper);
        java.util.LinkedHashSet<String> candidates = new java.util.LinkedHashSet<>();
        for (Layer u : upper) {
            candidates.addAll(u.map.keySet());
        }
        candidates.addAll(local.keySet());
        Map<String, Integer> positions = common.positions();
        List<String> changedInBase = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String key : candidates) {
            Object now = get(key);
            Object before = common.visible(key);
            if (now != null) {
                if (now != before && !java.util.Objects.equals(before, now)) {
                    (positions.containsKey(key) ? changedInBase : added).add(key);
                }
            } else if (before != null) {
                gone.add(key);
            }
        }
        java.util.Comparator<String> byPosition = java.util.Comparator.comparingInt(positions::get);
        changedInBase.sort(byPosition);
        gone.sort(byPosition);
        changed.addAll(changedInBase);
        changed.addAll(added);
        removed.addAll(gone);
        return true;
    }

    /**
     * Merges the writable layer and every frozen one into a single frozen layer, so that a lookup takes one probe
     * below the writable layer. For a map that many copies start from (the configuration every recipe is parsed
     * against: a cold parse of poky looks names up in it millions of times, half of them absent, each absent one
     * probing every layer). Values that were in the writable layer must be treated as immutable from now on.
     */
    public void compact() {
        Layer top = local.isEmpty() ? base : new Layer(local, base);
        if (top == null) {
            return;
        }
        while (top.parent != null) {
            top = top.mergedIntoParent(true); // every key keeps its place
        }
        base = top;
        local = new LinkedHashMap<>();
    }

    /** An independent copy, in O(1) time (plus an occasional merge of layers). */
    public CowMap<V> copy() {
        if (!local.isEmpty()) {
            base = normalize(new Layer(local, base));
            local = new LinkedHashMap<>();
        }
        return new CowMap<>(base);
    }

    private static Layer normalize(Layer top) {
        while (top.parent != null && (top.map.size() * 2 >= top.parent.map.size()
                || top.parent.map.size() <= SMALL_LAYER && top.parent.parent != null || top.depth > MAX_DEPTH)) {
            top = top.mergedIntoParent(false);
        }
        return top;
    }
}
