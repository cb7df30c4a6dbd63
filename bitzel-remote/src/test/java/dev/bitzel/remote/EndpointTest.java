package dev.bitzel.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void parsesPlainAndTlsUrlsWithInstanceNames() {
        assertThat(Endpoint.parse("grpc://127.0.0.1:9092")).isEqualTo(new Endpoint("127.0.0.1", 9092, false, ""));
        assertThat(Endpoint.parse("grpcs://cache.example.com/main"))
                .isEqualTo(new Endpoint("cache.example.com", 443, true, "main"));
        assertThat(Endpoint.parse("grpc://h:1/a/b").toString()).isEqualTo("grpc://h:1/a/b");
    }

    @Test
    void rejectsWhatCannotBeDialledNamingTheUrl() {
        assertThatThrownBy(() -> Endpoint.parse("http://h:1")).hasMessageContaining("'http://h:1'");
        assertThatThrownBy(() -> Endpoint.parse("grpc://h")).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> Endpoint.parse("grpc://:1")).hasMessageContaining("no host");
    }
}
