package io.imagestreams.stream.service.validation;

import io.imagestreams.api.reference.ImageReference;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link AllowedRegistries} to the pull specs of streams and tags, as OpenShift's
 * {@code AdmitDockerImageReference} does. Repositories the stored object already uses can be exempted, so an
 * update is never refused for references that were allowed when they were written.
 */
final class RegistryAdmission {

    private static final RegistryAdmission UNRESTRICTED = new RegistryAdmission(null, Set.of());

    private final AllowedRegistries allowed;
    private final Set<String> exemptRepositories;

    private RegistryAdmission(AllowedRegistries allowed, Set<String> exemptRepositories) {
        this.allowed = allowed;
        this.exemptRepositories = exemptRepositories;
    }

    /** Admission against {@code allowed}, or none at all when it is {@code null}. */
    static RegistryAdmission of(AllowedRegistries allowed) {
        return allowed == null ? UNRESTRICTED : new RegistryAdmission(allowed, Set.of());
    }

    /** A copy that also admits the repositories of {@code pullSpecs}; unparseable ones are ignored. */
    RegistryAdmission exempting(Collection<String> pullSpecs) {
        if (allowed == null) {
            return this;
        }
        Set<String> exempt = new HashSet<>(exemptRepositories);
        pullSpecs.forEach(spec -> ImageReference.tryParse(spec).ifPresent(ref -> exempt.add(canonicalRepository(ref))));
        return new RegistryAdmission(allowed, Set.copyOf(exempt));
    }

    /** Why {@code reference} is not admitted, or empty if it is. */
    Optional<String> rejection(ImageReference reference, boolean insecure) {
        if (allowed == null || exemptRepositories.contains(canonicalRepository(reference))) {
            return Optional.empty();
        }
        String registry = registryOf(reference, insecure);
        return allowed.allows(registry) ? Optional.empty() : Optional.of(allowed.rejection(registry));
    }

    /**
     * The registry as written, or Docker Hub for a pull spec without one; OpenShift names Docker Hub with its
     * secure port unless the reference may be pulled insecurely.
     */
    private static String registryOf(ImageReference reference, boolean insecure) {
        if (!reference.registry().isEmpty()) {
            return reference.registry();
        }
        return insecure ? ImageReference.DOCKER_HUB_REGISTRY : ImageReference.DOCKER_HUB_REGISTRY + ":443";
    }

    /** library-go's {@code DockerClientDefaults().AsRepository().Exact()}. */
    private static String canonicalRepository(ImageReference reference) {
        return reference.dockerClientDefaults().asRepository().exact();
    }
}
