package dev.bitzel.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiteralStartTest {

    @Test
    void literalStartsOfPackagesDynamicPatterns() {
        assertThat(RecipeIndex.literalStart("^libfoo-locale-.*")).isEqualTo("libfoo-locale-");
        assertThat(RecipeIndex.literalStart("^python3-.*")).isEqualTo("python3-");
        assertThat(RecipeIndex.literalStart("gtk+3-.*")).isEqualTo("gtk+3-");
        assertThat(RecipeIndex.literalStart("^ab?c")).isEqualTo("a");
        assertThat(RecipeIndex.literalStart("^ab*c")).isEqualTo("a");
        assertThat(RecipeIndex.literalStart("^ab{2}")).isEqualTo("a");
        assertThat(RecipeIndex.literalStart("^a\\.b.*")).isEqualTo("a.b");
        assertThat(RecipeIndex.literalStart("^a\\.?b")).isEqualTo("a");
        assertThat(RecipeIndex.literalStart("^(a|b)c")).isEmpty();
        assertThat(RecipeIndex.literalStart("a|b")).isEmpty();
        assertThat(RecipeIndex.literalStart("[ab]c")).isEmpty();
        assertThat(RecipeIndex.literalStart("\\dx")).isEmpty();
        assertThat(RecipeIndex.literalStart("^x$")).isEqualTo("x");
    }

    @Test
    void aPatternNeverMatchesANameNotStartingWithItsLiteralStart() {
        List<String> patterns = List.of("^libfoo-locale-.*", "^ab?c", "^ab*c.*", "gtk+3-.*", "^a\\.b.*", "x", "^x$",
                "^kernel-module-.*", "^(a|b)c", "^ab{2}.*");
        List<String> names = List.of("libfoo", "libfoo-locale-de", "ac", "abc", "abbbcx", "gtk+3-dev", "gtk3-dev",
                "a.bc", "axbc", "x", "xy", "kernel-module-e1000", "kernel-modul", "bc", "abbz", "");
        for (String pattern : patterns) {
            Pattern p = Pattern.compile(pattern.replace("+", "\\+"));
            String prefix = RecipeIndex.literalStart(pattern);
            for (String name : names) {
                if (p.matcher(name).lookingAt()) {
                    assertThat(name).as(pattern).startsWith(prefix);
                }
            }
        }
    }
}
