package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every metadata file of a real poky checkout and expects no errors and byte-exact printing.
 *
 * <p>Runs only when the system property {@code bitzel.poky} names a poky tree, e.g.
 * {@code mvn -pl bitzel-parser test -Dtest=PokyCorpusTest -Dbitzel.poky=/work/poky
 * -Dsurefire.failIfNoSpecifiedTests=false}; CI does not have poky, so there it is skipped.
 *
 * <p>Files with a metadata extension that BitBake never parses are left out: {@code .conf} files inside
 * {@code recipes-*} directories (payload installed into images, e.g. systemd or xorg configuration),
 * wic's {@code .wks.inc} kickstart fragments, and {@code meta/conf/ccache.conf} (ccache's own
 * configuration). One file in BitBake's test data is genuinely invalid and must fail as BitBake fails.
 */
class PokyCorpusTest {

    private static final Map<String, String> KNOWN_INVALID = Map.of(
            "bitbake/lib/bb/tests/runqueue-tests/classes/image.bbclass",
            "unparsed line: 'do_rootfs[recrdeptask] += \"do_package_write_rpm do_package_qa'");

    static boolean isMetadata(Path root, Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        if (rel.startsWith(".git/") || rel.contains("/.git/")) {
            return false;
        }
        if (name.endsWith(".conf")) {
            return !rel.matches("(.*/)?recipes-[^/]*/.*") && !rel.equals("meta/conf/ccache.conf");
        }
        if (name.endsWith(".inc")) {
            return !rel.startsWith("scripts/lib/wic/");
        }
        return name.endsWith(".bb") || name.endsWith(".bbappend") || name.endsWith(".bbclass");
    }

    @Test
    void everyPokyMetadataFileParsesWithoutErrorsAndPrintsBack() throws IOException {
        String property = System.getProperty("bitzel.poky");
        assumeTrue(property != null && !property.isEmpty(), "set -Dbitzel.poky=/path/to/poky to run");
        Path root = Path.of(property);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> isMetadata(root, f)).sorted().toList();
        }
        List<String> errors = new ArrayList<>();
        List<String> roundTripFailures = new ArrayList<>();
        int knownInvalidSeen = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            SyntaxTree tree = Syntax.parse(file);
            if (!java.util.Arrays.equals(tree.print().getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes)) {
                roundTripFailures.add(file.toString());
            }
            List<Diagnostic> fileErrors = tree.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList();
            String rel = root.relativize(file).toString().replace('\\', '/');
            String expected = KNOWN_INVALID.get(rel);
            if (expected != null) {
                knownInvalidSeen++;
                assertThat(fileErrors).extracting(Diagnostic::message).containsExactly(expected);
                continue;
            }
            fileErrors.forEach(d -> errors.add(d.toString()));
        }
        System.out.printf("PokyCorpusTest: %d files, %d errors, %d round-trip failures, %d known-invalid%n",
                files.size(), errors.size(), roundTripFailures.size(), knownInvalidSeen);
        assertThat(files).hasSizeGreaterThan(1000);
        assertThat(errors).isEmpty();
        assertThat(roundTripFailures).isEmpty();
    }
}
