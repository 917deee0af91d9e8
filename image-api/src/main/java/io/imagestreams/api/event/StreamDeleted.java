package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** A stream was deleted; carries the spec tags it had. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamDeleted(String namespace, String name, String uid, long generation, List<SpecTag> tags)
        implements EventPayload {

    public StreamDeleted {
        tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String eventType() {
        return EventTypes.STREAM_DELETED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, name);
    }
}
