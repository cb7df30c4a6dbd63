package dev.bitzel.benchmarks;

import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.RecipeNode;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.query.Query;
import dev.bitzel.query.QueryException;
import dev.bitzel.query.QueryResult;
import dev.bitzel.query.QuerySyntaxException;
import dev.bitzel.query.QueryUniverse;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query language on a synthetic build of 20,000 recipes with 10 tasks each: 200,000 tasks and 2,000,000 task
 * edges (each recipe's tasks in a chain, every task also after 9 random tasks of earlier recipes, which makes the
 * closures of late tasks span most of the graph), plus 100,000 recipe edges. The bars: {@code rdeps(//...:*, X)}
 * and {@code allpaths(A, B)} under 100 ms, parsing a query under 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class QueryBenchmark {
    static final int RECIPES = 20_000;
    static final int TASKS_PER_RECIPE = 10;
    static final int EXTRA_EDGES_PER_TASK = 9;
    static final String QUERY_TEXT = "let base = deps(r19999:do_t9, 3) in rdeps(//...:*, r1000:do_t5, 4) "
            + "- kind(\"class:autotools\", siblings($base)) ^ filter(\"^r1.*\", allpaths(r19000:do_t9, r500:do_t0))"
            + " + somepath(r19999, r1) union attr(LICENSE, \"GPL-3.0.*\", labels(DEPENDS, r*))";

    private QueryUniverse universe;
    private Query rdeps;
    private Query allpaths;
    private Query somepath;
    private Query deps;

    /** Builds the graphs (a few seconds) and parses the queries. */
    @Setup
    public void setUp() throws QuerySyntaxException {
        universe = QueryUniverse.of(recipes(), tasks());
        rdeps = Query.parse("rdeps(//...:*, r1000:do_t5)");
        allpaths = Query.parse("allpaths(r19000:do_t9, r500:do_t0)");
        somepath = Query.parse("somepath(r19999:do_t9, r0:do_t0)");
        deps = Query.parse("deps(r19999:do_t9)");
        System.out.println(universe + "; " + universe.tasks() + "; rdeps: " + evaluate(rdeps).size()
                + ", allpaths: " + evaluate(allpaths).size() + ", somepath: " + evaluate(somepath).size()
                + ", deps: " + evaluate(deps).size());
    }

    private QueryResult evaluate(Query query) {
        try {
            return query.evaluate(universe);
        } catch (QueryException e) {
            throw new IllegalStateException(e);
        }
    }

    static RecipeGraph recipes() {
        SplittableRandom random = new SplittableRandom(7);
        RecipeGraph.Builder b = RecipeGraph.builder();
        for (int r = 0; r < RECIPES; r++) {
            b.recipe(RecipeNode.of("r" + r, Map.of("LICENSE", r % 3 == 0 ? "GPL-3.0-only" : "MIT")));
        }
        for (int r = 1; r < RECIPES; r++) {
            for (int k = 0; k < 5; k++) {
                b.buildEdge("r" + r, "r" + random.nextInt(r));
            }
        }
        return b.build();
    }

    static TaskGraph tasks() {
        SplittableRandom random = new SplittableRandom(42);
        TaskGraph.Builder b = TaskGraph.builder();
        for (int r = 0; r < RECIPES; r++) {
            for (int t = 0; t < TASKS_PER_RECIPE; t++) {
                b.task(new TaskNode(new TaskId("r" + r, "do_t" + t), Map.of()));
            }
        }
        for (int r = 0; r < RECIPES; r++) {
            int base = r * TASKS_PER_RECIPE;
            for (int t = 0; t < TASKS_PER_RECIPE; t++) {
                if (t > 0) {
                    b.edge(base + t, base + t - 1);
                }
                // Earlier recipes only, so the graph stays acyclic; recipe 0 has only its chain, and the first
                // task of every other recipe takes one extra edge to reach 2,000,000 edges in total.
                int extra = r == 0 ? 0 : EXTRA_EDGES_PER_TASK + (t == 0 ? 1 : 0);
                for (int k = 0; k < extra; k++) {
                    b.edge(base + t, random.nextInt(base));
                }
            }
        }
        return b.build();
    }

    /** The reverse closure of one task in the universe of all tasks. */
    @Benchmark
    public int rdepsOfOneTaskInAllTasks() throws QueryException {
        return rdeps.evaluate(universe).size();
    }

    /** Every task on a path from a late task to an early one. */
    @Benchmark
    public int allpathsBetweenTwoTasks() throws QueryException {
        return allpaths.evaluate(universe).size();
    }

    /** One shortest path from the last task to the first. */
    @Benchmark
    public int somepathBetweenTwoTasks() throws QueryException {
        return somepath.evaluate(universe).size();
    }

    /** The dependency closure of the last task. */
    @Benchmark
    public int depsOfTheLastTask() throws QueryException {
        return deps.evaluate(universe).size();
    }

    /** Parsing a query that uses most of the language. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Query parse() throws QuerySyntaxException {
        return Query.parse(QUERY_TEXT);
    }
}
