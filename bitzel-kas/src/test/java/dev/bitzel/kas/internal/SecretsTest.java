package dev.bitzel.kas.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void passwordsAreMaskedUserNamesKept() {
        assertThat(Secrets.mask("clone https://alice:pw@host/x.git and ssh://bob:pw2@host:22/y"))
                .isEqualTo("clone https://alice:***@host/x.git and ssh://bob:***@host:22/y");
    }

    @Test
    void aLoneHttpUserIsATokenAndMaskedWhileSshUsersStay() {
        assertThat(Secrets.mask("https://ghp_token@github.com/o/r http://t@h/ ssh://git@host/r git@host:r"))
                .isEqualTo("https://***@github.com/o/r http://***@h/ ssh://git@host/r git@host:r");
    }

    @Test
    void textWithoutUrlsIsUntouched() {
        assertThat(Secrets.mask("user@example.com wrote: a:b@c")).isEqualTo("user@example.com wrote: a:b@c");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void everyLogLineIsMaskedAndLevelsFilter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Log log = new Log(new PrintStream(out, true, StandardCharsets.UTF_8), "warning");
        log.info("hidden https://u:p@h/");
        log.warning("shown https://u:p@h/");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("hidden").doesNotContain(":p@")
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d - WARNING  - shown https://u:\\*\\*\\*@h/\n");
    }
}
