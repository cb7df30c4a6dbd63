package dev.bitzel.kas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void changedAddedAndRemovedLeavesHaveDottedKeysInFirstThenSecondOrder() {
        Map<String, Object> a = map("machine", "m1", "repos", map("x", map("commit", "c1", "layers", map("l", null))),
                "target", List.of("t1"));
        Map<String, Object> b = map("repos", map("x", map("commit", "c2", "layers", map("l", null)), "y", map()),
                "machine", "m1", "distro", "d", "target", List.of("t1"));
        Map<String, Map<String, Object>> d = Diff.compare(a, b);
        assertThat(d.keySet()).containsExactly("repos.x.commit", "repos.y", "distro");
        assertThat(d.get("repos.x.commit")).containsEntry("old_value", "c1").containsEntry("new_value", "c2");
        assertThat(d.get("repos.y")).containsEntry("old_value", null);
        assertThat(d.get("distro")).containsEntry("new_value", "d");
    }

    @Test
    void numbersAndBooleansCompareLikePython() {
        assertThat(Diff.compare(map("a", 1, "b", 2L), map("a", true, "b", 2))).isEmpty();
    }

    @Test
    void unifiedDiffHunksLikeDifflib() {
        assertThat(Diff.unifiedDiff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"))
                .containsExactly("@@ -1,7 +1,7 @@\n", " a\n", " b\n", " c\n", "-d\n", "+D\n", " e\n", " f\n", " g\n");
        assertThat(Diff.unifiedDiff("x\n", "")).containsExactly("@@ -1 +0,0 @@\n", "-x\n");
        assertThat(Diff.unifiedDiff("same\n", "same\n")).isEmpty();
    }
}
