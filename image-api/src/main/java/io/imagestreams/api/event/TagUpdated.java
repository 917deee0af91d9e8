package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A tag now points at another image (or the same image under a new generation).
 *
 * @param generation    the generation of the new current history entry
 * @param previousImage {@code null} when the tag had no image before
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagUpdated(String namespace, String stream, String tag, long generation, ImageRef image,
        ImageRef previousImage) implements EventPayload {

    @Override
    public String eventType() {
        return EventTypes.TAG_UPDATED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
