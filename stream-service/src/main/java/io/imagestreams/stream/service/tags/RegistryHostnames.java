package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry host names written into stream status: the integrated registry that serves
 * {@code status.dockerImageRepository}, and the host outside clients use for {@code publicDockerImageRepository}.
 *
 * @param internalHostname host and optional port of the integrated registry; empty when there is none
 * @param publicHostname   host and optional port the registry is reachable at from outside; empty when unset
 */
public record RegistryHostnames(Optional<String> internalHostname, Optional<String> publicHostname) {

    public RegistryHostnames {
        internalHostname = Objects.requireNonNull(internalHostname, "internalHostname").filter(h -> !h.isEmpty());
        publicHostname = Objects.requireNonNull(publicHostname, "publicHostname").filter(h -> !h.isEmpty());
    }

    /** No integrated registry: status repositories come from {@code spec.dockerImageRepository}. */
    public static RegistryHostnames none() {
        return new RegistryHostnames(Optional.empty(), Optional.empty());
    }

    /**
     * {@code <internal>/<namespace>/<name>}; without an integrated registry, {@code spec.dockerImageRepository} (or
     * {@code ""}), as the apiserver's {@code Strategy.dockerImageRepository} answers.
     */
    public String dockerImageRepository(ImageStream stream) {
        return internalHostname.map(host -> repository(host, stream))
                .orElseGet(() -> Objects.requireNonNullElse(stream.getSpec().getDockerImageRepository(), ""));
    }

    /** {@code <public>/<namespace>/<name>}, or {@code null} (omitted) when no public host name is configured. */
    public String publicDockerImageRepository(ImageStream stream) {
        return publicHostname.map(host -> repository(host, stream)).orElse(null);
    }

    private static String repository(String host, ImageStream stream) {
        String namespace = stream.getMetadata().getNamespace();
        String prefix = namespace == null || namespace.isEmpty() ? host + "/" : host + "/" + namespace + "/";
        return prefix + stream.getMetadata().getName();
    }
}
