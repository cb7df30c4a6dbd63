package dev.bitzel.examples.build;

import dev.bitzel.sandbox.NetworkPolicy;
import dev.bitzel.sandbox.Sandbox;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs shell functions in the local sandbox: the writable directories and the read-only paths visible at their own
 * places, the script's output into the task's log, network only when asked. Thread-safe.
 */
public final class LocalShellRunner implements ShellRunner {
    private final Sandbox sandbox;
    private final AtomicInteger runs = new AtomicInteger();

    LocalShellRunner(Sandbox sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    }

    @Override
    public ShellResult run(ShellCall call) throws IOException, InterruptedException {
        SandboxSpec.Builder spec = SandboxSpec.builder(call.script().toString())
                .env(call.environment())
                .network(call.network() ? NetworkPolicy.HOST : NetworkPolicy.NONE)
                .stdout(call.log()).stderr(call.log())
                .workingDirectory(call.workingDirectory());
        List<Path> writable = new ArrayList<>();
        for (Path out : call.writable()) {
            if (Files.isDirectory(out)) {
                spec.writable(out);
                writable.add(out);
            }
        }
        for (Path ro : call.readOnly()) {
            if (Files.exists(ro) && writable.stream().noneMatch(ro::startsWith)) {
                spec.readOnly(ro);
            }
        }
        runs.incrementAndGet();
        SandboxResult result = sandbox.run(spec.build());
        return new ShellResult(result.success() ? 0 : result.shellStatus() == 0 ? 1 : result.shellStatus(), false);
    }

    /** Returns how many shell functions this runner ran so far. */
    public int runs() {
        return runs.get();
    }
}
