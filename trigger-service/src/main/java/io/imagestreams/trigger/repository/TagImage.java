package io.imagestreams.trigger.repository;

import java.time.Instant;

/**
 * The current image of one image stream tag, projected from {@code TagUpdated}.
 *
 * @param pullSpec       resolved per the tag's reference policy; what triggers deliver and compare
 * @param previousImage  the image before, or {@code null}
 */
public record TagImage(String namespace, String stream, String tag, long generation, Image image, Image previousImage,
        Instant updatedAt) {

    /** The {@code stream:tag} name an ImageStreamTag trigger refers to. */
    public String istagName() {
        return stream + ":" + tag;
    }

    public String pullSpec() {
        return image == null ? null : image.pullSpec();
    }

    /** An image as triggers see it. */
    public record Image(String digest, String dockerImageReference, String pullSpec) {
    }
}
