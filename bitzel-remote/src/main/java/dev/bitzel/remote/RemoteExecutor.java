package dev.bitzel.remote;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.MerkleTree;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.reapi.Action;
import dev.bitzel.remote.internal.proto.reapi.Command;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one command remotely, or looks it up in (and adds it to) a remote action cache: the spawn port a scheduler
 * adapts. It builds the REAPI Command and Action from a {@link Spawn}, hashes the input directory into a Merkle tree,
 * uploads only what the server lacks, executes, and fetches the outputs.
 *
 * <pre>{@code
 * RemoteExecutor executor = new RemoteExecutor(client);
 * Spawn spawn = new Spawn(List.of("sh", "-c", "cc -o out/hello hello.c"), Map.of("PATH", "/usr/bin:/bin"),
 *         inputDir, List.of("out/hello"), Duration.ofMinutes(5), true);
 * SpawnResult r = executor.execute(spawn, outputDir);   // outputs land under outputDir
 * }</pre>
 *
 * <p>Thread-safe when its client is (it is).
 */
public final class RemoteExecutor {

    private final RemoteClient client;

    /**
     * Creates an executor over {@code client}.
     *
     * @param client the connection, not null
     */
    public RemoteExecutor(RemoteClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * One command to run: its arguments, environment, input directory, expected outputs and timeout. Immutable.
     *
     * @param arguments the program and its arguments, not empty
     * @param environment the environment variables (sorted into the Command, as REAPI requires)
     * @param inputRoot the local directory whose whole tree is the action's input root (the working directory)
     * @param outputPaths output files or directories, relative to the input root
     * @param timeout the action's timeout
     * @param cacheable whether a cached result may be used and the result cached
     */
    public record Spawn(List<String> arguments, Map<String, String> environment, Path inputRoot,
            List<String> outputPaths, Duration timeout, boolean cacheable) {

        /** Copies and validates. */
        public Spawn {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(inputRoot, "inputRoot");
            outputPaths = List.copyOf(outputPaths);
            Objects.requireNonNull(timeout, "timeout");
            if (arguments.isEmpty()) {
                throw new IllegalArgumentException("arguments must not be empty");
            }
            outputPaths.forEach(ActionResult::checkRelativePath);
        }
    }

    /**
     * How a spawn ended.
     *
     * @param actionDigest the REAPI Action's digest (the action cache key)
     * @param result exit code, outputs, stdout and stderr digests
     * @param cached whether the server answered from its cache
     */
    public record SpawnResult(Digest actionDigest, ActionResult result, boolean cached) {
    }

    /** The Command, Action and input tree of a spawn, with their encodings. */
    private record Prepared(Digest actionDigest, byte[] action, Digest commandDigest, byte[] command, MerkleTree tree) {

        Set<Digest> all() {
            Set<Digest> all = new LinkedHashSet<>();
            all.add(actionDigest);
            all.add(commandDigest);
            all.addAll(tree.allDigests());
            return all;
        }

        BlobSource source() {
            Map<Digest, byte[]> own = new HashMap<>();
            own.put(actionDigest, action);
            own.put(commandDigest, command);
            return d -> {
                byte[] b = own.get(d);
                if (b != null) {
                    return new ByteArrayInputStream(b);
                }
                var dir = tree.directories().get(d);
                if (dir != null) {
                    return new ByteArrayInputStream(dir.toBytes());
                }
                Path file = tree.files().get(d);
                if (file == null) {
                    throw new IOException("blob " + d + " is not part of this spawn");
                }
                return Files.newInputStream(file);
            };
        }
    }

    private static Prepared prepare(Spawn spawn) throws IOException {
        MerkleTree tree = MerkleTree.build(spawn.inputRoot());
        Command.Builder c = Command.newBuilder().addAllArguments(spawn.arguments());
        new TreeMap<>(spawn.environment()).forEach((k, v) -> c.addEnvironmentVariables(
                Command.EnvironmentVariable.newBuilder().setName(k).setValue(v)));
        List<String> sorted = new ArrayList<>(spawn.outputPaths());
        sorted.sort(null);
        // REAPI 2.1's output_paths: whether a path is a file or a directory shows only after the run.
        c.addAllOutputPaths(sorted);
        byte[] command = c.build().toByteArray();
        Digest commandDigest = Digest.of(command);
        Action.Builder a = Action.newBuilder().setCommandDigest(Protos.toProto(commandDigest))
                .setInputRootDigest(Protos.toProto(tree.root())).setDoNotCache(!spawn.cacheable())
                .setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(spawn.timeout().getSeconds())
                        .setNanos(spawn.timeout().getNano()));
        byte[] action = a.build().toByteArray();
        return new Prepared(Digest.of(action), action, commandDigest, command, tree);
    }

    /**
     * An Action that only names a result in a remote action cache: a Command with the given arguments, no
     * environment and no outputs, and an empty input root. Clients that cache results of work they describe
     * themselves (a build system's task and its signature) use one as the key of {@link RemoteClient#getActionResult}
     * and {@link RemoteClient#updateActionResult}; uploading {@link #digests()} first lets the server and its
     * tools show what the entry stands for. Immutable.
     */
    public static final class CacheKey {
        private final byte[] action;
        private final byte[] command;
        private final Digest actionDigest;
        private final Digest commandDigest;

        private CacheKey(byte[] action, byte[] command) {
            this.action = action;
            this.command = command;
            this.actionDigest = Digest.of(action);
            this.commandDigest = Digest.of(command);
        }

        /** Returns the Action's digest: the action cache key; never null. */
        public Digest actionDigest() {
            return actionDigest;
        }

        /** Returns the Action's and the Command's digests (the blobs the key consists of); never null. */
        public List<Digest> digests() {
            return List.of(actionDigest, commandDigest);
        }

        /** Returns a source of the Action and Command blobs, for {@link RemoteClient#upload}; never null. */
        public BlobSource source() {
            return d -> {
                if (d.equals(actionDigest)) {
                    return new ByteArrayInputStream(action);
                }
                if (d.equals(commandDigest)) {
                    return new ByteArrayInputStream(command);
                }
                throw new IOException("blob " + d + " is not part of cache key " + actionDigest);
            };
        }
    }

    /**
     * Returns the cache key for {@code arguments}: deterministic, the same on every machine.
     *
     * @param arguments what the key stands for, not empty
     * @return the key; never null
     */
    public static CacheKey cacheKey(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("arguments must not be empty");
        }
        byte[] command = Command.newBuilder().addAllArguments(arguments).build().toByteArray();
        byte[] action = Action.newBuilder().setCommandDigest(Protos.toProto(Digest.of(command)))
                .setInputRootDigest(Protos.toProto(dev.bitzel.cas.Directory.EMPTY.digest())).build().toByteArray();
        return new CacheKey(action, command);
    }

    /**
     * Returns the action cache key of a spawn (hashing its input tree).
     *
     * @throws IOException if the input tree cannot be read
     */
    public Digest actionDigest(Spawn spawn) throws IOException {
        return prepare(spawn).actionDigest();
    }

    /**
     * Executes a spawn remotely and fetches its outputs into {@code outputDir}.
     *
     * @param spawn what to run
     * @param outputDir where output paths are written (often the input root itself)
     * @return how it ended; a non-zero exit code is a normal result
     * @throws RemoteException naming the action when the server cannot run it
     * @throws IOException if the input tree cannot be read or the outputs written
     * @throws InterruptedException when interrupted
     */
    public SpawnResult execute(Spawn spawn, Path outputDir) throws IOException, InterruptedException {
        Prepared p = prepare(spawn);
        return client.withAction(p.actionDigest().hash(), spawn.inputRoot().toString(), "Spawn", () -> {
            client.upload(p.all(), p.source());
            RemoteClient.Execution e;
            try {
                e = client.execute(p.actionDigest(), !spawn.cacheable());
            } catch (RemoteException missing) {
                if (!missing.code().equals("FAILED_PRECONDITION")) {
                    throw missing;
                }
                // Inputs were evicted between upload and execution: send everything once more.
                client.uploadUnchecked(p.all(), p.source());
                e = client.execute(p.actionDigest(), !spawn.cacheable());
            }
            client.downloadOutputs(e.result(), outputDir);
            return new SpawnResult(p.actionDigest(), e.result(), e.cached());
        });
    }

    /**
     * Looks a spawn up in the remote action cache (the remote-cache-only strategy, before running locally).
     *
     * @return the cached result, empty on a miss
     * @throws RemoteException when the server refuses
     */
    public Optional<SpawnResult> lookup(Spawn spawn) throws IOException, InterruptedException {
        Prepared p = prepare(spawn);
        return client.withAction(p.actionDigest().hash(), spawn.inputRoot().toString(), "Spawn",
                () -> client.getActionResult(p.actionDigest()).map(r -> new SpawnResult(p.actionDigest(), r, true)));
    }

    /**
     * Records the result of a spawn run locally in the remote cache, uploading what it references first (the
     * remote-cache-only strategy, after running locally). Never records a result whose blobs are missing remotely.
     *
     * @param spawn what ran
     * @param result what it produced; its blobs readable from {@code local}
     * @param local where output blobs are read (usually the local store, {@code store::open})
     * @return the action cache key
     * @throws RemoteException when the server refuses
     */
    public Digest upload(Spawn spawn, ActionResult result, BlobSource local) throws IOException, InterruptedException {
        Prepared p = prepare(spawn);
        client.withAction(p.actionDigest().hash(), spawn.inputRoot().toString(), "Spawn", () -> {
            client.upload(List.of(p.actionDigest(), p.commandDigest()), p.source());
            client.updateActionResult(p.actionDigest(), result, local);
            return null;
        });
        return p.actionDigest();
    }
}
