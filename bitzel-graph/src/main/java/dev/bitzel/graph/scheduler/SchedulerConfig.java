package dev.bitzel.graph.scheduler;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How a {@link Scheduler} runs builds: how many workers, whether to keep going after a failure, and the ports it
 * talks to.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder(Spawner)} or derive one with {@link #toBuilder()}.
 * Defaults: one worker per available processor, stop after the first failure, no action cache, no event listener,
 * no logs, daemon worker threads named {@code bitzel-worker-N}.
 */
public final class SchedulerConfig {
    private final int workers;
    private final boolean keepGoing;
    private final Spawner spawner;
    private final ActionCache actionCache;
    private final BuildEventListener listener;
    private final TaskLogs logs;
    private final ThreadFactory threadFactory;

    private SchedulerConfig(Builder b) {
        this.workers = b.workers;
        this.keepGoing = b.keepGoing;
        this.spawner = b.spawner;
        this.actionCache = b.actionCache;
        this.listener = b.listener;
        this.logs = b.logs;
        this.threadFactory = b.threadFactory;
    }

    /**
     * Returns a builder holding the defaults and this spawner.
     *
     * @param spawner what runs each task; not null
     */
    public static Builder builder(Spawner spawner) {
        return new Builder(spawner);
    }

    /** Returns a builder holding this configuration; never null. */
    public Builder toBuilder() {
        Builder b = new Builder(spawner);
        b.workers = workers;
        b.keepGoing = keepGoing;
        b.actionCache = actionCache;
        b.listener = listener;
        b.logs = logs;
        b.threadFactory = threadFactory;
        return b;
    }

    /** Returns how many tasks run at once (at least 1). */
    public int workers() {
        return workers;
    }

    /** Returns whether a failure stops only its dependents ({@code bitbake -k}) rather than the whole build. */
    public boolean keepGoing() {
        return keepGoing;
    }

    /** Returns what runs each task; never null. */
    public Spawner spawner() {
        return spawner;
    }

    /** Returns the cache consulted before and filled after each task; never null. */
    public ActionCache actionCache() {
        return actionCache;
    }

    /** Returns who receives the build events; never null. */
    public BuildEventListener listener() {
        return listener;
    }

    /** Returns where task logs go; never null. */
    public TaskLogs logs() {
        return logs;
    }

    /** Returns what creates the worker threads of each build; never null. */
    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    @Override
    public String toString() {
        return "SchedulerConfig[workers=" + workers + ", keepGoing=" + keepGoing + "]";
    }

    /** Collects a configuration; not thread-safe. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private boolean keepGoing;
        private Spawner spawner;
        private ActionCache actionCache = ActionCache.none();
        private BuildEventListener listener = BuildEventListener.none();
        private TaskLogs logs = TaskLogs.none();
        private ThreadFactory threadFactory = WorkerThreads.FACTORY;

        private Builder(Spawner spawner) {
            spawner(spawner);
        }

        /**
         * Sets how many tasks run at once.
         *
         * @throws IllegalArgumentException if {@code workers < 1}
         */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Sets whether a failure stops only its dependents ({@code -k}); default {@code false}. */
        public Builder keepGoing(boolean keepGoing) {
            this.keepGoing = keepGoing;
            return this;
        }

        /** Sets what runs each task. */
        public Builder spawner(Spawner spawner) {
            this.spawner = Objects.requireNonNull(spawner, "spawner");
            return this;
        }

        /** Sets the action cache; default {@link ActionCache#none()}. */
        public Builder actionCache(ActionCache actionCache) {
            this.actionCache = Objects.requireNonNull(actionCache, "actionCache");
            return this;
        }

        /** Sets the event listener; default {@link BuildEventListener#none()}. */
        public Builder listener(BuildEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets where task logs go; default {@link TaskLogs#none()}. */
        public Builder logs(TaskLogs logs) {
            this.logs = Objects.requireNonNull(logs, "logs");
            return this;
        }

        /** Sets what creates worker threads; default daemon threads named {@code bitzel-worker-N}. */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /** Builds the immutable configuration. */
        public SchedulerConfig build() {
            return new SchedulerConfig(this);
        }
    }
}

/** The default worker threads: daemons, so an abandoned build never keeps a JVM alive. */
final class WorkerThreads {
    static final ThreadFactory FACTORY = new ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "bitzel-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    };

    private WorkerThreads() {
    }
}
