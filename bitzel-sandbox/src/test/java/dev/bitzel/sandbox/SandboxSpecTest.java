package dev.bitzel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SandboxSpecTest {

    @Nested
    class Spec {
        @Test
        void defaultsAreTheStrictest() {
            SandboxSpec spec = SandboxSpec.builder("true").build();
            assertThat(spec.network()).isEqualTo(NetworkPolicy.NONE);
            assertThat(spec.environment()).isEmpty();
            assertThat(spec.readOnlyPaths()).isEmpty();
            assertThat(spec.writablePaths()).isEmpty();
            assertThat(spec.limits()).isEqualTo(Limits.none());
            assertThat(spec.allowUnsandboxed()).isFalse();
            assertThat(spec.inheritOutput()).isFalse();
        }

        @Test
        void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
            SandboxSpec spec = SandboxSpec.builder("sh", "-c", "x").env("A", "1").readOnly(Path.of("/a"))
                    .writable(Path.of("/b")).network(NetworkPolicy.LOOPBACK).stdout(Path.of("/o")).build();
            SandboxSpec copy = spec.toBuilder().env("B", "2").build();
            assertThat(copy.command()).isEqualTo(spec.command());
            assertThat(copy.environment()).containsEntry("A", "1").containsEntry("B", "2");
            assertThat(spec.environment()).doesNotContainKey("B");
            assertThat(copy.readOnlyPaths()).containsExactly(Path.of("/a"));
            assertThat(copy.writablePaths()).containsExactly(Path.of("/b"));
            assertThat(copy.network()).isEqualTo(NetworkPolicy.LOOPBACK);
            assertThat(copy.stdout()).contains(Path.of("/o"));
        }

        @Test
        void misuseNamesTheBadValue() {
            assertThatThrownBy(() -> SandboxSpec.builder(List.of())).hasMessageContaining("[]");
            assertThatThrownBy(() -> SandboxSpec.builder("true").env("A=B", "x")).hasMessageContaining("A=B");
            assertThatThrownBy(() -> SandboxSpec.builder("a\0b")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LimitsValues {
        @Test
        void withersChangeOneField() {
            Limits l = Limits.none().withTimeout(Duration.ofSeconds(3)).withMemoryBytes(5).withMaxProcesses(6)
                    .withCpus(1.5).withCpuTime(Duration.ofSeconds(2)).withOutputBytes(7).withFileSizeBytes(8)
                    .withTmpBytes(9).withKillGrace(Duration.ofMillis(10));
            assertThat(l).isEqualTo(new Limits(Duration.ofSeconds(3), Duration.ofMillis(10), 5, 6, 1.5,
                    Duration.ofSeconds(2), 7, 8, 9));
        }

        @Test
        void negativeValuesAreRefusedWithTheValue() {
            assertThatThrownBy(() -> Limits.none().withMemoryBytes(-1)).hasMessageContaining("memoryBytes")
                    .hasMessageContaining("-1");
            assertThatThrownBy(() -> Limits.none().withCpus(Double.NaN)).hasMessageContaining("NaN");
            assertThatThrownBy(() -> Limits.none().withTimeout(Duration.ofSeconds(-1))).hasMessageContaining("timeout");
        }
    }

    @Nested
    class Results {
        @Test
        void shellStatusAndSuccess() {
            SandboxResult signalled = result(-1, 9, Set.of(LimitKind.MEMORY));
            assertThat(signalled.shellStatus()).isEqualTo(137);
            assertThat(signalled.success()).isFalse();
            assertThat(result(0, 0, Set.of()).success()).isTrue();
            assertThat(result(0, 0, Set.of(LimitKind.OUTPUT)).success()).isFalse();
        }

        @Test
        void exactlyOneOfExitCodeAndSignal() {
            assertThatThrownBy(() -> result(1, 9, Set.of())).hasMessageContaining("exitCode=1 signal=9");
        }

        private SandboxResult result(int exit, int signal, Set<LimitKind> hit) {
            return new SandboxResult(exit, signal, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, Optional.empty(),
                    Optional.empty(), hit, List.of(), Duration.ZERO, true, List.of());
        }
    }
}
