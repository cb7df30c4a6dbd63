package dev.bitzel.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void printsLikeACompilerSoEditorsCanJumpToIt() {
        assertThat(Diagnostic.error("a.bb", 3, 7, "unparsed line").toString()).isEqualTo("a.bb:3:7: error: unparsed line");
        assertThat(Diagnostic.warning("a.bb", 3, 0, "x").toString()).isEqualTo("a.bb:3: warning: x");
        assertThat(new Diagnostic("a.bb", 0, 0, Severity.NOTE, "x").toString()).isEqualTo("a.bb: note: x");
    }

    @Test
    void rejectsNegativePositions() {
        assertThatThrownBy(() -> Diagnostic.error("a", -1, 0, "m")).hasMessageContaining("-1");
    }
}
