package dev.bitzel.benchmarks;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
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
 * How fast the variable store copies (once per recipe) and expands, on a configuration-sized store of about 3,000
 * variables with overrides and appends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DataStoreBenchmark {

    private DataStore config;
    private DataStore recipe;

    /** Builds a configuration store and a recipe store copied from it. */
    @Setup
    public void setUp() throws ExpansionException {
        config = DataStore.create();
        config.setVar("MACHINE", "qemux86-64");
        config.setVar("DISTRO", "poky");
        config.setVar("MACHINEOVERRIDES", "x86:${MACHINE}");
        config.setVar("DISTROOVERRIDES", "${DISTRO}");
        config.setVar("OVERRIDES", "linux:class-target:${MACHINEOVERRIDES}:${DISTROOVERRIDES}:pn-${PN}");
        config.setVar("PN", "busybox");
        config.setVar("TOPDIR", "/build");
        config.setVar("TMPDIR", "${TOPDIR}/tmp");
        config.setVar("WORKDIR", "${TMPDIR}/work/${MACHINE}/${PN}/${PV}");
        config.setVar("PV", "1.36.1");
        config.setVar("S", "${WORKDIR}/${PN}-${PV}");
        config.setVar("B", "${S}");
        config.setVar("D", "${WORKDIR}/image");
        for (int i = 0; i < 3000; i++) {
            String v = "VAR" + i;
            config.setVar(v, "value-" + i + " ${TMPDIR}/" + i);
            if (i % 10 == 0) {
                config.setVar(v + ":qemux86-64", "machine-" + i + " ${WORKDIR}");
            }
            if (i % 7 == 0) {
                config.setVar(v + ":append", " appended-" + i);
            }
            if (i % 13 == 0) {
                config.setVar(v + ":remove", "value-" + i);
            }
            config.setVarFlag(v, "doc", "Documentation of " + v, null);
        }
        config.setVar("CFLAGS", "-O2 -pipe ${DEBUG_FLAGS} -I${S}/include -I${B}");
        config.setVar("DEBUG_FLAGS", "-g -feliminate-unused-debug-types -fmacro-prefix-map=${S}=/usr/src/debug/${PN}");
        config.setVar("CFLAGS:append:x86", " -m64");
        config.setVar("CFLAGS:remove", "-pipe");
        recipe = config.createCopy();
        recipe.setVar("PN", "zlib");
    }

    /** A recipe's start: copy the configuration store and assign a few variables. */
    @Benchmark
    public DataStore createCopyAndSet() {
        DataStore d = config.createCopy();
        d.setVar("PN", "zlib");
        d.setVar("PV", "1.3.1");
        d.setVar("SRC_URI", "https://zlib.net/zlib-${PV}.tar.xz");
        d.setVar("DEPENDS:append", " virtual/libc");
        return d;
    }

    /** Reads a variable with nested references, overrides, an append and a remove (the cache is cleared first). */
    @Benchmark
    public String getVarNested() throws ExpansionException {
        recipe.setVar("BENCH_TOUCH", "x");
        return recipe.getVar("CFLAGS");
    }

    /** Reads an overridden variable (the cache is cleared first). */
    @Benchmark
    public String getVarOverridden() throws ExpansionException {
        recipe.setVar("BENCH_TOUCH", "x");
        return recipe.getVar("VAR1230");
    }

    /** Reads a variable whose expansion is cached. */
    @Benchmark
    public String getVarCached() throws ExpansionException {
        return recipe.getVar("CFLAGS");
    }
}
