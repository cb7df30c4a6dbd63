package dev.bitzel.cas;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts {@link CasWriterMain} in a fresh JVM on the test class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(Path.of("target/test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target/classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String e : value.split(File.pathSeparator)) {
                    if (!e.isBlank()) {
                        entries.add(e);
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static Process start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(), CasWriterMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
