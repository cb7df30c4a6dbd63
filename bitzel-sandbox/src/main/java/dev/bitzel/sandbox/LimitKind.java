package dev.bitzel.sandbox;

/** Which limit stopped a sandboxed command (see {@link SandboxResult#limitsHit()}). */
public enum LimitKind {
    /** The wall-clock timeout: the tree got SIGTERM, then SIGKILL. */
    TIMEOUT,
    /** The memory limit: the kernel's OOM killer ended a process of the tree. */
    MEMORY,
    /** The process limit: a fork or clone failed with EAGAIN. */
    PROCESSES,
    /** The CPU-time limit: a process got SIGXCPU. */
    CPU_TIME,
    /** The output cap: the tree was killed for writing more to stdout and stderr. */
    OUTPUT,
    /** The file-size limit: a write got SIGXFSZ. */
    FILE_SIZE
}
