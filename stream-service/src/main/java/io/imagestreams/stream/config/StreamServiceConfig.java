package io.imagestreams.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** stream-service settings under {@code imagestreams.*} (DESIGN §8). */
@ConfigMapping(prefix = "imagestreams")
public interface StreamServiceConfig {

    /** How stream-service reaches import-service for synchronous {@code imagestreamimports}. */
    ImportService importService();

    /** Registry host names written into stream status. */
    Registry registry();

    /** Most spec tags one stream may have (OpenShift has no limit; a bound keeps requests and rows sane). */
    @WithDefault("1000")
    int maxSpecTags();

    /** The outbox relay. */
    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for unpublished events (it also runs right after each commit). */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface ImportService {
        /** Base URL of import-service, e.g. {@code http://import-service:8081}. */
        Optional<URI> url();

        /** How long a synchronous {@code imagestreamimports} call waits for import-service's answer. */
        @WithDefault("60s")
        Duration lookupTimeout();
    }

    interface Registry {
        /** Host (and port) for {@code status.dockerImageRepository}; unset = no internal registry. */
        Optional<String> internalHostname();

        /** Host (and port) for {@code status.publicDockerImageRepository}; unset = omitted. */
        Optional<String> publicHostname();
    }
}
