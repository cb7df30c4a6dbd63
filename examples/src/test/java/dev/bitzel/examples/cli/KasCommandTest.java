package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.examples.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitzel kas}'s command line: kas' option checks and exit codes (commands that need no repositories). */
class KasCommandTest {
    @TempDir
    Path dir;

    private String config() throws IOException {
        Path f = dir.resolve("kas.yml");
        Files.writeString(f, "header: {version: 23}\nrepos: {local: {layers: {meta-x: }}}\n");
        return f.toString();
    }

    @Test
    void anUnknownSkipStepIsAUsageErrorListingKasSteps() throws IOException {
        Run run = MainTest.run("kas", "dump", "--skip", "nap", config());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("kas dump: error: argument --skip: invalid choice: 'nap' (choose from "
                + "'setup_dir', 'setup_home', 'make_non_interactive', 'init_setup_repos', 'repo_setup_loop', "
                + "'finish_setup_repos', 'repos_checkout', 'repos_apply_patches', 'setup_environ', 'write_bbconfig')");
    }

    @Test
    void optionChoicesAreCheckedBeforeAnythingRuns() throws IOException {
        String cfg = config();
        Run diff = MainTest.run("kas", "diff", "--format", "xml", cfg, cfg);
        assertThat(diff.exitCode()).isEqualTo(2);
        assertThat(diff.err()).contains("argument --format: invalid choice: 'xml' (choose from 'json', 'text')");
        Run build = MainTest.run("kas", "build", "--provenance", "always", cfg);
        assertThat(build.exitCode()).isEqualTo(2);
        assertThat(build.err()).contains("argument --provenance: invalid choice: 'always'");
        Run dump = MainTest.run("kas", "dump", "--resolve-env", "--lock", cfg);
        assertThat(dump.exitCode()).isEqualTo(2);
        assertThat(dump.err()).contains("argument --lock: not allowed with argument --resolve-env");
        Run level = MainTest.run("kas", "dump", "-l", "verbose", cfg);
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err()).contains("argument -l/--log-level: invalid choice: 'verbose'");
        Run inplace = MainTest.run("kas", "dump", "-i", cfg);
        assertThat(inplace.exitCode()).isEqualTo(2);
        assertThat(inplace.err()).contains("--inplace requires --lock");
    }

    @Test
    void lockWithoutFloatingReposChangesNothing() throws IOException {
        String cfg = config();
        Run run = MainTest.run("kas", "lock", cfg);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("kas.lock.yml")).doesNotExist();
    }

    @Test
    void menuWithAMissingKconfigIsABadInputError() {
        Run run = MainTest.run("kas", "menu", dir.resolve("Kconfig").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Could not open '" + dir.resolve("Kconfig") + "'");
        Run bad = MainTest.run("kas", "menu", "--set", "novalue", dir.resolve("Kconfig").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected SYMBOL=VALUE, got 'novalue'");
    }

    @Test
    void kasHelpListsEveryCommand() {
        Run run = MainTest.run("kas", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("checkout", "dump", "lock", "diff", "build", "shell", "for-all-repos", "menu",
                "clean", "cleansstate", "cleanall", "purge");
    }
}
