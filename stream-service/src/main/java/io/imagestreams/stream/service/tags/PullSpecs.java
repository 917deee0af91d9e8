package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.image.TagReferencePolicy;
import io.imagestreams.api.reference.ImageReference;
import java.util.Optional;

/**
 * The pull spec clients should use for a tag, per its {@code referencePolicy} (apiserver
 * {@code ResolveReferenceForTagEvent}): {@code Source} gives the recorded pull spec, {@code Local} pulls through the
 * integrated registry as {@code <status.dockerImageRepository>@<image>}.
 */
public final class PullSpecs {

    private PullSpecs() {
    }

    /**
     * The pull spec of the tag's current image; empty if the tag has no history. Call it on a stream whose
     * {@code status.dockerImageRepository} is current ({@link ImageStreamStrategy#decorate}).
     */
    public static Optional<String> resolvePullSpec(ImageStream stream, String tag) {
        return TagHistory.latest(stream, tag).map(event -> resolve(stream, tag, event));
    }

    /**
     * The pull spec for {@code event} of {@code tag}. Tags without a spec tag (pushed only) use the recorded
     * pull spec, and so does {@code Local} when the stream has no repository or the event no image ID.
     */
    public static String resolve(ImageStream stream, String tag, TagEvent event) {
        boolean local = stream.getSpec().findTag(tag)
                .map(TagReference::getReferencePolicy)
                .filter(policy -> TagReferencePolicy.LOCAL.equals(policy.getType()))
                .isPresent();
        String localRepository = stream.getStatus().getDockerImageRepository();
        if (!local || localRepository.isEmpty() || event.getImage().isEmpty()) {
            return event.getDockerImageReference();
        }
        return ImageReference.tryParse(localRepository)
                .map(repository -> pullThrough(repository, event.getImage()))
                .orElse(event.getDockerImageReference());
    }

    private static String pullThrough(ImageReference repository, String image) {
        // library-go writes an ID that is not a digest as a tag (v1 registries)
        String separator = ImageReference.isValidDigest(image) ? "@" : ":";
        return repository.asRepository().exact() + separator + image;
    }
}
