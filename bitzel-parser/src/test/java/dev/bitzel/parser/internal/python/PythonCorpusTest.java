package dev.bitzel.parser.internal.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every Python module of a poky checkout: meta/lib and bitbake/lib/bb. Runs only when the system
 * property {@code bitzel.poky} names the checkout.
 */
class PythonCorpusTest {
    @Test
    void everyPokyPythonModuleParses() throws IOException {
        String poky = System.getProperty("bitzel.poky");
        assumeTrue(poky != null && !poky.isBlank(), "set -Dbitzel.poky=/path/to/poky");
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"meta/lib", "bitbake/lib/bb"}) {
            try (Stream<Path> s = Files.walk(Path.of(poky, dir))) {
                s.filter(p -> p.toString().endsWith(".py")).sorted().forEach(files::add);
            }
        }
        PythonRuntime rt = new PythonRuntime();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Path p : files) {
            String src = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            try {
                rt.compile(src, p.toString(), 1, PythonRuntime.Mode.EXEC);
            } catch (PythonSyntaxError e) {
                failures.add(e.getMessage());
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("PythonCorpusTest: " + files.size() + " files, " + failures.size() + " failed, " + ms + " ms");
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(files).isNotEmpty();
        assertThat(failures).isEmpty();
    }
}
