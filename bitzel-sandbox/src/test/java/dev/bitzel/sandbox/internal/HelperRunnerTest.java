package dev.bitzel.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.NetworkPolicy;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelperRunnerTest {

    @Test
    void argumentsCarryEveryDeclarationAndLimit() {
        SandboxSpec spec = SandboxSpec.builder("make", "-j2").readOnly(Path.of("/src")).writable(Path.of("/out"))
                .scratch(Path.of("/out/tmp"))
                .env("A", "1").network(NetworkPolicy.LOOPBACK)
                .limits(Limits.none().withTimeout(Duration.ofSeconds(2)).withMemoryBytes(1 << 20).withMaxProcesses(10)
                        .withCpus(1.5).withCpuTime(Duration.ofMillis(1500)).withOutputBytes(100).withFileSizeBytes(200)
                        .withTmpBytes(300))
                .build();
        assertThat(String.join(" ", HelperRunner.arguments(Path.of("/h"), spec, Path.of("/s")))).isEqualTo(
                "/h --ro /src --rw /out --scratch /out/tmp --env A=1 --cwd /out --net loopback --stats /s --stdout /dev/null "
                        + "--stderr /dev/null --timeout-ms 2000 --grace-ms 2000 --memory 1048576 --pids 10 "
                        + "--cpu-millis 1500 --cpu-seconds 2 --output-limit 100 --fsize 200 --tmp-size 300 -- make -j2");
    }

    @Test
    void scratchPathsCannotBeProvidedUnsandboxed() {
        SandboxSpec spec = SandboxSpec.builder("true").scratch(Path.of("/scratch")).allowUnsandboxed(true).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UnsandboxedRunner.run(spec, "no user namespaces"))
                .isInstanceOf(dev.bitzel.sandbox.SandboxException.class)
                .hasMessageContaining("scratch paths [/scratch] need the sandbox's mount namespace");
    }

    @Test
    void theDegradedModeSaysItIsNotSandboxed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        SandboxResult r = UnsandboxedRunner.run(SandboxSpec.builder("/bin/sh", "-c", "echo $A; exit 3").env("A", "x")
                .stdout(out).allowUnsandboxed(true).build(), "test");
        assertThat(r.sandboxed()).isFalse();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.notEnforced()).singleElement().asString().startsWith("UNSANDBOXED (test)");
        assertThat(Files.readString(out)).isEqualTo("x\n");
    }
}
