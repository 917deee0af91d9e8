package io.imagestreams.stream.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;

/** stream-service settings under {@code imagestreams.*} (DESIGN §8). */
@ConfigMapping(prefix = "imagestreams")
public interface StreamServiceConfig {

    /** How stream-service reaches import-service for synchronous {@code imagestreamimports}. */
    ImportService importService();

    /** Registry host names written into stream status. */
    Registry registry();

    interface ImportService {
        /** Base URL of import-service, e.g. {@code http://import-service:8081}. */
        Optional<URI> url();
    }

    interface Registry {
        /** Host (and port) for {@code status.dockerImageRepository}; unset = no internal registry. */
        Optional<String> internalHostname();

        /** Host (and port) for {@code status.publicDockerImageRepository}; unset = omitted. */
        Optional<String> publicHostname();
    }
}
