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
}
