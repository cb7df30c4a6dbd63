package dev.bitzel.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskIdTest {

    @Test
    void parsesRecipeColonTaskAndAddsTheDoPrefixLikeBitbakeDashC() {
        assertThat(TaskId.parse("busybox:do_compile")).isEqualTo(new TaskId("busybox", "do_compile"));
        assertThat(TaskId.parse("zlib-native:install")).isEqualTo(new TaskId("zlib-native", "do_install"));
        assertThat(TaskId.parse("busybox:compile").toString()).isEqualTo("busybox:do_compile");
    }

    @Test
    void rejectsMalformedNamesShowingTheValue() {
        assertThatThrownBy(() -> TaskId.parse("busybox")).hasMessageContaining("'busybox'");
        assertThatThrownBy(() -> TaskId.parse(":do_x")).hasMessageContaining("':do_x'");
        assertThatThrownBy(() -> new TaskId("a b", "do_x")).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new TaskId("a", "compile")).hasMessageContaining("'compile'");
    }

    @Test
    void ordersByRecipeThenTask() {
        assertThat(TaskId.parse("a:do_b")).isLessThan(TaskId.parse("b:do_a"));
        assertThat(TaskId.parse("a:do_a")).isLessThan(TaskId.parse("a:do_b"));
    }
}
