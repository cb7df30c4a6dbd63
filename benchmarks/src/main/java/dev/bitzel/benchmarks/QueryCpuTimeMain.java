package dev.bitzel.benchmarks;

import dev.bitzel.query.Query;
import dev.bitzel.query.QueryException;
import dev.bitzel.query.QueryUniverse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The queries of {@link QueryBenchmark} on the same synthetic graph, timed by the evaluating thread's CPU time as
 * well as by the wall clock. On a machine whose cores are shared with other work, JMH's wall-clock averages
 * include the time the thread waited for a core; CPU time does not.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.bitzel.benchmarks.QueryCpuTimeMain [ROUNDS]
 * </pre>
 *
 * Prints, per query, the result size and the best and median of ROUNDS (default 30) evaluations after as many
 * warm-up evaluations.
 */
public final class QueryCpuTimeMain {

    private QueryCpuTimeMain() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optionally the number of rounds
     * @throws QueryException never for the built-in queries
     */
    public static void main(String[] args) throws QueryException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long buildStart = System.nanoTime();
        QueryUniverse universe = QueryUniverse.of(QueryBenchmark.recipes(), QueryBenchmark.tasks());
        System.out.printf("graphs and universe built in %.0f ms: %s, %s%n", (System.nanoTime() - buildStart) / 1e6,
                universe, universe.tasks());
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        String[] queries = {"rdeps(//...:*, r1000:do_t5)", "allpaths(r19000:do_t9, r500:do_t0)",
            "somepath(r19999:do_t9, r0:do_t0)", "deps(r19999:do_t9)"};
        for (String text : queries) {
            Query query = Query.parse(text);
            double[] cpu = new double[rounds];
            double[] wall = new double[rounds];
            int size = 0;
            for (int i = -rounds; i < rounds; i++) {
                long c = bean.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                size = query.evaluate(universe).size();
                if (i >= 0) {
                    cpu[i] = (bean.getCurrentThreadCpuTime() - c) / 1e6;
                    wall[i] = (System.nanoTime() - w) / 1e6;
                }
            }
            java.util.Arrays.sort(cpu);
            java.util.Arrays.sort(wall);
            System.out.printf("%-40s %7d targets  cpu best %6.1f ms, median %6.1f ms;  wall best %6.1f ms, median "
                    + "%6.1f ms%n", text, size, cpu[0], cpu[rounds / 2], wall[0], wall[rounds / 2]);
        }
        double[] parse = new double[rounds];
        for (int i = -rounds; i < rounds; i++) {
            long c = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < 1000; k++) { // enough parses in all for the JIT to compile the parser fully
                Query.parse(QueryBenchmark.QUERY_TEXT);
            }
            if (i >= 0) {
                parse[i] = (bean.getCurrentThreadCpuTime() - c) / 1e3 / 1000;
            }
        }
        java.util.Arrays.sort(parse);
        System.out.printf("parse of a %d-character query: cpu best %.1f us, median %.1f us%n",
                QueryBenchmark.QUERY_TEXT.length(), parse[0], parse[rounds / 2]);
    }
}
