package dev.bitzel.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void theEmptyBlobHasTheWellKnownSha256() {
        assertThat(Digest.EMPTY.hash()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digest.EMPTY.sizeBytes()).isZero();
    }

    @Test
    void digestsContentAndRoundTripsThroughItsTextForm() {
        Digest abc = Digest.ofUtf8("abc");
        assertThat(abc.toString()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad/3");
        assertThat(Digest.parse(abc.toString())).isEqualTo(abc);
    }

    @Test
    void rejectsMalformedTextNamingTheValue() {
        assertThatThrownBy(() -> Digest.parse("abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> Digest.parse("ABC/1")).hasMessageContaining("'ABC'");
        assertThatThrownBy(() -> new Digest(Digest.EMPTY.hash(), -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> Digest.parse(Digest.EMPTY.hash() + "/x")).hasMessageContaining("not a number");
    }
}
