package dev.bitzel.parser.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CowMapTest {

    private static Map<String, String> contents(CowMap<String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach(out::put);
        return out;
    }

    @Nested
    class Copies {

        @Test
        void aCopyAndItsSourceAreIndependent() {
            CowMap<String> a = new CowMap<>();
            a.put("x", "1");
            CowMap<String> b = a.copy();
            a.put("x", "2");
            b.put("y", "3");
            a.remove("x");
            assertThat(a.get("x")).isNull();
            assertThat(b.get("x")).isEqualTo("1");
            assertThat(a.get("y")).isNull();
            assertThat(contents(b)).containsExactly(Map.entry("x", "1"), Map.entry("y", "3"));
        }

        @Test
        void removeLocalUncoversTheFrozenValue() {
            CowMap<String> a = new CowMap<>();
            a.put("x", "1");
            CowMap<String> b = a.copy();
            b.put("x", "2");
            b.removeLocal("x");
            assertThat(b.get("x")).isEqualTo("1");
            assertThat(b.hasLocal("x")).isFalse();
        }

        @Test
        void manyGenerationsMergeLayersWithoutLosingEntries() {
            CowMap<String> m = new CowMap<>();
            List<CowMap<String>> generations = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                m.put("k" + i, "v" + i);
                if (i > 0 && i % 5 == 0) {
                    m.remove("k" + (i - 5));
                }
                generations.add(m);
                m = m.copy();
            }
            for (int g = 0; g < 200; g++) {
                CowMap<String> c = generations.get(g);
                for (int i = 0; i <= g; i++) {
                    boolean removed = i + 5 <= g && (i + 5) % 5 == 0;
                    assertThat(c.get("k" + i)).as("generation %d key %d", g, i).isEqualTo(removed ? null : "v" + i);
                }
            }
        }
    }

    @Test
    void referenceKeysAreTheVisibleKeysWithAReferenceAcrossRandomCopiesAndMerges() {
        java.util.Random random = new java.util.Random(1128);
        CowMap<String> m = new CowMap<>();
        List<CowMap<String>> kept = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            String key = (random.nextBoolean() ? "A${X}" : "B") + random.nextInt(60);
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> m.put(key, "v" + step);
                case 3 -> m.remove(key);
                case 4 -> {
                    kept.add(m);
                    m = m.copy();
                }
                default -> m = random.nextBoolean() || kept.isEmpty() ? m.copy() : kept.get(random.nextInt(kept.size())).copy();
            }
            if (step % 50 == 0) {
                kept.add(m);
            }
        }
        kept.add(m);
        for (CowMap<String> c : kept) {
            List<String> expected = contents(c).keySet().stream().filter(k -> k.contains("${")).sorted().toList();
            assertThat(c.referenceKeys().stream().sorted().toList()).isEqualTo(expected);
        }
    }

    @Test
    void iterationIsInFirstInsertionOrder() {
        CowMap<String> a = new CowMap<>();
        a.put("b", "1");
        a.put("a", "1");
        CowMap<String> c = a.copy();
        c.put("c", "1");
        c.put("b", "2");
        assertThat(contents(c).keySet()).containsExactly("b", "a", "c");
        assertThat(c.localKeys()).containsExactly("c", "b");
    }

    @Test
    void iterationKeepsAKeysPlaceInTheLowestLayerThroughRemovalsAndLaterLayers() {
        CowMap<String> m = new CowMap<>();
        for (String k : List.of("a", "b", "x", "k0", "k1", "k2", "k3", "k4", "k5", "k6")) {
            m.put(k, "1");
        }
        CowMap<String> c = m.copy();
        c.put("c", "2");
        c.remove("x");
        c.put("a", "2");
        CowMap<String> cc = c.copy(); // c's layer is small next to m's: it stays a layer of its own
        cc.put("d", "3");
        cc.put("x", "3");
        cc.put("b", "3");
        assertThat(contents(c).keySet()).containsExactly("a", "b", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "c");
        assertThat(contents(cc).keySet()).containsExactly("a", "b", "x", "k0", "k1", "k2", "k3", "k4", "k5", "k6",
                "c", "d");
        assertThat(contents(cc)).containsEntry("a", "2").containsEntry("b", "3").containsEntry("x", "3")
                .containsEntry("k0", "1");
        assertThat(contents(m)).containsEntry("a", "1").containsEntry("x", "1").hasSize(10);
    }

    @Test
    void iterationVisitsEachVisibleKeyOnceWithItsValueAcrossRandomCopies() {
        java.util.Random random = new java.util.Random(2811);
        CowMap<String> m = new CowMap<>();
        java.util.Set<String> everUsed = new java.util.HashSet<>();
        for (int step = 0; step < 4000; step++) {
            String key = "k" + random.nextInt(80);
            everUsed.add(key);
            switch (random.nextInt(5)) {
                case 0, 1 -> m.put(key, "v" + step);
                case 2 -> m.remove(key);
                default -> m = m.copy();
            }
            if (step % 97 == 0) {
                List<String> seen = new ArrayList<>();
                CowMap<String> now = m;
                now.forEach((k, v) -> {
                    seen.add(k);
                    assertThat(v).isEqualTo(now.get(k));
                });
                assertThat(seen).doesNotHaveDuplicates();
                assertThat(seen).containsExactlyInAnyOrderElementsOf(
                        everUsed.stream().filter(k -> now.get(k) != null).toList());
            }
        }
    }

    @Test
    void compactingChangesNoEntryNorItsOrderAndLeavesCopiesIndependent() {
        java.util.Random random = new java.util.Random(4177);
        for (int round = 0; round < 50; round++) {
            CowMap<String> m = new CowMap<>();
            List<CowMap<String>> copies = new ArrayList<>();
            for (int step = 0; step < 300; step++) {
                String key = (random.nextInt(4) == 0 ? "${r}" : "k") + random.nextInt(60);
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> m.put(key, "v" + step);
                    case 3 -> m.remove(key);
                    case 4 -> copies.add(m.copy());
                    default -> m = m.copy();
                }
            }
            Map<String, String> before = m.snapshot();
            java.util.Set<String> referencesBefore = m.referenceKeys();
            List<Map<String, String>> copiesBefore = copies.stream().map(CowMap::snapshot).toList();
            m.compact();
            assertThat(m.snapshot()).containsExactlyEntriesOf(before);
            assertThat(m.referenceKeys()).containsExactlyInAnyOrderElementsOf(referencesBefore);
            for (String key : before.keySet()) {
                assertThat(m.get(key)).isEqualTo(before.get(key));
                assertThat(m.hasLocal(key)).as("frozen now").isFalse();
            }
            CowMap<String> copy = m.copy();
            m.put("k0", "changed");
            m.remove("k1");
            copy.put("k2", "copy's");
            for (int i = 0; i < copies.size(); i++) {
                assertThat(copies.get(i).snapshot()).containsExactlyEntriesOf(copiesBefore.get(i));
            }
            Map<String, String> expected = new java.util.LinkedHashMap<>(before);
            expected.put("k2", "copy's");
            assertThat(copy.snapshot()).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Nested
    class DiffKeys {

        /** What a comparison of the two snapshots finds, the reference for {@link CowMap#diffKeys}. */
        private static void snapshotDiff(CowMap<String> mine, CowMap<String> base, List<String> changed,
                List<String> removed) {
            Map<String, String> now = mine.snapshot();
            Map<String, String> before = base.snapshot();
            now.forEach((k, v) -> {
                if (!v.equals(before.get(k))) {
                    changed.add(k);
                }
            });
            before.keySet().stream().filter(k -> !now.containsKey(k)).forEach(removed::add);
        }

        @Test
        void findsWhatSnapshotsFindInTheSameOrderAcrossManyCopiesAndMerges() {
            java.util.Random random = new java.util.Random(4);
            int fastPaths = 0;
            for (int round = 0; round < 300; round++) {
                CowMap<String> base = new CowMap<>();
                int baseKeys = 1 + random.nextInt(250);
                for (int i = 0; i < baseKeys; i++) {
                    base.put("k" + random.nextInt(300), "b" + random.nextInt(5));
                    if (random.nextInt(40) == 0) {
                        base = base.copy();
                    }
                    if (random.nextInt(12) == 0) {
                        base.remove("k" + random.nextInt(300));
                    }
                }
                CowMap<String> mine = base.copy();
                base.copy();
                int steps = random.nextInt(120);
                for (int i = 0; i < steps; i++) {
                    String key = "k" + random.nextInt(330);
                    switch (random.nextInt(6)) {
                        case 0 -> mine.remove(key);
                        case 1 -> mine = mine.copy();
                        case 2 -> mine.removeLocal(key);
                        default -> mine.put(key, "v" + random.nextInt(5));
                    }
                }
                List<String> changed = new ArrayList<>();
                List<String> removed = new ArrayList<>();
                List<String> wantChanged = new ArrayList<>();
                List<String> wantRemoved = new ArrayList<>();
                snapshotDiff(mine, base, wantChanged, wantRemoved);
                if (mine.diffKeys(base, changed, removed)) {
                    fastPaths++;
                    assertThat(changed).as("round %d changed", round).isEqualTo(wantChanged);
                    assertThat(removed).as("round %d removed", round).isEqualTo(wantRemoved);
                } else {
                    assertThat(changed).isEmpty();
                    assertThat(removed).isEmpty();
                }
            }
            assertThat(fastPaths).as("rounds where the layers were shared").isGreaterThan(100);
        }

        @Test
        void refusesABaseWithUnfrozenEntriesOrNotInTheChain() {
            CowMap<String> base = new CowMap<>();
            base.put("a", "1");
            CowMap<String> mine = base.copy();
            base.put("b", "2");
            assertThat(mine.diffKeys(base, new ArrayList<>(), new ArrayList<>())).isFalse();
            CowMap<String> other = new CowMap<>();
            other.put("a", "1");
            other.copy();
            assertThat(mine.diffKeys(other, new ArrayList<>(), new ArrayList<>())).isFalse();
        }
    }
}
