package dev.bitzel.remote;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.sandbox.LimitKind;
import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.Sandbox;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a {@link RemoteExecutor.Spawn} in a local sandbox the way the server would: on a copy of its input root (so
 * the spawn cannot change its inputs), which is the working directory and the only writable path, with the spawn's
 * environment and timeout; outputs, stdout and stderr go to a local store. Thread-safe.
 */
final class LocalFallback {

    private final Sandbox sandbox;
    private final ContentStore store;
    private final Path scratch;

    LocalFallback(Sandbox sandbox, ContentStore store, Path scratch) {
        this.sandbox = sandbox;
        this.store = store;
        this.scratch = scratch;
    }

    RemoteExecutor.SpawnResult run(RemoteExecutor.Spawn spawn, Digest actionDigest, Path outputDir)
            throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path exec = Files.createTempDirectory(scratch, "local-");
        try {
            Path root = exec.resolve("root");
            copyTree(spawn.inputRoot(), root);
            for (String out : spawn.outputPaths()) {
                Files.createDirectories(root.resolve(out).getParent());
            }
            Path stdout = exec.resolve("stdout");
            Path stderr = exec.resolve("stderr");
            SandboxResult r = sandbox.run(SandboxSpec.builder(spawn.arguments()).env(spawn.environment())
                    .workingDirectory(root).writable(root).limits(Limits.none().withTimeout(spawn.timeout()))
                    .stdout(stdout).stderr(stderr).build());
            if (r.limitsHit().contains(LimitKind.TIMEOUT)) {
                throw new RemoteException("DEADLINE_EXCEEDED", "local execution of action " + actionDigest
                        + " timed out after " + spawn.timeout(), null);
            }
            List<ActionResult.OutputFile> files = new ArrayList<>();
            List<ActionResult.OutputDirectory> dirs = new ArrayList<>();
            for (String out : spawn.outputPaths()) {
                Path p = root.resolve(out);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(new ActionResult.OutputFile(out, store.put(p), Files.isExecutable(p)));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(new ActionResult.OutputDirectory(out, store.putTree(p)));
                }
            }
            ActionResult result = new ActionResult(r.shellStatus(), files, dirs, store.put(stdout), store.put(stderr),
                    Map.of("executed", "locally"));
            if (outputDir != null) {
                for (ActionResult.OutputFile f : files) {
                    fetch(result, f.path(), outputDir.resolve(f.path()));
                }
                for (ActionResult.OutputDirectory d : dirs) {
                    fetch(result, d.path(), outputDir.resolve(d.path()));
                }
            }
            return new RemoteExecutor.SpawnResult(actionDigest, result, false, true);
        } finally {
            deleteTree(exec);
        }
    }

    /** Places one output of a local run from the store. */
    void fetch(ActionResult result, String outputPath, Path target) throws IOException {
        for (ActionResult.OutputFile f : result.outputFiles()) {
            if (f.path().equals(outputPath)) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                store.materialize(f.digest(), target, f.executable());
                return;
            }
        }
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            if (d.path().equals(outputPath)) {
                Files.createDirectories(target.toAbsolutePath().getParent());
                store.materializeTree(d.rootDigest(), target);
                return;
            }
        }
        throw new IllegalArgumentException("the action produced no output '" + outputPath + "'");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.toFile().setWritable(true, true)) {
                    throw new IOException("cannot make " + p + " writable to remove it");
                }
            }
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
