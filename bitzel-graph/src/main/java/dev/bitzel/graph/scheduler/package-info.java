/**
 * The scheduler: runs a {@link dev.bitzel.graph.TaskGraph} with a pool of workers, critical path first, through
 * ports the runner adapts to the CAS, the sandbox and remote execution.
 *
 * <p>Start from {@link dev.bitzel.graph.scheduler.Scheduler#create} with a
 * {@link dev.bitzel.graph.scheduler.SchedulerConfig} (workers, keep-going, and the ports
 * {@link dev.bitzel.graph.scheduler.Spawner}, {@link dev.bitzel.graph.scheduler.ActionCache},
 * {@link dev.bitzel.graph.scheduler.BuildEventListener}, {@link dev.bitzel.graph.scheduler.TaskLogs}); hand it a
 * {@link dev.bitzel.graph.scheduler.BuildRequest} and read the {@link dev.bitzel.graph.scheduler.BuildResult}.
 */
package dev.bitzel.graph.scheduler;
