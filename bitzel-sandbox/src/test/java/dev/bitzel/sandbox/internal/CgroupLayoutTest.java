package dev.bitzel.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.sandbox.LimitKind;
import dev.bitzel.sandbox.Limits;
import dev.bitzel.sandbox.SandboxResult;
import dev.bitzel.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper's cgroup code (its {@code --cgroup-probe} mode) against fake cgroup trees laid out as a pure v2, a
 * hybrid with usable controllers in v2, a hybrid like this machine's (v2 with hugetlb only) and broken trees: this
 * machine cannot run the v2 path for real. A fake tree is plain files, so the test prepares the child cgroup's
 * interface files that the kernel would create, and checks what the helper wrote into them and reported.
 */
class CgroupLayoutTest {

    @TempDir
    Path tmp;

    private static final List<String> V2_FILES = List.of("memory.max", "memory.swap.max", "pids.max", "cpu.max",
            "cgroup.procs", "cgroup.kill");

    private String probe(Path root, String procCgroup, String... limits) throws IOException, InterruptedException {
        Path helper = NativeHelper.extract(tmp.resolve("helper"));
        Path proc = tmp.resolve("proc-self-cgroup");
        Files.writeString(proc, procCgroup);
        List<String> cmd = new ArrayList<>(List.of(helper.toString(), "--cgroup-probe", root.toString(),
                proc.toString(), "probe"));
        cmd.addAll(List.of(limits));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** A cgroup directory with the given interface files (empty unless given as "name=content"). */
    private static Path cgroup(Path dir, List<String> files) throws IOException {
        Files.createDirectories(dir);
        for (String f : files) {
            int eq = f.indexOf('=');
            Files.writeString(dir.resolve(eq < 0 ? f : f.substring(0, eq)), eq < 0 ? "" : f.substring(eq + 1));
        }
        return dir;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }

    @Test
    void pureV2GetsEveryLimitWrittenAndReportsPeakAndHits() throws Exception {
        Path root = tmp.resolve("v2");
        cgroup(root, List.of("cgroup.controllers=cpuset cpu io memory hugetlb pids\n"));
        Path parent = cgroup(root.resolve("build.slice"), List.of("cgroup.subtree_control"));
        List<String> files = new ArrayList<>(V2_FILES);
        files.addAll(List.of("memory.peak=7340032\n", "memory.events=low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n",
                "pids.events=max 2\n"));
        Path child = cgroup(parent.resolve("probe"), files);

        String stats = probe(root, "0::/build.slice\n", "--memory", "1048576", "--pids", "64", "--cpu-millis", "1500");

        assertThat(stats.lines()).contains("cgroup=v2", "memory_peak=7340032", "limit_hit=memory", "limit_hit=pids")
                .noneMatch(l -> l.startsWith("not_enforced") || l.equals("cgroup=v1"));
        assertThat(read(parent.resolve("cgroup.subtree_control"))).isEqualTo("+memory +pids +cpu");
        assertThat(read(child.resolve("memory.max"))).isEqualTo("1048576");
        assertThat(read(child.resolve("memory.swap.max"))).isEqualTo("0");
        assertThat(read(child.resolve("pids.max"))).isEqualTo("64");
        assertThat(read(child.resolve("cpu.max"))).isEqualTo("150000 100000");
        assertThat(read(child.resolve("cgroup.procs"))).matches("[1-9][0-9]*");
        assertThat(read(child.resolve("cgroup.kill"))).isEqualTo("1");
    }

    @Test
    void aHybridWithMemoryAndPidsInTheUnifiedHierarchyUsesV2There() throws Exception {
        Path root = tmp.resolve("hybrid");
        cgroup(root.resolve("unified"), List.of("cgroup.controllers=memory pids\n"));
        Path child = cgroup(root.resolve("unified/probe"), V2_FILES);
        Files.createDirectories(root.resolve("memory")); // a v1 memory hierarchy that must not be used

        String stats = probe(root, "0::/\n5:memory:/\n", "--memory", "2097152", "--cpu-millis", "500");

        assertThat(read(child.resolve("memory.max"))).isEqualTo("2097152");
        assertThat(stats.lines()).contains("cgroup=v2",
                "not_enforced=cpu: the cgroup v2 hierarchy has no cpu controller");
        assertThat(root.resolve("memory/probe")).doesNotExist();
    }

    @Test
    void aHybridLikeThisMachinesFallsBackToV1() throws Exception {
        Path root = tmp.resolve("hybrid-v1");
        cgroup(root.resolve("unified"), List.of("cgroup.controllers=hugetlb\n"));
        Path memory = cgroup(root.resolve("memory/user.slice/probe"), List.of("cgroup.procs",
                "memory.limit_in_bytes", "memory.memsw.limit_in_bytes", "memory.max_usage_in_bytes=4096\n",
                "memory.oom_control=oom_kill_disable 0\nunder_oom 0\noom_kill 0\n", "memory.failcnt=0\n"));
        Path pids = cgroup(root.resolve("pids/user.slice/probe"), List.of("cgroup.procs", "pids.max",
                "pids.events=max 3\n"));
        Path cpu = cgroup(root.resolve("cpu/user.slice/probe"), List.of("cgroup.procs", "cpu.cfs_period_us",
                "cpu.cfs_quota_us"));

        String stats = probe(root, "12:pids:/user.slice\n11:memory:/user.slice\n4:cpu,cpuacct:/user.slice\n0::/\n",
                "--memory", "1048576", "--pids", "32", "--cpu-millis", "250");

        assertThat(read(memory.resolve("memory.limit_in_bytes"))).isEqualTo("1048576");
        assertThat(read(memory.resolve("memory.memsw.limit_in_bytes"))).isEqualTo("1048576");
        assertThat(read(pids.resolve("pids.max"))).isEqualTo("32");
        assertThat(read(cpu.resolve("cpu.cfs_period_us"))).isEqualTo("100000");
        assertThat(read(cpu.resolve("cpu.cfs_quota_us"))).isEqualTo("25000");
        assertThat(read(memory.resolve("cgroup.procs"))).isEqualTo(read(pids.resolve("cgroup.procs")));
        assertThat(stats.lines()).contains("cgroup=v1", "memory_peak=4096", "limit_hit=pids")
                .doesNotContain("cgroup=v2", "limit_hit=memory").noneMatch(l -> l.startsWith("not_enforced"));
    }

    @Test
    void aV2ChildWithoutDelegatedControllersSaysWhichLimitsAreNotEnforced() throws Exception {
        Path root = tmp.resolve("undelegated");
        cgroup(root, List.of("cgroup.controllers=cpu memory pids\n"));
        cgroup(root.resolve("probe"), List.of("cgroup.procs", "cgroup.kill")); // no memory.max, pids.max, cpu.max

        String stats = probe(root, "0::/\n", "--memory", "1048576", "--pids", "64", "--cpu-millis", "1000");

        String notes = stats.lines().filter(l -> l.startsWith("not_enforced=")).findFirst().orElseThrow();
        assertThat(notes).contains("memory: cgroup v2 " + root.resolve("probe") + "/memory.max not writable")
                .contains("subtree_control").contains("pids: cgroup v2").contains("cpu: cgroup v2");
    }

    @Test
    void noCgroupAtAllIsReportedForEachLimitAndReachesTheResult() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("empty"));

        String stats = probe(root, "", "--memory", "1048576", "--pids", "64", "--cpu-millis", "1000");

        assertThat(stats.lines()).containsExactly("not_enforced=memory: no usable memory cgroup (v1 or v2); "
                + "pids: no usable pids cgroup (v1 or v2); cpu: no usable cpu cgroup (v1 or v2)");
        Path file = tmp.resolve("stats");
        Files.writeString(file, stats + "exit=0\nwall_ns=1000\n");
        SandboxResult r = HelperRunner.toResult(SandboxSpec.builder("true").limits(Limits.none()
                .withMemoryBytes(1 << 20).withMaxProcesses(64).withCpus(1)).build(), Stats.read(file), 2000, List.of());
        assertThat(r.notEnforced()).containsExactly("memory: no usable memory cgroup (v1 or v2)",
                "pids: no usable pids cgroup (v1 or v2)", "cpu: no usable cpu cgroup (v1 or v2)");
        assertThat(r.limitsHit()).doesNotContain(LimitKind.MEMORY);
    }
}
