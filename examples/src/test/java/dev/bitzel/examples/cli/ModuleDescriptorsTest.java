package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins each library module's name, exports and requires to a file kept in the repository, as JUnit does with
 * {@code jar --describe-module}: an export or a dependency arrow cannot change by accident.
 */
class ModuleDescriptorsTest {

    @ParameterizedTest
    @ValueSource(classes = {
        dev.bitzel.parser.Diagnostic.class,
        dev.bitzel.graph.TaskId.class,
        dev.bitzel.cas.Digest.class,
        dev.bitzel.sandbox.NetworkPolicy.class,
        dev.bitzel.remote.Endpoint.class,
        dev.bitzel.kas.KasFormatVersion.class,
        dev.bitzel.query.OutputFormat.class,
    })
    void descriptorMatchesTheCheckedInDescription(Class<?> typeInModule) throws Exception {
        ModuleDescriptor descriptor = descriptorOf(typeInModule);
        String expected = resource("/modules/" + descriptor.name() + ".txt");
        assertThat(describe(descriptor)).as("module %s; if the change is intended, update "
                + "examples/src/test/resources/modules/%s.txt", descriptor.name(), descriptor.name())
                .isEqualTo(expected);
    }

    /** A stable text form of a descriptor: the name, then exports, opens and requires, sorted. */
    static String describe(ModuleDescriptor descriptor) {
        Stream<String> exports = descriptor.exports().stream().map(e -> "exports " + e.source()
                + (e.isQualified() ? " to " + String.join(",", e.targets().stream().sorted().toList()) : ""));
        Stream<String> opens = descriptor.opens().stream().map(o -> "opens " + o.source()
                + (o.isQualified() ? " to " + String.join(",", o.targets().stream().sorted().toList()) : ""));
        Stream<String> requires = descriptor.requires().stream()
                .filter(r -> !r.name().equals("java.base"))
                .map(r -> "requires " + r.modifiers().stream().map(m -> m.name().toLowerCase() + " ")
                        .sorted().collect(Collectors.joining()) + r.name());
        return descriptor.name() + "\n" + Stream.of(exports, opens, requires).flatMap(s -> s).sorted()
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static ModuleDescriptor descriptorOf(Class<?> type) throws URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(location).findAll().stream().map(ModuleReference::descriptor).findFirst()
                .orElseThrow(() -> new AssertionError("no module descriptor in " + location));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ModuleDescriptorsTest.class.getResourceAsStream(name)) {
            Objects.requireNonNull(in, () -> "missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
