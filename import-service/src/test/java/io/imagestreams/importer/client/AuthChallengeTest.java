package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void parsesABearerChallengeWithCommasInsideQuotes() {
        // when
        AuthChallenge challenge = AuthChallenge.parse(List.of(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/ubuntu:pull,push\"")).orElseThrow();

        // then
        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.params()).isEqualTo(Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/ubuntu:pull,push"));
        assertThat(challenge.withoutScope().params()).doesNotContainKey("scope");
    }

    @Test
    void prefersBearerOverBasicAmongSeveralChallenges() {
        // when
        AuthChallenge challenge = AuthChallenge.parse(List.of("Basic realm=\"r\", Bearer realm=\"https://t/token\""))
                .orElseThrow();

        // then
        assertThat(challenge.scheme()).isEqualTo("bearer");
        assertThat(challenge.param("realm")).contains("https://t/token");
    }

    @Test
    void readsABasicChallenge() {
        // when / then
        assertThat(AuthChallenge.parse(List.of("Basic realm=\"registry\"")).orElseThrow().isBasic()).isTrue();
        assertThat(AuthChallenge.parse(List.of("Negotiate"))).isEmpty();
    }
}
