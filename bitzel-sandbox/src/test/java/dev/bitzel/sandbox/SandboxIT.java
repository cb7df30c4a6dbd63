package dev.bitzel.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile probes: each tries to escape or exhaust the sandbox and asserts that it is contained. */
class SandboxIT {
    private static final Sandbox SANDBOX = Sandbox.create();

    @TempDir
    Path work;
    Path out;
    Path err;

    @BeforeEach
    void files() throws IOException {
        Path logs = Files.createTempDirectory("bitzel-sandbox-it");
        out = logs.resolve("out");
        err = logs.resolve("err");
    }

    SandboxResult run(SandboxSpec.Builder spec) throws IOException, InterruptedException {
        return SANDBOX.run(spec.writable(work).stdout(out).stderr(err).env("PATH", "/usr/bin:/bin").build());
    }

    SandboxResult sh(String script) throws IOException, InterruptedException {
        return run(SandboxSpec.builder("sh", "-c", script));
    }

    String stdout() throws IOException {
        return Files.readString(out);
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    @Nested
    class HostSecretsAreInvisible {
        @Test
        void etcShadowAndHostUsersAreAbsent() throws Exception {
            SandboxResult r = sh("cat /etc/shadow; cat /etc/passwd; ls /etc");
            assertThat(stderr()).contains("/etc/shadow: No such file");
            assertThat(stdout()).contains("bitzel:x:1000:1000").doesNotContain("shadow");
            assertThat(stdout().lines().filter(l -> l.contains(":x:")).count()).isEqualTo(3);
            assertThat(r.exitCode()).isZero();
        }

        @Test
        void canariesInHomeAndHostTmpAreInvisible() throws Exception {
            Path home = Path.of(System.getProperty("user.home"));
            Path homeCanary = Files.createTempFile(home, "bitzel-canary", ".txt");
            Path tmpCanary = Files.createTempFile("bitzel-canary", ".txt");
            try {
                Files.writeString(homeCanary, "SECRET-HOME");
                Files.writeString(tmpCanary, "SECRET-TMP");
                sh("cat " + homeCanary + " " + tmpCanary + "; ls -a " + home + " /tmp; echo HOME=$HOME");
                assertThat(stdout()).doesNotContain("SECRET").doesNotContain(homeCanary.getFileName().toString())
                        .doesNotContain(tmpCanary.getFileName().toString()).contains("HOME=\n");
                assertThat(stderr()).contains("No such file");
            } finally {
                Files.delete(homeCanary);
                Files.delete(tmpCanary);
            }
        }

        @Test
        void onlyTheDeclaredEnvironmentIsPassed() throws Exception {
            assertThat(System.getenv()).isNotEmpty();
            run(SandboxSpec.builder("/usr/bin/env").env("DECLARED", "yes"));
            assertThat(stdout().lines().sorted()).containsExactly("DECLARED=yes", "PATH=/usr/bin:/bin");
        }

        @Test
        void fileDescriptorsAreNotInherited() throws Exception {
            Path held = Files.writeString(work.resolve("held"), "x");
            try (InputStream in = Files.newInputStream(held)) {
                assertThat(in.available()).isEqualTo(1);
                sh("ls /proc/self/fd");
                // 0-2 and the one ls opens to list the directory
                assertThat(stdout().lines()).containsExactlyInAnyOrder("0", "1", "2", "3");
            }
        }

        @Test
        void onlyTheSystemDirectoriesAndDeclaredPathsAreVisible() throws Exception {
            sh("ls /; ls /dev; id -u; hostname");
            assertThat(stdout().lines().limit(9)).containsExactlyInAnyOrder("bin", "dev", "etc", "lib", "lib64",
                    "proc", "sbin", "tmp", "usr");
            assertThat(stdout()).contains("null", "urandom", "pts", "shm").doesNotContain("sda", "vda", "kmsg");
            assertThat(stdout()).contains("\n1000\nsandbox\n");
        }
    }

    @Nested
    class HostProcessesAreOutOfReach {
        @Test
        void theTaskSeesOnlyItsOwnProcesses() throws Exception {
            sh("ls /proc | grep '^[0-9]' | wc -l; echo $$");
            List<String> lines = stdout().lines().toList();
            assertThat(Integer.parseInt(lines.get(0).trim())).isLessThanOrEqualTo(5);
            assertThat(lines.get(1)).isEqualTo("2"); // PID 1 is the sandbox's init
        }

        @Test
        void theTaskCannotKillTheJvm() throws Exception {
            long jvm = ProcessHandle.current().pid();
            SandboxResult r = sh("kill -9 " + jvm + " 1");
            assertThat(r.exitCode()).isNotZero();
            assertThat(ProcessHandle.current().isAlive()).isTrue();
        }

        @Test
        void aDaemonDoesNotOutliveTheTask() throws Exception {
            String marker = "1000." + System.nanoTime() % 1000;
            SandboxResult r = sh("(setsid sleep " + marker + " >/dev/null 2>&1 &); nohup sleep " + marker
                    + " >/dev/null 2>&1 & echo started");
            assertThat(r.exitCode()).isZero();
            assertThat(stdout()).contains("started");
            Thread.sleep(200);
            assertThat(ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
                    .toList()).isEmpty();
        }

        @Test
        void interruptingTheCallerKillsTheWholeSandbox() throws Exception {
            String marker = "2000." + System.nanoTime() % 1000;
            Thread caller = new Thread(() -> {
                try {
                    sh("sleep " + marker + " & sleep " + marker);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            caller.start();
            for (int i = 0; i < 100 && sleepers(marker) < 2; i++) {
                Thread.sleep(50);
            }
            assertThat(sleepers(marker)).isEqualTo(2);
            caller.interrupt();
            caller.join(5000);
            for (int i = 0; i < 100 && sleepers(marker) > 0; i++) {
                Thread.sleep(50);
            }
            assertThat(sleepers(marker)).isZero();
        }

        private long sleepers(String marker) {
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false))
                    .count();
        }
    }

    @Nested
    class Network {
        @Test
        void noneHasNoInterfaceAtAllAndCannotReachTheHostLoopback() throws Exception {
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                run(SandboxSpec.builder("bash", "-c", "cat /proc/net/dev | tail -n +3 | wc -l; "
                        + "echo > /dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo CONNECTED"));
                assertThat(stdout()).doesNotContain("CONNECTED").startsWith("1\n"); // lo exists, down
                assertThat(stderr()).contains("Network is unreachable");
            }
        }

        @Test
        void loopbackIsUpButPrivate() throws Exception {
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                run(SandboxSpec.builder("bash", "-c", "echo > /dev/tcp/127.0.0.1/" + server.getLocalPort()
                        + " && echo CONNECTED").network(NetworkPolicy.LOOPBACK));
                assertThat(stdout()).doesNotContain("CONNECTED");
                assertThat(stderr()).contains("Connection refused");
            }
        }

        @Test
        void hostIsAnExplicitOptIn() throws Exception {
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                AtomicInteger accepted = new AtomicInteger();
                Thread acceptor = new Thread(() -> {
                    try (Socket s = server.accept()) {
                        accepted.addAndGet(s.isConnected() ? 1 : 0);
                    } catch (IOException e) {
                        // the test fails on the count
                    }
                });
                acceptor.start();
                run(SandboxSpec.builder("bash", "-c", "echo > /dev/tcp/127.0.0.1/" + server.getLocalPort()
                        + " && echo CONNECTED; cat /etc/resolv.conf >/dev/null && echo RESOLV").network(NetworkPolicy.HOST));
                acceptor.join(5000);
                assertThat(stdout()).contains("CONNECTED");
                assertThat(accepted).hasValue(1);
            }
        }
    }

    @Nested
    class FileSystem {
        @Test
        void theWorkDirectoryIsWritableAndExecutableAndOutputsBelongToItsOwner() throws Exception {
            SandboxResult r = sh("printf '#!/bin/sh\\nexit 7\\n' > tool && chmod +x tool && ./tool");
            assertThat(r.exitCode()).isEqualTo(7);
            assertThat(Files.getOwner(work.resolve("tool"))).isEqualTo(Files.getOwner(work));
        }

        @Test
        void systemDirectoriesAndEverythingOutsideTheWorkDirectoryAreReadOnly() throws Exception {
            Path readOnly = Files.createTempDirectory("bitzel-ro");
            String x = "bitzel-probe-" + System.nanoTime(); // a name nothing else on the host uses
            try {
                run(SandboxSpec.builder("sh", "-c", ("touch /usr/X /etc/X /X /proc/X " + readOnly + "/X " + work
                        + "/../X; echo done").replace("X", x)).readOnly(readOnly));
                assertThat(stderr().lines().filter(l -> l.contains("Read-only file system")
                        || l.contains("No such file") || l.contains("Permission denied")).count())
                        .isEqualTo(work.startsWith("/tmp/") ? 5 : 6); // under /tmp, ../x lands in the private /tmp
                assertThat(readOnly.resolve(x)).doesNotExist();
                assertThat(work.resolve("../" + x)).doesNotExist();
            } finally {
                Files.delete(readOnly);
            }
        }

        @Test
        void privateTmpIsEmptyAndLimited() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "ls -A /tmp; head -c 2000000 /dev/zero > /tmp/big")
                    .limits(Limits.none().withTmpBytes(1 << 20)));
            // only the mount point of the work directory when it sits under /tmp
            assertThat(stdout().lines().toList()).isSubsetOf(work.startsWith("/tmp/")
                    ? List.of(work.getName(1).toString()) : List.of());
            assertThat(stderr()).contains("No space left");
            assertThat(r.exitCode()).isNotZero();
        }

        @Test
        void setuidBitsAreRefusedAndSymlinksLeadNowhere() throws Exception {
            SandboxResult r = sh("touch f; chmod 4755 f; echo chmod=$?; ln -s /etc/shadow link; cat link; "
                    + "python3 -c 'import os; os.open(\"g\", os.O_CREAT|os.O_WRONLY, 0o6755)' 2>&1 | tail -1");
            assertThat(stdout()).contains("chmod=1").contains("PermissionError");
            assertThat(stderr()).contains("Operation not permitted");
            assertThat(Files.getPosixFilePermissions(work.resolve("f")))
                    .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
            assertThat(work.resolve("g")).doesNotExist();
            assertThat(Files.exists(work.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .as("a link to a host file is not left as an output").isFalse();
            assertThat(r.removedLinks()).containsExactly(work.resolve("link") + " -> /etc/shadow: absolute target"
                    + " outside " + work);
            assertThat(r.exitCode()).isZero();
        }

        @Test
        void linksLeavingTheWorkDirectoryThroughOtherLinksAreRemovedAndLinksInsideKept() throws Exception {
            SandboxResult r = sh("mkdir -p sub && echo x > file && ln -s .. sub/l && ln -s sub/l/.. x "
                    + "&& ln -s file inside && ln -s " + work + "/file absolute && ln -s ../../etc sub/up");
            assertThat(r.exitCode()).isZero();
            assertThat(r.removedLinks()).hasSize(2).anySatisfy(l -> assertThat(l).startsWith(work.resolve("x")
                    + " -> sub/l/..: leads out of " + work)).anySatisfy(l -> assertThat(l)
                    .startsWith(work.resolve("sub/up") + " -> ../../etc"));
            assertThat(Files.readString(work.resolve("inside"))).isEqualTo("x\n");
            assertThat(Files.readString(work.resolve("absolute"))).isEqualTo("x\n");
            assertThat(Files.isSymbolicLink(work.resolve("sub/l"))).isTrue();
        }

        @Test
        void procSysIsReadOnly() throws Exception {
            sh("echo x > /proc/sys/kernel/hostname; echo 1 > /proc/sys/vm/drop_caches; echo done");
            assertThat(stderr().lines().filter(l -> l.contains("Read-only file system")).count()).isEqualTo(2);
        }
    }

    @Nested
    class SyscallFilter {
        @Test
        void privilegedSyscallsFailWithEperm() throws Exception {
            String python = String.join("\n",
                    "import ctypes, os",
                    "libc = ctypes.CDLL(None, use_errno=True)",
                    "def probe(name, nr, *args):",
                    "    rc = libc.syscall(nr, *args)",
                    "    print(name, rc, ctypes.get_errno())",
                    "probe('ptrace', 101, 0, 0, 0, 0)",          // PTRACE_TRACEME
                    "probe('mount', 165, b'none', b'/tmp', b'tmpfs', 0, 0)",
                    "probe('umount2', 166, b'/proc', 2)",
                    "probe('keyctl', 250, 0, 0, 0, 0)",
                    "probe('add_key', 248, b'user', b'k', b'v', 1, -1)",
                    "probe('bpf', 321, 0, 0, 0)",
                    "probe('unshare_user', 272, 0x10000000)",
                    "probe('unshare_net', 272, 0x40000000)",
                    "probe('setns', 308, 0, 0)",
                    "probe('reboot', 169, 0xfee1dead, 672274793, 0x4321fedc, 0)",
                    "probe('init_module', 175, 0, 0, b'')",
                    "probe('kexec_load', 246, 0, 0, 0, 0)",
                    "probe('chroot', 161, b'/tmp')");
            run(SandboxSpec.builder("python3", "-c", python));
            List<String> lines = stdout().lines().toList();
            assertThat(lines).hasSize(13);
            assertThat(lines).allSatisfy(l -> assertThat(l).endsWith(" -1 1"));
        }

        @Test
        void nestedUserNamespacesAreRefused() throws Exception {
            SandboxResult r = sh("unshare -r id || echo refused");
            assertThat(stdout()).contains("refused");
            assertThat(stderr()).contains("Operation not permitted");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Nested
    class Limits_ {
        @Test
        void aForkBombIsContained() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("bash", "-c", "b() { b | b & }; b; sleep 3")
                    .limits(Limits.none().withMaxProcesses(64).withTimeout(Duration.ofSeconds(4))));
            assertThat(r.limitsHit()).contains(LimitKind.PROCESSES);
            assertThat(r.notEnforced()).isEmpty();
        }

        @Test
        void aMemoryHogIsKilled() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("python3", "-c", "x = b'x' * (512 << 20); print('survived')")
                    .limits(Limits.none().withMemoryBytes(64L << 20)));
            assertThat(r.limitsHit()).contains(LimitKind.MEMORY);
            assertThat(r.signal()).isEqualTo(9);
            assertThat(stdout()).doesNotContain("survived");
            assertThat(r.peakMemoryBytes()).isBetween(32L << 20, 70L << 20);
        }

        @Test
        void aSpinLoopTimesOutAndTheTreeIsKilled() throws Exception {
            long start = System.nanoTime();
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "trap '' TERM; while :; do :; done")
                    .limits(Limits.none().withTimeout(Duration.ofMillis(500)).withKillGrace(Duration.ofMillis(300))));
            assertThat(r.limitsHit()).containsExactly(LimitKind.TIMEOUT);
            assertThat(r.signal()).isEqualTo(9); // SIGTERM ignored: SIGKILL after the grace
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(r.userTime().plus(r.systemTime())).isPositive();
        }

        @Test
        void cpuTimeIsLimited() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "while :; do :; done")
                    .limits(Limits.none().withCpuTime(Duration.ofSeconds(1)).withTimeout(Duration.ofSeconds(20))));
            assertThat(r.limitsHit()).containsExactly(LimitKind.CPU_TIME);
        }

        @Test
        void outputIsCapped() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("yes").limits(Limits.none().withOutputBytes(10_000)));
            assertThat(r.limitsHit()).containsExactly(LimitKind.OUTPUT);
            assertThat(Files.size(out)).isEqualTo(10_000);
        }

        @Test
        void fileSizeIsCappedAndDiskQuotaIsReportedAsNotEnforced() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "head -c 5000000 /dev/zero > big")
                    .limits(Limits.none().withFileSizeBytes(1 << 20)));
            assertThat(Files.size(work.resolve("big"))).isEqualTo(1 << 20);
            assertThat(r.limitsHit()).contains(LimitKind.FILE_SIZE);
            assertThat(r.notEnforced()).anySatisfy(n -> assertThat(n).startsWith("disk usage of the writable paths ["
                    + work + "]: no quota on host directories"));
        }

        @Test
        void scratchDirectoriesHaveABoundedSizeAndAreDiscarded() throws Exception {
            Path scratch = Path.of("/bitzel-it-scratch");
            Path inWork = work.resolve("build/tmp");
            Files.createDirectories(inWork);
            Files.writeString(inWork.resolve("host-file"), "hidden while the scratch is mounted");
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "ls -A " + inWork + "; "
                    + "head -c 2000000 /dev/zero > " + scratch + "/big; echo big=$?; "
                    + "head -c 2000000 /dev/zero > " + inWork + "/big; echo inwork=$?; "
                    + "rm " + scratch + "/big; head -c 500000 /dev/zero > " + scratch + "/small && echo small=ok")
                    .scratch(scratch).scratch(inWork).limits(Limits.none().withTmpBytes(1 << 20)));
            assertThat(r.exitCode()).isZero();
            assertThat(stdout()).isEqualTo("big=1\ninwork=1\nsmall=ok\n");
            assertThat(stderr()).contains("No space left on device");
            assertThat(scratch).doesNotExist();
            assertThat(inWork.resolve("big")).doesNotExist();
            assertThat(inWork.resolve("host-file")).hasContent("hidden while the scratch is mounted");
            SandboxResult again = run(SandboxSpec.builder("sh", "-c", "ls -A " + scratch).scratch(scratch));
            assertThat(again.exitCode()).isZero();
            assertThat(stdout()).as("a scratch starts empty every run").isEmpty();
        }

        @Test
        void cpuBandwidthIsLimited() throws Exception {
            SandboxResult r = run(SandboxSpec.builder("sh", "-c", "timeout 1 sh -c 'while :; do :; done'; true")
                    .limits(Limits.none().withCpus(0.2)));
            assertThat(r.notEnforced()).isEmpty();
            assertThat(r.userTime().plus(r.systemTime())).isLessThan(Duration.ofMillis(600));
        }
    }

    @Nested
    class Mounts {
        @Test
        void aHostDirectoryAppearsAtAnotherPathReadOnlyOrWritableAndItsOwnPathStaysHidden() throws Exception {
            // a mounted directory is reached with the caller's rights, even under a directory the task user cannot
            // traverse (an executor's scratch directory under a private home)
            Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path source = Files.createDirectories(work.resolve("materialised/srv/build"));
            Files.writeString(source.resolve("input.txt"), "from the input root\n");
            Path outSource = Files.createDirectories(work.resolve("materialised/srv/build/out"));
            Path at = Path.of("/srv/build");
            SandboxResult r = SANDBOX.run(SandboxSpec.builder("sh", "-c", "cat /srv/build/input.txt; "
                    + "echo x > /srv/build/input.txt 2>/dev/null || echo ro; echo made > /srv/build/out/made; "
                    + "ls " + work + " 2>/dev/null || echo hidden")
                    .mount(source, at, false).mount(outSource, at.resolve("out"), true)
                    .stdout(out).stderr(err).env("PATH", "/usr/bin:/bin").build());
            assertThat(r.exitCode()).as(stderr()).isZero();
            assertThat(stdout()).isEqualTo("from the input root\nro\nhidden\n");
            assertThat(outSource.resolve("made")).hasContent("made");
            assertThat(source.resolve("input.txt")).hasContent("from the input root\n");
            assertThat(Path.of("/srv/build")).doesNotExist();
        }

        @Test
        void aMountMustNotReplaceTheRootAndItsSourceMustExist() {
            assertThatThrownBy(() -> SandboxSpec.builder("true").mount(work, Path.of("/"), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
            assertThatThrownBy(() -> SANDBOX.run(SandboxSpec.builder("true").mount(work.resolve("absent"),
                    Path.of("/srv/x"), false).build())).isInstanceOf(SandboxException.class)
                    .hasMessageContaining("absent");
        }
    }

    @Nested
    class Results {
        @Test
        void exitCodeTimesAndOutputsAreReported() throws Exception {
            SandboxResult r = sh("echo out; echo err >&2; exit 3");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.signal()).isZero();
            assertThat(r.sandboxed()).isTrue();
            assertThat(stdout()).isEqualTo("out\n");
            assertThat(stderr()).isEqualTo("err\n");
            assertThat(r.setupTime()).isPositive();
            assertThat(r.wallTime()).isPositive();
            assertThat(r.peakMemoryBytes()).isPositive();
        }

        @Test
        void aSignalIsReportedAsSuch() throws Exception {
            SandboxResult r = sh("kill -SEGV $$");
            assertThat(r.signal()).isEqualTo(11);
            assertThat(r.exitCode()).isEqualTo(-1);
            assertThat(r.shellStatus()).isEqualTo(139);
        }

        @Test
        void anExitCodeAbove128IsNotMistakenForASignal() throws Exception {
            SandboxResult r = sh("exit 130");
            assertThat(r.exitCode()).isEqualTo(130);
            assertThat(r.signal()).isZero();
        }

        @Test
        void aMissingProgramIs127AndAMissingPathIsASetupFailure() throws Exception {
            assertThat(run(SandboxSpec.builder("no-such-program")).exitCode()).isEqualTo(127);
            assertThatThrownBy(() -> run(SandboxSpec.builder("true").readOnly(Path.of("/no/such/path"))))
                    .isInstanceOf(SandboxException.class).hasMessageContaining("/no/such/path");
        }

        @Test
        void concurrentRunsDoNotInterfere() throws Exception {
            List<Thread> threads = new java.util.ArrayList<>();
            Set<Integer> codes = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 4; i++) {
                int code = i;
                threads.add(new Thread(() -> {
                    try {
                        codes.add(SANDBOX.run(SandboxSpec.builder("sh", "-c", "exit " + code).build()).exitCode());
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }));
                threads.get(i).start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(codes).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }
}
