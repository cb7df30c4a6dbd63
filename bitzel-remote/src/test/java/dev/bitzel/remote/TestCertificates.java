package dev.bitzel.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates made at test time with the JDK's own {@code keytool}: a CA, server and client
 * certificates it signs (PEM chains), their PKCS#8 PEM keys (exported through {@link KeyStore}), as gRPC's TLS
 * credentials read them.
 */
final class TestCertificates {

    private static final String PASS = "changeit";
    private final Path dir;

    /** A CA: its PEM certificate, and the keystore that signs with it. */
    record Ca(Path certificate, Path keystore) {
    }

    /** A certificate chain (leaf, then CA) and its key. */
    record Identity(Path chain, Path key) {
    }

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    Ca ca(String name) throws IOException, InterruptedException {
        Path ks = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", ks.toString());
        Path pem = dir.resolve(name + ".pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ks.toString(), "-file", pem.toString());
        return new Ca(pem, ks);
    }

    /** A certificate for {@code cn} signed by {@code ca}, for a server (with localhost names) or a client. */
    Identity issue(Ca ca, String cn, boolean server) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path ks = dir.resolve(cn + ".p12");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn,
                "-validity", "2", "-keystore", ks.toString());
        Path csr = dir.resolve(cn + ".csr");
        keytool("-certreq", "-alias", "leaf", "-keystore", ks.toString(), "-file", csr.toString());
        Path leaf = dir.resolve(cn + ".leaf.pem");
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore",
                ca.keystore().toString(), "-infile", csr.toString(), "-outfile", leaf.toString(), "-validity", "2"));
        if (server) {
            gencert.addAll(List.of("-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth"));
        } else {
            gencert.addAll(List.of("-ext", "eku=clientAuth"));
        }
        keytool(gencert.toArray(String[]::new));
        Path chain = dir.resolve(cn + ".chain.pem");
        Files.writeString(chain, Files.readString(leaf) + Files.readString(ca.certificate()), StandardCharsets.US_ASCII);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASS.toCharArray());
        }
        Key key = store.getKey("leaf", PASS.toCharArray());
        Path keyPem = dir.resolve(cn + ".key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return new Identity(chain, keyPem);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS, "-noprompt"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
