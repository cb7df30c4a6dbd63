package dev.bitzel.benchmarks;

import dev.bitzel.parser.syntax.Dialect;
import dev.bitzel.parser.syntax.Syntax;
import dev.bitzel.parser.syntax.SyntaxTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** How long syntax-parsing every metadata file of a poky tree takes, with the files already in memory. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SyntaxParseBenchmark {

    /** Root of the tree to read: every {@code .bb}, {@code .bbappend}, {@code .bbclass}, {@code .inc}, {@code .conf}. */
    @Param("/work/poky")
    public String root;

    private final List<String> names = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** Reads all metadata files into memory. */
    @Setup
    public void setUp() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.toString();
                if (name.endsWith(".bb") || name.endsWith(".bbappend") || name.endsWith(".bbclass")
                        || name.endsWith(".inc") || name.endsWith(".conf")) {
                    names.add(name);
                    texts.add(Files.readString(file));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no metadata files under " + root);
        }
    }

    /** Parses every file, each in the dialect its name selects. */
    @Benchmark
    public void parseAll(Blackhole blackhole) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            SyntaxTree tree = Syntax.parse(name, texts.get(i), Dialect.forFileName(name));
            blackhole.consume(tree);
        }
    }
}
