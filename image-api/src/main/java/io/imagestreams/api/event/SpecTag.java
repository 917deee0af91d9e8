package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.image.TagReference;

/**
 * A spec tag as stream events carry it.
 *
 * @param referencePolicy {@code Source} or {@code Local}
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpecTag(String name, TagSource from, boolean reference, Long generation, ImportPolicy importPolicy,
        String referencePolicy) {

    public static SpecTag of(TagReference tag) {
        return new SpecTag(tag.getName(), TagSource.of(tag.getFrom()), tag.isReference(), tag.getGeneration(),
                ImportPolicy.of(tag.getImportPolicy()), tag.getReferencePolicy().getType());
    }
}
