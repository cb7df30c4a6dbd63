package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Nested
    class Help {
        @Test
        void listsEverySubcommandOfTheRunnerContract() {
            Run run = run("--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("parse", "getvar", "env", "graph", "query", "build", "kas", "sandbox",
                    "cas", "serve", "--cache-dir", "--builddir");
        }

        @Test
        void withoutASubcommandIsBadUsage() {
            Run run = run();
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("missing subcommand");
        }

        @Test
        void anUnknownOptionIsBadUsage() {
            Run run = run("--no-such-option");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--no-such-option");
        }
    }

    @Nested
    class Cas {
        @Test
        void statsGcAndFsckWorkOnAFreshStoreUnderTheCacheDirectory(@org.junit.jupiter.api.io.TempDir
                java.nio.file.Path cache) {
            Run stats = run("--cache-dir", cache.toString(), "cas", "stats");
            assertThat(stats.exitCode()).as(stats.err()).isZero();
            assertThat(stats.out()).contains("blobs: 0", "quota: unlimited");
            Run gc = run("--cache-dir", cache.toString(), "cas", "gc");
            assertThat(gc.exitCode()).as(gc.err()).isZero();
            assertThat(gc.out()).contains("deleted unreachable: 0");
            Run fsck = run("--cache-dir", cache.toString(), "cas", "fsck");
            assertThat(fsck.exitCode()).as(fsck.err()).isZero();
            assertThat(fsck.out()).contains("clean");
            assertThat(cache.resolve("cas")).isDirectory();
        }

        @Test
        void withoutASubcommandIsBadUsage() {
            Run run = run("cas");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("stats, gc or fsck");
        }
    }

    @Nested
    class Kas {
        @Test
        void anUnknownKasSubcommandIsBadUsage() {
            Run run = run("kas", "some-argument");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("some-argument");
        }

        @Test
        void dumpPrintsTheMergedConfigurationOnStdout(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("inc.yml"), "header: {version: 11}\nmachine: m\n");
            Files.writeString(dir.resolve("kas.yml"), "header: {version: 23, includes: [inc.yml]}\n"
                    + "repos: {local: {layers: {meta-x: }}}\n");
            Run run = run("kas", "dump", "--format", "json", dir.resolve("kas.yml").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("""
                    {
                      "header": {
                        "version": 23
                      },
                      "machine": "m",
                      "repos": {
                        "local": {
                          "layers": {
                            "meta-x": null
                          }
                        }
                      }
                    }
                    """);
        }

        @Test
        void invalidInputIsExitTwoNamingFileAndKeyPath(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("kas.yml"), "header: {version: 23}\nrepos: {r: {brnch: main}}\n");
            Run run = run("kas", "dump", dir.resolve("kas.yml").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("ERROR    - Invalid configuration file " + dir.resolve("kas.yml"))
                    .contains("at 'repos.r': unknown key 'brnch'");
            assertThat(run.out()).isEmpty();
        }
    }
}
