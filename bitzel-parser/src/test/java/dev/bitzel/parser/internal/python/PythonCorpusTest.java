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

    /** Output recorded with CPython 3.11 and PYTHONPATH=meta/lib for {@link #OE_SCRIPT}. */
    private static final String OE_EXPECTED = "True False False\n16 1.5 a\na b c ['a', 'b']\nTrue\n/a/b/c ../c/d \nValueError Invalid boolean value 'maybe'\n1 int\nskip\n";

    private static final String OE_SCRIPT = "import oe.types, oe.path, oe.maketype\n" + 
            "print(oe.types.boolean('yes'), oe.types.boolean('0'), oe.types.boolean(None))\n" + 
            "print(oe.types.integer('0x10', 16), oe.types.float('1.5'), oe.types.choice('a', 'a b c'))\n" + 
            "print(oe.types.OEList('a b  c'), list(oe.types.OEList('a,b', ',')))\n" + 
            "r = oe.types.regex('^foo.*', 'ignorecase')\n" + 
            "print(bool(r.match('FOObar')))\n" + 
            "print(oe.path.join('/a', 'b', '/c'), oe.path.relative('/a/b', '/a/c/d'), oe.path.format_display('/x/y', {}) if False else '')\n" + 
            "try:\n" + 
            "    oe.types.boolean('maybe')\n" + 
            "except ValueError as e:\n" + 
            "    print('ValueError', e)\n" + 
            "t = oe.maketype.create('1', 'integer')\n" + 
            "print(t, type(t).__name__)\n" + 
            "print(oe.types.qemu_use_kvm('True', 'x86_64') if False else 'skip')\n";

    @Test
    void pokyLibraryModulesRunAsInCPython() {
        String poky = System.getProperty("bitzel.poky");
        assumeTrue(poky != null && !poky.isBlank(), "set -Dbitzel.poky=/path/to/poky");
        StringBuilder out = new StringBuilder();
        PythonRuntime rt = PythonRuntime.builder().stdout(out::append).addModulePath(Path.of(poky, "meta/lib")).build();
        rt.eval(rt.compile(OE_SCRIPT, "oe_test.py", 1, PythonRuntime.Mode.EXEC), rt.newGlobals("__main__"));
        assertThat(out).hasToString(OE_EXPECTED);
    }
}
