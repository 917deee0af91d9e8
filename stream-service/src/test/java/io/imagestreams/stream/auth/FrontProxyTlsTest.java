package io.imagestreams.stream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.stream.config.StreamServiceConfig;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The aggregated mode refuses to start without what it needs, and the other modes leave TLS alone. */
class FrontProxyTlsTest {

    /** No TLS configuration at all. */
    private static final TlsConfigurationRegistry NO_TLS = new TlsConfigurationRegistry() {
        @Override
        public Optional<TlsConfiguration> get(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<TlsConfiguration> getDefault() {
            return Optional.empty();
        }

        @Override
        public void register(String name, TlsConfiguration configuration) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void theAggregatedModeNeedsKubernetesAccess() {
        FrontProxyTls tls = new FrontProxyTls(config("IMAGESTREAMS_AUTH_MODE", "front-proxy"), null, NO_TLS);

        assertThatThrownBy(() -> tls.start(null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("imagestreams.auth.mode=front-proxy needs imagestreams.kubernetes.enabled=true");
    }

    @Test
    void theAggregatedModeNeedsHttps() {
        FrontProxyTls tls = new FrontProxyTls(config("IMAGESTREAMS_AUTH_MODE", "front-proxy", "IMAGESTREAMS_KUBERNETES_ENABLED", "true"),
                null, NO_TLS);

        assertThatThrownBy(() -> tls.start(null, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs HTTPS").hasMessageContaining("quarkus.http.ssl.certificate.files");
    }

    @Test
    void theAggregatedModeAsksClientsForACertificateAndTheOthersDoNot() {
        HttpServerOptions aggregated = new HttpServerOptions();
        new FrontProxyTls(config("IMAGESTREAMS_AUTH_MODE", "front-proxy"), null, NO_TLS).customizeHttpsServer(aggregated);
        HttpServerOptions standalone = new HttpServerOptions();
        FrontProxyTls jwt = new FrontProxyTls(config("IMAGESTREAMS_AUTH_MODE", "jwt"), null, NO_TLS);
        jwt.customizeHttpsServer(standalone);
        jwt.start(null, null);

        assertThat(aggregated.getClientAuth()).isEqualTo(ClientAuth.REQUEST);
        assertThat(aggregated.getTrustOptions()).isNotNull();
        assertThat(standalone.getClientAuth()).isEqualTo(ClientAuth.NONE);
        assertThat(standalone.getTrustOptions()).isNull();
    }

    private static StreamServiceConfig config(String... environment) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < environment.length; i += 2) {
            variables.put(environment[i], environment[i + 1]);
        }
        return new SmallRyeConfigBuilder().withMapping(StreamServiceConfig.class)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new EnvConfigSource(variables, 300)).build().getConfigMapping(StreamServiceConfig.class);
    }
}
