package io.imagestreams.prune.service;

import io.imagestreams.api.reference.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The images workloads use, as the in-use check found them. A pull spec with a digest protects that image
 * wherever it appears (more careful than OpenShift, which protects it only in the stream the pull spec names);
 * a pull spec {@code host/ns/name:tag} protects the current entry of {@code ns/name:tag}; a pull spec that does
 * not parse is an invalid reference.
 */
public final class WorkloadReferences {

    /** The check was not made: no Kubernetes access configured. */
    public static final String NOT_CONFIGURED = "NotConfigured";
    /** The check was made. */
    public static final String CHECKED = "Checked";

    private final Set<String> digests = new HashSet<>();
    private final Set<String> tags = new HashSet<>();
    private final Set<String> pullSpecs = new HashSet<>();
    private final List<InvalidReference> invalid = new ArrayList<>();

    public static WorkloadReferences none() {
        return new WorkloadReferences();
    }

    /** Records one container image of a workload in {@code namespace}. */
    public void add(String namespace, String kind, String name, String image) {
        if (image == null || image.isBlank()) {
            return;
        }
        pullSpecs.add(image);
        var parsed = ImageReference.tryParse(image);
        if (parsed.isEmpty()) {
            invalid.add(new InvalidReference(namespace, kind, name, image));
            return;
        }
        ImageReference reference = parsed.get();
        if (reference.hasDigest()) {
            digests.add(reference.digest());
        } else if (reference.registry() != null && !reference.registry().isEmpty() && reference.namespace() != null
                && !reference.namespace().isEmpty()) {
            tags.add(reference.namespace() + "/" + reference.name() + ":" + (reference.hasTag() ? reference.tag() : ImageReference.DEFAULT_TAG));
        }
    }

    /** Whether a workload uses this entry's image. */
    public boolean protects(Planner.Entry entry) {
        if (entry.image() != null && digests.contains(entry.image())) {
            return true;
        }
        if (pullSpecs.contains(entry.dockerImageReference())) {
            return true;
        }
        return entry.position() == 0 && tags.contains(entry.namespace() + "/" + entry.stream() + ":" + entry.tag());
    }

    public Set<String> digests() {
        return digests;
    }

    public List<InvalidReference> invalid() {
        return invalid;
    }

    /** A workload's image reference that does not parse. */
    public record InvalidReference(String namespace, String kind, String name, String image) {
    }
}
