package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** A stream's spec changed; carries the spec tags as they are now. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamUpdated(String namespace, String name, String uid, long generation, List<SpecTag> tags)
        implements EventPayload {

    public StreamUpdated {
        tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String eventType() {
        return EventTypes.STREAM_UPDATED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, name);
    }
}
