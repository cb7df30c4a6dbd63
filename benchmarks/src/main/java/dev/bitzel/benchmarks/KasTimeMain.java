package dev.bitzel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operations of {@link KasDumpBenchmark} and {@link KasCheckoutBenchmark} timed by the wall clock, by the CPU
 * time of the calling thread, and by the CPU time of the child processes it waited for (git, the init script; from
 * {@code /proc/self/stat}, in 10 ms ticks). On a machine whose cores are shared with other work, JMH's wall-clock
 * averages include the time spent waiting for a core; the CPU times are the work done. The fetch and dirty-check
 * threads of a checkout are not in the calling thread's time, their git processes are in the children's.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.bitzel.benchmarks.KasTimeMain [ROUNDS]
 * </pre>
 *
 * Prints, per operation, the best and median of ROUNDS (default 20) runs after 10 warm-up runs.
 */
public final class KasTimeMain {
    private KasTimeMain() {
    }

    /** cutime + cstime: the CPU time of waited-for child processes, in milliseconds. */
    static long childCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
    }

    private static void time(String name, int rounds, Supplier<Object> op) throws IOException {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 10; i++) {
            op.get();
        }
        List<Double> wall = new ArrayList<>();
        List<Double> thread = new ArrayList<>();
        List<Double> children = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long c0 = childCpuMillis();
            long th0 = bean.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            op.get();
            wall.add((System.nanoTime() - t0) / 1e6);
            thread.add((bean.getCurrentThreadCpuTime() - th0) / 1e6);
            children.add((double) (childCpuMillis() - c0));
        }
        Collections.sort(wall);
        Collections.sort(thread);
        Collections.sort(children);
        System.out.printf("%-44s wall best %6.1f / median %6.1f ms | calling thread cpu best %6.1f / median %6.1f ms"
                + " | child processes cpu median %4.0f ms%n", name, wall.get(0), wall.get(rounds / 2), thread.get(0),
                thread.get(rounds / 2), children.get(rounds / 2));
    }

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of rounds
     * @throws Exception when the fixtures cannot be made
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        KasDumpBenchmark dump = new KasDumpBenchmark();
        dump.setUp();
        try {
            time("KasDumpBenchmark.loadMergeDump", rounds, dump::loadMergeDump);
            time("KasDumpBenchmark.runnerDump", rounds, dump::runnerDump);
        } finally {
            dump.tearDown();
        }
        KasCheckoutBenchmark checkout = new KasCheckoutBenchmark();
        checkout.setUp();
        try {
            time("KasCheckoutBenchmark.checkoutPresentRepos", rounds, () -> {
                checkout.checkoutPresentRepos();
                return null;
            });
            time("KasCheckoutBenchmark.dumpResolveRefsPresent", rounds, checkout::dumpResolveRefsPresentRepos);
        } finally {
            checkout.tearDown();
        }
    }
}
