package dev.bitzel.parser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class EnvironmentWriterTest {
    private static final Origin HERE = new Origin("set", "test.bb", 1);

    private static DataStore store() {
        DataStore d = DataStore.create();
        d.setVar("CC", "gcc");
        d.setVarFlag("CC", "export", "1", HERE);
        d.setVar("CFLAGS", "-O2 \"quoted\" $HOME");
        d.setVarFlag("CFLAGS", "export", "1", HERE);
        d.setVar("NOT_EXPORTED", "x");
        d.setVar("GONE", "y");
        d.setVarFlag("GONE", "unexport", "1", HERE);
        d.setVar("do_compile", "\trun_make all\n");
        d.setVarFlag("do_compile", "func", "1", HERE);
        d.setVar("run_make", "\tmake \"$@\" || die \"make failed\"\n");
        d.setVarFlag("run_make", "func", "1", HERE);
        d.setVar("die", "\techo \"$*\" >&2; exit 1\n");
        d.setVarFlag("die", "func", "1", HERE);
        d.setVar("unused_helper", "\ttrue\n");
        d.setVarFlag("unused_helper", "func", "1", HERE);
        d.setVar("do_package", "    pass\n");
        d.setVarFlag("do_package", "func", "1", HERE);
        d.setVarFlag("do_package", "python", "1", HERE);
        return d;
    }

    @Test
    void aShellTaskScriptHoldsExportsAndTheFunctionsItCallsTransitively() throws IOException {
        StringBuilder out = new StringBuilder();
        EnvironmentWriter.writeFunction(store(), "do_compile", out);
        assertThat(out.toString()).isEqualTo("""
                export CC="gcc"
                export CFLAGS="-O2 \\"quoted\\" \\$HOME"
                unset GONE

                # line: None, file: None
                do_compile() {
                \trun_make all
                }

                # line: None, file: None
                run_make() {
                \tmake "$@" || die "make failed"
                }

                # line: None, file: None
                die() {
                \techo "$*" >&2; exit 1
                }

                """);
    }

    @Test
    void onlyShellFunctionsCanBeWritten() {
        assertThatThrownBy(() -> EnvironmentWriter.writeFunction(store(), "do_package", new StringBuilder()))
                .hasMessageContaining("'do_package' is not a shell function");
        assertThatThrownBy(() -> EnvironmentWriter.writeFunction(store(), "CC", new StringBuilder()))
                .hasMessageContaining("'CC'");
    }
}
