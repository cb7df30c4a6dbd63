package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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
    class PendingCapabilities {
        @Test
        void exitTwoAndSayWhatIsMissingInsteadOfFakingAResult() {
            for (String command : new String[] {"graph", "query", "build", "kas", "cas", "serve"}) {
                Run run = run(command, "some-argument");
                assertThat(run.exitCode()).as(command).isEqualTo(2);
                assertThat(run.err()).as(command).contains("not implemented yet").contains("'" + command + "'");
                assertThat(run.out()).as(command).isEmpty();
            }
        }
    }
}
