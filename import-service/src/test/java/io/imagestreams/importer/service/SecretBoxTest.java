package io.imagestreams.importer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void sealedSecretsOpenOnlyInTheirNamespaceWithTheirKey() {
        // given
        SecretBox box = new SecretBox(Optional.of(KEY));

        // when
        String sealed = box.seal("team-a", "{\"auths\":{}}");

        // then
        assertThat(sealed).startsWith("v1:").doesNotContain("auths");
        assertThat(box.open("team-a", sealed)).isEqualTo("{\"auths\":{}}");
        assertThatThrownBy(() -> box.open("team-b", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> new SecretBox(Optional.of(OTHER_KEY)).open("team-a", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        // given
        SecretBox box = new SecretBox(Optional.of(KEY));

        // when / then
        assertThat(box.seal("ns", "same")).isNotEqualTo(box.seal("ns", "same"));
    }

    @Test
    void withoutAKeyNothingIsStored() {
        // given
        SecretBox box = new SecretBox(Optional.empty());

        // when / then
        assertThat(box.configured()).isFalse();
        assertThatThrownBy(() -> box.seal("ns", "x")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aKeyOfTheWrongLengthIsAConfigurationError() {
        // when / then
        assertThatThrownBy(() -> new SecretBox(Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("must be 32 bytes");
    }
}
