package dev.bitzel.parser.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactStringMapTest {
    @Test
    void equalsTheMapItCopiesInContentAndOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            LinkedHashMap<String, String> source = new LinkedHashMap<>();
            int size = random.nextInt(round < 20 ? 4 : 400);
            for (int i = 0; i < size; i++) {
                // short keys from a small alphabet: many collide in the index
                source.put(Integer.toString(random.nextInt(3 * size + 1), 3), "v" + random.nextInt(50));
            }
            CompactStringMap copy = CompactStringMap.copyOf(source);
            assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source).hasSize(source.size());
            assertThat(new ArrayList<>(copy.keySet())).containsExactlyElementsOf(source.keySet());
            assertThat(new ArrayList<>(copy.values())).containsExactlyElementsOf(source.values());
            for (int i = 0; i < 3 * size + 2; i++) {
                String key = Integer.toString(i, 3);
                assertThat(copy.get(key)).as(key).isEqualTo(source.get(key));
                assertThat(copy.containsKey(key)).as(key).isEqualTo(source.containsKey(key));
            }
        }
    }

    @Test
    void looksUpKeysMadeAtRunTimeAndIgnoresOtherTypes() {
        CompactStringMap map = CompactStringMap.copyOf(Map.of("do_fetch[dirs]", "${DL_DIR}"));
        assertThat(map.get(new StringBuilder("do_fetch").append("[dirs]").toString())).isEqualTo("${DL_DIR}");
        assertThat(map.get(42)).isNull();
        assertThat(map.containsKey(null)).isFalse();
        assertThat(map.get("do_fetch")).isNull();
    }

    @Test
    void isImmutableAndSharedWhenCopiedAgain() {
        CompactStringMap map = CompactStringMap.copyOf(Map.of("PN", "zlib"));
        assertThat(CompactStringMap.copyOf(map)).isSameAs(map);
        assertThatThrownBy(() -> map.put("PV", "1.3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(CompactStringMap.copyOf(Map.of())).isEmpty();
    }

    @Test
    void refusesNullKeysAndValues() {
        HashMap<String, String> nullValue = new HashMap<>();
        nullValue.put("PV", null);
        assertThatThrownBy(() -> CompactStringMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("PV");
        HashMap<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> CompactStringMap.copyOf(nullKey)).isInstanceOf(NullPointerException.class);
    }
}
