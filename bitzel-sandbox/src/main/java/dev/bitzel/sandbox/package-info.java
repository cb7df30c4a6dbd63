/**
 * Runs one command hermetically. Start from {@link dev.bitzel.sandbox.Sandbox#create()} and
 * {@link dev.bitzel.sandbox.SandboxSpec#builder(String...)}; the answer is a {@link dev.bitzel.sandbox.SandboxResult}.
 *
 * <h2>What the command sees</h2>
 * New user, mount, PID, network (unless {@link dev.bitzel.sandbox.NetworkPolicy#HOST}), IPC, UTS and cgroup
 * namespaces. The command runs as the build user {@code bitzel} (uid/gid 1000 inside), the child of an init
 * process that is PID 1 of its own PID namespace, so it sees and can signal only its own processes; a fresh
 * {@code /proc} ({@code /proc/sys} read-only); a minimal {@code /dev} (null, zero, full, random, urandom, tty,
 * shm, pts); {@code /usr}, {@code /bin}, {@code /sbin}, {@code /lib*} bound read-only; a generated {@code /etc}
 * (passwd and group with root, bitzel and nobody, hosts, hostname, nsswitch.conf, and resolv.conf only with
 * the host network; the dynamic linker's cache, {@code /etc/alternatives}, {@code services}, {@code protocols}
 * and {@code localtime} are bound read-only, and with the host network also the CA certificates); no home
 * directory ({@code HOME} is unset unless declared); a private tmpfs {@code /tmp}; the declared paths, read-only
 * or writable, at the same place; nothing else. Only the declared environment is passed; no file descriptor
 * but 0–2 is inherited; stdin is {@code /dev/null}; the command runs in a new session (no terminal to inject
 * keystrokes into). All capabilities are dropped, {@code no_new_privs} is set, and the whole root is read-only
 * except the writable paths, {@code /tmp} and {@code /dev/shm}.
 *
 * <h2>Which host uid the command has</h2>
 * Never host root. Run by a normal user, the build user maps to that user. Run by root, it maps to
 * {@code nobody} (65534), and each writable directory is attached through an idmapped mount that maps the
 * directory's owner to it: the command can write there, and what it writes is owned on disk by the
 * directory's owner, as if the caller had written it. Set-user-ID and set-group-ID bits cannot be set (the
 * syscall filter refuses them), so no setuid file can leave the sandbox.
 *
 * <h2>Limits</h2>
 * Wall-clock timeout: SIGTERM to every process of the namespace, then SIGKILL of the namespace after a grace.
 * Memory, processes (fork bombs) and CPU bandwidth: cgroups, v2 when a cgroup2 hierarchy (at the root of
 * {@code /sys/fs/cgroup}, or at {@code unified/} on a hybrid) has the memory and pids controllers, else v1
 * (memory, pids, cpu), each a child of the caller's own cgroup. The helper's {@code --cgroup-probe} mode runs just
 * this part against any tree, which is how the tests drive the v2 code on a machine whose v2 has only hugetlb.
 * CPU time, file size: rlimits. Output: stdout and stderr are relayed by the helper, which kills the namespace past
 * the cap. Disk usage: the private {@code /tmp} and every scratch path
 * ({@link dev.bitzel.sandbox.SandboxSpec#scratchPaths()}) are tmpfs of {@link dev.bitzel.sandbox.Limits#tmpBytes()}
 * bytes (ENOSPC beyond); the declared writable host paths have no quota (only RLIMIT_FSIZE per file), which the
 * result says when a size limit was asked for. A limit that cannot be enforced (no cgroup writable, a v2
 * controller not delegated, no idmapped mount, no quota for the writable paths' disk usage) is listed, with the
 * reason, in {@link dev.bitzel.sandbox.SandboxResult#notEnforced()}: never silently ignored.
 *
 * <h2>Outputs</h2>
 * After the command ends, symbolic links it created or changed in the writable paths that lead out of the writable
 * path they sit in (an absolute target elsewhere, {@code ..} above it, also when resolved through other links, or a
 * loop) are removed and listed in {@link dev.bitzel.sandbox.SandboxResult#removedLinks()}, so that whatever collects
 * the outputs on the host never follows a link to a host file. Links that were there before the run are left alone.
 *
 * <h2>Syscall filter</h2>
 * Seccomp (x86-64 only; i386 and x32 entry points are refused): ptrace and process_vm_*, mount and the new
 * mount API, pivot_root, chroot, reboot, kexec, module loading, keyctl and add_key, bpf, perf_event_open,
 * userfaultfd, setns, unshare or clone of any new namespace, swap, clock setting, iopl, quotactl,
 * open_by_handle_at, TIOCSTI, and setuid/setgid mode bits in chmod, open and mknod fail with EPERM;
 * clone3 and openat2 (whose flags the filter cannot read) fail with ENOSYS so that libc falls back.
 *
 * <h2>Why a native helper, and how it ships</h2>
 * The JVM is multi-threaded: it cannot create a user namespace ({@code unshare(CLONE_NEWUSER)} fails in a
 * multi-threaded process), and ProcessBuilder runs nothing between fork and exec (no setsid, rlimits, mounts,
 * seccomp for the child only). So, as Bazel's linux-sandbox and bubblewrap do, a small C program
 * ({@code src/main/c/bitzel-sandbox.c}) does the namespace work and the Java side only builds its argument
 * list and reads its statistics file. The Maven build compiles it with the system's gcc in
 * {@code generate-resources} into {@code dev/bitzel/sandbox/internal/linux-x86_64/} of the jar, linked
 * statically ({@code -static-pie}) so it needs no library at run time; its seccomp filter is written as raw
 * BPF, so libseccomp is not needed either. At run time it is extracted once, under a name holding its
 * SHA-256, to {@code ~/.cache/bitzel/sandbox/} and made executable. A {@link dev.bitzel.sandbox.Sandbox}
 * starts it once in server mode and sends each run's argument list over a pipe; the server forks a worker per
 * run, which is cheaper than launching a process from the JVM (and so below bubblewrap's per-spawn cost).
 * Only runs that inherit the JVM's stdout/stderr (the command-line runner) launch the helper directly.
 *
 * <h2>Teardown</h2>
 * Init is PID 1: when the task exits, init exits and the kernel kills everything left in the namespace, so no
 * daemon survives. Init has a parent-death signal on its helper, each helper worker on the server, and the
 * server exits (killing its workers) when the JVM closes its stdin or dies; an interrupted
 * {@link dev.bitzel.sandbox.Sandbox#run} kills its worker.
 *
 * <h2>When this machine cannot sandbox</h2>
 * {@link dev.bitzel.sandbox.Sandbox#run} throws {@link dev.bitzel.sandbox.SandboxUnavailableException} with the
 * reason. Only a spec built with {@code allowUnsandboxed(true)} runs as a plain process instead, and its
 * result has {@code sandboxed() == false} and says what was not enforced.
 */
package dev.bitzel.sandbox;
