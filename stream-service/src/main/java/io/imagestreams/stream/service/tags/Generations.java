package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import java.util.Optional;

/** The generation bookkeeping of the apiserver's image stream strategies. */
final class Generations {

    private Generations() {
    }

    /** Every spec tag takes the stream generation, as on create. */
    static void setAllSpecTags(ImageStream stream) {
        long generation = stream.getMetadata().getGeneration();
        stream.getSpec().getTags().forEach(tag -> tag.setGeneration(generation));
    }

    /**
     * Users may not choose a tag generation, except 0 ("import again"): any other value is replaced by the old
     * tag's ({@code updateSpecTagGenerationsForUpdate}).
     */
    static void keepOldSpecTagGenerations(ImageStream stream, ImageStream old) {
        for (TagReference tag : stream.getSpec().getTags()) {
            if (isZero(tag.getGeneration())) {
                continue;
            }
            old.getSpec().findTag(tag.getName()).ifPresent(oldTag -> tag.setGeneration(oldTag.getGeneration()));
        }
    }

    /**
     * New and changed tags, tags without generation and tags set to 0 take the stream generation
     * ({@code ensureSpecTagGenerationsAreSet}).
     */
    static void setNewAndChangedSpecTags(ImageStream stream, ImageStream old) {
        long generation = stream.getMetadata().getGeneration();
        String namespace = TagSource.namespaceOf(stream);
        for (TagReference tag : stream.getSpec().getTags()) {
            Optional<TagReference> oldTag = old == null ? Optional.empty() : old.getSpec().findTag(tag.getName());
            if (SpecTagChanges.isNewOrChanged(oldTag, tag, namespace) || tag.getGeneration() == null
                    || isZero(tag.getGeneration())) {
                tag.setGeneration(generation);
            }
        }
    }

    /**
     * A status write that leaves {@code items[0].generation} at 0 gets the stream generation when the current
     * image is unchanged, else the spec tag's generation if there is one
     * ({@code updateObservedGenerationForStatusUpdate}).
     */
    static void setObservedForStatusUpdate(ImageStream stream, ImageStream old) {
        long streamGeneration = stream.getMetadata().getGeneration();
        for (NamedTagEventList history : stream.getStatus().getTags()) {
            if (history.getItems().isEmpty() || history.getItems().get(0).getGeneration() != 0) {
                continue;
            }
            TagEvent current = history.getItems().get(0);
            Optional<TagEvent> before = TagHistory.latest(old, history.getTag());
            if (before.isEmpty() || !tagEventChanged(before.get(), current)) {
                current.setGeneration(streamGeneration);
                continue;
            }
            current.setGeneration(stream.getSpec().findTag(history.getTag())
                    .map(TagReference::getGeneration)
                    .orElse(streamGeneration));
        }
    }

    private static boolean tagEventChanged(TagEvent old, TagEvent next) {
        return !old.getImage().equals(next.getImage())
                || !old.getDockerImageReference().equals(next.getDockerImageReference())
                || old.getGeneration() > next.getGeneration();
    }

    private static boolean isZero(Long generation) {
        return generation != null && generation == 0L;
    }
}
