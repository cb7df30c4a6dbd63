package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kas commands beyond checkout: diff, build (with provenance), lock updates, menu, shell and for-all-repos. */
class CommandsTest {
    @TempDir
    Path tmp;
    Upstream u;
    Path core;

    @BeforeEach
    void setUp() {
        u = new Upstream(tmp);
        core = u.core();
    }

    private String pinned(String name, String ref) {
        return u.project(name, """
                header:
                  version: 23
                machine: m1
                repos:
                  core:
                    url: "@UP@/core"
                    commit: "%s"
                    layers:
                      meta:
                """.formatted(u.rev(core, ref)));
    }

    @Nested
    class Diff {
        @Test
        void aChangedCommitListsTheCommitsBetweenNewestFirst() throws IOException {
            String old = pinned("old.yml", "v1.0");
            String neu = pinned("new.yml", "main");
            String json = u.runner().diff(old, neu, new KasDiffOptions(true, false, false, false, false),
                    KasCheckoutOptions.defaults());
            JsonNode d = new ObjectMapper().readTree(json);
            assertThat(d.path("values_changed").path("repos.core.commit").path("old_value").asText())
                    .isEqualTo(u.rev(core, "v1.0"));
            assertThat(d.path("values_changed").path("repos.core.commit").path("new_value").asText())
                    .isEqualTo(u.rev(core, "main"));
            JsonNode commits = d.path("vcs").path("core");
            assertThat(commits).hasSize(2);
            assertThat(commits.get(0).path("commit").asText()).isEqualTo(u.rev(core, "main"));
            assertThat(commits.get(0).path("message").asText()).isEqualTo("core: third\n");
            assertThat(commits.get(0).path("author").asText()).isEqualTo("Upstream Dev");
            assertThat(commits.get(0).path("email").asText()).isEqualTo("dev@example.com");
            assertThat(commits.get(0).path("commit_date").asText()).isEqualTo("2020-01-01 03:00:00");
            assertThat(json).startsWith("{\n    \"values_changed\": {\n        \"repos.core.commit\": {\n");
        }

        @Test
        void identicalConfigurationsGiveAnEmptyChangeSet() {
            String old = pinned("old.yml", "v1.0");
            assertThat(u.runner().diff(old, old, new KasDiffOptions(true, false, false, false, false),
                    KasCheckoutOptions.defaults())).isEqualTo("{\n    \"values_changed\": {}\n}\n");
        }

        @Test
        void theTextFormatShowsChangedValuesAndOnelineCommits() {
            String old = pinned("old.yml", "v1.0");
            String neu = u.project("new.yml", """
                    header:
                      version: 23
                      includes: [new-commit.yml]
                    machine: m2
                    """);
            pinned("new-commit.yml", "main");
            String text = u.runner().diff(old, neu, new KasDiffOptions(false, true, true, false, false),
                    KasCheckoutOptions.defaults());
            assertThat(text).isEqualTo("kas diff " + old + " " + neu + "\n---  " + old + "\n+++  " + neu + "\n"
                    + "@@ config changed @@\n     machine:\n         @@ -1 +1 @@\n-        m1\n+        m2\n"
                    + "     repos.core.commit:\n         @@ -1 +1 @@\n-        " + u.rev(core, "v1.0") + "\n+        "
                    + u.rev(core, "main") + "\n@@ core commits diff @@\n" + u.rev(core, "main").substring(0, 7)
                    + " core: third\n" + u.rev(core, "HEAD~1").substring(0, 7) + " core: second\n");
            String contentOnly = u.runner().diff(old, neu, new KasDiffOptions(false, false, true, false, true),
                    KasCheckoutOptions.defaults());
            assertThat(contentOnly).contains("@@ config changed @@").doesNotContain("commits diff");
        }

        @Test
        void anUnknownCommitIsAUserErrorNamingIt() {
            String old = pinned("old.yml", "v1.0");
            String bad = u.project("bad.yml", """
                    header:
                      version: 23
                    machine: m1
                    repos:
                      core:
                        url: "@UP@/core"
                        commit: "0123456789012345678901234567890123456789"
                        layers:
                          meta:
                    """);
            assertThatThrownBy(() -> u.runner().diff(old, bad, KasDiffOptions.defaults(),
                    KasCheckoutOptions.defaults())).isInstanceOf(KasException.class)
                    .hasMessageContaining("0123456789012345678901234567890123456789");
        }
    }

    @Nested
    class Build {
        private String config(String extra) {
            return u.project("kas.yml", """
                    header:
                      version: 23
                    target: [img-a, mc:one:img-b]
                    env:
                      FOO: foo-default
                    artifacts:
                      image: tmp/deploy/*.bin
                    repos:
                      core:
                        url: "file://@UP@/core"
                        branch: main
                        layers:
                          meta:
                    %s
                    """.formatted(extra));
        }

        @Test
        void bitbakeRunsInTheBuildDirAndItsOutputIsRelayedAsLogLines() throws IOException {
            String cfg = config("");
            u.runner(Map.of("KAS_TASK", "compile")).build(cfg, new KasBuildOptions(List.of(), null, List.of("-k"),
                    KasCheckoutOptions.defaults()));
            assertThat(u.work.resolve("build/bitbake-invocation.txt"))
                    .hasContent("argv: -c compile -k img-a mc:one:img-b");
            assertThat(u.log()).contains("INFO     - bitbake says hello").contains("ERROR    - bitbake warns");
            assertThat(Files.readString(u.work.resolve("build/conf/local.conf"))).contains("BBMULTICONFIG ?= \"one\"");
        }

        @Test
        void aFailingBitbakeIsAUserErrorWithItsCommandLine() {
            String cfg = config("");
            assertThatThrownBy(() -> u.runner().build(cfg, new KasBuildOptions(List.of("fail-target"), "fetch",
                    List.of(), KasCheckoutOptions.defaults()))).isInstanceOf(KasException.class)
                    .hasMessageEndingWith("bitbake -c fetch fail-target\" failed with error 3");
        }

        @Test
        void provenanceDescribesArtifactsReposAndUntrackedConfigFiles() throws Exception {
            String cfg = config("");
            u.runner(Map.of("FOO", "from-caller", "CI_JOB_URL", "https://ci.example/job/1")).build(cfg,
                    new KasBuildOptions(List.of("img-x"), "build", List.of("-v"), KasCheckoutOptions.defaults(),
                            "mode=max"));
            Path att = u.work.resolve("build/attestation/kas-build.provenance.json");
            JsonNode st = new ObjectMapper().readTree(att.toFile());
            assertThat(st.path("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
            assertThat(st.path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
            byte[] image = Files.readAllBytes(u.work.resolve("build/tmp/deploy/image.bin"));
            assertThat(st.path("subject").get(0).path("name").asText()).isEqualTo("image.bin");
            assertThat(st.path("subject").get(0).path("digest").path("sha256").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
            JsonNode bd = st.path("predicate").path("buildDefinition");
            assertThat(bd.path("buildType").asText())
                    .isEqualTo("https://kas.readthedocs.io/en/5.4/userguide/project-configuration.html");
            assertThat(bd.path("externalParameters").path("command").asText()).isEqualTo("build");
            // outside the work dir, config files are named relative to their repository (here: their directory)
            assertThat(bd.path("externalParameters").path("config").get(0).asText()).isEqualTo("kas.yml");
            assertThat(bd.path("externalParameters").path("target").get(0).asText()).isEqualTo("img-x");
            assertThat(bd.path("externalParameters").path("extra_bitbake_args").get(0).asText()).isEqualTo("-v");
            assertThat(bd.path("internalParameters").path("env").path("FOO").asText()).isEqualTo("from-caller");
            JsonNode deps = bd.path("resolvedDependencies");
            assertThat(deps.get(0).path("name").asText()).isEqualTo("core");
            assertThat(deps.get(0).path("uri").asText()).isEqualTo("git+None");
            assertThat(deps.get(0).path("digest").path("gitCommit").asText()).isEqualTo(u.rev(core, "main"));
            assertThat(deps.get(0).path("annotations").path("dirty").asBoolean()).isFalse();
            assertThat(deps.get(0).path("annotations").path("layers").get(0).asText()).isEqualTo("meta");
            assertThat(deps.get(1).path("name").asText()).isEqualTo("kas.yml");
            assertThat(new String(Base64.getDecoder().decode(deps.get(1).path("content").asText()),
                    StandardCharsets.UTF_8)).isEqualTo(Files.readString(u.project.resolve("kas.yml")));
            assertThat(deps.get(1).path("mediaType").asText()).isEqualTo("application/vnd.kas+yaml");
            JsonNode rd = st.path("predicate").path("runDetails");
            assertThat(rd.path("builder").path("id").asText()).isEqualTo("https://github.com/siemens/kas");
            assertThat(rd.path("metadata").path("invocationId").asText()).isEqualTo("https://ci.example/job/1");
            assertThat(rd.path("metadata").path("startedOn").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(Files.readString(att)).startsWith("{\n    \"_type\": ").endsWith("}\n");
        }

        @Test
        void provenanceStripsCredentialsFromRepoUrls() throws Exception {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    artifacts:
                      image: tmp/deploy/image.bin
                    repos:
                      core:
                        url: "https://user:s3cret@Git.Example.com:8443/core.git"
                        branch: main
                        layers:
                          meta:
                    """);
            Map<String, String> mirror = Map.of("KAS_PREMIRRORS", "^https://user:s3cret@Git\\.Example\\.com:8443/core"
                    + "\\.git " + u.up.resolve("core"));
            u.runner(mirror).build(cfg, new KasBuildOptions(List.of(), null, List.of(), KasCheckoutOptions.defaults(),
                    "true"));
            String att = Files.readString(u.work.resolve("build/attestation/kas-build.provenance.json"));
            assertThat(att).contains("\"uri\": \"git+https://git.example.com:8443/core.git\"").doesNotContain("s3cret");
            assertThat(u.log()).doesNotContain("s3cret");
            assertThat(new ObjectMapper().readTree(att).path("predicate").path("buildDefinition")
                    .path("internalParameters").isEmpty()).isTrue();
        }

        @Test
        void provenanceFailsWhenAnArtifactGlobMatchesNothing() {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    artifacts:
                      sdk: tmp/deploy/sdk/*.sh
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                    """);
            assertThatThrownBy(() -> u.runner().build(cfg, new KasBuildOptions(List.of(), null, List.of(),
                    KasCheckoutOptions.defaults(), "mode=min")))
                    .isInstanceOf(KasException.class).hasMessage("No artifact found for sdk:\"tmp/deploy/sdk/*.sh\"");
        }

        @Test
        void anUnknownProvenanceModeIsRefused() {
            assertThatThrownBy(() -> new KasBuildOptions(List.of(), null, List.of(), KasCheckoutOptions.defaults(),
                    "mode=full")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode=full");
        }
    }

    @Nested
    class Lock {
        @Test
        void lockUpdateMovesTheLockAndReportsTheCommitsItMovedOver() throws IOException {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                    """);
            String first = u.runner().lock(cfg, false, 2, false);
            assertThat(first).isEmpty();
            String locked = u.rev(core, "main");
            assertThat(u.project.resolve("kas.lock.yml")).hasContent("header:\n  version: 14\noverrides:\n  repos:\n"
                    + "    core:\n      commit: " + locked);
            u.write(core, "README", "fourth\n");
            u.commit(core, "core: fourth");
            assertThat(u.runner().lock(cfg, false, 2, false)).isEmpty();
            assertThat(u.project.resolve("kas.lock.yml")).content().contains(locked);
            String log = u.runner().lock(cfg, true, 2, false);
            assertThat(log).isEqualTo("\u001b[34m@@ core commits diff @@\u001b[0m\n\u001b[33m"
                    + u.rev(core, "main").substring(0, 7) + "\u001b[0m core: fourth\n");
            assertThat(u.project.resolve("kas.lock.yml")).content().contains(u.rev(core, "main"));
        }
    }

    @Nested
    class ShellAndForAllRepos {
        @Test
        void shellRunsInTheBuildEnvironmentAndAnswersTheExitStatus() {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    env:
                      FOO: foo
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                    """);
            int rc = u.runner().shell(cfg, "test \"$FOO\" = foo && test \"$(pwd)\" = \"$BUILDDIR\" && exit 7",
                    KasCheckoutOptions.defaults());
            assertThat(rc).isEqualTo(7);
            assertThat(u.log()).contains("To start the default build, run: bitbake -c build core-image-minimal");
        }

        @Test
        void aFailingForAllReposCommandIsAUserErrorQuotingTheCommand() {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                    """);
            assertThatThrownBy(() -> u.runner().forAllRepos(cfg, "exit 4", KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class).hasMessage("Command \"'exit 4'\" failed with error 4");
        }

        @Test
        void preservingTheEnvironmentNeedsATerminal() {
            String cfg = u.project("kas.yml", "header:\n  version: 23\n");
            assertThatThrownBy(() -> u.runner().shell(cfg, "true", KasCheckoutOptions.defaults(), true))
                    .isInstanceOf(KasException.class).hasMessage("--preserve-env can only be run from a tty");
        }
    }

    @Nested
    class Menu {
        private Path scenarios;
        private Path projectCopy;

        @BeforeEach
        void copyProject() throws IOException {
            Path src = Path.of("src/test/resources/menu");
            scenarios = src.resolve("scenarios");
            projectCopy = tmp.resolve("menu-project");
            try (var s = Files.walk(src.resolve("project"))) {
                for (Path p : s.toList()) {
                    Path t = projectCopy.resolve(src.resolve("project").relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
        }

        private String runScenario(String name) throws IOException {
            Path config = u.work.resolve(".config.yaml");
            Files.deleteIfExists(config);
            Path in = scenarios.resolve(name + ".in.yaml");
            if (Files.exists(in)) {
                Files.writeString(config, Files.readString(in).replace("@PROJECT@", projectCopy.toString()));
            }
            List<String> sets = Files.readAllLines(scenarios.resolve(name + ".args")).stream()
                    .filter(l -> !l.isBlank()).toList();
            u.runner(Map.of("KAS_MENU_TEST_ENV", "from-env")).menu("../menu-project/Kconfig",
                    new KasMenuOptions(KasMenuOptions.parseAssignments(sets), false));
            return String.join("\n", Files.readAllLines(config).stream().filter(l -> !l.startsWith("#")).toList())
                    .replace(projectCopy.toString(), "@PROJECT@") + "\n";
        }

        @Test
        void everyScenarioWritesWhatKasMenuWrites() throws IOException {
            for (String name : List.of("defaults", "choices", "values", "locked", "resave")) {
                assertThat(runScenario(name)).as(name)
                        .isEqualTo(Files.readString(scenarios.resolve(name + ".expected.yaml")));
            }
            assertThat(u.log()).contains("Ignoring unknown configuration variable UNKNOWN_SYMBOL")
                    .contains("user value 100 on the int symbol JOBS");
        }

        @Test
        void anUnchangedConfigurationIsNotRewrittenAndAChangedOneKeepsTheOldFile() throws IOException {
            runScenario("defaults");
            Path config = u.work.resolve(".config.yaml");
            Map<String, String> env = Map.of("KAS_MENU_TEST_ENV", "from-env");
            assertThat(u.runner(env).menu("../menu-project/Kconfig", KasMenuOptions.defaults())).isFalse();
            assertThat(u.work.resolve(".config.yaml.old")).doesNotExist();
            assertThat(u.runner(env).menu("../menu-project/Kconfig", new KasMenuOptions(Map.of("WITH_SDK", "y"),
                    false))).isTrue();
            assertThat(u.work.resolve(".config.yaml.old")).exists();
            assertThat(config).content().contains("- core-image-minimal:do_populate_sdk");
        }

        @Test
        void badAssignmentsAndBadKconfigFilesAreUserErrors() throws IOException {
            assertThatThrownBy(() -> u.runner().menu("../menu-project/Kconfig",
                    new KasMenuOptions(Map.of("NO_SUCH", "y"), false))).isInstanceOf(KasException.class)
                    .hasMessageContaining("no symbol NO_SUCH is defined");
            assertThatThrownBy(() -> u.runner().menu("../menu-project/Kconfig",
                    new KasMenuOptions(Map.of("JOBS", "many"), false))).isInstanceOf(KasException.class)
                    .hasMessageContaining("the value 'many' is invalid for JOBS, which has type int");
            Files.writeString(projectCopy.resolve("Broken"), "config A\n\tbool \"a\"\n\tdepends on (B\n");
            assertThatThrownBy(() -> u.runner().menu("../menu-project/Broken", KasMenuOptions.defaults()))
                    .isInstanceOf(KasException.class).hasMessageContaining("Broken:3: error: malformed expression");
            Files.writeString(projectCopy.resolve("Unclosed"), "menu \"m\"\nconfig A\n\tbool\n");
            assertThatThrownBy(() -> u.runner().menu("../menu-project/Unclosed", KasMenuOptions.defaults()))
                    .hasMessageContaining("expected 'endmenu' at end of");
            assertThatThrownBy(() -> u.runner().menu("../menu-project/Nope", KasMenuOptions.defaults()))
                    .hasMessageContaining("Nope");
            assertThatThrownBy(() -> KasMenuOptions.parseAssignments(List.of("=y")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'=y'");
            Files.writeString(projectCopy.resolve("TypeError"), "config KAS_TARGET_X\n\tbool\n\tdefault y\n");
            assertThatThrownBy(() -> u.runner().menu("../menu-project/TypeError", KasMenuOptions.defaults()))
                    .hasMessage("Variable KAS_TARGET_X must be of string type");
        }
    }

    @Test
    void stepsListKasOrder() {
        assertThat(u.runner().steps()).containsExactly("setup_dir", "setup_home", "make_non_interactive",
                "init_setup_repos", "repo_setup_loop", "finish_setup_repos", "repos_checkout", "repos_apply_patches",
                "setup_environ", "write_bbconfig");
        assertThat(u.runner(Map.of("SSH_PRIVATE_KEY", "x")).steps()).contains("setup_ssh_agent");
        assertThat(Set.copyOf(u.runner().steps())).isSubsetOf(KasCheckoutOptions.STEPS);
    }

    @Test
    void hgReposArePatchedWithHgImport() throws IOException {
        assumeTrue(Upstream.onPath("hg"), "hg is not installed");
        Path hg = u.up.resolve("hglayer");
        Files.createDirectories(hg.resolve("conf"));
        Files.writeString(hg.resolve("conf/layer.conf"), "# hg\n");
        Map<String, String> hgEnv = Map.of("HGUSER", "Upstream <up@example.com>");
        u.run(List.of("hg", "init", "-q"), hg, hgEnv);
        u.run(List.of("hg", "commit", "-q", "-A", "-m", "hg: initial", "-d", "1577836800 0"), hg, hgEnv);
        Files.createDirectories(u.project.resolve("patches"));
        Files.writeString(u.project.resolve("patches/add.patch"), """
                # HG changeset patch
                # User Someone <some@example.com>
                # Date 1600000000 0
                #      Sun Sep 13 12:26:40 2020 +0000
                add a note

                diff --git a/NOTE b/NOTE
                new file mode 100644
                --- /dev/null
                +++ b/NOTE
                @@ -0,0 +1,1 @@
                +note
                """);
        String cfg = u.project("kas.yml", """
                header:
                  version: 23
                repos:
                  this:
                    layers: {}
                  core:
                    url: "@UP@/core"
                    branch: main
                    layers:
                      meta:
                  hglayer:
                    type: hg
                    url: "@UP@/hglayer"
                    branch: default
                    patches:
                      note: {repo: this, path: patches/add.patch}
                """);
        u.runner().checkout(cfg, KasCheckoutOptions.defaults());
        Path checkout = u.work.resolve("hglayer");
        assertThat(checkout.resolve("NOTE")).hasContent("note");
        String log = u.run(List.of("hg", "log", "-l", "1", "--template", "{branch}|{author}|{desc}|{date|hgdate}"),
                checkout, Map.of());
        assertThat(log).isEqualTo("patched-default|kas <kas@example.com>|kas: note\n\npatch "
                + u.project.resolve("patches/add.patch") + " applied by kas|1600000000 0");
    }
}
