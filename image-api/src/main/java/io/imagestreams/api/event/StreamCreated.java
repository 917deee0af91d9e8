package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** A stream was created, with its spec tags. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamCreated(String namespace, String name, String uid, long generation, List<SpecTag> tags)
        implements EventPayload {

    public StreamCreated {
        tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String eventType() {
        return EventTypes.STREAM_CREATED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, name);
    }
}
