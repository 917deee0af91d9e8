package io.imagestreams.trigger.repository;

import java.time.Instant;

/**
 * The current image of one image stream tag, projected from {@code TagUpdated}.
 *
 * @param previousImage  the image before, or {@code null}
 * @param created        when stream-service recorded the image in the tag (the {@code created} of the tag's history
 *                       entry in {@code TagUpdated}), or {@code null} when the event did not say
 * @param updatedAt      when this service first saw the tag at this image
 */
public record TagImage(String namespace, String stream, String tag, long generation, Image image, Image previousImage,
        Instant created, Instant updatedAt) {

    /** The {@code stream:tag} name an ImageStreamTag trigger refers to. */
    public String istagName() {
        return stream + ":" + tag;
    }

    public String pullSpec() {
        return image == null ? null : image.pullSpec();
    }

    /**
     * Where the image's age counts from for minimum-age gates: when the tag moved to it ({@link #created}), else when
     * this service saw the move. A {@code created} later than that (clock skew) counts as that, so no image is held
     * longer than the minimum age from when it was seen.
     */
    public Instant ageFrom() {
        return created == null || created.isAfter(updatedAt) ? updatedAt : created;
    }

    /** An image as triggers see it ({@code pullSpec}: resolved per the tag's reference policy, what triggers deliver and compare). */
    public record Image(String digest, String dockerImageReference, String pullSpec) {
    }
}
