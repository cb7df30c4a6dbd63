package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsAsACommandPrefixWithTheDirectoryWritableAndExitsWithTheScriptsCode() throws Exception {
        MainTest.Run run = MainTest.run("--cache-dir", dir.resolve("cache").toString(), "sandbox",
                "--rw", dir.resolve("cache").getParent().toString(), "--timeout", "30s", "--memory", "256M",
                "--pids", "64", "--", "sh", "-c",
                "cd " + dir + " && printf '#!/bin/sh\\nexit 5\\n' > t && chmod +x t && ./t; "
                        + "c=$?; cat /etc/shadow 2>/dev/null && exit 99; echo $c > code; exit $c");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
        assertThat(Files.readString(dir.resolve("code"))).isEqualTo("5\n");
    }

    @Test
    void scratchDirectoriesAreSizeLimitedAndLinksToHostFilesAreRemovedWithAMessage() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        MainTest.Run run = MainTest.run("--cache-dir", dir.resolve("cache").toString(), "sandbox", "--rw",
                work.toString(), "--scratch", "/scratch", "--tmp-size", "1M", "--timeout", "30s", "--", "sh", "-c",
                "ln -s /etc/passwd " + work + "/l; head -c 2000000 /dev/zero > /scratch/f 2>/dev/null; exit $?");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // ENOSPC past 1 MiB
        assertThat(run.err()).contains("removed a link leading out of the writable path: " + work.resolve("l")
                + " -> /etc/passwd");
        assertThat(Files.exists(work.resolve("l"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(MainTest.run("sandbox", "--tmp-size", "12X", "--", "true").exitCode()).isEqualTo(2);
    }

    @Test
    void aTimeoutEndsWithTheSignalStatusAndSaysSo() {
        MainTest.Run run = MainTest.run("--cache-dir", dir.toString(), "sandbox", "--timeout", "300ms", "--",
                "sleep", "10");
        assertThat(run.exitCode()).isEqualTo(128 + 15);
        assertThat(run.err()).contains("limit hit: [timeout]");
    }

    @Test
    void badUsageExitsTwoWithAClearMessage() {
        assertThat(MainTest.run("sandbox", "--memory", "12X", "--", "true").err()).contains("--memory", "12X");
        assertThat(MainTest.run("sandbox", "--memory", "12X", "--", "true").exitCode()).isEqualTo(2);
        assertThat(MainTest.run("sandbox", "--network", "wifi", "--", "true").exitCode()).isEqualTo(2);
        assertThat(MainTest.run("sandbox", "--rw", "/no/such/dir", "--", "true").err()).contains("/no/such/dir");
        assertThat(MainTest.run("sandbox", "--rw", "/no/such/dir", "--", "true").exitCode()).isEqualTo(2);
        assertThat(MainTest.run("sandbox").exitCode()).isEqualTo(2);
    }

    @Test
    void parsesSizesAndDurations() {
        assertThat(SandboxCommand.size("--memory", "512M")).isEqualTo(512L << 20);
        assertThat(SandboxCommand.size("--memory", "2GiB")).isEqualTo(2L << 30);
        assertThat(SandboxCommand.size("--memory", "100")).isEqualTo(100);
        assertThat(SandboxCommand.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SandboxCommand.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(SandboxCommand.duration("PT1H")).isEqualTo(Duration.ofHours(1));
    }
}
