package dev.bitzel.graph.scheduler;

import dev.bitzel.graph.Digraph;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * One build in progress. Per-task state lives in arrays indexed by node number; the only shared structure with a
 * lock is the ready heap, taken once per task (completing a task and taking the next one share one acquisition).
 * A task's unfinished dependencies are an atomic counter, so whichever worker finishes the last one queues it.
 *
 * <p>Outcome fields ({@link #status} and friends) of a node are written by the one thread that finishes it, before
 * that thread next takes the lock; they are read after all workers have exited (through the lock), so plain arrays
 * suffice.
 */
final class BuildRun {
    static final System.Logger LOG = System.getLogger("dev.bitzel.graph.scheduler");

    private static final byte PENDING = 0;
    private static final TaskStatus[] STATUSES = TaskStatus.values();

    private final SchedulerConfig config;
    private final TaskGraph graph;
    private final Digraph digraph;
    private final IntFunction<String> signatures;
    private final boolean keepGoing;
    private final BuildEventListener listener;
    /** Whether anyone listens: without a listener no event (nor its outcome) is built. */
    private final boolean listening;

    /** Nodes of the build, ascending; {@code included == null} means all nodes of the graph. */
    private final int[] members;
    private final boolean[] included;
    /** The members, dependencies first. */
    private final int[] topological;
    /** Weighted length of the longest chain from a node to the end of the build, itself included. */
    private final long[] priority;

    private final AtomicIntegerArray remaining;
    /** The lowest-numbered failed task below a node, {@code -1} for none. */
    private final AtomicIntegerArray cause;
    private final AtomicInteger completed = new AtomicInteger();

    private final byte[] status;
    private final int[] exitCode;
    private final String[] message;
    private final Path[] log;
    private final String[] cacheHandle;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final int[] heap;
    private int heapSize;
    private int waiting;
    private int liveWorkers;
    private boolean finished;
    private int firstFailure = -1;
    private Throwable internalError;
    private volatile boolean stopping;
    private volatile boolean cancelled;

    private final AtomicReferenceArray<TaskCancellation> running;
    private final CompletableFuture<BuildResult> future = new CompletableFuture<>();

    private BuildRun(SchedulerConfig config, BuildRequest request, int[] members, boolean[] included,
            int[] topological, long[] priority) {
        this.config = config;
        this.graph = request.graph();
        this.digraph = graph.graph();
        this.signatures = request.signatures();
        this.keepGoing = config.keepGoing();
        this.listener = config.listener();
        this.listening = listener != BuildEventListener.none();
        this.members = members;
        this.included = included;
        this.topological = topological;
        this.priority = priority;
        int n = graph.size();
        this.remaining = new AtomicIntegerArray(n);
        this.cause = new AtomicIntegerArray(n);
        this.status = new byte[n];
        this.exitCode = new int[n];
        this.message = new String[n];
        this.log = new Path[n];
        this.cacheHandle = new String[n];
        this.heap = new int[members.length];
        this.running = new AtomicReferenceArray<>(config.workers());
        for (int node : members) {
            remaining.set(node, digraph.outDegree(node));
            cause.set(node, -1);
        }
    }

    /** Checks the request (closure, cycles, durations) and lays out the build; starts nothing. */
    static BuildRun prepare(SchedulerConfig config, BuildRequest request) {
        Digraph g = request.graph().graph();
        int n = g.size();
        int[] targets = request.targets();
        boolean[] included = null;
        int[] members;
        if (targets == null) {
            members = new int[n];
            Arrays.setAll(members, i -> i);
        } else {
            included = closure(g, targets);
            int count = 0;
            for (boolean b : included) {
                count += b ? 1 : 0;
            }
            members = new int[count];
            for (int i = 0, k = 0; i < n; i++) {
                if (included[i]) {
                    members[k++] = i;
                }
            }
        }
        int[] topological = topologicalOrder(g, members);
        long[] priority = new long[n];
        IntToLongFunction weights = request.estimatedDuration();
        for (int k = topological.length - 1; k >= 0; k--) {
            int node = topological[k];
            long weight = weights.applyAsLong(node);
            if (weight < 0) {
                throw new IllegalArgumentException("estimated duration of " + g.name(node) + " must be >= 0, was "
                        + weight);
            }
            long longest = 0;
            for (int i = 0, d = g.inDegree(node); i < d; i++) {
                int dependent = g.predecessor(node, i);
                if (included == null || included[dependent]) {
                    longest = Math.max(longest, priority[dependent]);
                }
            }
            long sum = weight + longest;
            priority[node] = sum < 0 ? Long.MAX_VALUE : sum;
        }
        return new BuildRun(config, request, members, included, topological, priority);
    }

    /** The targets and everything they depend on. */
    private static boolean[] closure(Digraph g, int[] targets) {
        boolean[] seen = new boolean[g.size()];
        int[] stack = new int[g.size()];
        int top = 0;
        for (int t : targets) {
            if (!seen[t]) {
                seen[t] = true;
                stack[top++] = t;
            }
        }
        while (top > 0) {
            int node = stack[--top];
            for (int i = 0, d = g.outDegree(node); i < d; i++) {
                int dep = g.successor(node, i);
                if (!seen[dep]) {
                    seen[dep] = true;
                    stack[top++] = dep;
                }
            }
        }
        return seen;
    }

    /**
     * The members, dependencies first (Kahn's algorithm). The members are closed under dependencies, so a member's
     * count is its whole out-degree.
     *
     * @throws IllegalArgumentException naming a cycle among the members
     */
    private static int[] topologicalOrder(Digraph g, int[] members) {
        int[] count = new int[g.size()];
        int[] order = new int[members.length];
        int tail = 0;
        for (int node : members) {
            count[node] = g.outDegree(node);
            if (count[node] == 0) {
                order[tail++] = node;
            }
        }
        boolean[] member = new boolean[g.size()];
        for (int node : members) {
            member[node] = true;
        }
        for (int head = 0; head < tail; head++) {
            int node = order[head];
            for (int i = 0, d = g.inDegree(node); i < d; i++) {
                int dependent = g.predecessor(node, i);
                if (member[dependent] && --count[dependent] == 0) {
                    order[tail++] = dependent;
                }
            }
        }
        if (tail != members.length) {
            throw new IllegalArgumentException("the tasks to build have a dependency cycle: "
                    + g.describeCycle(cycleAmong(g, count)));
        }
        return order;
    }

    /**
     * A cycle through the nodes Kahn's algorithm left over (count &gt; 0): each of them waits for at least one other
     * left-over node, so following such dependencies must come back to a node already on the path.
     */
    private static List<Integer> cycleAmong(Digraph g, int[] count) {
        int start = 0;
        while (count[start] == 0) {
            start++;
        }
        int[] position = new int[g.size()];
        Arrays.fill(position, -1);
        List<Integer> path = new ArrayList<>();
        int node = start;
        while (position[node] < 0) {
            position[node] = path.size();
            path.add(node);
            int next = -1;
            for (int i = 0, d = g.outDegree(node); i < d && next < 0; i++) {
                int dep = g.successor(node, i);
                if (count[dep] > 0) {
                    next = dep;
                }
            }
            node = next;
        }
        List<Integer> cycle = new ArrayList<>(path.subList(position[node], path.size()));
        cycle.add(node);
        return cycle;
    }

    CompletableFuture<BuildResult> future() {
        return future;
    }

    /** Queues the tasks without dependencies and starts the workers. */
    void launch() {
        emit(new BuildEvent.BuildStarted(members.length, config.workers()));
        lock.lock();
        try {
            for (int node : members) {
                if (remaining.get(node) == 0) {
                    if (listening) {
                        emit(new BuildEvent.TaskQueued(node, graph.task(node)));
                    }
                    push(node);
                }
            }
            liveWorkers = config.workers();
        } finally {
            lock.unlock();
        }
        for (int w = 0; w < config.workers(); w++) {
            int worker = w;
            Thread thread = config.threadFactory().newThread(() -> work(worker));
            if (thread == null) {
                workerFailed(new IllegalStateException("the thread factory returned null"));
                workerExited();
            } else {
                thread.start();
            }
        }
    }

    void cancel() {
        lock.lock();
        try {
            if (finished || cancelled) {
                return;
            }
            cancelled = true;
            stopping = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (int w = 0; w < running.length(); w++) {
            TaskCancellation handle = running.get(w);
            if (handle != null) {
                handle.cancel();
            }
        }
    }

    private void work(int worker) {
        int[][] readyBuffer = {new int[16]};
        try {
            int node = take(readyBuffer[0], 0);
            while (node >= 0) {
                execute(worker, node);
                int queued = finish(node, readyBuffer);
                node = take(readyBuffer[0], queued);
            }
        } catch (RuntimeException | Error e) {
            workerFailed(e);
        } finally {
            workerExited();
        }
    }

    /**
     * Pushes the tasks the previous one made ready and takes the next task by priority, waiting for one, all under one
     * acquisition of the lock; {@code -1} when the worker should exit (build stopping, or every task done).
     */
    private int take(int[] readyNodes, int readyCount) {
        // A port may have re-asserted an interrupt instead of throwing: that, too, asks the build to stop.
        boolean interrupted = Thread.interrupted();
        lock.lock();
        try {
            for (int i = 0; i < readyCount; i++) {
                push(readyNodes[i]);
            }
            if (interrupted) {
                stopping = true;
            }
            while (true) {
                if (stopping || completed.get() == members.length) {
                    ready.signalAll();
                    return -1;
                }
                if (heapSize > 0) {
                    int node = pop();
                    if (heapSize > 0 && waiting > 0) {
                        ready.signal();
                    }
                    return node;
                }
                waiting++;
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    // Someone interrupted a worker thread: that is a request to stop the build (cancel() below).
                    interrupted = true;
                    stopping = true;
                } finally {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                cancel();
            }
        }
    }

    /** Looks the task up and runs it; records its outcome (not yet counted as completed). */
    private void execute(int worker, int node) {
        TaskNode task = graph.task(node);
        if (listening) {
            emit(new BuildEvent.TaskStarted(node, task));
        }
        if (task.isSet("noexec")) {
            status[node] = code(TaskStatus.NOEXEC);
            return;
        }
        String signature;
        try {
            signature = signatures.apply(node);
            if (signature == null) {
                fail(node, -1, "no signature for " + task.id() + ": the signature function returned null");
                return;
            }
        } catch (RuntimeException e) {
            fail(node, -1, "no signature for " + task.id() + ": " + e);
            return;
        }
        ActionCache cache = config.actionCache();
        try {
            CacheLookup lookup = cache.lookup(task, signature);
            if (lookup instanceof CacheLookup.Hit hit) {
                status[node] = code(TaskStatus.CACHED);
                cacheHandle[node] = hit.handle();
                emit(new BuildEvent.TaskCacheHit(node, task, hit.handle()));
                return;
            }
            if (lookup == null) {
                emit(new BuildEvent.CacheLookupFailed(node, task,
                        new IllegalStateException("the action cache returned null for " + task.id())));
            }
        } catch (IOException | RuntimeException e) {
            emit(new BuildEvent.CacheLookupFailed(node, task, e));
        } catch (InterruptedException e) {
            cancelledBy(node, "cancelled during the cache lookup");
            return;
        }
        Optional<Path> logFile;
        try {
            logFile = config.logs().logFile(task, signature);
            if (logFile == null) {
                fail(node, -1, "no log file for " + task.id() + ": the log port returned null");
                return;
            }
            log[node] = logFile.orElse(null);
        } catch (IOException | RuntimeException e) {
            fail(node, -1, "could not set up the log of " + task.id() + ": " + describe(e));
            return;
        }
        TaskCancellation handle = new TaskCancellation();
        running.set(worker, handle);
        SpawnResult result;
        try {
            if (cancelled) {
                handle.cancel();
                cancelledBy(node, "not started: the build was cancelled");
                return;
            }
            result = config.spawner().spawn(new SpawnRequest(node, task, signature, logFile, handle));
        } catch (IOException e) {
            fail(node, -1, "could not run " + task.id() + ": " + describe(e));
            return;
        } catch (InterruptedException e) {
            cancelledBy(node, "cancelled while running");
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "the spawner threw for " + task.id(), e);
            fail(node, -1, "the spawner threw for " + task.id() + ": " + e);
            return;
        } finally {
            running.set(worker, null);
        }
        if (result == null) {
            fail(node, -1, "the spawner returned null for " + task.id());
        } else if (result.succeeded()) {
            status[node] = code(TaskStatus.EXECUTED);
            exitCode[node] = result.exitCode();
            message[node] = result.message();
            try {
                cache.store(task, signature, result);
            } catch (IOException | RuntimeException e) {
                emit(new BuildEvent.CacheStoreFailed(node, task, e));
            } catch (InterruptedException e) {
                emit(new BuildEvent.CacheStoreFailed(node, task, e));
                cancel();
            }
        } else if (handle.isCancelled()) {
            cancelledBy(node, "cancelled while running" + (result.message().isEmpty() ? "" : ": " + result.message()));
        } else {
            fail(node, result.exitCode(), result.message());
        }
    }

    /** The {@link #status} byte of a status; {@link #PENDING} (0) is none. */
    private static byte code(TaskStatus s) {
        return (byte) (s.ordinal() + 1);
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private void fail(int node, int code, String text) {
        status[node] = code(TaskStatus.FAILED);
        exitCode[node] = code;
        message[node] = text;
    }

    /** A task's run was cancelled: record it and make sure the whole build stops (an interrupt may have caused it). */
    private void cancelledBy(int node, String text) {
        status[node] = code(TaskStatus.CANCELLED);
        exitCode[node] = -1;
        message[node] = text;
        cancel();
    }

    /**
     * Counts a task as done, reports it, and settles its dependents: each whose last dependency this was is queued,
     * or skipped (transitively) when a dependency failed. Returns how many were queued into {@code readyNodes[0]}
     * (grown as needed).
     */
    private int finish(int node, int[][] readyNodes) {
        int[] buffer = readyNodes[0];
        int queued = 0;
        TaskStatus outcome = STATUSES[status[node] - 1];
        if (outcome == TaskStatus.FAILED && !keepGoing) {
            stopAfterFailure(node);
        }
        completed.incrementAndGet();
        report(node);
        if (outcome == TaskStatus.CANCELLED) {
            return 0;
        }
        int[] skipStack = null;
        int skipTop = 0;
        int current = node;
        int blame = outcome == TaskStatus.FAILED ? node : -1;
        while (true) {
            for (int i = 0, d = digraph.inDegree(current); i < d; i++) {
                int dependent = digraph.predecessor(current, i);
                if (included != null && !included[dependent]) {
                    continue;
                }
                if (blame >= 0) {
                    lowerCause(dependent, blame);
                }
                if (remaining.decrementAndGet(dependent) == 0) {
                    int failed = cause.get(dependent);
                    if (failed >= 0) {
                        status[dependent] = code(TaskStatus.SKIPPED);
                        exitCode[dependent] = -1;
                        message[dependent] = "skipped because " + graph.task(failed).id() + " failed";
                        completed.incrementAndGet();
                        report(dependent);
                        if (skipStack == null) {
                            skipStack = new int[16];
                        } else if (skipTop == skipStack.length) {
                            skipStack = Arrays.copyOf(skipStack, skipTop * 2);
                        }
                        skipStack[skipTop++] = dependent;
                    } else {
                        if (listening) {
                            emit(new BuildEvent.TaskQueued(dependent, graph.task(dependent)));
                        }
                        if (queued == buffer.length) {
                            buffer = Arrays.copyOf(buffer, queued * 2);
                        }
                        buffer[queued++] = dependent;
                    }
                }
            }
            if (skipTop == 0) {
                break;
            }
            current = skipStack[--skipTop];
            blame = cause.get(current);
        }
        readyNodes[0] = buffer;
        return queued;
    }

    private void lowerCause(int node, int failed) {
        while (true) {
            int now = cause.get(node);
            if ((now >= 0 && now <= failed) || cause.compareAndSet(node, now, failed)) {
                return;
            }
        }
    }

    private void stopAfterFailure(int node) {
        lock.lock();
        try {
            if (firstFailure < 0) {
                firstFailure = node;
            }
            stopping = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void workerFailed(Throwable error) {
        LOG.log(Level.ERROR, "a scheduler worker failed", error);
        lock.lock();
        try {
            if (internalError == null) {
                internalError = error;
            } else {
                internalError.addSuppressed(error);
            }
            stopping = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        cancel();
    }

    private void workerExited() {
        lock.lock();
        try {
            if (--liveWorkers > 0) {
                return;
            }
            finished = true;
        } finally {
            lock.unlock();
        }
        try {
            complete();
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        }
    }

    /** Runs once, after the last worker exited: settles the tasks that never ran and completes the future. */
    private void complete() {
        if (internalError != null) {
            future.completeExceptionally(internalError);
            return;
        }
        for (int node : topological) {
            if (status[node] != PENDING) {
                continue;
            }
            int failed = -1;
            for (int i = 0, d = digraph.outDegree(node); i < d; i++) {
                int dep = digraph.successor(node, i);
                int below = status[dep] == code(TaskStatus.FAILED) ? dep
                        : status[dep] == code(TaskStatus.SKIPPED) ? cause.get(dep) : -1;
                if (below >= 0 && (failed < 0 || below < failed)) {
                    failed = below;
                }
            }
            cause.set(node, failed);
            exitCode[node] = -1;
            if (failed >= 0) {
                status[node] = code(TaskStatus.SKIPPED);
                message[node] = "skipped because " + graph.task(failed).id() + " failed";
            } else if (cancelled) {
                status[node] = code(TaskStatus.CANCELLED);
                message[node] = "not started: the build was cancelled";
            } else if (firstFailure >= 0) {
                status[node] = code(TaskStatus.NOT_STARTED);
                cause.set(node, firstFailure);
                message[node] = "not started: the build stopped after " + graph.task(firstFailure).id()
                        + " failed (keep-going is off)";
            } else {
                throw new IllegalStateException("task " + graph.task(node).id() + " never ran although the build"
                        + " was neither cancelled nor stopped");
            }
            report(node);
        }
        List<TaskOutcome> outcomes = new ArrayList<>(members.length);
        for (int node : members) {
            outcomes.add(outcome(node));
        }
        BuildResult result = new BuildResult(graph, members, outcomes, cancelled);
        emit(new BuildEvent.BuildFinished(result));
        future.complete(result);
    }

    private TaskOutcome outcome(int node) {
        TaskStatus s = STATUSES[status[node] - 1];
        int c = s == TaskStatus.SKIPPED || s == TaskStatus.NOT_STARTED ? cause.get(node) : -1;
        Optional<TaskId> causeId = c >= 0 ? Optional.of(graph.task(c).id()) : Optional.empty();
        return new TaskOutcome(graph.task(node).id(), s, exitCode[node], message[node] == null ? "" : message[node],
                causeId, Optional.ofNullable(log[node]), Optional.ofNullable(cacheHandle[node]));
    }

    /** Sends a task's end event. */
    private void report(int node) {
        if (!listening) {
            return;
        }
        TaskOutcome outcome = outcome(node);
        emit(switch (outcome.status()) {
            case EXECUTED, NOEXEC, CACHED -> new BuildEvent.TaskFinished(node, outcome);
            case FAILED -> new BuildEvent.TaskFailed(node, outcome);
            case SKIPPED -> new BuildEvent.TaskSkipped(node, outcome);
            case NOT_STARTED -> new BuildEvent.TaskNotStarted(node, outcome);
            case CANCELLED -> new BuildEvent.TaskCancelled(node, outcome);
        });
    }

    private void emit(BuildEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "the build event listener threw on " + event, e);
        }
    }

    // The ready heap: highest priority first, then lowest node number. Called with the lock held.

    private void push(int node) {
        int at = heapSize++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(node, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = node;
    }

    private int pop() {
        int top = heap[0];
        int last = heap[--heapSize];
        int at = 0;
        int half = heapSize >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < heapSize && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = last;
        return top;
    }

    private boolean before(int a, int b) {
        long pa = priority[a];
        long pb = priority[b];
        return pa > pb || (pa == pb && a < b);
    }
}
