package dev.bitzel.remote;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.MerkleTree;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.server.ExecutionService;
import dev.bitzel.remote.internal.proto.reapi.Action;
import dev.bitzel.remote.internal.proto.reapi.Command;
import dev.bitzel.remote.internal.proto.reapi.Platform;
import dev.bitzel.sandbox.Sandbox;
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
 * <p>Outputs are fetched eagerly by {@link #execute(Spawn, Path)}, or left on the server by {@link #execute(Spawn)}
 * and fetched one by one, when needed, by {@link #fetch} (Bazel's "build without the bytes").
 *
 * <p>With {@link #withLocalFallback}, a spawn whose remote execution is unavailable (the server does not execute,
 * cannot be reached, or stays overloaded after the client's retries) runs in a local sandbox instead; its outputs
 * and logs then go to a local store, and {@link SpawnResult#executedLocally()} says so. Other failures (a refused
 * platform, a malformed action) are not retried locally: they would fail there too or hide a configuration error.
 *
 * <p>Thread-safe when its client is (it is).
 */
public final class RemoteExecutor {

    /**
     * The platform property by which a client says that its action's input root mirrors absolute paths: the root
     * of the input tree is the file system root and output paths are absolute paths without their leading slash.
     * Only a server that offers it accepts it ({@code bitzel serve} does by default; see
     * {@link RemoteServer.Builder#absoluteInputs}); any other server refuses the action with FAILED_PRECONDITION
     * naming it.
     */
    public static final String ABSOLUTE_INPUTS = ExecutionService.ABSOLUTE_INPUTS_PROPERTY;

    /**
     * The platform property naming the network an action gets: {@code none} or {@code host} (which a server offers
     * only when configured to, see {@link RemoteServer.Builder#networkAccess}).
     */
    public static final String NETWORK = ExecutionService.NETWORK_PROPERTY;

    private static final System.Logger LOG = System.getLogger(RemoteExecutor.class.getName());
    /** Codes after which remote execution counts as unavailable (the client already retried the transient ones). */
    private static final Set<String> UNAVAILABLE = Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "UNIMPLEMENTED",
            "RESOURCE_EXHAUSTED");

    private final RemoteClient client;
    private final LocalFallback fallback;

    /**
     * Creates an executor over {@code client}, without local fallback.
     *
     * @param client the connection, not null
     */
    public RemoteExecutor(RemoteClient client) {
        this(client, null);
    }

    private RemoteExecutor(RemoteClient client, LocalFallback fallback) {
        this.client = Objects.requireNonNull(client, "client");
        this.fallback = fallback;
    }

    /**
     * Returns an executor that runs a spawn locally when remote execution is unavailable.
     *
     * @param sandbox runs the spawn: its command, with a copy of the input root as working directory, which is the
     *     only writable path
     * @param local where the outputs, stdout and stderr of a local run are stored (so that the result's digests
     *     resolve)
     * @param scratch a directory for the copies of input roots; each run's copy is removed afterwards
     * @return the new executor; this one is unchanged
     */
    public RemoteExecutor withLocalFallback(Sandbox sandbox, ContentStore local, Path scratch) {
        return new RemoteExecutor(client, new LocalFallback(Objects.requireNonNull(sandbox, "sandbox"),
                Objects.requireNonNull(local, "local"), Objects.requireNonNull(scratch, "scratch")));
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
     * @param platform the platform properties the executor must satisfy (REAPI's platform lexicon, e.g.
     *     {@code OSFamily=linux}); empty for any
     */
    public record Spawn(List<String> arguments, Map<String, String> environment, Path inputRoot,
            List<String> outputPaths, Duration timeout, boolean cacheable, Map<String, String> platform) {

        /** A spawn without platform requirements. */
        public Spawn(List<String> arguments, Map<String, String> environment, Path inputRoot,
                List<String> outputPaths, Duration timeout, boolean cacheable) {
            this(arguments, environment, inputRoot, outputPaths, timeout, cacheable, Map.of());
        }

        /** Copies and validates. */
        public Spawn {
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
            platform = Map.copyOf(platform);
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
     * @param executedLocally whether it ran in the local fallback sandbox (its blobs are then in the fallback's
     *     local store, not on the server)
     */
    public record SpawnResult(Digest actionDigest, ActionResult result, boolean cached, boolean executedLocally) {

        /** A result of remote execution or a remote cache. */
        public SpawnResult(Digest actionDigest, ActionResult result, boolean cached) {
            this(actionDigest, result, cached, false);
        }
    }

    /** The Command, Action and input tree of a spawn, with their encodings. */
    private record Prepared(Digest actionDigest, byte[] action, Digest commandDigest, byte[] command, MerkleTree tree,
            BlobSource blobs) {

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
                if (blobs != null) {
                    return blobs.open(d);
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
        return prepare(spawn, MerkleTree.build(spawn.inputRoot()), null);
    }

    private static Prepared prepare(Spawn spawn, MerkleTree tree, BlobSource blobs) throws IOException {
        Command.Builder c = Command.newBuilder().addAllArguments(spawn.arguments());
        new TreeMap<>(spawn.environment()).forEach((k, v) -> c.addEnvironmentVariables(
                Command.EnvironmentVariable.newBuilder().setName(k).setValue(v)));
        List<String> sorted = new ArrayList<>(spawn.outputPaths());
        sorted.sort(null);
        // REAPI 2.1's output_paths: whether a path is a file or a directory shows only after the run.
        c.addAllOutputPaths(sorted);
        Platform.Builder platform = Platform.newBuilder();
        // REAPI: properties sorted by name (then value), in the Action (2.2) and the Command (older servers).
        new TreeMap<>(spawn.platform()).forEach((k, v) -> platform.addProperties(Platform.Property.newBuilder()
                .setName(k).setValue(v)));
        if (platform.getPropertiesCount() > 0) {
            c.setPlatform(platform);
        }
        byte[] command = c.build().toByteArray();
        Digest commandDigest = Digest.of(command);
        Action.Builder a = Action.newBuilder().setCommandDigest(Protos.toProto(commandDigest))
                .setInputRootDigest(Protos.toProto(tree.root())).setDoNotCache(!spawn.cacheable())
                .setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(spawn.timeout().getSeconds())
                        .setNanos(spawn.timeout().getNano()));
        if (platform.getPropertiesCount() > 0) {
            a.setPlatform(platform);
        }
        byte[] action = a.build().toByteArray();
        return new Prepared(Digest.of(action), action, commandDigest, command, tree, blobs);
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
     * @throws RemoteException naming the action when the server cannot run it (and there is no local fallback, or
     *     the failure is not one of availability)
     * @throws IOException if the input tree cannot be read or the outputs written
     * @throws InterruptedException when interrupted
     */
    public SpawnResult execute(Spawn spawn, Path outputDir) throws IOException, InterruptedException {
        Objects.requireNonNull(outputDir, "outputDir");
        return run(spawn, outputDir);
    }

    /**
     * Executes a spawn remotely and leaves its outputs on the server: fetch those needed with {@link #fetch}. (With
     * a local fallback that ran it, the outputs are in the fallback's store instead, and {@code fetch} reads them
     * from there.)
     *
     * @param spawn what to run
     * @return how it ended; a non-zero exit code is a normal result
     * @throws RemoteException naming the action when the server cannot run it
     * @throws IOException if the input tree cannot be read
     * @throws InterruptedException when interrupted
     */
    public SpawnResult execute(Spawn spawn) throws IOException, InterruptedException {
        return run(spawn, null);
    }

    /**
     * Executes a spawn remotely on an input tree the caller built (for instance one that mirrors absolute paths,
     * with {@link #ABSOLUTE_INPUTS}), leaving its outputs on the server as {@link #execute(Spawn)} does.
     * {@code spawn.inputRoot()} only names the spawn in request metadata and logs. A local fallback, if configured,
     * is not used: it runs on a copy of {@code spawn.inputRoot()}, not on this tree.
     *
     * @param spawn what to run
     * @param inputs the input root: its directories, and the digests of its files
     * @param files the content of the tree's file digests (for the blobs the server lacks)
     * @return how it ended; a non-zero exit code is a normal result
     * @throws RemoteException naming the action when the server cannot run it
     * @throws IOException if a blob cannot be read
     * @throws InterruptedException when interrupted
     */
    public SpawnResult execute(Spawn spawn, MerkleTree inputs, BlobSource files)
            throws IOException, InterruptedException {
        Prepared p = prepare(spawn, Objects.requireNonNull(inputs, "inputs"), Objects.requireNonNull(files, "files"));
        return remote(spawn, p, null);
    }

    private SpawnResult run(Spawn spawn, Path outputDir) throws IOException, InterruptedException {
        Prepared p = prepare(spawn);
        if (fallback != null && !remoteExecutionOffered()) {
            return fallback.run(spawn, p.actionDigest(), outputDir);
        }
        try {
            return remote(spawn, p, outputDir);
        } catch (RemoteException e) {
            if (fallback == null || !UNAVAILABLE.contains(e.code())) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "remote execution of " + p.actionDigest() + " unavailable ("
                    + e.getMessage() + "); running it locally");
            return fallback.run(spawn, p.actionDigest(), outputDir);
        }
    }

    private SpawnResult remote(Spawn spawn, Prepared p, Path outputDir) throws IOException, InterruptedException {
        return client.withAction(p.actionDigest().hash(), spawn.inputRoot().toString(), "Spawn", () -> {
            client.upload(p.all(), p.source());
            RemoteClient.Execution e;
            try {
                e = client.execute(p.actionDigest(), !spawn.cacheable());
            } catch (RemoteException missing) {
                if (missing.missingBlobs().isEmpty()) {
                    throw missing;
                }
                // Inputs were evicted between upload and execution: send everything once more.
                client.uploadUnchecked(p.all(), p.source());
                e = client.execute(p.actionDigest(), !spawn.cacheable());
            }
            if (outputDir != null) {
                client.downloadOutputs(e.result(), outputDir);
            }
            return new SpawnResult(p.actionDigest(), e.result(), e.cached());
        });
    }

    /** Whether the server says it executes; a server that cannot be asked counts as not offering it. */
    private boolean remoteExecutionOffered() throws InterruptedException {
        try {
            return client.capabilities().execution();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "capabilities unavailable; falling back to local execution", e);
            return false;
        }
    }

    /**
     * Fetches one output of a spawn that ran (a file, or a directory with everything below it) on demand.
     *
     * @param result what {@link #execute(Spawn)} returned
     * @param outputPath one of the spawn's output paths that the action produced
     * @param target where to write it (a file, or a directory that must not exist yet)
     * @throws IllegalArgumentException if the action produced no such output
     * @throws RemoteException with code NOT_FOUND naming a blob the server no longer has
     * @throws IOException if it cannot be written
     * @throws InterruptedException when interrupted
     */
    public void fetch(SpawnResult result, String outputPath, Path target) throws IOException, InterruptedException {
        if (result.executedLocally()) {
            if (fallback == null) {
                throw new IllegalStateException("a locally executed result needs the executor that ran it");
            }
            fallback.fetch(result.result(), outputPath, target);
            return;
        }
        client.downloadOutput(result.result(), outputPath, target);
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
