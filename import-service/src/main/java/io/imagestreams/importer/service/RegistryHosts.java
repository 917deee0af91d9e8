package io.imagestreams.importer.service;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.HostPort;
import java.util.Locale;

/** One spelling per registry host, so credentials, settings and pull specs find each other. */
public final class RegistryHosts {

    private RegistryHosts() {
    }

    /**
     * {@code host[:port]} in lower case, without scheme or path; every Docker Hub alias
     * ({@code index.docker.io}, {@code registry-1.docker.io}, {@code https://index.docker.io/v1/}) as {@code docker.io}.
     */
    public static String normalize(String registry) {
        String host = registry.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int path = host.indexOf('/');
        if (path >= 0) {
            host = host.substring(0, path);
        }
        if (host.isEmpty() || ImageReference.isDockerHubRegistry(host)) {
            return ImageReference.DOCKER_HUB_REGISTRY;
        }
        return host;
    }

    /**
     * Where requests for a registry (as {@link #normalize} spells it) go: {@code host[:port]} in lower case, Docker
     * Hub's {@code registry-1.docker.io} for {@code docker.io}. Rate budgets and auth are learned per such authority.
     */
    public static String requestAuthority(String registry) {
        String host = normalize(registry);
        return HostPort.parse(ImageReference.DOCKER_HUB_REGISTRY.equals(host) ? ImageReference.DOCKER_HUB_V2_REGISTRY
                : host).authority();
    }
}
