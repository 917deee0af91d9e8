package io.imagestreams.importer.client;

import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Sends one HTTP request and reads its answer; redirects are not followed (the caller checks every target
 * against the target policy first). The seam that lets tests count or refuse traffic.
 */
@FunctionalInterface
public interface RegistryTransport {

    /**
     * @param skipTlsVerification accept any server certificate and host name (insecure registries only)
     * @param maxBodyBytes        the largest body read; a larger one fails with an {@link IOException}
     */
    RegistryResponse send(HttpRequest request, boolean skipTlsVerification, long maxBodyBytes)
            throws IOException, InterruptedException;
}
