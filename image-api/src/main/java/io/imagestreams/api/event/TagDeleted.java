package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A tag was removed from spec and status (istag delete).
 *
 * @param generation the stream generation after the delete
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagDeleted(String namespace, String stream, String tag, long generation) implements EventPayload {

    @Override
    public String eventType() {
        return EventTypes.TAG_DELETED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
