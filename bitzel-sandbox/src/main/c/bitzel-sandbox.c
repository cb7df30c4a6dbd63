/*
 * bitzel-sandbox: runs one command in fresh user, mount, PID, network, IPC and UTS namespaces, with
 * cgroup and rlimit limits and a seccomp filter. Launched and supervised by dev.bitzel.sandbox; see its
 * package-info for the design. No dependency beyond glibc: the seccomp filter is raw BPF.
 *
 * Processes: the helper ("outer", in the caller's namespaces) clones "init" (PID 1 of the new PID
 * namespace), which builds the root file system, forks the task, reaps everything and exits with the
 * task's status; the kernel then kills whatever is left in the namespace. The outer relays output
 * (capped), enforces the timeout and writes the statistics file.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/mount.h>
#include <linux/seccomp.h>
#include <linux/sched.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_PATHS 256
#define BUILD_UID 1000
#define BUILD_GID 1000

enum net_policy { NET_NONE, NET_LOOPBACK, NET_HOST };

/* path: the host path; target: where it appears in the sandbox (NULL: at path itself, see --at) */
/* idmapped_fd: a detached mount prepared before the namespaces (idmapped, or a clone for --at), else -1 */
struct bind { const char *path; int writable; int fd; int idmapped_fd; const char *target; };

static struct {
    struct bind binds[MAX_PATHS];
    int nbinds;
    const char *scratch[MAX_PATHS];     /* writable tmpfs directories of tmp_size bytes, discarded after the run */
    int nscratch;
    char *env[MAX_PATHS + 1];
    int nenv;
    enum net_policy net;
    const char *cwd;
    const char *hostname;
    const char *stdout_path, *stderr_path, *stats_path;
    long long out_limit;      /* bytes of stdout+stderr; -1: none */
    long long timeout_ms;     /* -1: none */
    long long grace_ms;
    long long mem_limit;      /* bytes, -1: none */
    long long pids_limit;     /* -1: none */
    long long cpu_millis;     /* thousandths of a CPU, -1: none */
    long long cpu_seconds;    /* RLIMIT_CPU, -1: none */
    long long fsize_limit;    /* RLIMIT_FSIZE, -1: none */
    long long tmp_size;       /* bytes of the private /tmp, -1: tmpfs default */
    long long nofile;         /* RLIMIT_NOFILE, -1: inherit */
    uid_t task_uid;           /* host uid the task runs as */
    gid_t task_gid;
    int seccomp;
    char **argv;
} cfg = { .net = NET_NONE, .out_limit = -1, .timeout_ms = -1, .grace_ms = 2000, .mem_limit = -1,
          .pids_limit = -1, .cpu_millis = -1, .cpu_seconds = -1, .fsize_limit = -1, .tmp_size = -1,
          .nofile = -1, .task_uid = (uid_t) -1, .task_gid = (gid_t) -1, .seccomp = 1, .hostname = "sandbox" };

static int err_fd = -1; /* init and task report set-up errors here (CLOEXEC pipe to the outer) */

static void die(const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof msg - 1, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if (n > (int) sizeof msg - 2) n = sizeof msg - 2;
    if (errno) n += snprintf(msg + n, sizeof msg - n, ": %s", strerror(errno));
    if (err_fd >= 0) {
        if (write(err_fd, msg, strlen(msg)) < 0) { /* nothing more to do */ }
    } else {
        fprintf(stderr, "bitzel-sandbox: %s\n", msg);
    }
    _exit(125);
}

#define CHECK(expr, ...) do { if ((expr) < 0) die(__VA_ARGS__); } while (0)

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long parse_num(const char *opt, const char *s) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0) { errno = 0; die("bad number for %s: '%s'", opt, s); }
    return v;
}

static void write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC | O_CREAT | O_TRUNC, 0644);
    CHECK(fd, "open %s", path);
    size_t len = strlen(text);
    if (write(fd, text, len) != (ssize_t) len) die("write %s", path);
    close(fd);
}

static int try_write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t len = strlen(text);
    int rc = write(fd, text, len) == (ssize_t) len ? 0 : -1;
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

/* ---------- seccomp: raw BPF, x86-64 only ---------- */

#define LOAD_NR BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#define ARG_LO(i) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define DENY_NR(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)
#define ERRNO(e) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (e))
#define ALLOW BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
/* nr == NR and (args[i] & mask) != 0 -> EPERM; else fall through, with nr reloaded */
#define DENY_FLAGS(nr, i, mask) \
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 4), ARG_LO(i), \
    BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, (mask), 0, 1), ERRNO(EPERM), LOAD_NR

#ifndef __NR_fchmodat2
#define __NR_fchmodat2 452
#endif
#define SUGID (S_ISUID | S_ISGID)
#define NEW_NS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP | 0x80 /* CLONE_NEWTIME */)

static void install_seccomp(void) {
    struct sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        ERRNO(EPERM),                 /* i386 syscalls (int 0x80): refused */
        LOAD_NR,
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1), /* x32 ABI: refused */
        ERRNO(EPERM),
        DENY_NR(__NR_ptrace), DENY_NR(__NR_process_vm_readv), DENY_NR(__NR_process_vm_writev),
        DENY_NR(__NR_mount), DENY_NR(__NR_umount2), DENY_NR(__NR_pivot_root), DENY_NR(__NR_chroot),
        DENY_NR(__NR_open_tree), DENY_NR(__NR_move_mount), DENY_NR(__NR_fsopen), DENY_NR(__NR_fsconfig),
        DENY_NR(__NR_fsmount), DENY_NR(__NR_fspick), DENY_NR(__NR_mount_setattr),
        DENY_NR(__NR_reboot), DENY_NR(__NR_kexec_load), DENY_NR(__NR_kexec_file_load),
        DENY_NR(__NR_init_module), DENY_NR(__NR_finit_module), DENY_NR(__NR_delete_module),
        DENY_NR(__NR_keyctl), DENY_NR(__NR_add_key), DENY_NR(__NR_request_key), DENY_NR(__NR_bpf),
        DENY_NR(__NR_setns), DENY_NR(__NR_perf_event_open), DENY_NR(__NR_userfaultfd),
        DENY_NR(__NR_swapon), DENY_NR(__NR_swapoff), DENY_NR(__NR_acct), DENY_NR(__NR_syslog),
        DENY_NR(__NR_settimeofday), DENY_NR(__NR_clock_settime), DENY_NR(__NR_clock_adjtime), DENY_NR(__NR_adjtimex),
        DENY_NR(__NR_iopl), DENY_NR(__NR_ioperm), DENY_NR(__NR_quotactl), DENY_NR(__NR_lookup_dcookie),
        DENY_NR(__NR_name_to_handle_at), DENY_NR(__NR_open_by_handle_at), DENY_NR(__NR_vhangup),
        DENY_NR(__NR_pidfd_getfd), DENY_NR(__NR_fanotify_init),
        /* clone3 passes flags in memory the filter cannot read: ENOSYS makes libc fall back to clone */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1), ERRNO(ENOSYS),
        DENY_FLAGS(__NR_unshare, 0, NEW_NS),
        DENY_FLAGS(__NR_clone, 0, NEW_NS),
        DENY_FLAGS(__NR_ioctl, 1, 0xffffffff), /* placeholder replaced below: TIOCSTI */
        /* no set-user-ID or set-group-ID bits: outputs must never carry them back to the host */
        DENY_FLAGS(__NR_chmod, 1, SUGID), DENY_FLAGS(__NR_fchmod, 1, SUGID),
        DENY_FLAGS(__NR_fchmodat, 2, SUGID), DENY_FLAGS(__NR_fchmodat2, 2, SUGID),
        DENY_FLAGS(__NR_creat, 1, SUGID), DENY_FLAGS(__NR_open, 2, SUGID), DENY_FLAGS(__NR_openat, 3, SUGID),
        DENY_FLAGS(__NR_mknod, 1, SUGID), DENY_FLAGS(__NR_mknodat, 2, SUGID),
        /* openat2 passes its mode in memory: ENOSYS makes libc fall back to openat */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_openat2, 0, 1), ERRNO(ENOSYS),
        ALLOW,
    };
    /* the ioctl rule must compare for equality with TIOCSTI, not test bits: patch it in */
    for (size_t i = 0; i + 4 < sizeof filter / sizeof filter[0]; i++) {
        if (filter[i].code == (BPF_JMP | BPF_JEQ | BPF_K) && filter[i].k == __NR_ioctl) {
            filter[i + 2] = (struct sock_filter) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 0, 1);
            break;
        }
    }
    struct sock_fprog prog = { .len = sizeof filter / sizeof filter[0], .filter = filter };
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs");
    CHECK(syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog), "seccomp");
}

/* ---------- the root file system, built by init ---------- */

static const char *const SYSTEM_DIRS[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", NULL };
static const char *const ETC_FILES[] = { "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
    "/etc/alternatives", "/etc/localtime", "/etc/services", "/etc/protocols", NULL };
/* only with the host network: what TLS clients need to verify servers */
static const char *const ETC_NET_FILES[] = { "/etc/ssl/certs", "/etc/ssl/openssl.cnf", "/etc/ca-certificates", NULL };
static const char *const DEV_NODES[] = { "null", "zero", "full", "random", "urandom", "tty", NULL };
#define NEWROOT "/tmp"

static void mkdirs(const char *path, mode_t mode) {
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p == '/') {
            *p = 0;
            if (mkdir(buf, 0755) < 0 && errno != EEXIST) die("mkdir %s", buf);
            *p = '/';
        }
    }
    if (mkdir(buf, mode) < 0 && errno != EEXIST) die("mkdir %s", buf);
    errno = 0;
}

static void set_attr(const char *target, uint64_t set) {
    struct mount_attr attr = { .attr_set = set };
    CHECK(syscall(__NR_mount_setattr, AT_FDCWD, target, AT_RECURSIVE, &attr, sizeof attr), "mount_setattr %s", target);
}

/* Binds the object open as fd at NEWROOT/path (symlinks are recreated, not followed). */
static void bind_fd(int fd, const char *path, int writable) {
    char target[4096], src[64];
    struct stat st;
    snprintf(target, sizeof target, NEWROOT "%s", path);
    CHECK(fstatat(fd, "", &st, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW), "stat %s", path);
    if (S_ISLNK(st.st_mode)) {
        char link[4096];
        ssize_t n = readlinkat(fd, "", link, sizeof link - 1);
        CHECK(n, "readlink %s", path);
        link[n] = 0;
        char parent[4096];
        snprintf(parent, sizeof parent, "%s", target);
        *strrchr(parent, '/') = 0;
        mkdirs(parent, 0755);
        if (symlink(link, target) < 0 && errno != EEXIST) die("symlink %s", target);
        errno = 0;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        mkdirs(target, 0755);
    } else {
        char parent[4096];
        snprintf(parent, sizeof parent, "%s", target);
        *strrchr(parent, '/') = 0;
        mkdirs(parent, 0755);
        int f = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        CHECK(f, "create %s", target);
        close(f);
    }
    snprintf(src, sizeof src, "/proc/self/fd/%d", fd);
    CHECK(mount(src, target, NULL, MS_BIND | MS_REC, NULL), "bind %s", path);
    /* writable == 2: a device node, which must keep working */
    set_attr(target, (writable ? 0 : MOUNT_ATTR_RDONLY) | MOUNT_ATTR_NOSUID | (writable == 2 ? 0 : MOUNT_ATTR_NODEV));
}

static int open_path(const char *path, int required) {
    int fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && (required || errno != ENOENT)) die("open %s", path);
    errno = 0;
    return fd;
}

static void generate_etc(void) {
    char buf[1024];
    mkdirs(NEWROOT "/etc", 0755);
    write_file(NEWROOT "/etc/passwd", "root:x:0:0:root:/nonexistent:/usr/sbin/nologin\n"
               "bitzel:x:1000:1000:Bitzel build user:/nonexistent:/bin/sh\n"
               "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    write_file(NEWROOT "/etc/group", "root:x:0:\nbitzel:x:1000:\nnogroup:x:65534:\n");
    snprintf(buf, sizeof buf, "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t%s\n", cfg.hostname);
    write_file(NEWROOT "/etc/hosts", buf);
    write_file(NEWROOT "/etc/hostname", cfg.hostname);
    write_file(NEWROOT "/etc/nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n"
               "networks: files\nprotocols: files\nservices: files\n");
}

static void copy_file(const char *from, const char *to) {
    char buf[65536];
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0) { errno = 0; return; }
    ssize_t n = read(in, buf, sizeof buf - 1);
    close(in);
    if (n < 0) n = 0;
    buf[n] = 0;
    write_file(to, buf);
}

static void build_root(int *sys_fds, int *etc_fds, int *etc_net_fds, int *dev_fds, int resolv_fd) {
    CHECK(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make / private");
    char opts[64] = "mode=0755";
    CHECK(mount("bitzel-root", NEWROOT, "tmpfs", MS_NOSUID | MS_NODEV, opts), "tmpfs root");
    for (int i = 0; SYSTEM_DIRS[i]; i++) if (sys_fds[i] >= 0) bind_fd(sys_fds[i], SYSTEM_DIRS[i], 0);
    generate_etc();
    for (int i = 0; ETC_FILES[i]; i++) if (etc_fds[i] >= 0) bind_fd(etc_fds[i], ETC_FILES[i], 0);
    for (int i = 0; ETC_NET_FILES[i]; i++) if (etc_net_fds[i] >= 0) bind_fd(etc_net_fds[i], ETC_NET_FILES[i], 0);
    if (resolv_fd >= 0) {
        char src[64];
        snprintf(src, sizeof src, "/proc/self/fd/%d", resolv_fd);
        copy_file(src, NEWROOT "/etc/resolv.conf");
    }
    /* /dev */
    mkdirs(NEWROOT "/dev", 0755);
    CHECK(mount("bitzel-dev", NEWROOT "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=0755"), "tmpfs /dev");
    for (int i = 0; DEV_NODES[i]; i++) {
        char path[64];
        snprintf(path, sizeof path, "/dev/%s", DEV_NODES[i]);
        if (dev_fds[i] >= 0) bind_fd(dev_fds[i], path, 2);
    }
    mkdirs(NEWROOT "/dev/shm", 01777);
    CHECK(mount("bitzel-shm", NEWROOT "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777"), "tmpfs /dev/shm");
    mkdirs(NEWROOT "/dev/pts", 0755);
    CHECK(mount("devpts", NEWROOT "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=620"), "devpts");
    CHECK(symlink("pts/ptmx", NEWROOT "/dev/ptmx"), "symlink ptmx");
    CHECK(symlink("/proc/self/fd", NEWROOT "/dev/fd"), "symlink fd");
    CHECK(symlink("/proc/self/fd/0", NEWROOT "/dev/stdin"), "symlink stdin");
    CHECK(symlink("/proc/self/fd/1", NEWROOT "/dev/stdout"), "symlink stdout");
    CHECK(symlink("/proc/self/fd/2", NEWROOT "/dev/stderr"), "symlink stderr");
    /* private /tmp: a tmpfs inside the root at /tmp */
    mkdirs(NEWROOT "/tmp", 01777);
    if (cfg.tmp_size >= 0) snprintf(opts, sizeof opts, "mode=1777,size=%lld", cfg.tmp_size);
    else snprintf(opts, sizeof opts, "mode=1777");
    CHECK(mount("bitzel-tmp", NEWROOT "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, opts), "tmpfs /tmp");
    /* declared paths, in the order given: later ones may sit inside earlier ones */
    for (int i = 0; i < cfg.nbinds; i++) {
        struct bind *b = &cfg.binds[i];
        const char *at = b->target ? b->target : b->path;
        if (b->idmapped_fd >= 0) {
            char target[4096];
            snprintf(target, sizeof target, NEWROOT "%s", at);
            mkdirs(target, 0755);
            CHECK(syscall(__NR_move_mount, b->idmapped_fd, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH),
                  "attach idmapped %s", at);
        } else {
            bind_fd(b->fd, at, b->writable);
        }
    }
    /* scratch paths: size-limited tmpfs, after the binds so that one may sit inside a writable path */
    for (int i = 0; i < cfg.nscratch; i++) {
        char target[4096];
        snprintf(target, sizeof target, NEWROOT "%s", cfg.scratch[i]);
        mkdirs(target, 0755);
        if (cfg.tmp_size >= 0) snprintf(opts, sizeof opts, "mode=1777,size=%lld", cfg.tmp_size);
        else snprintf(opts, sizeof opts, "mode=1777");
        CHECK(mount("bitzel-scratch", target, "tmpfs", MS_NOSUID | MS_NODEV, opts), "tmpfs %s", cfg.scratch[i]);
    }
    /* a fresh /proc for the new PID namespace, mounted while the host's is still visible (the kernel
       refuses a proc mount in a user namespace otherwise); /proc/sys read-only */
    mkdirs(NEWROOT "/proc", 0555);
    CHECK(mount("proc", NEWROOT "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL), "mount /proc");
    CHECK(mount(NEWROOT "/proc/sys", NEWROOT "/proc/sys", NULL, MS_BIND | MS_REC, NULL), "bind /proc/sys");
    set_attr(NEWROOT "/proc/sys", MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
    if (access(NEWROOT "/proc/sysrq-trigger", F_OK) == 0) {
        CHECK(mount(NEWROOT "/proc/sysrq-trigger", NEWROOT "/proc/sysrq-trigger", NULL, MS_BIND, NULL), "bind sysrq");
        set_attr(NEWROOT "/proc/sysrq-trigger", MOUNT_ATTR_RDONLY);
    }
    errno = 0;
    /* the root itself read-only, except what was mounted writable on it */
    CHECK(chdir(NEWROOT), "chdir root");
    CHECK(syscall(__NR_pivot_root, ".", "."), "pivot_root");
    CHECK(umount2(".", MNT_DETACH), "detach old root");
    CHECK(chdir("/"), "chdir /");
    CHECK(mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL), "remount / read-only");
}

static void loopback_up(void) {
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    CHECK(s, "socket");
    struct ifreq ifr = { 0 };
    strcpy(ifr.ifr_name, "lo");
    CHECK(ioctl(s, SIOCGIFFLAGS, &ifr), "get lo flags");
    ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
    CHECK(ioctl(s, SIOCSIFFLAGS, &ifr), "bring lo up");
    close(s);
}

static void set_rlimit(int resource, long long value, const char *name) {
    if (value < 0) return;
    struct rlimit rl = { (rlim_t) value, (rlim_t) value };
    CHECK(setrlimit(resource, &rl), "setrlimit %s", name);
}

/* ---------- cgroups ---------- */

/* Where cgroups are looked for: the real places, or a fake tree given to --cgroup-probe (tests). */
static const char *cg_root = "/sys/fs/cgroup";
static const char *cg_proc = "/proc/self/cgroup";
static const char *cg_name = NULL;      /* the child's name; NULL: bitzel-PID. A given name may exist already. */

struct cgroups {
    int v2;                     /* a cgroup2 with the controllers, or the v1 hierarchies */
    char unified[4096];         /* v2 directory made for this run */
    char memory[4096], pids[4096], cpu[4096]; /* v1 directories made for this run */
    char note[1024];            /* limits that could not be enforced, for the stats file */
};

static void own_cgroup(const char *controller, char *out, size_t len) {
    /* /proc/self/cgroup lines: "N:controllers:/path"; controller "" means the unified line "0::" */
    FILE *f = fopen(cg_proc, "re");
    char line[4096];
    out[0] = 0;
    if (!f) return;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *c = strchr(line, ':');
        if (!c) continue;
        char *p = strchr(c + 1, ':');
        if (!p) continue;
        *p = 0;
        const char *ctrls = c + 1;
        int match = 0;
        if (!*controller) match = !*ctrls;
        else {
            char copy[512];
            snprintf(copy, sizeof copy, "%s", ctrls);
            for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) if (!strcmp(tok, controller)) match = 1;
        }
        if (match) { snprintf(out, len, "%s", p + 1); break; }
    }
    fclose(f);
}

static int make_child(const char *mount, const char *controller, char *out, size_t len) {
    char own[2048];
    own_cgroup(controller, own, sizeof own);
    if (!own[0]) return -1;
    if (cg_name) snprintf(out, len, "%s%s/%s", mount, strcmp(own, "/") ? own : "", cg_name);
    else snprintf(out, len, "%s%s/bitzel-%d", mount, strcmp(own, "/") ? own : "", (int) getpid());
    if (!*controller) {
        /* v2: a child has the controllers' files only when its parent delegates them; try (this fails with EBUSY
           when the parent holds processes, the "no internal processes" rule; then the notes below say so) */
        char parent[4200];
        snprintf(parent, sizeof parent, "%s%s/cgroup.subtree_control", mount, strcmp(own, "/") ? own : "");
        if (try_write_file(parent, "+memory +pids +cpu") < 0) try_write_file(parent, "+memory +pids");
    }
    if (mkdir(out, 0755) < 0 && !(cg_name && errno == EEXIST)) { out[0] = 0; return -1; }
    return 0;
}

static void note(struct cgroups *cg, const char *what) {
    size_t n = strlen(cg->note);
    snprintf(cg->note + n, sizeof cg->note - n, "%s%s", n ? "; " : "", what);
}

static int cg_write(const char *dir, const char *file, long long value, const char *text) {
    char path[4200], buf[64];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (text == NULL) { snprintf(buf, sizeof buf, "%lld", value); text = buf; }
    return try_write_file(path, text);
}

static long long cg_read(const char *dir, const char *file, const char *key) {
    char path[4200], line[512];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "re");
    if (!f) return -1;
    long long v = -1;
    while (fgets(line, sizeof line, f)) {
        if (!key) { v = atoll(line); break; }
        size_t k = strlen(key);
        if (!strncmp(line, key, k) && line[k] == ' ') { v = atoll(line + k + 1); break; }
    }
    fclose(f);
    return v;
}

/* Makes the cgroups that the requested limits need; records what cannot be enforced. */
static void cgroups_setup(struct cgroups *cg) {
    int want = cfg.mem_limit >= 0 || cfg.pids_limit >= 0 || cfg.cpu_millis >= 0;
    if (!want) return;
    /* cgroup2 at the root (pure v2) or at unified/ (hybrid; usable only if memory and pids are there) */
    char ctrls[512] = "", v2mount[4096] = "";
    const char *where[] = { "", "/unified" };
    for (int i = 0; i < 2 && !v2mount[0]; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s%s/cgroup.controllers", cg_root, where[i]);
        FILE *f = fopen(path, "re");
        if (!f) continue;
        if (!fgets(ctrls, sizeof ctrls, f)) ctrls[0] = 0;
        fclose(f);
        if (strstr(ctrls, "memory") && strstr(ctrls, "pids")) snprintf(v2mount, sizeof v2mount, "%s%s", cg_root, where[i]);
    }
    if (v2mount[0]) {
        cg->v2 = 1;
        char why[4400];
        if (make_child(v2mount, "", cg->unified, sizeof cg->unified) < 0) {
            snprintf(why, sizeof why, "memory, pids, cpu: cgroup v2 at %s: cannot create a child cgroup (%s)", v2mount, strerror(errno));
            note(cg, why);
        } else {
            if (cfg.mem_limit >= 0 && (cg_write(cg->unified, "memory.max", cfg.mem_limit, NULL) < 0
                    || cg_write(cg->unified, "memory.swap.max", 0, NULL) < 0)) {
                snprintf(why, sizeof why, "memory: cgroup v2 %s/memory.max not writable (%s; is memory in the parent's cgroup.subtree_control?)", cg->unified, strerror(errno));
                note(cg, why);
            }
            if (cfg.pids_limit >= 0 && cg_write(cg->unified, "pids.max", cfg.pids_limit, NULL) < 0) {
                snprintf(why, sizeof why, "pids: cgroup v2 %s/pids.max not writable (%s)", cg->unified, strerror(errno));
                note(cg, why);
            }
            if (cfg.cpu_millis >= 0) {
                char buf[64];
                snprintf(buf, sizeof buf, "%lld 100000", cfg.cpu_millis * 100);
                if (!strstr(ctrls, "cpu")) note(cg, "cpu: the cgroup v2 hierarchy has no cpu controller");
                else if (cg_write(cg->unified, "cpu.max", 0, buf) < 0) {
                    snprintf(why, sizeof why, "cpu: cgroup v2 %s/cpu.max not writable (%s)", cg->unified, strerror(errno));
                    note(cg, why);
                }
            }
        }
        return;
    }
    char v1[4200];
    if (cfg.mem_limit >= 0) {
        snprintf(v1, sizeof v1, "%s/memory", cg_root);
        if (make_child(v1, "memory", cg->memory, sizeof cg->memory) < 0
                || cg_write(cg->memory, "memory.limit_in_bytes", cfg.mem_limit, NULL) < 0) note(cg, "memory: no usable memory cgroup (v1 or v2)");
        else cg_write(cg->memory, "memory.memsw.limit_in_bytes", cfg.mem_limit, NULL); /* absent without swap accounting */
    }
    if (cfg.pids_limit >= 0) {
        snprintf(v1, sizeof v1, "%s/pids", cg_root);
        if (make_child(v1, "pids", cg->pids, sizeof cg->pids) < 0
                || cg_write(cg->pids, "pids.max", cfg.pids_limit, NULL) < 0) note(cg, "pids: no usable pids cgroup (v1 or v2)");
    }
    if (cfg.cpu_millis >= 0) {
        snprintf(v1, sizeof v1, "%s/cpu", cg_root);
        if (make_child(v1, "cpu", cg->cpu, sizeof cg->cpu) < 0
                || cg_write(cg->cpu, "cpu.cfs_period_us", 100000, NULL) < 0
                || cg_write(cg->cpu, "cpu.cfs_quota_us", cfg.cpu_millis * 100, NULL) < 0) note(cg, "cpu: no usable cpu cgroup (v1 or v2)");
    }
}

static void cgroups_join(struct cgroups *cg, pid_t pid) {
    const char *dirs[] = { cg->unified, cg->memory, cg->pids, cg->cpu };
    for (int i = 0; i < 4; i++) {
        if (dirs[i][0] && cg_write(dirs[i], "cgroup.procs", pid, NULL) < 0) {
            note(cg, "could not move the sandbox into a cgroup");
        }
    }
}

static void cgroups_finish(struct cgroups *cg, FILE *stats) {
    if (cg->unified[0]) {
        fprintf(stats, "cgroup=v2\n");
        long long peak = cg_read(cg->unified, "memory.peak", NULL);
        if (peak >= 0) fprintf(stats, "memory_peak=%lld\n", peak);
        long long oom = cg_read(cg->unified, "memory.events", "oom_kill");
        if (oom > 0) fprintf(stats, "limit_hit=memory\n");
        long long pmax = cg_read(cg->unified, "pids.events", "max");
        if (pmax > 0) fprintf(stats, "limit_hit=pids\n");
        cg_write(cg->unified, "cgroup.kill", 1, NULL);
        for (int i = 0; i < 100 && rmdir(cg->unified) < 0 && errno == EBUSY; i++) usleep(1000);
    }
    if (cg->memory[0]) {
        fprintf(stats, "cgroup=v1\n");
        long long peak = cg_read(cg->memory, "memory.max_usage_in_bytes", NULL);
        if (peak >= 0) fprintf(stats, "memory_peak=%lld\n", peak);
        long long oom = cg_read(cg->memory, "memory.oom_control", "oom_kill");
        long long fail = cg_read(cg->memory, "memory.failcnt", NULL);
        if (oom > 0 || (oom < 0 && fail > 0)) fprintf(stats, "limit_hit=memory\n");
        for (int i = 0; i < 100 && rmdir(cg->memory) < 0 && errno == EBUSY; i++) usleep(1000);
    }
    if (cg->pids[0]) {
        fprintf(stats, "cgroup=v1\n");
        long long pmax = cg_read(cg->pids, "pids.events", "max");
        if (pmax > 0) fprintf(stats, "limit_hit=pids\n");
        for (int i = 0; i < 100 && rmdir(cg->pids) < 0 && errno == EBUSY; i++) usleep(1000);
    }
    if (cg->cpu[0]) {
        for (int i = 0; i < 100 && rmdir(cg->cpu) < 0 && errno == EBUSY; i++) usleep(1000);
    }
    if (cg->note[0]) fprintf(stats, "not_enforced=%s\n", cg->note);
}

/* ---------- idmapped mounts: rw paths as root ---------- */

/* A user namespace mapping the path's owner to the task's host ids, attached to a detached copy of the
   path's mount: the task can write the path, and what it writes is owned by the path's owner on disk. */
static int make_idmapped(const char *path, int fd, uid_t task_uid, gid_t task_gid) {
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) return -1;
    int ready[2], hold[2];
    if (pipe2(ready, O_CLOEXEC) < 0 || pipe2(hold, O_CLOEXEC) < 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        char c;
        close(hold[1]);
        close(ready[0]);
        int ok = unshare(CLONE_NEWUSER) == 0;
        if (write(ready[1], ok ? "y" : "n", 1) < 0) _exit(1);
        (void) !read(hold[0], &c, 1);
        _exit(0);
    }
    close(ready[1]);
    close(hold[0]);
    char c = 'n', file[64], map[64];
    int result = -1, nsfd = -1;
    if (read(ready[0], &c, 1) == 1 && c == 'y') {
        snprintf(file, sizeof file, "/proc/%d/uid_map", (int) pid);
        snprintf(map, sizeof map, "%u %u 1\n", (unsigned) st.st_uid, (unsigned) task_uid);
        int ok = try_write_file(file, map) == 0;
        snprintf(file, sizeof file, "/proc/%d/setgroups", (int) pid);
        try_write_file(file, "deny");
        snprintf(file, sizeof file, "/proc/%d/gid_map", (int) pid);
        snprintf(map, sizeof map, "%u %u 1\n", (unsigned) st.st_gid, (unsigned) task_gid);
        ok = ok && try_write_file(file, map) == 0;
        snprintf(file, sizeof file, "/proc/%d/ns/user", (int) pid);
        if (ok) nsfd = open(file, O_RDONLY | O_CLOEXEC);
    }
    close(hold[1]);
    close(ready[0]);
    waitpid(pid, NULL, 0);
    if (nsfd < 0) return -1;
    int tree = syscall(__NR_open_tree, fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE);
    if (tree >= 0) {
        struct mount_attr attr = { .attr_set = MOUNT_ATTR_IDMAP | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, .userns_fd = nsfd };
        if (syscall(__NR_mount_setattr, tree, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr) == 0) result = tree;
        else close(tree);
    }
    close(nsfd);
    (void) path;
    errno = 0;
    return result;
}

/* ---------- init (PID 1) and the task ---------- */

struct init_args {
    int sync_fd;     /* init reads one byte once its uid/gid maps are written */
    int status_fd;   /* init writes the task's raw wait status here before it exits */
    int err_fd;
    int out_fd, errout_fd;
    int sys_fds[8], etc_fds[8], etc_net_fds[4], dev_fds[8], resolv_fd;
};

static volatile sig_atomic_t terminate_requested;
static void on_term(int sig) { (void) sig; terminate_requested = 1; }

static int init_main(void *arg) {
    struct init_args *a = arg;
    char c;
    err_fd = a->err_fd;
    if (read(a->sync_fd, &c, 1) != 1) die("parent gone");
    close(a->sync_fd);
    /* init keeps every capability in its namespace: its host uid is not the namespace's root, so the
       kernel's setuid fix-up does not clear them; files it creates belong to the build user */
    CHECK(setresgid(BUILD_GID, BUILD_GID, BUILD_GID), "setgid in namespace");
    CHECK(setresuid(BUILD_UID, BUILD_UID, BUILD_UID), "setuid in namespace");
    /* if the outer dies (killed by its supervisor), init dies, and with it the whole namespace; armed after
       the uid change, which clears it (an outer killed in the microseconds before is not covered) */
    CHECK(prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0), "pdeathsig");
    if (cfg.net == NET_LOOPBACK) loopback_up();
    CHECK(sethostname(cfg.hostname, strlen(cfg.hostname)), "sethostname");
    /* bind sources must be opened in this mount namespace (a bind of another namespace's mount is
       refused) and before the new root's tmpfs hides /tmp */
    for (int i = 0; SYSTEM_DIRS[i]; i++) a->sys_fds[i] = open_path(SYSTEM_DIRS[i], 0);
    for (int i = 0; ETC_FILES[i]; i++) a->etc_fds[i] = open_path(ETC_FILES[i], 0);
    for (int i = 0; ETC_NET_FILES[i]; i++) a->etc_net_fds[i] = cfg.net == NET_HOST ? open_path(ETC_NET_FILES[i], 0) : -1;
    for (int i = 0; DEV_NODES[i]; i++) {
        char p[64];
        snprintf(p, sizeof p, "/dev/%s", DEV_NODES[i]);
        a->dev_fds[i] = open_path(p, 0);
    }
    for (int i = 0; i < cfg.nbinds; i++) {
        if (cfg.binds[i].idmapped_fd >= 0) continue;
        cfg.binds[i].fd = open(cfg.binds[i].path, O_PATH | O_CLOEXEC);
        CHECK(cfg.binds[i].fd, "%s", cfg.binds[i].path);
    }
    build_root(a->sys_fds, a->etc_fds, a->etc_net_fds, a->dev_fds, a->resolv_fd);

    struct sigaction sa = { .sa_handler = on_term };
    sigaction(SIGTERM, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old);

    pid_t task = fork();
    CHECK(task, "fork task");
    if (task == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        signal(SIGTERM, SIG_DFL);
        CHECK(setsid(), "setsid");
        CHECK(dup2(a->out_fd, 1), "dup2 stdout");
        CHECK(dup2(a->errout_fd, 2), "dup2 stderr");
        int null = open("/dev/null", O_RDONLY);
        CHECK(null, "open /dev/null");
        CHECK(dup2(null, 0), "dup2 stdin");
        /* every other descriptor is closed on exec (close_range with CLOEXEC, kernel >= 5.11) */
        CHECK(syscall(__NR_close_range, 3, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */), "close_range");
        CHECK(chdir(cfg.cwd ? cfg.cwd : "/"), "chdir %s", cfg.cwd ? cfg.cwd : "/");
        if (cfg.cpu_seconds >= 0) {
            /* SIGXCPU at the soft limit (reported as such), SIGKILL a second later if it is caught */
            struct rlimit rl = { (rlim_t) cfg.cpu_seconds, (rlim_t) cfg.cpu_seconds + 1 };
            CHECK(setrlimit(RLIMIT_CPU, &rl), "setrlimit cpu");
        }
        set_rlimit(RLIMIT_FSIZE, cfg.fsize_limit, "fsize");
        set_rlimit(RLIMIT_NOFILE, cfg.nofile, "nofile");
        set_rlimit(RLIMIT_CORE, 0, "core");
        CHECK(setgroups(0, NULL) < 0 && errno != EPERM ? -1 : 0, "setgroups");
        errno = 0;
        CHECK(setresgid(BUILD_GID, BUILD_GID, BUILD_GID), "setgid %d", BUILD_GID);
        CHECK(setresuid(BUILD_UID, BUILD_UID, BUILD_UID), "setuid %d", BUILD_UID);
        for (int cap = 0; cap <= 63; cap++) prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
        errno = 0;
        if (cfg.seccomp) install_seccomp();
        cfg.env[cfg.nenv] = NULL;
        execve(cfg.argv[0], cfg.argv, cfg.env);
        if (errno == ENOENT && !strchr(cfg.argv[0], '/')) {
            /* a bare name: search the declared PATH, like execvp, but in the declared environment */
            const char *path = "/usr/local/bin:/usr/bin:/bin";
            for (int i = 0; i < cfg.nenv; i++) if (!strncmp(cfg.env[i], "PATH=", 5)) path = cfg.env[i] + 5;
            char dirs[4096], full[4096];
            snprintf(dirs, sizeof dirs, "%s", path);
            for (char *d = strtok(dirs, ":"); d; d = strtok(NULL, ":")) {
                snprintf(full, sizeof full, "%s/%s", *d ? d : ".", cfg.argv[0]);
                execve(full, cfg.argv, cfg.env);
            }
            errno = ENOENT;
        }
        int saved = errno;
        dprintf(a->err_fd, "exec %s: %s", cfg.argv[0], strerror(saved));
        _exit(127);
    }
    close(a->out_fd);
    close(a->errout_fd);
    close(a->err_fd);
    /* reap everything; leave when the task has exited (the kernel then kills the rest) */
    int task_status = 0;
    for (;;) {
        sigset_t waitset;
        sigemptyset(&waitset);
        sigaddset(&waitset, SIGCHLD);
        sigaddset(&waitset, SIGTERM);
        int sig = 0;
        sigwait(&waitset, &sig);
        if (sig == SIGTERM) { kill(-1, SIGTERM); continue; }
        int status;
        pid_t p;
        int done = 0;
        while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
            if (p == task) { task_status = status; done = 1; }
        }
        if (done) break;
    }
    /* the outer sees only init's status: pass the task's own, so that "exit 130" and SIGINT stay distinct */
    if (write(a->status_fd, &task_status, sizeof task_status) < 0) { /* the outer falls back to init's status */ }
    return WIFSIGNALED(task_status) ? 128 + WTERMSIG(task_status) : WEXITSTATUS(task_status);
}

/* ---------- the outer: set-up, supervision, statistics ---------- */

static void usage(void) {
    fprintf(stderr, "usage: bitzel-sandbox [--ro PATH [--at DEST]] [--rw PATH [--at DEST]] [--scratch PATH] [--env K=V] [--cwd DIR] [--net none|loopback|host]\n"
            "  [--stdout FILE|-] [--stderr FILE|-] [--stats FILE] [--timeout-ms N] [--grace-ms N] [--output-limit N]\n"
            "  [--memory N] [--pids N] [--cpu-millis N] [--cpu-seconds N] [--fsize N] [--tmp-size N] [--nofile N]\n"
            "  [--task-uid N --task-gid N] [--hostname NAME] [--no-seccomp] -- CMD...\n");
    exit(125);
}

static void parse_args(int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--no-seccomp")) { cfg.seccomp = 0; continue; }
        if (i + 1 >= argc) usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--ro") || !strcmp(a, "--rw")) {
            if (cfg.nbinds >= MAX_PATHS) die("too many paths");
            if (v[0] != '/') die("path must be absolute: %s", v);
            cfg.binds[cfg.nbinds++] = (struct bind) { v, a[3] == 'w', -1, -1, NULL };
        } else if (!strcmp(a, "--at")) {
            /* the preceding --ro/--rw path appears at this sandbox path instead of its own */
            if (cfg.nbinds == 0 || cfg.binds[cfg.nbinds - 1].target) die("--at must follow --ro or --rw once");
            if (v[0] != '/' || !strcmp(v, "/")) die("--at path must be absolute and not /: %s", v);
            cfg.binds[cfg.nbinds - 1].target = v;
        } else if (!strcmp(a, "--scratch")) {
            if (cfg.nscratch >= MAX_PATHS) die("too many scratch paths");
            if (v[0] != '/') die("path must be absolute: %s", v);
            cfg.scratch[cfg.nscratch++] = v;
        } else if (!strcmp(a, "--env")) {
            if (cfg.nenv >= MAX_PATHS) die("too many variables");
            cfg.env[cfg.nenv++] = (char *) v;
        } else if (!strcmp(a, "--cwd")) cfg.cwd = v;
        else if (!strcmp(a, "--hostname")) cfg.hostname = v;
        else if (!strcmp(a, "--net")) {
            if (!strcmp(v, "none")) cfg.net = NET_NONE;
            else if (!strcmp(v, "loopback")) cfg.net = NET_LOOPBACK;
            else if (!strcmp(v, "host")) cfg.net = NET_HOST;
            else usage();
        }
        else if (!strcmp(a, "--stdout")) cfg.stdout_path = v;
        else if (!strcmp(a, "--stderr")) cfg.stderr_path = v;
        else if (!strcmp(a, "--stats")) cfg.stats_path = v;
        else if (!strcmp(a, "--timeout-ms")) cfg.timeout_ms = parse_num(a, v);
        else if (!strcmp(a, "--grace-ms")) cfg.grace_ms = parse_num(a, v);
        else if (!strcmp(a, "--output-limit")) cfg.out_limit = parse_num(a, v);
        else if (!strcmp(a, "--memory")) cfg.mem_limit = parse_num(a, v);
        else if (!strcmp(a, "--pids")) cfg.pids_limit = parse_num(a, v);
        else if (!strcmp(a, "--cpu-millis")) cfg.cpu_millis = parse_num(a, v);
        else if (!strcmp(a, "--cpu-seconds")) cfg.cpu_seconds = parse_num(a, v);
        else if (!strcmp(a, "--fsize")) cfg.fsize_limit = parse_num(a, v);
        else if (!strcmp(a, "--tmp-size")) cfg.tmp_size = parse_num(a, v);
        else if (!strcmp(a, "--nofile")) cfg.nofile = parse_num(a, v);
        else if (!strcmp(a, "--task-uid")) cfg.task_uid = (uid_t) parse_num(a, v);
        else if (!strcmp(a, "--task-gid")) cfg.task_gid = (gid_t) parse_num(a, v);
        else usage();
    }
    if (i >= argc) usage();
    cfg.argv = argv + i;
}

static int open_output(const char *path) {
    if (!path || !strcmp(path, "/dev/null")) return open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (!strcmp(path, "-")) return -2;
    return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

static int run_main(int argc, char **argv) {
    long long t0 = now_ns();
    parse_args(argc, argv);
    if (!cfg.stats_path) die("--stats is required");
    signal(SIGPIPE, SIG_IGN);
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (uid == 0) {
        /* never run a task as host root: default to nobody */
        if (cfg.task_uid == (uid_t) -1) cfg.task_uid = 65534;
        if (cfg.task_gid == (gid_t) -1) cfg.task_gid = 65534;
        if (cfg.task_uid == 0 || cfg.task_gid == 0) { errno = 0; die("the task must not run as host root"); }
    } else {
        cfg.task_uid = uid;
        cfg.task_gid = gid;
    }

    struct init_args a = { .resolv_fd = -1 };
    if (cfg.net == NET_HOST) a.resolv_fd = open("/etc/resolv.conf", O_RDONLY | O_CLOEXEC);
    errno = 0;
    char idmap_note[1024] = "";
    for (int i = 0; i < cfg.nbinds; i++) {
        struct bind *b = &cfg.binds[i];
        b->fd = open(b->path, O_PATH | O_CLOEXEC);
        CHECK(b->fd, "%s", b->path);
        struct stat st;
        if (b->writable && uid == 0 && fstat(b->fd, &st) == 0 && !S_ISDIR(st.st_mode) && st.st_uid != cfg.task_uid) {
            size_t n = strlen(idmap_note);
            snprintf(idmap_note + n, sizeof idmap_note - n, "%srw path %s: a file not owned by the task's uid %u "
                     "(only directories get an idmapped mount), the task may not be able to write it",
                     n ? "; " : "", b->path, (unsigned) cfg.task_uid);
        }
        if (b->writable && uid == 0 && fstat(b->fd, &st) == 0 && S_ISDIR(st.st_mode)
                && (st.st_uid != cfg.task_uid || st.st_gid != cfg.task_gid)) {
            b->idmapped_fd = make_idmapped(b->path, b->fd, cfg.task_uid, cfg.task_gid);
            if (b->idmapped_fd < 0) {
                size_t n = strlen(idmap_note);
                snprintf(idmap_note + n, sizeof idmap_note - n, "%srw path %s: no idmapped mount, the task may not be able to write it",
                         n ? "; " : "", b->path);
            }
        }
        if (b->target && b->idmapped_fd < 0 && fstat(b->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            /* a directory shown elsewhere (--at) is cloned here, with the caller's rights: the task user need
               not be able to reach it on the host (an executor's scratch directory under a private home) */
            int tree = syscall(__NR_open_tree, b->fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE);
            if (tree >= 0) {
                struct mount_attr attr = { .attr_set = (b->writable ? 0 : MOUNT_ATTR_RDONLY) | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV };
                if (syscall(__NR_mount_setattr, tree, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr) == 0) b->idmapped_fd = tree;
                else close(tree);
            }
            errno = 0;
        }
    }

    struct cgroups cg = { 0 };
    cgroups_setup(&cg);

    int sync[2], errp[2], outp[2] = { -1, -1 }, errop[2] = { -1, -1 }, statp[2];
    CHECK(pipe2(sync, O_CLOEXEC), "pipe");
    CHECK(pipe2(statp, O_CLOEXEC | O_NONBLOCK), "pipe");
    CHECK(pipe2(errp, O_CLOEXEC), "pipe");
    int out_file = open_output(cfg.stdout_path), err_file = open_output(cfg.stderr_path);
    if (out_file == -1) die("open %s", cfg.stdout_path);
    if (err_file == -1) die("open %s", cfg.stderr_path);
    if (out_file == -2) out_file = 1;
    if (err_file == -2) err_file = 2;
    CHECK(pipe2(outp, O_CLOEXEC), "pipe");
    CHECK(pipe2(errop, O_CLOEXEC), "pipe");
    a.sync_fd = sync[0];
    a.status_fd = statp[1];
    a.err_fd = errp[1];
    a.out_fd = outp[1];
    a.errout_fd = errop[1];

    int flags = CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP | SIGCHLD;
    if (cfg.net != NET_HOST) flags |= CLONE_NEWNET;
    static char stack[256 * 1024] __attribute__((aligned(16)));
    /* the outer and init share nothing after clone: init only uses its copy of the memory */
    pid_t init = clone(init_main, stack + sizeof stack, flags, &a);
    CHECK(init, "clone (namespaces unavailable?)");
    close(sync[0]);
    close(statp[1]);
    close(errp[1]);
    close(outp[1]);
    close(errop[1]);
    cgroups_join(&cg, init);

    char file[64], map[64];
    snprintf(file, sizeof file, "/proc/%d/uid_map", (int) init);
    snprintf(map, sizeof map, "%u %u 1\n", BUILD_UID, (unsigned) cfg.task_uid);
    CHECK(try_write_file(file, map), "write %s", file);
    snprintf(file, sizeof file, "/proc/%d/setgroups", (int) init);
    CHECK(try_write_file(file, "deny"), "write %s", file);
    snprintf(file, sizeof file, "/proc/%d/gid_map", (int) init);
    snprintf(map, sizeof map, "%u %u 1\n", BUILD_GID, (unsigned) cfg.task_gid);
    CHECK(try_write_file(file, map), "write %s", file);
    CHECK(write(sync[1], "x", 1), "sync");
    close(sync[1]);

    /* supervise: relay output, collect set-up errors, enforce the timeout */
    long long deadline = cfg.timeout_ms >= 0 ? t0 + cfg.timeout_ms * 1000000LL : -1;
    long long kill_at = -1, setup_ns = -1, written = 0;
    const char *limit_hit = NULL;
    char errmsg[2048] = "";
    size_t errlen = 0;
    int pidfd = syscall(__NR_pidfd_open, init, 0); /* readable once init exits: no polling delay */
    struct pollfd fds[4] = { { errp[0], POLLIN, 0 }, { outp[0], POLLIN, 0 }, { errop[0], POLLIN, 0 }, { pidfd, POLLIN, 0 } };
    int dests[3] = { -1, out_file, err_file };
    int open_fds = 3;
    int status = 0, reaped = 0;
    struct rusage ru = { 0 };
    char buf[65536];
    while (!reaped) {
        long long now = now_ns();
        int wait_ms = 100;
        if (deadline >= 0 && !limit_hit && now >= deadline) {
            limit_hit = "timeout";
            kill(init, SIGTERM);
            kill_at = now + cfg.grace_ms * 1000000LL;
        }
        if (kill_at >= 0 && now >= kill_at) { kill(init, SIGKILL); kill_at = -1; }
        if (deadline >= 0 && !limit_hit) wait_ms = (int) ((deadline - now) / 1000000LL) + 1;
        if (kill_at >= 0) wait_ms = (int) ((kill_at - now) / 1000000LL) + 1;
        if (wait_ms > 100) wait_ms = 100;
        if (open_fds > 0 || pidfd >= 0) {
            int n = poll(fds, 4, wait_ms);
            if (n < 0 && errno != EINTR) die("poll");
            for (int i = 0; n > 0 && i < 3; i++) {
                if (fds[i].fd < 0 || !fds[i].revents) continue;
                if (i == 3) continue;
                ssize_t r = read(fds[i].fd, buf, sizeof buf);
                if (r <= 0) {
                    if (i == 0 && setup_ns < 0) setup_ns = now_ns() - t0;
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    open_fds--;
                    continue;
                }
                if (i == 0) {
                    size_t take = (size_t) r < sizeof errmsg - 1 - errlen ? (size_t) r : sizeof errmsg - 1 - errlen;
                    memcpy(errmsg + errlen, buf, take);
                    errlen += take;
                    errmsg[errlen] = 0;
                    continue;
                }
                long long room = cfg.out_limit >= 0 ? cfg.out_limit - written : r;
                if (room > 0) {
                    size_t w = r < room ? (size_t) r : (size_t) room;
                    if (write(dests[i], buf, w) < 0) { /* a closed terminal: keep draining */ }
                    written += w;
                }
                if (cfg.out_limit >= 0 && room < r && !limit_hit) {
                    limit_hit = "output";
                    kill(init, SIGKILL);
                }
            }
        } else {
            struct timespec ts = { 0, wait_ms * 1000000L };
            nanosleep(&ts, NULL);
        }
        pid_t p = wait4(init, &status, WNOHANG, &ru);
        if (p == init) reaped = 1;
    }
    long long t_end = now_ns();
    /* drain what is left in the pipes (the writers are gone) */
    for (int i = 0; i < 3; i++) {
        if (fds[i].fd < 0) continue;
        ssize_t r;
        int flags_fd = fcntl(fds[i].fd, F_GETFL);
        fcntl(fds[i].fd, F_SETFL, flags_fd | O_NONBLOCK);
        while ((r = read(fds[i].fd, buf, sizeof buf)) > 0) {
            if (i == 0) {
                size_t take = (size_t) r < sizeof errmsg - 1 - errlen ? (size_t) r : sizeof errmsg - 1 - errlen;
                memcpy(errmsg + errlen, buf, take);
                errlen += take;
                errmsg[errlen] = 0;
                continue;
            }
            long long room = cfg.out_limit >= 0 ? cfg.out_limit - written : r;
            if (room > 0) {
                size_t w = r < room ? (size_t) r : (size_t) room;
                if (write(dests[i], buf, w) < 0) { }
                written += w;
            }
            if (cfg.out_limit >= 0 && room < r && !limit_hit) limit_hit = "output";
        }
    }

    int task_status;
    int have_task_status = read(statp[0], &task_status, sizeof task_status) == (ssize_t) sizeof task_status;
    FILE *stats = fopen(cfg.stats_path, "we");
    if (!stats) die("open %s", cfg.stats_path);
    if (setup_ns < 0) setup_ns = t_end - t0;
    int setup_failed = errlen > 0 && WIFEXITED(status) && (WEXITSTATUS(status) == 125 || WEXITSTATUS(status) == 127);
    if (setup_failed && WEXITSTATUS(status) == 125) {
        for (char *c = errmsg; *c; c++) if (*c == '\n') *c = ' ';
        fprintf(stats, "setup_error=%s\n", errmsg);
    } else if (setup_failed) {
        fprintf(stats, "exec_error=%s\n", errmsg);
    }
    if (have_task_status) status = task_status; /* else init itself was killed (timeout, output cap) */
    if (WIFSIGNALED(status)) {
        fprintf(stats, "signal=%d\n", WTERMSIG(status));
    } else {
        fprintf(stats, "exit=%d\n", WEXITSTATUS(status));
    }
    if (limit_hit) fprintf(stats, "limit_hit=%s\n", limit_hit);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) fprintf(stats, "limit_hit=cpu_time\n");
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ) fprintf(stats, "limit_hit=file_size\n");
    /* a shell reports a child killed by SIGXCPU/SIGXFSZ as its own exit status 128 + signal */
    if (!WIFSIGNALED(status) && WEXITSTATUS(status) == 128 + SIGXCPU && cfg.cpu_seconds >= 0) fprintf(stats, "limit_hit=cpu_time\n");
    if (!WIFSIGNALED(status) && WEXITSTATUS(status) == 128 + SIGXFSZ && cfg.fsize_limit >= 0) fprintf(stats, "limit_hit=file_size\n");
    fprintf(stats, "wall_ns=%lld\nsetup_ns=%lld\n", t_end - t0 - setup_ns, setup_ns);
    fprintf(stats, "user_us=%lld\nsys_us=%lld\nmaxrss_kb=%ld\n",
            (long long) ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec,
            (long long) ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec, ru.ru_maxrss);
    fprintf(stats, "output_bytes=%lld\n", written);
    cgroups_finish(&cg, stats);
    if (idmap_note[0]) fprintf(stats, "not_enforced=%s\n", idmap_note);
    fclose(stats);
    return setup_failed && WEXITSTATUS(status) == 125 ? 125 : 0;
}

/* ---------- server mode: one long-lived helper forks a worker per request ---------- */

/*
 * Launching a process from the JVM costs more than the whole sandbox set-up (NOTES: 1.5-3 ms idle, far more
 * under load). In server mode the JVM launches the helper once; each request is a fork of this small
 * single-threaded process. Requests on stdin: "ID\0ARGC\0ARG\0...ARG\0" runs a sandbox with those arguments;
 * "K\0ID\0" kills request ID's worker (and so its init and namespace). Responses on stdout: "ID STATUS\n"
 * once a worker is reaped. EOF on stdin (the JVM is gone): every worker is killed and the server exits.
 */
#define MAX_JOBS 4096
static struct { long long id; pid_t pid; } jobs[MAX_JOBS];

static int server_main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    int sfd = signalfd(-1, &set, SFD_CLOEXEC);
    CHECK(sfd, "signalfd");
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) die("malloc");
    int eof = 0;
    while (!eof) {
        struct pollfd fds[2] = { { 0, POLLIN, 0 }, { sfd, POLLIN, 0 } };
        if (poll(fds, 2, -1) < 0) { if (errno == EINTR) continue; die("poll"); }
        if (fds[1].revents) {
            struct signalfd_siginfo si;
            (void) !read(sfd, &si, sizeof si);
            int st;
            pid_t p;
            while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
                for (int j = 0; j < MAX_JOBS; j++) {
                    if (jobs[j].pid != p) continue;
                    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
                    dprintf(1, "%lld %d\n", jobs[j].id, code);
                    jobs[j].pid = 0;
                    break;
                }
            }
        }
        if (!fds[0].revents) continue;
        if (len + 65536 > cap) { cap *= 2; buf = realloc(buf, cap); if (!buf) die("realloc"); }
        ssize_t r = read(0, buf + len, cap - len);
        if (r <= 0) { eof = 1; break; }
        len += r;
        for (;;) {
            /* tokens of one complete request, or wait for more bytes */
            char *tok[MAX_PATHS * 4 + 64];
            size_t pos = 0;
            int n = 0, need = 2;
            while (n < need && pos < len) {
                char *z = memchr(buf + pos, 0, len - pos);
                if (!z) break;
                if (n >= (int) (sizeof tok / sizeof tok[0])) die("request too long");
                tok[n++] = buf + pos;
                pos = z - buf + 1;
                if (n == 2 && strcmp(tok[0], "K")) need = 2 + atoi(tok[1]);
            }
            if (n < need) break;
            if (!strcmp(tok[0], "K")) {
                long long id = atoll(tok[1]);
                for (int j = 0; j < MAX_JOBS; j++) if (jobs[j].pid > 0 && jobs[j].id == id) kill(jobs[j].pid, SIGKILL);
            } else {
                int slot = -1;
                for (int j = 0; j < MAX_JOBS && slot < 0; j++) if (jobs[j].pid == 0) slot = j;
                long long id = atoll(tok[0]);
                int argc = need - 2 + 1;
                pid_t w = slot < 0 ? -1 : fork();
                if (w == 0) {
                    sigprocmask(SIG_UNBLOCK, &set, NULL);
                    close(sfd);
                    int null = open("/dev/null", O_RDWR);
                    dup2(null, 0);
                    dup2(null, 1);
                    if (null > 2) close(null);
                    /* the worker and its init die with the server */
                    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
                    char **argv = calloc(argc + 1, sizeof *argv);
                    if (!argv) _exit(125);
                    argv[0] = "bitzel-sandbox";
                    for (int k = 1; k < argc; k++) argv[k] = tok[k + 1];
                    _exit(run_main(argc, argv));
                }
                if (w < 0) dprintf(1, "%lld 125\n", id);
                else { jobs[slot].id = id; jobs[slot].pid = w; }
            }
            memmove(buf, buf + pos, len - pos);
            len -= pos;
        }
    }
    for (int j = 0; j < MAX_JOBS; j++) if (jobs[j].pid > 0) kill(jobs[j].pid, SIGKILL);
    return 0;
}

/*
 * --cgroup-probe ROOT PROC_CGROUP NAME [--memory N] [--pids N] [--cpu-millis N]: runs only the cgroup part (set-up,
 * joining with this process, finish) against the cgroup tree at ROOT, with PROC_CGROUP in place of
 * /proc/self/cgroup and NAME as the child's name (it may exist: tests prepare it in a fake tree), and prints the
 * statistics lines it would write. Lets tests drive the v2 and v1 code on a machine that has only one of them.
 */
static int cgroup_probe_main(int argc, char **argv) {
    if (argc < 5) usage();
    cg_root = argv[2];
    cg_proc = argv[3];
    cg_name = argv[4];
    for (int i = 5; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--memory")) cfg.mem_limit = parse_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--pids")) cfg.pids_limit = parse_num(argv[i], argv[i + 1]);
        else if (!strcmp(argv[i], "--cpu-millis")) cfg.cpu_millis = parse_num(argv[i], argv[i + 1]);
        else usage();
    }
    struct cgroups cg = { 0 };
    cgroups_setup(&cg);
    /* join a child, as a run joins its init, so that the cgroups are empty again (removable) at the end */
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) { pause(); _exit(0); }
    cgroups_join(&cg, child);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    cgroups_finish(&cg, stdout);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 2 && !strcmp(argv[1], "--server")) return server_main();
    if (argc >= 2 && !strcmp(argv[1], "--cgroup-probe")) return cgroup_probe_main(argc, argv);
    return run_main(argc, argv);
}
