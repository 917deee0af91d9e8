package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.json.Rfc3339Time;
import java.time.Instant;
import java.util.List;

/**
 * The image a tag points at, as {@link TagUpdated} carries it.
 *
 * @param digest               the image name ({@code sha256:…}); {@code ""} for reference tags
 * @param dockerImageReference the pull spec recorded in the tag history
 * @param pullSpec             the pull spec resolved per the tag's reference policy, what workloads should use
 * @param size                 the image size in bytes, if known
 * @param manifests            the child digests of a manifest list, if the image is one
 * @param created              when the history entry was recorded; with the tag's position it lets a
 *                             consumer rebuild the history from the change log alone
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageRef(String digest, String dockerImageReference, String pullSpec, Long size,
        List<String> manifests, @Rfc3339Time Instant created) {

    public ImageRef {
        manifests = manifests == null ? null : List.copyOf(manifests);
    }
}
