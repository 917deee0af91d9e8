package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Tags of a stream whose spec generation is newer than what was imported. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportRequested(String namespace, String stream, List<ImportTag> tags) implements EventPayload {

    public ImportRequested {
        tags = tags == null ? null : List.copyOf(tags);
    }

    @Override
    public String eventType() {
        return EventTypes.IMPORT_REQUESTED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
