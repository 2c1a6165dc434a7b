package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void isThirtyTwoRandomBytesInBase64UrlAndAuthorizesOnlyItsOwnBearerHeader() {
        BearerToken token = BearerToken.random();
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(BearerToken.random().value());
        assertThat(token.authorizes("Bearer " + token.value())).isTrue();
        assertThat(token.authorizes(null)).isFalse();
        assertThat(token.authorizes("")).isFalse();
        assertThat(token.authorizes(token.value())).isFalse();
        assertThat(token.authorizes("Bearer " + token.value() + " ")).isFalse();
        assertThat(token.authorizes("Bearer " + BearerToken.random().value())).isFalse();
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
