package dev.bitzel.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running single tasks of a small build directory written by the test, in the sandbox. */
class TaskExecutorTest {
    @TempDir
    Path root;

    private Sandbox sandbox;
    private Recipe recipe;
    private Path workdir;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void setUp() throws Exception {
        write("build/conf/bblayers.conf", "BBPATH = \"${TOPDIR}\"\nBBFILES ?= \"\"\nBBLAYERS = \"${TOPDIR}/../meta\"\n");
        write("build/conf/local.conf", "GREETING = \"hello from the sandbox\"\n");
        write("meta/conf/layer.conf", """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/*.bb"
                BBFILE_COLLECTIONS += "t"
                BBFILE_PATTERN_t = "^${LAYERDIR}/"
                BBFILE_PRIORITY_t = "5"
                LAYERSERIES_COMPAT_t = "x"
                LAYERSERIES_CORENAMES = "x"
                """);
        write("meta/conf/bitbake.conf", """
                PN = "demo"
                TMPDIR = "${TOPDIR}/tmp"
                WORKDIR = "${TMPDIR}/work/${PN}"
                T = "${WORKDIR}/temp"
                B = "${WORKDIR}/build"
                export GREETING_EXPORTED = "${GREETING}"
                include conf/local.conf
                """);
        write("meta/classes/base.bbclass", "");
        write("meta/demo.bb", """
                helper() {
                	echo "$1" > greeting.txt
                }
                do_hello() {
                	helper "${GREETING}"
                	echo "$GREETING_EXPORTED" > exported.txt
                	pwd > cwd.txt
                }
                do_hello[dirs] = "${B}/a ${B}/b"
                do_hello[umask] = "077"
                do_hello[cleandirs] = "${WORKDIR}/clean"
                addtask hello
                do_fail() {
                	echo "about to fail"
                	false
                	echo "not reached"
                }
                addtask fail
                do_escape() {
                	echo escaped > ${TOPDIR}/../meta/escaped.txt
                }
                addtask escape
                """);
        BuildDirectory build = BuildDirectory.builder(root.resolve("build")).python(PythonEvaluator.builtin()).load();
        assertThat(build.failure()).isEmpty();
        recipe = build.parseAll(1).get(0).recipe();
        workdir = root.resolve("build/tmp/work/demo");
        sandbox = Sandbox.create(root.resolve("sandbox-cache"));
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    @Test
    void runsAShellTaskLikeBitbakeInItsLastDirsEntryWithItsFunctionsAndExports() throws Exception {
        Files.createDirectories(workdir.resolve("clean"));
        Files.writeString(workdir.resolve("clean/stale"), "old");
        TaskExecutor.Outcome outcome = new TaskExecutor(sandbox, List.of()).run(recipe, "do_hello");
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        Path b = workdir.resolve("build/b");
        assertThat(Files.readString(b.resolve("greeting.txt")).trim()).isEqualTo("hello from the sandbox");
        assertThat(Files.readString(b.resolve("exported.txt")).trim()).isEqualTo("hello from the sandbox");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.resolve("exported.txt"))))
                .as("the task's [umask]").isEqualTo("rw-------");
        assertThat(Files.readString(b.resolve("cwd.txt")).trim()).isEqualTo(b.toString());
        assertThat(workdir.resolve("build/a")).isDirectory();
        assertThat(workdir.resolve("clean")).isEmptyDirectory();
        Path t = workdir.resolve("temp");
        assertThat(Files.readSymbolicLink(t.resolve("run.do_hello")).toString()).startsWith("run.do_hello.");
        assertThat(Files.readSymbolicLink(t.resolve("log.do_hello")).toString()).startsWith("log.do_hello.");
        String script = Files.readString(t.resolve("run.do_hello"));
        assertThat(script).startsWith("#!/bin/sh").contains("export GREETING_EXPORTED=\"hello from the sandbox\"")
                .contains("helper() {").contains("cd '" + b + "'\ndo_hello\n");
        assertThat(outcome.changes().written()).contains(b.resolve("greeting.txt"));
        assertThat(outcome.changes().cleaned()).contains(workdir.resolve("clean"));
    }

    @Test
    void aFailingCommandFailsTheTaskAndTheLogTellsWhere() throws Exception {
        TaskExecutor.Outcome outcome = new TaskExecutor(sandbox, List.of()).run(recipe, "do_fail");
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.message()).contains("run.do_fail").contains("exit code 1");
        assertThat(Files.readString(outcome.log())).contains("about to fail")
                .contains("WARNING: exit code 1 from a shell command.").doesNotContain("not reached");
    }

    @Test
    void aTaskCannotWriteOutsideItsWorkDirectory() throws Exception {
        TaskExecutor.Outcome outcome = new TaskExecutor(sandbox, List.of()).run(recipe, "do_escape");
        assertThat(outcome.success()).isFalse();
        assertThat(root.resolve("meta/escaped.txt")).doesNotExist();
        assertThat(Files.readString(outcome.log())).containsAnyOf("Read-only file system", "No such file", "Directory nonexistent");
    }
}
