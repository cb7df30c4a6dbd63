package dev.bitzel.kas.internal.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KconfigTest {
    @TempDir
    Path dir;

    private Kconfig parse(String text) throws IOException {
        Path f = dir.resolve("Kconfig");
        Files.writeString(f, text);
        return Kconfig.parse(f, Map.of("HOME_ENV", "envval"), dir);
    }

    @Test
    void selectForcesABoolAndWarnsWhenDependenciesAreUnmet() throws IOException {
        Kconfig k = parse("""
                config A
                	bool "a"
                	select B
                config B
                	bool "b"
                	depends on C
                config C
                	bool
                """);
        assertThat(k.str(k.syms.get("B"))).isEqualTo("n");
        k.setValue(k.syms.get("A"), "y");
        assertThat(k.str(k.syms.get("B"))).isEqualTo("y");
        assertThat(k.warnings).anyMatch(w -> w.contains("B has direct dependencies C with value n, but is currently "
                + "being selected"));
    }

    @Test
    void relationsCompareNumbersAsNumbersAndStringsAsStrings() throws IOException {
        Kconfig k = parse("""
                config N
                	int "n"
                	default 10
                config S
                	string "s"
                	default "abc"
                config BIG
                	def_bool y if N > 9
                config EQ
                	def_bool S = "abc" && N != 11
                config LESS
                	def_bool S < "abd"
                """);
        assertThat(k.str(k.syms.get("BIG"))).isEqualTo("y");
        assertThat(k.str(k.syms.get("EQ"))).isEqualTo("y");
        assertThat(k.str(k.syms.get("LESS"))).isEqualTo("y");
        k.setValue(k.syms.get("N"), "9");
        assertThat(k.str(k.syms.get("BIG"))).isEqualTo("n");
    }

    @Test
    void invisibleSymbolsIgnoreUserValuesAndRangesClampDefaults() throws IOException {
        Kconfig k = parse("""
                config HIDDEN
                	string
                	default "d"
                config R
                	hex "r"
                	range 0x10 0x20
                	default 0x40
                """);
        k.setValue(k.syms.get("HIDDEN"), "user");
        assertThat(k.str(k.syms.get("HIDDEN"))).isEqualTo("d");
        assertThat(k.str(k.syms.get("R"))).isEqualTo("0x20");
        assertThat(k.warnings).anyMatch(w -> w.contains("clamped to 0x20"));
    }

    @Test
    void preprocessorVariablesEnvironmentAndShell() throws IOException {
        Kconfig k = parse("""
                LATE = $(EARLY)-late
                EARLY := early
                config V
                	string
                	default "$(LATE) $(HOME_ENV) $(shell,echo from-shell) $(UNSET)x"
                """);
        assertThat(k.str(k.syms.get("V"))).isEqualTo("early-late envval from-shell x");
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        assertThatThrownBy(() -> parse("config A\n\tbool \"a\"\n\tdefault y if (B\n")).isInstanceOf(KasException.class)
                .hasMessage(dir.resolve("Kconfig") + ":3: error: malformed expression");
        assertThatThrownBy(() -> parse("endif\n")).hasMessageContaining(":1: error: no corresponding 'if'");
        assertThatThrownBy(() -> parse("osource \"missing/*.kconfig\"\nsource \"missing\"\n"))
                .hasMessageContaining("'missing' not found");
        assertThatThrownBy(() -> parse("V = $(V)x\nconfig A\n\tstring\n\tdefault \"$(V)\"\n"))
                .hasMessageContaining("Preprocessor variable V recursively references itself");
    }

    @Test
    void sourceCyclesAreErrors() throws IOException {
        Files.writeString(dir.resolve("other"), "rsource \"Kconfig\"\n");
        assertThatThrownBy(() -> parse("rsource \"other\"\n")).hasMessageContaining("recursive 'source'");
    }
}
