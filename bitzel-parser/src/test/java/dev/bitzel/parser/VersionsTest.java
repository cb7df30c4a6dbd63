package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values recorded from BitBake 2.8.1's bb.utils (vercmp_string, explode_deps, explode_dep_versions2). */
class VersionsTest {

    @Nested
    class Compare {
        @ParameterizedTest(name = "{0} vs {1} = {2}")
        @CsvSource({
            "1.0, 1.0, 0",
            "1.0, 1.1, -1",
            "1.10, 1.9, 1",
            "1.0a, 1.0, 1",
            "1.0~rc1, 1.0, -1",
            "1:1.0, 2.0, 1",
            "1.0-r1, 1.0-r2, -1",
            "2.0.1, 2.0, 1",
            "1.0+git, 1.0, 1",
            "20230101, 9, 1",
            "1.a, 1.1, 1",
        })
        void ordersVersionsAsBitbakeDoes(String a, String b, int expected) {
            assertThat(Versions.compare(a, b)).isEqualTo(expected);
            assertThat(Versions.compare(b, a)).isEqualTo(-expected);
        }

        @Test
        void evaluatesComparisonOperators() {
            assertThat(Versions.matches("1.2", ">=", "1.0")).isTrue();
            assertThat(Versions.matches("1.2", "<<", "1.0")).isFalse();
            assertThat(Versions.matches("1.0", "=", "1.0")).isTrue();
            assertThatThrownBy(() -> Versions.matches("1", "~=", "1")).hasMessageContaining("\"~=\"");
        }
    }

    @Nested
    class DependencyStrings {
        @Test
        void explodeDepsDropsVersionConstraints() {
            assertThat(Versions.explodeDeps("a (>= 1.0) b c (< 2)")).containsExactly("a", "b", "c");
            // split as Python's str.split() splits: its whitespace is wider than Java's \s
            assertThat(Versions.explodeDeps("a\u001cb\u00a0c\u2003d\te")).containsExactly("a", "b", "c", "d", "e");
        }

        @Test
        void explodeDepVersionsKeepsConstraintsSortedByName() {
            Map<String, List<String>> deps = Versions.explodeDepVersions(
                    "zlib (>= 1.2) busybox ( = 1.0 ) glibc (> 2 ), foo");
            assertThat(deps).containsExactly(
                    Map.entry("busybox", List.of("= 1.0")),
                    Map.entry("foo", List.of()),
                    Map.entry("glibc", List.of("> 2")),
                    Map.entry("zlib", List.of(">= 1.2")));
        }

        @Test
        void aConstraintWithoutOperatorIsAnError() {
            assertThatThrownBy(() -> Versions.explodeDepVersions("a (1.0)"))
                    .hasMessageContaining("invalid or missing operator");
        }
    }
}
