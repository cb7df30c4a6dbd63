package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end against real git repositories in a temp dir. */
class KasRunnerTest {
    @TempDir
    Path tmp;
    Path upstream;
    Path work;
    Path project;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    Map<String, String> env;

    private void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=T", "-c", "user.email=t@e",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @BeforeEach
    void setUp() throws Exception {
        upstream = Files.createDirectories(tmp.resolve("upstream/core"));
        work = Files.createDirectories(tmp.resolve("work"));
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(upstream.resolve("meta/conf"));
        Files.writeString(upstream.resolve("meta/conf/layer.conf"), "# meta\n");
        Files.writeString(upstream.resolve("oe-init-build-env"),
                "BUILDDIR=$1\nmkdir -p $BUILDDIR/conf\nexport BUILDDIR\nexport BB_ENV_PASSTHROUGH_ADDITIONS=BUILDDIR\n");
        git(upstream, "init", "-q");
        git(upstream, "add", "-A");
        git(upstream, "commit", "-q", "-m", "c1");
        env = new HashMap<>(System.getenv());
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.remove("KAS_WORK_DIR");
        env.remove("KAS_BUILD_DIR");
    }

    private KasRunner runner() {
        return KasRunner.builder().workingDirectory(work).environment(env)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
    }

    private String project(String yaml) throws IOException {
        Path f = project.resolve("kas.yml");
        Files.writeString(f, yaml.replace("@UP@", upstream.toString()));
        return "../project/kas.yml";
    }

    @Test
    void checkoutClonesAndWritesTheConfiguration() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                machine: qemuarm64
                repos:
                  core:
                    url: "@UP@"
                    branch: main
                    layers:
                      meta:
                """);
        runner().checkout(cfg, KasCheckoutOptions.defaults());
        assertThat(work.resolve("core/meta/conf/layer.conf")).exists();
        assertThat(Files.readString(work.resolve("build/conf/bblayers.conf"))).isEqualTo("""
                BBLAYERS ?= " \\
                    ${TOPDIR}/../core/meta"
                BBPATH ?= "${TOPDIR}"
                BBFILES ??= ""
                """);
        assertThat(Files.readString(work.resolve("build/conf/local.conf"))).isEqualTo("""
                MACHINE ??= "qemuarm64"
                DISTRO ??= "nodistro"
                BBMULTICONFIG ?= ""
                """);
        assertThat(work.resolve("build/CACHEDIR.TAG")).exists();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("WARNING  - Using branch without commit for repository \"core\" is unsafe.");
    }

    @Test
    void dumpResolveRefsAppendsTheCommit() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                repos:
                  core:
                    url: "@UP@"
                    branch: main
                """);
        String yaml = runner().dump(cfg, new KasDumpOptions(false, 2, false, true, false, false, false));
        assertThat(yaml).startsWith("header:\n  version: 23\nrepos:\n  core:\n    url: " + upstream
                + "\n    branch: main\n    commit: ").hasLineCount(7);
    }

    @Test
    void unknownBranchIsAUserError() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                repos:
                  core:
                    url: "@UP@"
                    branch: nope
                """);
        assertThatThrownBy(() -> runner().dump(cfg, KasDumpOptions.defaults())).isInstanceOf(KasException.class)
                .hasMessage("Branch \"nope\" cannot be found in repository \"core\"");
    }

    @Test
    void relativeRepoPathsMayNotLeaveTheWorkDir() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                repos:
                  core:
                    url: "@UP@"
                    branch: main
                    path: ../elsewhere
                """);
        assertThatThrownBy(() -> runner().checkout(cfg, KasCheckoutOptions.defaults()))
                .isInstanceOf(KasException.class).hasMessageContaining("repos.core.path \"../elsewhere\"");
        assertThat(tmp.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void lockWritesALockFileNextToTheProject() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                repos:
                  core:
                    url: "@UP@"
                    branch: main
                """);
        runner().lock(cfg, false, 2, false);
        assertThat(Files.readString(project.resolve("kas.lock.yml")))
                .startsWith("header:\n  version: 14\noverrides:\n  repos:\n    core:\n      commit: ");
    }

    @Test
    void patchesAreCommittedInIdOrderAndMayNotWriteOutsideTheRepo() throws Exception {
        Path patches = Files.createDirectories(project.resolve("patches"));
        Files.writeString(patches.resolve("b.patch"), """
                --- /dev/null
                +++ b/second.txt
                @@ -0,0 +1 @@
                +2
                """);
        Files.writeString(patches.resolve("a.patch"), """
                --- /dev/null
                +++ b/first.txt
                @@ -0,0 +1 @@
                +1
                """);
        String cfg = project("""
                header:
                  version: 23
                repos:
                  project:
                    layers: {}
                  core:
                    url: "@UP@"
                    branch: main
                    patches:
                      z: {repo: project, path: patches/b.patch}
                      a: {repo: project, path: patches/a.patch}
                """);
        runner().checkout(cfg, KasCheckoutOptions.defaults());
        assertThat(work.resolve("core/first.txt")).hasContent("1");
        assertThat(work.resolve("core/second.txt")).hasContent("2");
        ProcessBuilder pb = new ProcessBuilder("git", "log", "--format=%s|%an", "-2").directory(
                work.resolve("core").toFile());
        Process p = pb.start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("kas: z|kas\nkas: a|kas\n");

        Files.writeString(patches.resolve("evil.patch"), """
                --- /dev/null
                +++ b/../escaped.txt
                @@ -0,0 +1 @@
                +x
                """);
        String evil = project("""
                header:
                  version: 23
                repos:
                  project:
                    layers: {}
                  core:
                    url: "@UP@"
                    branch: main
                    patches:
                      evil: {repo: project, path: patches/evil.patch}
                """);
        assertThatThrownBy(() -> runner().checkout(evil, KasCheckoutOptions.defaults()))
                .isInstanceOf(KasException.class).hasMessageContaining("Could not apply patch");
        assertThat(work.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void patchPathsMayNotLeaveTheirRepo() throws IOException {
        String cfg = project("""
                header:
                  version: 23
                repos:
                  project:
                    layers: {}
                  core:
                    url: "@UP@"
                    branch: main
                    patches:
                      p: {repo: project, path: ../../etc/passwd}
                """);
        assertThatThrownBy(() -> runner().checkout(cfg, KasCheckoutOptions.defaults()))
                .isInstanceOf(KasException.class).hasMessageContaining("points outside of repository \"project\"");
    }
}
