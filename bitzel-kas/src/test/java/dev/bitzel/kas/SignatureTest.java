package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signed: true} repos: commits and tags verified against throwaway GPG and SSH keys made per test. */
class SignatureTest {
    @TempDir
    Path tmp;
    Upstream u;
    Path layer;

    @BeforeEach
    void setUp() {
        u = new Upstream(tmp);
        u.core();
        layer = u.repo("signed-layer");
        u.write(layer, "conf/layer.conf", "# signed\n");
        u.commit(layer, "unsigned base");
        u.git(layer, "branch", "unsigned");
    }

    @Nested
    class Gpg {
        Path gnupg;
        String devFp;
        String otherFp;

        @BeforeEach
        void keys() throws IOException {
            assumeTrue(Upstream.onPath("gpg"), "gpg is not installed");
            gnupg = Files.createDirectories(tmp.resolve("gnupg"));
            Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            devFp = newKey("Dev <dev@example.com>", "dev.asc");
            otherFp = newKey("Other <other@example.com>", "other.asc");
            u.write(layer, "README", "signed\n");
            u.git(layer, "add", "-A");
            u.git(layer, gpgEnv(), "commit", "-q", "-S" + devFp, "-m", "signed by dev");
            u.git(layer, gpgEnv(), "-c", "user.signingkey=" + devFp, "tag", "-s", "-m", "signed tag", "v1.0-signed");
            u.git(layer, "tag", "-a", "-m", "unsigned tag", "v1.0-plain");
        }

        @AfterEach
        void stopAgent() {
            if (gnupg != null) {
                u.run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "all"), tmp, Map.of());
            }
        }

        private Map<String, String> gpgEnv() {
            return Map.of("GNUPGHOME", gnupg.toString());
        }

        private String newKey(String uid, String exportAs) throws IOException {
            u.run(List.of("gpg", "--batch", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never"),
                    tmp, gpgEnv());
            String colons = u.run(List.of("gpg", "--batch", "--with-colons", "--fingerprint", "--list-keys", uid),
                    tmp, gpgEnv());
            String fp = colons.lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
            String armored = u.run(List.of("gpg", "--batch", "--armor", "--export", fp), tmp, gpgEnv());
            Files.createDirectories(u.project.resolve("keys"));
            Files.writeString(u.project.resolve("keys/" + exportAs), armored);
            return fp;
        }

        private String config(String name, String ref, String allowed, String extraSigner) {
            return u.project(name, """
                    header:
                      version: 23
                    signers:
                      dev:
                        repo: this
                        path: keys/dev.asc
                      other:
                        repo: this
                        path: keys/other.asc
                    %s
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                      this:
                        layers: {}
                      signed-layer:
                        url: "@UP@/signed-layer"
                        %s
                        signed: true
                        allowed_signers: [%s]
                    """.formatted(extraSigner, ref, allowed));
        }

        @Test
        void aCommitSignedByAnAllowedKeyIsCheckedOut() {
            String cfg = config("good.yml", "branch: main", "dev", "");
            u.runner().checkout(cfg, KasCheckoutOptions.defaults());
            assertThat(u.git(u.work.resolve("signed-layer"), "log", "-1", "--format=%s")).isEqualTo("signed by dev\n");
            String grouped = devFp.replaceAll("(.{4})(?!$)", "$1 ");
            assertThat(u.log()).contains("Repository signed-layer signature valid: Fingerprint " + grouped
                    + " from \"Dev <dev@example.com>\"");
            assertThat(u.work.resolve(".kas_gnupg")).isDirectory();
        }

        @Test
        void aCommitSignedByAKeyThatIsNotAllowedIsRefusedBeforeCheckout() {
            String cfg = config("wrong.yml", "branch: main", "other", "");
            String grouped = devFp.replaceAll("(.{4})(?!$)", "$1 ");
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class)
                    .hasMessage("Repository signed-layer is not signed with a trusted key: Fingerprint " + grouped
                            + " from \"Dev <dev@example.com>\"");
            assertThat(u.work.resolve("build/conf/bblayers.conf")).doesNotExist();
        }

        @Test
        void anUnsignedCommitIsRefused() {
            String cfg = config("unsigned.yml", "branch: unsigned", "dev, other", "");
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .isInstanceOf(KasException.class)
                    .hasMessage("Repository signed-layer is not signed with a trusted key.");
        }

        @Test
        void aSignedTagIsVerifiedAsATagAndAnUnsignedTagIsRefused() {
            String good = config("tag.yml", "tag: v1.0-signed", "dev", "");
            u.runner().checkout(good, KasCheckoutOptions.defaults());
            assertThat(u.log()).contains("Repository signed-layer signature valid");
            String plain = config("plain-tag.yml", "tag: v1.0-plain", "dev", "");
            assertThatThrownBy(() -> u.runner().checkout(plain, KasCheckoutOptions.defaults()))
                    .hasMessage("Repository signed-layer is not signed with a trusted key.");
        }

        @Test
        void aFingerprintThatDoesNotMatchTheKeyFileIsAnError() {
            String cfg = u.project("fp.yml", """
                    header:
                      version: 23
                    signers:
                      dev:
                        repo: this
                        path: keys/dev.asc
                        fingerprint: %s
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                      this:
                        layers: {}
                      signed-layer:
                        url: "@UP@/signed-layer"
                        branch: main
                        signed: true
                        allowed_signers: [dev]
                    """.formatted(otherFp));
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessage("Could not import key \"dev\": Fingerprints do not match: Key has \"" + devFp
                            + "\". Expected \"" + otherFp + "\".");
        }

        @Test
        void anAllowedSignerMissingFromSignersIsAnError() {
            String cfg = config("missing.yml", "branch: main", "nobody", "");
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessage("Repository signed-layer: Allowed signer \"'nobody'\" not found in config");
        }

        @Test
        void signedWithoutAllowedSignersIsAnError() {
            String cfg = u.project("none.yml", """
                    header:
                      version: 23
                    repos:
                      signed-layer:
                        url: "@UP@/signed-layer"
                        branch: main
                        signed: true
                    """);
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessage("Repository \"signed-layer\" is signed but no allowed signers specified.");
        }
    }

    @Nested
    class Ssh {
        @BeforeEach
        void keys() throws IOException {
            assumeTrue(Upstream.onPath("ssh-keygen"), "ssh-keygen is not installed");
            Files.createDirectories(u.project.resolve("keys"));
            Path keys = Files.createDirectories(tmp.resolve("sshkeys"));
            for (String who : List.of("dev", "other")) {
                u.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who + "@example.com", "-f",
                        keys.resolve(who).toString()), tmp, Map.of());
                Files.copy(keys.resolve(who + ".pub"), u.project.resolve("keys/" + who + ".pub"));
            }
            u.write(layer, "README", "signed\n");
            u.git(layer, "add", "-A");
            u.git(layer, "-c", "gpg.format=ssh", "-c", "user.signingkey=" + keys.resolve("dev"), "commit", "-q",
                    "-S", "-m", "signed by dev");
        }

        private String config(String name, String allowed) {
            return u.project(name, """
                    header:
                      version: 23
                    signers:
                      dev:
                        type: ssh
                        repo: this
                        path: keys/dev.pub
                      other:
                        type: ssh
                        repo: this
                        path: keys/other.pub
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                      this:
                        layers: {}
                      signed-layer:
                        url: "@UP@/signed-layer"
                        branch: main
                        signed: true
                        allowed_signers: [%s]
                    """.formatted(allowed));
        }

        @Test
        void anAllowedSshSignatureIsAccepted() {
            u.runner().checkout(config("good.yml", "dev"), KasCheckoutOptions.defaults());
            assertThat(u.log()).containsPattern("Repository signed-layer signature valid: Fingerprint SHA256:\\S+ "
                    + "\\(ssh-ed25519\\) from \"dev@example.com\"");
            assertThat(u.work.resolve(".kas_ssh-handler/signed-layer/allowedSigners")).content()
                    .startsWith("\"dev@example.com\" namespaces=\"git\" ssh-ed25519 AAAA");
        }

        @Test
        void anSshSignatureOfAnotherKeyIsRefused() {
            assertThatThrownBy(() -> u.runner().checkout(config("wrong.yml", "other"), KasCheckoutOptions.defaults()))
                    .hasMessage("Repository signed-layer is not signed with a trusted key.");
        }

        @Test
        void mixedSignerTypesAreRefused() throws IOException {
            Files.writeString(u.project.resolve("keys/gpg.asc"), "not a key\n");
            String cfg = u.project("mixed.yml", """
                    header:
                      version: 23
                    signers:
                      dev:
                        type: ssh
                        repo: this
                        path: keys/dev.pub
                      g:
                        repo: this
                        path: keys/gpg.asc
                    repos:
                      core:
                        url: "@UP@/core"
                        branch: main
                        layers:
                          meta:
                      this:
                        layers: {}
                      signed-layer:
                        url: "@UP@/signed-layer"
                        branch: main
                        signed: true
                        allowed_signers: [dev, g]
                    """);
            assumeTrue(Upstream.onPath("gpg"), "gpg is not installed");
            assertThatThrownBy(() -> u.runner().checkout(cfg, KasCheckoutOptions.defaults()))
                    .hasMessage("Could not import key \"g\": No keys imported");
        }
    }
}
