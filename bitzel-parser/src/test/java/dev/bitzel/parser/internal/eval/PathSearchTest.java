package dev.bitzel.parser.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathSearchTest {
    @Test
    void absoluteIsTheNormalizedAbsolutePathWhetherOrNotItTakesTheShortCut() {
        List<String> paths = List.of("/", "/a", "/a/b.bbclass", "/a/./b", "/a/../b", "/a//b", "/a/b/", "/a/.", "/a/..",
                "/..", "/.hidden/x", "/a/..b/c.", "/a/...", "rel/x", "./x", "x/../y", "/a/b/../../..");
        for (String p : paths) {
            assertThat(PathSearch.absolute(p)).as(p)
                    .isEqualTo(Path.of(p).toAbsolutePath().normalize().toString());
        }
        assertThat(PathSearch.isNormalAbsolute("/a/b.bbclass")).isTrue();
        assertThat(PathSearch.isNormalAbsolute("/.hidden/..b/c.")).isTrue();
        assertThat(PathSearch.isNormalAbsolute("/a/./b")).isFalse();
        assertThat(PathSearch.isNormalAbsolute("/a//b")).isFalse();
        assertThat(PathSearch.isNormalAbsolute("/a/")).isFalse();
        assertThat(PathSearch.isNormalAbsolute("/a/..")).isFalse();
        assertThat(PathSearch.isNormalAbsolute("a")).isFalse();
    }
}
