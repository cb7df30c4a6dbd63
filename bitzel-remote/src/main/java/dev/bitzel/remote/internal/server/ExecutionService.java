package dev.bitzel.remote.internal.server;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.Cas;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.longrunning.Operation;
import dev.bitzel.remote.internal.proto.reapi.Action;
import dev.bitzel.remote.internal.proto.reapi.ActionResult;
import dev.bitzel.remote.internal.proto.reapi.Command;
import dev.bitzel.remote.internal.proto.reapi.ExecuteOperationMetadata;
import dev.bitzel.remote.internal.proto.reapi.ExecuteRequest;
import dev.bitzel.remote.internal.proto.reapi.ExecuteResponse;
import dev.bitzel.remote.internal.proto.reapi.ExecutedActionMetadata;
import dev.bitzel.remote.internal.proto.reapi.ExecutionGrpc;
import dev.bitzel.remote.internal.proto.reapi.ExecutionStage;
import dev.bitzel.remote.internal.proto.reapi.WaitExecutionRequest;
import dev.bitzel.remote.internal.proto.rpc.Code;
import dev.bitzel.remote.internal.proto.rpc.PreconditionFailure;
import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.NetworkPolicy;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * REAPI's Execution service: runs each action's Command in the sandbox on a copy of its input root, collects the
 * outputs into the CAS and records the result in the action cache. Operations outlive the stream that started
 * them, so a client whose stream drops re-attaches with WaitExecution.
 *
 * <p>By default the input root is the command's writable working tree, as REAPI describes it. An action whose
 * platform asks for {@value #ABSOLUTE_INPUTS_PROPERTY}{@code =1} (accepted only when the server offers it) sees
 * its input root at the file system root instead ({@link AbsoluteRoot}). The sandbox has no network unless the
 * action asks for {@value #NETWORK_PROPERTY}{@code =host} and the server offers that.
 */
public final class ExecutionService extends ExecutionGrpc.ExecutionImplBase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ExecutionService.class.getName());
    private static final Duration KEEP_DONE = Duration.ofMinutes(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /**
     * The platform property that asks for the sandbox's network: {@code none} (the default) or {@code host}, which
     * the server offers only when configured to.
     */
    public static final String NETWORK_PROPERTY = "bitzel-network";
    /** The platform property of {@link AbsoluteRoot}'s mode ({@code =1}). */
    public static final String ABSOLUTE_INPUTS_PROPERTY = AbsoluteRoot.PROPERTY;

    private final ServerConfig config;
    /** The stores of each instance name that has executed something, opened on first use. */
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final Map<String, OperationState> operations = new ConcurrentHashMap<>();
    private final String worker;

    /** Runs actions with {@code config}'s sandbox. */
    public ExecutionService(ServerConfig config) throws IOException {
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.executors(), r -> {
            Thread t = new Thread(r, "bitzel-remote-execute");
            t.setDaemon(true);
            return t;
        });
        this.worker = hostName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * An instance's store, and a second handle on it that copies instead of hard-linking, so that a task cannot
     * alter the CAS through its inputs.
     */
    private record Instance(ContentStore store, ContentStore copying, ResultConverter converter) {
    }

    private Instance instance(String name) throws IOException {
        ContentStore store = config.store(name);
        try {
            return instances.computeIfAbsent(name, n -> {
                try {
                    return new Instance(store, Cas.open(store.directory(), store.options().toBuilder()
                            .hardLinks(false).build()), new ResultConverter(store));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An operation and the streams watching it. */
    private static final class OperationState {
        final String name;
        final List<StreamObserver<Operation>> watchers = new ArrayList<>();
        Operation last;
        Instant doneAt;

        OperationState(String name) {
            this.name = name;
        }

        synchronized void publish(Operation op) {
            last = op;
            if (op.getDone()) {
                doneAt = Instant.now();
            }
            for (StreamObserver<Operation> w : List.copyOf(watchers)) {
                send(w, op);
            }
            if (op.getDone()) {
                watchers.clear();
            }
        }

        synchronized void watch(StreamObserver<Operation> w) {
            if (w instanceof ServerCallStreamObserver<Operation> s) {
                s.setOnCancelHandler(() -> {
                    synchronized (this) {
                        watchers.remove(w);
                    }
                });
            }
            if (last != null) {
                send(w, last);
                if (last.getDone()) {
                    return;
                }
            }
            watchers.add(w);
        }

        private static void send(StreamObserver<Operation> w, Operation op) {
            try {
                if (w instanceof ServerCallStreamObserver<Operation> s && s.isCancelled()) {
                    return;
                }
                w.onNext(op);
                if (op.getDone()) {
                    w.onCompleted();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "a watcher of an operation went away", e);
            }
        }
    }

    @Override
    public void execute(ExecuteRequest request, StreamObserver<Operation> response) {
        Digest actionDigest;
        try {
            Protos.checkDigestFunction(request.getDigestFunction());
            actionDigest = Protos.fromProto(request.getActionDigest(), "action_digest");
            config.store(request.getInstanceName());
        } catch (Exception e) {
            response.onError(Errors.toStatus(e));
            return;
        }
        expireOld();
        OperationState state = new OperationState(UUID.randomUUID().toString());
        operations.put(state.name, state);
        state.publish(stage(state.name, actionDigest, ExecutionStage.Value.QUEUED));
        state.watch(response);
        pool.execute(() -> state.publish(run(state.name, actionDigest, request)));
    }

    @Override
    public void waitExecution(WaitExecutionRequest request, StreamObserver<Operation> response) {
        OperationState state = operations.get(request.getName());
        if (state == null) {
            response.onError(Status.NOT_FOUND.withDescription("no operation named '" + request.getName()
                    + "' (finished operations are kept " + KEEP_DONE.toMinutes() + " minutes)").asRuntimeException());
            return;
        }
        state.watch(response);
    }

    private void expireOld() {
        Instant cutoff = Instant.now().minus(KEEP_DONE);
        operations.values().removeIf(s -> {
            synchronized (s) {
                return s.doneAt != null && s.doneAt.isBefore(cutoff);
            }
        });
    }

    private static Operation stage(String name, Digest action, ExecutionStage.Value stage) {
        return Operation.newBuilder().setName(name).setMetadata(Any.pack(ExecuteOperationMetadata.newBuilder()
                .setStage(stage).setActionDigest(Protos.toProto(action)).build())).build();
    }

    private Operation done(String name, Digest action, ExecuteResponse response) {
        return Operation.newBuilder().setName(name).setDone(true)
                .setMetadata(Any.pack(ExecuteOperationMetadata.newBuilder().setStage(ExecutionStage.Value.COMPLETED)
                        .setActionDigest(Protos.toProto(action)).build()))
                .setResponse(Any.pack(response)).build();
    }

    /** Runs one action to its ExecuteResponse; every failure ends up in the response's status. */
    private Operation run(String name, Digest actionDigest, ExecuteRequest request) {
        ExecuteResponse response;
        try {
            response = runAction(name, actionDigest, request);
        } catch (MissingBlobs e) {
            PreconditionFailure.Builder failure = PreconditionFailure.newBuilder();
            for (Digest d : e.missing) {
                failure.addViolations(PreconditionFailure.Violation.newBuilder().setType("MISSING")
                        .setSubject("blobs/" + d).setDescription(e.what + " " + d + " is not in the CAS"));
            }
            response = ExecuteResponse.newBuilder().setStatus(dev.bitzel.remote.internal.proto.rpc.Status.newBuilder()
                    .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage(e.getMessage())
                    .addDetails(Any.pack(failure.build()))).build();
        } catch (UnsupportedPlatform e) {
            PreconditionFailure failure = PreconditionFailure.newBuilder().addViolations(PreconditionFailure.Violation
                    .newBuilder().setType("UNSUPPORTED_PLATFORM").setSubject(e.property + "=" + e.value)
                    .setDescription(e.getMessage())).build();
            response = ExecuteResponse.newBuilder().setStatus(dev.bitzel.remote.internal.proto.rpc.Status.newBuilder()
                    .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage(e.getMessage())
                    .addDetails(Any.pack(failure))).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = ExecuteResponse.newBuilder().setStatus(dev.bitzel.remote.internal.proto.rpc.Status.newBuilder()
                    .setCode(Code.UNAVAILABLE_VALUE).setMessage("server shutting down")).build();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "action " + actionDigest + " failed to execute", e);
            response = ExecuteResponse.newBuilder().setStatus(Errors.toRpcStatus(e)).build();
        }
        return done(name, actionDigest, response);
    }

    /** Blobs an action needs but the CAS lacks. */
    private static final class MissingBlobs extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Set<Digest> missing;
        final String what;

        MissingBlobs(String what, Set<Digest> missing) {
            super(what + " missing from the CAS: " + missing);
            this.what = what;
            this.missing = missing;
        }
    }

    private ExecuteResponse runAction(String name, Digest actionDigest, ExecuteRequest request)
            throws IOException, InterruptedException, MissingBlobs, UnsupportedPlatform {
        Instance instance = instance(request.getInstanceName());
        ContentStore store = instance.store();
        ResultConverter converter = instance.converter();
        Action action = load(store, actionDigest, "action", Action::parseFrom);
        if (!request.getSkipCacheLookup()) {
            Optional<dev.bitzel.cas.ActionResult> hit = store.actionCache().get(actionDigest);
            if (hit.isPresent()) {
                try {
                    return ExecuteResponse.newBuilder().setCachedResult(true).setResult(converter.toReapi(hit.get(),
                            request.getInlineStdout(), request.getInlineStderr(), ActionCacheService.INLINE_LIMIT))
                            .setStatus(Errors.ok()).build();
                } catch (BlobNotFoundException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cached result lost a blob; executing again", e);
                }
            }
        }
        Digest commandDigest = Protos.fromProto(action.getCommandDigest(), "action.command_digest");
        Command command = load(store, commandDigest, "command", Command::parseFrom);
        checkPlatform(command.getPlatform(), "command");
        checkPlatform(action.getPlatform(), "action");
        Digest inputRoot = Protos.fromProto(action.getInputRootDigest(), "action.input_root_digest");
        operations.get(name).publish(stage(name, actionDigest, ExecutionStage.Value.EXECUTING));

        Map<String, String> properties = new LinkedHashMap<>();
        command.getPlatform().getPropertiesList().forEach(p -> properties.put(p.getName(), p.getValue()));
        action.getPlatform().getPropertiesList().forEach(p -> properties.put(p.getName(), p.getValue()));
        boolean absolute = properties.containsKey(AbsoluteRoot.PROPERTY);
        NetworkPolicy network = "host".equalsIgnoreCase(properties.get(NETWORK_PROPERTY)) ? NetworkPolicy.HOST
                : NetworkPolicy.NONE;
        Path execRoot = Files.createDirectories(config.scratch().resolve("exec")).resolve(name);
        Instant start = Instant.now();
        try {
            List<String> outputs = outputPaths(command);
            AbsoluteRoot absoluteRoot = absolute ? new AbsoluteRoot(store, instance.copying(), execRoot, outputs)
                    : null;
            List<SandboxSpec.Mount> mounts = List.of();
            try {
                if (absoluteRoot != null) {
                    mounts = absoluteRoot.prepare(inputRoot);
                } else {
                    instance.copying().materializeTree(inputRoot, execRoot);
                }
            } catch (BlobNotFoundException e) {
                throw new MissingBlobs("input tree blob", Set.of(e.digest()));
            }
            Instant inputsDone = Instant.now();
            Path workDir = resolveInside(execRoot, command.getWorkingDirectory(), "working_directory");
            if (absoluteRoot == null) {
                for (String out : outputs) {
                    Files.createDirectories(resolveInside(workDir, out, "output path").getParent());
                }
            }
            Path logs = Files.createDirectories(config.scratch().resolve("logs"));
            Path stdout = logs.resolve(name + ".out");
            Path stderr = logs.resolve(name + ".err");
            Map<String, String> env = new LinkedHashMap<>();
            command.getEnvironmentVariablesList().forEach(v -> env.put(v.getName(), v.getValue()));
            Duration timeout = action.hasTimeout()
                    ? Duration.ofSeconds(action.getTimeout().getSeconds(), action.getTimeout().getNanos())
                    : DEFAULT_TIMEOUT;
            if (command.getArgumentsCount() == 0) {
                throw new IllegalArgumentException("command " + commandDigest + " has no arguments");
            }
            SandboxSpec.Builder spec = SandboxSpec.builder(command.getArgumentsList()).env(env).network(network)
                    .limits(Limits.none().withTimeout(timeout)).stdout(stdout).stderr(stderr);
            if (absoluteRoot != null) {
                // the command sees the input root as "/": its working directory is absolute
                spec.workingDirectory(Path.of("/").resolve(execRoot.relativize(workDir).toString()));
                mounts.forEach(m -> spec.mount(m.source(), m.target(), m.writable()));
            } else {
                spec.workingDirectory(workDir).writable(execRoot);
            }
            SandboxResult result = config.sandbox().run(spec.build());
            Instant execDone = Instant.now();

            List<dev.bitzel.cas.ActionResult.OutputFile> fileList = new ArrayList<>();
            List<dev.bitzel.cas.ActionResult.OutputDirectory> dirs = new ArrayList<>();
            if (absoluteRoot != null) {
                absoluteRoot.collect(store, fileList, dirs);
            } else {
                fileList.addAll(List.of(collectFiles(store, workDir, outputs)));
                dirs.addAll(collectDirs(store, workDir, outputs));
            }
            dev.bitzel.cas.ActionResult.OutputFile[] files = fileList.toArray(
                    new dev.bitzel.cas.ActionResult.OutputFile[0]);
            Digest out = store.put(stdout);
            Digest err = store.put(stderr);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            dev.bitzel.cas.ActionResult casResult = new dev.bitzel.cas.ActionResult(result.shellStatus(),
                    List.of(files), dirs, out, err, Map.of("reapi.worker", worker));
            if (result.success() && !action.getDoNotCache()) {
                store.actionCache().put(actionDigest, casResult);
            }
            ActionResult reapi = converter.toReapi(casResult, request.getInlineStdout(), request.getInlineStderr(),
                    ActionCacheService.INLINE_LIMIT).toBuilder().setExecutionMetadata(ExecutedActionMetadata.newBuilder()
                            .setWorker(worker).setQueuedTimestamp(ts(start)).setInputFetchStartTimestamp(ts(start))
                            .setInputFetchCompletedTimestamp(ts(inputsDone)).setExecutionStartTimestamp(ts(inputsDone))
                            .setExecutionCompletedTimestamp(ts(execDone)).setWorkerCompletedTimestamp(ts(Instant.now())))
                    .build();
            ExecuteResponse.Builder r = ExecuteResponse.newBuilder().setResult(reapi).setStatus(Errors.ok());
            if (!result.limitsHit().isEmpty()) {
                r.setMessage("limits hit: " + result.limitsHit());
                if (result.limitsHit().contains(dev.bitzel.sandbox.LimitKind.TIMEOUT)) {
                    r.setStatus(dev.bitzel.remote.internal.proto.rpc.Status.newBuilder()
                            .setCode(Code.DEADLINE_EXCEEDED_VALUE).setMessage("action timed out after " + timeout));
                }
            }
            return r.build();
        } finally {
            deleteTree(execRoot);
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static List<String> outputPaths(Command command) {
        Set<String> all = new LinkedHashSet<>(command.getOutputPathsList());
        if (all.isEmpty()) {
            all.addAll(command.getOutputFilesList());
            all.addAll(command.getOutputDirectoriesList());
        }
        for (String p : all) {
            dev.bitzel.cas.ActionResult.checkRelativePath(p);
        }
        return List.copyOf(all);
    }

    private static dev.bitzel.cas.ActionResult.OutputFile[] collectFiles(ContentStore store, Path workDir,
            List<String> outputs)
            throws IOException {
        List<dev.bitzel.cas.ActionResult.OutputFile> files = new ArrayList<>();
        for (String out : outputs) {
            Path p = workDir.resolve(out);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files.add(new dev.bitzel.cas.ActionResult.OutputFile(out, store.put(p), Files.isExecutable(p)));
            }
        }
        return files.toArray(new dev.bitzel.cas.ActionResult.OutputFile[0]);
    }

    private static List<dev.bitzel.cas.ActionResult.OutputDirectory> collectDirs(ContentStore store, Path workDir,
            List<String> outputs)
            throws IOException {
        List<dev.bitzel.cas.ActionResult.OutputDirectory> dirs = new ArrayList<>();
        for (String out : outputs) {
            Path p = workDir.resolve(out);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                dirs.add(new dev.bitzel.cas.ActionResult.OutputDirectory(out, store.putTree(p)));
            }
        }
        return dirs;
    }

    private static Path resolveInside(Path root, String relative, String what) {
        if (relative.isEmpty()) {
            return root;
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || relative.startsWith("/")) {
            throw new IllegalArgumentException(what + " '" + relative + "' leaves the input root");
        }
        return p;
    }

    /**
     * Refuses a platform this executor cannot satisfy: a property it does not know, or a value other than the
     * host's.
     */
    private void checkPlatform(dev.bitzel.remote.internal.proto.reapi.Platform platform, String where)
            throws UnsupportedPlatform {
        for (var p : platform.getPropertiesList()) {
            Set<String> values = config.platform().get(p.getName());
            if (values == null) {
                throw new UnsupportedPlatform(p.getName(), p.getValue(), where + " platform property '" + p.getName()
                        + "' is not supported by this executor (it knows " + new java.util.TreeMap<>(config.platform())
                        + ")");
            }
            if (!values.contains(p.getValue().toLowerCase(java.util.Locale.ROOT))) {
                throw new UnsupportedPlatform(p.getName(), p.getValue(), where + " platform property '" + p.getName()
                        + "' = '" + p.getValue() + "' cannot be satisfied by this executor (it offers "
                        + new java.util.TreeSet<>(values) + ")");
            }
        }
    }

    /** A platform property the executor cannot satisfy. */
    private static final class UnsupportedPlatform extends Exception {
        private static final long serialVersionUID = 1L;
        final String property;
        final String value;

        UnsupportedPlatform(String property, String value, String message) {
            super(message);
            this.property = property;
            this.value = value;
        }
    }

    private static <T> T load(ContentStore store, Digest d, String what, Protos.ProtoParser<T> parser)
            throws IOException, MissingBlobs {
        byte[] bytes;
        try {
            bytes = store.get(d);
        } catch (BlobNotFoundException e) {
            throw new MissingBlobs(what, Set.of(d));
        }
        try {
            return parser.parse(com.google.protobuf.ByteString.copyFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(what + " " + d + " is not a valid message: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.toFile().setWritable(true, true)) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "cannot make " + p + " writable");
                }
            }
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove execution root " + root, e);
        }
    }

    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "actions still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Instance i : instances.values()) {
            i.copying().close();
        }
    }
}
