package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkout: fetching rules, shallow and reference clones, environment variables, --skip, security. */
class CheckoutTest {
    @TempDir
    Path tmp;
    Upstream u;
    Path core;

    @BeforeEach
    void setUp() {
        u = new Upstream(tmp);
        core = u.core();
    }

    private String branchConfig(String url) {
        return u.project("kas.yml", """
                header:
                  version: 23
                repos:
                  core:
                    url: "%s"
                    branch: main
                    layers:
                      meta:
                """.formatted(url));
    }

    @Nested
    class Fetching {
        @Test
        void checkoutOfPresentReposMakesNoNetworkCall() throws IOException {
            String cfg = branchConfig("@UP@/core".replace("@UP@", u.up.toString()));
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            // the upstream disappears: a second checkout must not need it
            Files.move(core, u.up.resolve("core-gone"));
            u.log.reset();
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.log()).contains("Repository core already contains main as commit")
                    .doesNotContain("Repository core updated");
            assertThatThrownBy(() -> u.runner().checkout(cfg, new KasCheckoutOptions(true, false, false, Set.of())))
                    .isInstanceOf(KasException.class).hasMessageStartingWith("Fetching of repo: \"core\" failed: ");
        }

        @Test
        void updateFetchesBranchReposButNotPinnedOnes() {
            String cfg = branchConfig(u.up.resolve("core").toString());
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            u.write(core, "README", "fourth\n");
            u.commit(core, "core: fourth");
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.git(u.work.resolve("core"), "log", "-1", "--format=%s")).isEqualTo("core: third\n");
            u.runner().checkout(cfg, new KasCheckoutOptions(true, false, false, Set.of()));
            assertThat(u.git(u.work.resolve("core"), "log", "-1", "--format=%s")).isEqualTo("core: fourth\n");
            String pinned = u.project("pinned.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "@UP@/core"
                        commit: "%s"
                        layers:
                          meta:
                    """.formatted(u.rev(core, "v1.0")));
            u.runner().checkout(pinned, new KasCheckoutOptions(true, false, false, Set.of()));
            assertThat(u.log()).contains("Update of \"core\" requested, but repo is pinned to a fixed commit.");
            assertThat(u.git(u.work.resolve("core"), "rev-parse", "HEAD").strip()).isEqualTo(u.rev(core, "v1.0"));
        }

        @Test
        void dirtyReposAreLeftAloneUnlessForced() throws IOException {
            String cfg = branchConfig(u.up.resolve("core").toString());
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            Files.writeString(u.work.resolve("core/README"), "local edit\n");
            String pinned = u.project("pinned.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "@UP@/core"
                        commit: "%s"
                        layers:
                          meta:
                    """.formatted(u.rev(core, "v1.0")));
            u.runner().checkout(pinned, KasCheckoutOptions.defaults());
            assertThat(u.log()).contains("Repo core is dirty - no checkout");
            assertThat(u.work.resolve("core/README")).hasContent("local edit");
            u.runner().checkout(pinned, new KasCheckoutOptions(false, true, false, Set.of()));
            assertThat(u.git(u.work.resolve("core"), "rev-parse", "HEAD").strip()).isEqualTo(u.rev(core, "v1.0"));
            assertThat(u.work.resolve("core/README")).doesNotExist();
        }

        @Test
        void aShallowCloneOfACommitOnlyRepoFetchesJustThatCommit() {
            String commit = u.rev(core, "HEAD~1");
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "file://@UP@/core"
                        commit: "%s"
                        layers:
                          meta:
                      branchy:
                        url: "file://@UP@/core"
                        branch: main
                        layers: {}
                    """.formatted(commit));
            u.runner(Map.of("KAS_CLONE_DEPTH", "1")).checkout(cfg, new KasCheckoutOptions(false, false, false,
                    Set.of("setup_environ", "write_bbconfig")));
            Path c = u.work.resolve("core");
            assertThat(u.git(c, "rev-parse", "--is-shallow-repository").strip()).isEqualTo("true");
            assertThat(u.git(c, "rev-parse", "HEAD").strip()).isEqualTo(commit);
            assertThat(u.git(c, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");
            Path b = u.work.resolve("branchy");
            assertThat(u.git(b, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");
            assertThat(u.git(b, "symbolic-ref", "--short", "HEAD").strip()).isEqualTo("main");
        }

        @Test
        void referenceReposAreSharedAndNamedAfterTheUrl() throws IOException {
            String cfg = branchConfig("file://" + u.up.resolve("core"));
            Path refs = tmp.resolve("refs");
            Map<String, String> env = Map.of("KAS_REPO_REF_DIR", refs.toString());
            u.runner(env).checkout(cfg, KasCheckoutOptions.defaults());
            String name = u.up.resolve("core").toString().replace('/', '.');
            Path ref = refs.resolve(name);
            assertThat(ref.resolve("HEAD")).exists();
            assertThat(u.work.resolve("core/.git/objects/info/alternates")).hasContent(ref.resolve("objects")
                    .toString());
            assertThat(u.git(u.work.resolve("core"), "remote", "get-url", "origin").strip())
                    .isEqualTo("file://" + u.up.resolve("core"));
            FileTime before = Files.getLastModifiedTime(ref);
            Path work2 = Files.createDirectories(tmp.resolve("work2"));
            KasRunner second = u.runner(Map.of("KAS_REPO_REF_DIR", refs.toString(), "KAS_WORK_DIR", work2.toString()));
            second.checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(work2.resolve("core/.git/objects/info/alternates")).hasContent(ref.resolve("objects").toString());
            assertThat(Files.getLastModifiedTime(ref)).isEqualTo(before);
            try (var s = Files.list(refs)) {
                assertThat(s.toList()).containsExactly(ref);
            }
        }

        @Test
        void premirrorsRewriteWithRegexGroups() {
            String cfg = branchConfig("https://mirror.invalid/group/core.git");
            u.runner(Map.of("KAS_PREMIRRORS", "^https://nomatch/ /x\n^https://mirror\\.invalid/group/(\\w+)\\.git "
                    + u.up + "/\\1")).checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.git(u.work.resolve("core"), "remote", "get-url", "origin").strip())
                    .isEqualTo(u.up.resolve("core").toString());
        }

        @Test
        void aRepoIncludeNamingAnUndefinedRepoIsAnError() {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                      includes:
                        - repo: nowhere
                          file: kas.yml
                    """);
            assertThatThrownBy(() -> u.runner().dump(cfg, KasDumpOptions.defaults()))
                    .hasMessage("Could not fetch all repos needed by includes. Missing repos: nowhere");
        }
    }

    @Nested
    class Environment {
        @Test
        void workAndBuildDirsComeFromTheEnvironment() throws IOException {
            Path kasWork = tmp.resolve("kaswork");
            String cfg = branchConfig(u.up.resolve("core").toString());
            Map<String, String> env = Map.of("KAS_WORK_DIR", kasWork.toString(), "KAS_BUILD_DIR", "out/bld");
            // like kas, only the build dir itself is created, not its parents
            assertThatThrownBy(() -> u.runner(env).checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessageContaining("cannot create the build directory " + u.work.resolve("out/bld"));
            Files.createDirectories(u.work.resolve("out"));
            u.runner(env).checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(kasWork.resolve("core/meta/conf/layer.conf")).exists();
            assertThat(u.work.resolve("out/bld/conf/bblayers.conf")).content()
                    .contains("${TOPDIR}/../../../kaswork/core/meta");
            assertThat(u.work.resolve("out/bld/CACHEDIR.TAG")).exists();
        }

        @Test
        void aNonNumericCloneDepthIsAUserError() {
            String cfg = branchConfig(u.up.resolve("core").toString());
            assertThatThrownBy(() -> u.runner(Map.of("KAS_CLONE_DEPTH", "deep")).checkout(cfg,
                    KasCheckoutOptions.defaults())).isInstanceOf(KasException.class)
                    .hasMessage("KAS_CLONE_DEPTH must be a number");
        }

        @Test
        void machineDistroAndTargetsFromTheEnvironmentWinEvenWhenEmpty() throws IOException {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    machine: cfg-machine
                    distro: cfg-distro
                    target: cfg-target
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                    """);
            u.runner(Map.of("KAS_MACHINE", "", "KAS_DISTRO", "env-distro", "KAS_TARGET", "mc:x:a  b"))
                    .checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.work.resolve("build/conf/local.conf")).hasContent("""
                    MACHINE ??= ""
                    DISTRO ??= "env-distro"
                    BBMULTICONFIG ?= "x\"""");
        }

        @Test
        void gitSeesTheGitconfigFileButNotTheCallersHome() throws IOException {
            Path gitconfig = tmp.resolve("gitconfig");
            Files.writeString(gitconfig, "[url \"" + u.up + "/\"]\n\tinsteadOf = https://git.example.invalid/\n");
            Files.writeString(tmp.resolve("home/.gitconfig"), "[url \"/nonexistent/\"]\n\tinsteadOf = https://git.example.invalid/\n");
            String cfg = branchConfig("https://git.example.invalid/core");
            u.runner(Map.of("GITCONFIG_FILE", gitconfig.toString())).checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.work.resolve("core/meta/conf/layer.conf")).exists();
        }

        @Test
        void aCredentialFileVariableNamingAMissingFileIsAUserError() {
            String cfg = branchConfig(u.up.resolve("core").toString());
            assertThatThrownBy(() -> u.runner(Map.of("NETRC_FILE", tmp.resolve("nope").toString())).checkout(cfg,
                    KasCheckoutOptions.defaults())).isInstanceOf(KasException.class)
                    .hasMessage("Environment variable \"NETRC_FILE\" is set, but the path does not exist: "
                            + tmp.resolve("nope"));
        }
    }

    @Nested
    class Skip {
        @Test
        void skippedStepsLeaveTheirWorkUndone() {
            String cfg = branchConfig(u.up.resolve("core").toString());
            u.runner().checkout(cfg, new KasCheckoutOptions(false, false, false, Set.of("write_bbconfig",
                    "setup_environ")));
            assertThat(u.work.resolve("core/meta")).isDirectory();
            assertThat(u.work.resolve("build/CACHEDIR.TAG")).exists();
            assertThat(u.work.resolve("build/conf")).doesNotExist();
        }

        @Test
        void keepConfigLeavesCheckoutsAndConfigurationAlone() throws IOException {
            String cfg = branchConfig(u.up.resolve("core").toString());
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            Files.writeString(u.work.resolve("build/conf/local.conf"), "# mine\n");
            u.git(u.work.resolve("core"), "checkout", "-q", "v1.0");
            u.runner().checkout(cfg, new KasCheckoutOptions(false, false, true, Set.of()));
            assertThat(u.work.resolve("build/conf/local.conf")).hasContent("# mine");
            assertThat(u.git(u.work.resolve("core"), "rev-parse", "HEAD").strip()).isEqualTo(u.rev(core, "v1.0"));
        }

        @Test
        void patchesNeedTheHomeStep() {
            u.write(u.project, "p/x.patch", "--- /dev/null\n+++ b/X\n@@ -0,0 +1 @@\n+x\n");
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    repos:
                      this:
                        layers: {}
                      core:
                        url: "@UP@/core"
                        branch: main
                        patches:
                          x: {repo: this, path: p/x.patch}
                    """);
            assertThatThrownBy(() -> u.runner().checkout(cfg, new KasCheckoutOptions(false, false, false,
                    Set.of("setup_home")))).hasMessage("Invalid combination of arguments: Apply patches requires "
                    + "setup_home");
        }

        @Test
        void anUnknownStepIsRefusedNamingTheAllowedOnes() {
            assertThatThrownBy(() -> new KasCheckoutOptions(false, false, false, Set.of("nap")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown step 'nap'")
                    .hasMessageContaining("write_bbconfig");
        }
    }

    @Nested
    class Security {
        @Test
        void credentialsInUrlsNeverReachTheLogOrErrors() {
            String cfg = branchConfig("https://user:s3cret@127.0.0.1:9/core.git");
            assertThatThrownBy(() -> u.runner(Map.of("KAS_REPO_REF_DIR", "")).checkout(cfg,
                    KasCheckoutOptions.defaults())).isInstanceOf(KasException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
            assertThat(u.log()).doesNotContain("s3cret").contains("https://user:***@127.0.0.1:9/core.git");
        }

        @Test
        void tokenOnlyHttpsUserInfoIsMaskedToo() {
            String cfg = branchConfig("https://ghp_abcdefgh12345678@127.0.0.1:9/core.git");
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class);
            assertThat(u.log()).doesNotContain("ghp_abcdefgh12345678").contains("https://***@127.0.0.1:9/core.git");
        }

        @Test
        void managedCheckoutsMayNotLeaveTheWorkDirThroughNameOrPath() {
            String byName = u.project("name.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        name: ../outside
                        url: "@UP@/core"
                        branch: main
                    """);
            assertThatThrownBy(() -> u.runner().checkout(byName, KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class).hasMessageContaining("repos.core.name \"../outside\"");
            String onBuild = u.project("build.yml", """
                    header:
                      version: 23
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        path: build
                    """);
            assertThatThrownBy(() -> u.runner().checkout(onBuild, KasCheckoutOptions.defaults()))
                    .hasMessageContaining("repos.core.path \"build\"");
            assertThat(tmp.resolve("outside")).doesNotExist();
        }

        @Test
        void quiltSeriesEntriesMayNotLeaveTheirRepo() {
            u.write(u.project, "q/series", "../../../etc/passwd\n");
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
                        patches:
                          q: {repo: this, path: q}
                    """);
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class).hasMessageContaining("Invalid quilt series entry");
        }

        @Test
        void signerKeyFilesMayNotLeaveTheirRepo() {
            String cfg = u.project("kas.yml", """
                    header:
                      version: 23
                    signers:
                      dev:
                        type: ssh
                        repo: this
                        path: ../../etc/ssh/ssh_host_ed25519_key.pub
                    repos:
                      this:
                        layers: {}
                      core:
                        url: "@UP@/core"
                        branch: main
                        signed: true
                        allowed_signers: [dev]
                    """);
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessageContaining("points outside of repository \"this\"");
        }

        @Test
        void includesThroughSymlinksOutOfTheRepoAreRefused() throws IOException {
            Path outside = tmp.resolve("outside.yml");
            Files.writeString(outside, "header:\n  version: 23\n");
            Files.createSymbolicLink(u.project.resolve("link.yml"), outside);
            String cfg = u.project("kas.yml", "header:\n  version: 23\n  includes: [link.yml]\n");
            assertThatThrownBy(() -> u.runner().dump(cfg, KasDumpOptions.defaults()))
                    .hasMessageStartingWith("include " + outside.toRealPath() + " resolves outside repository "
                            + u.project);
        }
    }

    @Test
    void theRepoLoopSetsUpReposNeededByIncludesFirst() {
        Path layer = u.repo("layer");
        u.write(layer, "kas/inc.yml", """
                header:
                  version: 23
                machine: from-layer
                repos:
                  core:
                    url: "%s"
                    branch: main
                    layers:
                      meta:
                """.formatted(u.up.resolve("core")));
        u.commit(layer, "layer: kas include");
        String cfg = u.project("kas.yml", """
                header:
                  version: 23
                  includes:
                    - repo: layer
                      file: kas/inc.yml
                repos:
                  layer:
                    url: "@UP@/layer"
                    branch: main
                """);
        assertThat(u.runner().dump(cfg, KasDumpOptions.defaults())).isEqualTo("""
                header:
                  version: 23
                machine: from-layer
                repos:
                  core:
                    url: %s
                    branch: main
                    layers:
                      meta:
                  layer:
                    url: %s
                    branch: main
                """.formatted(u.up.resolve("core"), u.up.resolve("layer")));
        assertThat(List.of(u.work.resolve("core/meta"), u.work.resolve("layer/kas"))).allMatch(Files::isDirectory);
    }
}
