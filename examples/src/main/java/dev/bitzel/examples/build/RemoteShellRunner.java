package dev.bitzel.examples.build;

import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.cas.Directory;
import dev.bitzel.remote.RemoteClient;
import dev.bitzel.remote.RemoteException;
import dev.bitzel.remote.RemoteExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Runs the shell functions of tasks on a REAPI v2 executor ({@code bitzel build --remote-exec URL}): each call of
 * {@link TaskExecutor}'s shell runner becomes one remote action. Python task bodies stay in this JVM (they call
 * {@code bb.*} APIs implemented here); the shell functions they or shell tasks run are what goes remote, so a pure
 * shell task is one action and a Python task that calls {@code bb.build.exec_func} on shell functions is one action
 * per call.
 *
 * <p><b>Absolute paths.</b> BitBake's run scripts, and the files tasks produce (pkg-config files, sysroots), name
 * absolute paths under {@code TMPDIR}, the layers and {@code DL_DIR}; rewriting them is not an option. So the action
 * carries the platform property {@value RemoteExecutor#ABSOLUTE_INPUTS}{@code =1}: its input root mirrors the file
 * system root, and its output paths are the absolute writable directories without their leading slash. A
 * {@code bitzel serve} (which offers that mode by default) mounts the materialised input root at those absolute
 * paths in its sandbox, read-only, and the output directories writable, like the local sandbox does with the host's
 * own paths. A server that does not know the property refuses the action with FAILED_PRECONDITION naming it; the
 * task then fails with a message saying so, unless local fallback was asked for.
 *
 * <p><b>Inputs.</b> What the local sandbox would show the function: the writable directories (the recipe's
 * {@code WORKDIR} with its sysroots, the task's {@code [dirs]}/{@code [cleandirs]}) and the read-only paths
 * ({@code TMPDIR}, the layers, {@code DL_DIR}) — except the work directories of other recipes whose tasks are
 * running at that moment: their content is in flux (logs being appended, objects being compiled), no task may rely
 * on it (BitBake's tasks see other recipes' results only through sysroots and deploy directories), and uploading
 * it raced with its writers. Each file is hashed where it is the first time it is seen with a
 * given inode, size, modification and change time (a digest cache shared by the build's tasks), so unchanged files
 * are hashed once per build; symbolic links are kept as they are. The executor's client uploads only what the
 * server reports missing, and checks each file it uploads against its digest: a file another task rewrote meanwhile
 * makes the action be prepared again (up to three times). Inputs are not copied into the local store: that costs a
 * copy and an fsync'ed write per new file, which made preparing an action several times slower in a first
 * measurement.
 *
 * <p><b>Outputs.</b> The writable directories come back as output directories. Each is applied onto the local
 * directory: entries the remote tree lacks are removed, files whose content or executable bit differ are rewritten
 * (mode 0644 or 0755, as a cached result is restored), links and directories created; unchanged files are left
 * alone. The task's log directory {@code T} is never touched. So {@link OutputTracker} sees the same changes as
 * after a local run (deletions included) and {@link TaskOutputCache}, stamps, sigdata and logs work unchanged —
 * which also makes a remotely executed task's result a cache hit for a later local or {@code --remote} build. The
 * action's stdout, then its stderr, are appended to the task's log. Every blob the server sends is verified against
 * its digest before it enters the local store ({@link RemoteClient#fetchIntoStore}); a result with an output
 * directory that was not asked for, or a bad name, is refused naming the task.
 *
 * <p><b>Network.</b> The property {@value RemoteExecutor#NETWORK} is {@code none} unless the task sets
 * {@code [network] = "1"} ({@code host}, which the server must offer).
 *
 * <p><b>Failures.</b> A non-zero exit is a failed function, as locally. The server being unreachable or overloaded
 * (after the client's retries), a refused platform, missing blobs or a malformed result throw an {@link IOException}
 * naming the task and the server; with local fallback, the first two run the function in the local sandbox instead,
 * and remote execution stays off for the rest of the build.
 *
 * <p>Thread-safe.
 */
public final class RemoteShellRunner implements ShellRunner {

    private static final System.Logger LOG = System.getLogger(RemoteShellRunner.class.getName());
    /** Codes that say remote execution is not usable for this build (the client already retried transient ones). */
    private static final Set<String> UNAVAILABLE = Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "UNIMPLEMENTED",
            "RESOURCE_EXHAUSTED", "UNAUTHENTICATED", "PERMISSION_DENIED");
    private static final Duration TIMEOUT = Duration.ofHours(6);
    /** How often an action is prepared when its inputs change during the upload. */
    private static final int PREPARE_ATTEMPTS = 3;
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final RemoteExecutor executor;
    private final RemoteClient client;
    private final ContentStore store;
    private final ShellRunner fallback;
    private final InputDigests digests;
    private final AtomicReference<String> disabled = new AtomicReference<>();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong inputFiles = new AtomicLong();
    private final AtomicLong inputNanos = new AtomicLong();
    private final AtomicLong remoteNanos = new AtomicLong();
    private final AtomicLong outputNanos = new AtomicLong();

    /**
     * Creates the runner.
     *
     * @param client the connection to the executor
     * @param store the local store: outputs are fetched into it
     * @param fallback runs a function locally when remote execution is unavailable or refused, or null to fail
     */
    public RemoteShellRunner(RemoteClient client, ContentStore store, ShellRunner fallback) {
        this.client = Objects.requireNonNull(client, "client");
        this.executor = new RemoteExecutor(client);
        this.store = Objects.requireNonNull(store, "store");
        this.fallback = fallback;
        this.digests = new InputDigests();
    }

    @Override
    public ShellResult run(ShellCall call) throws IOException, InterruptedException {
        if (disabled.get() != null) {
            fallbacks.incrementAndGet();
            return fallback.run(call);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return attempt(call);
            } catch (IOException e) {
                if (!changedInput(e)) {
                    throw e;
                }
                if (attempt >= PREPARE_ATTEMPTS) {
                    throw new IOException("remote execution of " + call.function() + " of " + call.task() + ": its "
                            + "inputs kept changing while they were uploaded (" + attempt + " times): "
                            + e.getMessage(), e);
                }
                // another task rewrote an input between hashing and upload: hash what changed again
                LOG.log(System.Logger.Level.DEBUG, () -> call.task() + ": " + e.getMessage() + "; preparing again");
            }
        }
    }

    private static boolean changedInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputDigests.InputChangedException) {
                return true;
            }
        }
        return false;
    }

    private ShellResult attempt(ShellCall call) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> roots = new ArrayList<>(call.writable());
        for (Path ro : call.readOnly()) {
            if (Files.exists(ro)) {
                roots.add(ro);
            }
        }
        Set<Path> hidden = new HashSet<>();
        call.busy().forEach(b -> hidden.add(b.toAbsolutePath().normalize()));
        InputTree.Built tree = InputTree.build(roots, hidden, digests);
        List<String> outputs = new ArrayList<>();
        for (Path w : call.writable()) {
            outputs.add(relative(w));
        }
        Map<String, String> platform = new LinkedHashMap<>();
        platform.put(RemoteExecutor.ABSOLUTE_INPUTS, "1");
        platform.put(RemoteExecutor.NETWORK, call.network() ? "host" : "none");
        // the script does not cd where BitBake's [dirs] leave it empty: start in the working directory first
        RemoteExecutor.Spawn spawn = new RemoteExecutor.Spawn(List.of("/bin/sh", "-c", "cd \"$1\" && exec \"$2\"",
                "bitzel-task", call.workingDirectory().toString(), call.script().toString()), call.environment(),
                call.script(), outputs, TIMEOUT, false, platform);
        long t1 = System.nanoTime();
        inputNanos.addAndGet(t1 - t0);
        inputFiles.addAndGet(tree.files());
        RemoteExecutor.SpawnResult r;
        try {
            Map<Digest, Path> files = tree.merkle().files();
            r = executor.execute(spawn, tree.merkle(), d -> {
                Path file = files.get(d);
                if (file == null) {
                    throw new IOException("blob " + d + " is not an input file of " + call.task());
                }
                return InputDigests.open(file, d);
            });
            client.fetchIntoStore(r.result(), store);
        } catch (RemoteException e) {
            boolean refused = e.code().equals("FAILED_PRECONDITION") && e.missingBlobs().isEmpty();
            if (fallback != null && (UNAVAILABLE.contains(e.code()) || refused)) {
                if (disabled.compareAndSet(null, e.getMessage())) {
                    LOG.log(System.Logger.Level.WARNING, () -> "remote execution at " + client.options().endpoint()
                            + " switched off for this build; shell functions run locally: " + e.getMessage());
                }
                fallbacks.incrementAndGet();
                return fallback.run(call);
            }
            throw new IOException("remote execution of " + call.function() + " of " + call.task() + " at "
                    + client.options().endpoint() + " failed: " + e.getMessage() + hint(e), e);
        }
        long t2 = System.nanoTime();
        remoteNanos.addAndGet(t2 - t1);
        apply(call, r.result(), outputs);
        actions.incrementAndGet();
        outputNanos.addAndGet(System.nanoTime() - t2);
        return new ShellResult(r.result().exitCode(), true);
    }

    private static String hint(RemoteException e) {
        if (e.code().equals("FAILED_PRECONDITION") && e.getMessage().contains(RemoteExecutor.ABSOLUTE_INPUTS)) {
            return ". Running BitBake tasks remotely needs a server that presents the input root at its absolute "
                    + "paths (platform property " + RemoteExecutor.ABSOLUTE_INPUTS + "), as 'bitzel serve' does "
                    + "unless started with --no-absolute-inputs; add --remote-local-fallback to run such tasks here";
        }
        if (e.code().equals("FAILED_PRECONDITION") && e.getMessage().contains(RemoteExecutor.NETWORK)) {
            return ". The task sets [network] = \"1\": start the server with --allow-network, or add "
                    + "--remote-local-fallback";
        }
        return "";
    }

    /** The absolute path without its leading slash: its place in an input root that mirrors the file system root. */
    static String relative(Path absolute) {
        Path p = absolute.toAbsolutePath().normalize();
        if (p.getNameCount() == 0) {
            throw new IllegalArgumentException("the file system root cannot be an output directory");
        }
        return p.getRoot().relativize(p).toString();
    }

    /** Writes the action's logs into the task's log and its output directories over the local ones. */
    private void apply(ShellCall call, ActionResult result, List<String> outputs) throws IOException {
        try (OutputStream log = Files.newOutputStream(call.log(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            for (Digest d : List.of(result.stdoutDigest(), result.stderrDigest())) {
                try (InputStream in = store.open(d)) {
                    in.transferTo(log);
                }
            }
        }
        if (!result.outputFiles().isEmpty()) {
            throw new IOException("remote execution of " + call.function() + " of " + call.task() + " at "
                    + client.options().endpoint() + " returned output files " + result.outputFiles().stream()
                    .map(ActionResult.OutputFile::path).toList() + " where only directories " + outputs
                    + " were asked for");
        }
        Map<String, Digest> trees = new HashMap<>();
        for (ActionResult.OutputDirectory d : result.outputDirectories()) {
            if (!outputs.contains(d.path()) || trees.put(d.path(), d.rootDigest()) != null) {
                throw new IOException("remote execution of " + call.function() + " of " + call.task() + " at "
                        + client.options().endpoint() + " returned the output directory '" + d.path() + "', which "
                        + "was not asked for (or twice); asked: " + outputs);
            }
        }
        Path excluded = call.logDir().toAbsolutePath().normalize();
        for (Path w : call.writable()) {
            Path local = w.toAbsolutePath().normalize();
            Digest tree = trees.get(relative(local));
            if (tree == null && !excluded.startsWith(local)) {
                TaskExecutor.deleteTree(local); // the function removed its directory
            } else {
                overlay(call, local, tree == null ? Directory.EMPTY.digest() : tree, excluded);
            }
        }
    }

    /** Makes {@code dir} hold exactly the stored tree, leaving {@code excluded} alone and unchanged files as they are. */
    private void overlay(ShellCall call, Path dir, Digest digest, Path excluded) throws IOException {
        if (Files.isSymbolicLink(dir) || (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir))) {
            Files.delete(dir);
        }
        Files.createDirectories(dir);
        Directory d = digest.equals(Directory.EMPTY.digest()) ? Directory.EMPTY : store.getDirectory(digest);
        Set<String> wanted = new TreeSet<>();
        d.files().forEach(f -> wanted.add(Directory.checkName(f.name())));
        d.directories().forEach(s -> wanted.add(Directory.checkName(s.name())));
        d.symlinks().forEach(l -> wanted.add(Directory.checkName(l.name())));
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (!p.startsWith(excluded) && !excluded.startsWith(p) && !wanted.contains(p.getFileName().toString())) {
                    TaskExecutor.deleteTree(p);
                }
            }
        }
        for (Directory.DirectoryNode sub : d.directories()) {
            Path target = dir.resolve(sub.name());
            if (target.equals(excluded)) {
                continue;
            }
            overlay(call, target, sub.digest(), excluded);
        }
        for (Directory.FileNode f : d.files()) {
            Path target = dir.resolve(f.name());
            if (target.startsWith(excluded)) {
                continue;
            }
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(target) == f.executable()
                    && f.digest().equals(digests.peek(target))) {
                continue;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                TaskExecutor.deleteTree(target);
            }
            try (InputStream in = store.open(f.digest())) {
                Files.copy(in, target);
            }
            Files.setPosixFilePermissions(target, f.executable() ? EXECUTABLE : REGULAR);
            digests.remember(target, f.digest());
        }
        for (Directory.SymlinkNode l : d.symlinks()) {
            Path target = dir.resolve(l.name());
            if (target.startsWith(excluded)) {
                continue;
            }
            if (Files.isSymbolicLink(target) && Files.readSymbolicLink(target).toString().equals(l.target())) {
                continue;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                TaskExecutor.deleteTree(target);
            }
            Files.createSymbolicLink(target, Path.of(l.target()));
        }
    }

    /** Returns why remote execution was switched off during this build (local fallback took over), if it was. */
    public java.util.Optional<String> disabledReason() {
        return java.util.Optional.ofNullable(disabled.get());
    }

    /**
     * What remote execution cost so far.
     *
     * @param actions shell functions that ran remotely
     * @param fallbacks shell functions run locally because remote execution was unavailable or refused
     * @param inputFiles files in their input trees, summed over the actions
     * @param hashed files hashed (the others were known by their stat data)
     * @param input time spent building input trees
     * @param remote time from upload to a fetched result (upload, queue, execution, download)
     * @param output time spent applying outputs and logs locally
     */
    public record Stats(long actions, long fallbacks, long inputFiles, long hashed, Duration input, Duration remote,
            Duration output) {
    }

    /** Returns what remote execution did and cost so far; never null. */
    public Stats stats() {
        return new Stats(actions.get(), fallbacks.get(), inputFiles.get(), digests.hashed(),
                Duration.ofNanos(inputNanos.get()), Duration.ofNanos(remoteNanos.get()),
                Duration.ofNanos(outputNanos.get()));
    }
}
