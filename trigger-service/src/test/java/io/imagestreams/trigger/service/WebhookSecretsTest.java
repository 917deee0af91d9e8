package io.imagestreams.trigger.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.trigger.testing.Configs;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void secretsAreEncryptedAtRestWhenAKeyIsConfigured() {
        // given
        WebhookSecrets secrets = new WebhookSecrets(Configs.with(Map.of("imagestreams.webhooks.secret-encryption-key", KEY)));
        String secret = secrets.generate();

        // when
        String stored = secrets.seal(secret);

        // then
        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret.substring(6));
        assertThat(secrets.reveal(stored)).isEqualTo(secret);
        assertThat(secrets.signingKey(stored)).isEqualTo(Base64.getDecoder().decode(secret.substring(6)));
    }

    @Test
    void anEncryptedSecretNeedsTheKey() {
        String stored = new WebhookSecrets(Configs.with(Map.of("imagestreams.webhooks.secret-encryption-key", KEY)))
                .seal("whsec_" + Base64.getEncoder().encodeToString(new byte[24]));
        assertThatThrownBy(() -> new WebhookSecrets(Configs.with(Map.of())).signingKey(stored))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signaturesFollowStandardWebhooks() {
        // the example of the Standard Webhooks specification's reference implementations
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
