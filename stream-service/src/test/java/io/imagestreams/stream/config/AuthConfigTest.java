package io.imagestreams.stream.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The auth settings as the Kubernetes manifests give them: environment variables, group grants included. */
class AuthConfigTest {

    @Test
    void readsTheAuthSettingsAndGroupGrantsFromTheEnvironment() {
        // given
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(StreamServiceConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new EnvConfigSource(Map.of("IMAGESTREAMS_AUTH_MODE", "jwt",
                        "IMAGESTREAMS_AUTH_JWT_ISSUER", "https://issuer.example.com",
                        "IMAGESTREAMS_AUTH_JWT_JWKS_URL", "https://issuer.example.com/jwks",
                        "IMAGESTREAMS_AUTH_JWT_GROUP_ROLES_PLATFORM", "*:registry-editor,team-a:admin"), 300))
                .build();

        // when
        StreamServiceConfig.Auth auth = config.getConfigMapping(StreamServiceConfig.class).auth();

        // then
        assertThat(auth.mode()).isEqualTo(StreamServiceConfig.Auth.Mode.JWT);
        assertThat(auth.jwt().issuer()).contains("https://issuer.example.com");
        assertThat(auth.jwt().jwksUrl()).hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("https://issuer.example.com/jwks"));
        assertThat(auth.jwt().groupRoles()).isEqualTo(Map.of("platform", List.of("*:registry-editor", "team-a:admin")));
        assertThat(auth.jwt().usernameClaim()).isEqualTo("sub");
    }

    @Test
    void readsTheAggregatedModeSettingsFromTheEnvironment() {
        // given
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(StreamServiceConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new EnvConfigSource(Map.of("IMAGESTREAMS_AUTH_MODE", "front-proxy",
                        "IMAGESTREAMS_KUBERNETES_ENABLED", "true",
                        "IMAGESTREAMS_AUTH_FRONT_PROXY_ALLOWED_NAMES", "front-proxy-client,aggregator",
                        "IMAGESTREAMS_AUTH_FRONT_PROXY_AUTHORIZED_TTL", "30s"), 300))
                .build();

        // when
        StreamServiceConfig settings = config.getConfigMapping(StreamServiceConfig.class);

        // then
        assertThat(settings.auth().mode()).isEqualTo(StreamServiceConfig.Auth.Mode.FRONT_PROXY);
        assertThat(settings.kubernetes().enabled()).isTrue();
        StreamServiceConfig.Auth.FrontProxy frontProxy = settings.auth().frontProxy();
        assertThat(frontProxy.clientCaFile()).isEmpty();
        assertThat(frontProxy.allowedNames()).contains(List.of("front-proxy-client", "aggregator"));
        assertThat(frontProxy.usernameHeaders()).containsExactly("X-Remote-User");
        assertThat(frontProxy.groupHeaders()).containsExactly("X-Remote-Group");
        assertThat(frontProxy.extraHeadersPrefix()).containsExactly("X-Remote-Extra-");
        assertThat(frontProxy.authorizedTtl()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(frontProxy.unauthorizedTtl()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(frontProxy.cacheSize()).isEqualTo(10000);
    }
}
