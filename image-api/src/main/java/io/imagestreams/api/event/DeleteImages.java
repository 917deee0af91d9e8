package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Command: delete these Image objects, which no stream references any more. Keyed by run. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteImages(String runId, List<String> digests) implements EventPayload {

    public DeleteImages {
        digests = digests == null ? null : List.copyOf(digests);
    }

    @Override
    public String eventType() {
        return EventTypes.PRUNE_DELETE_IMAGES;
    }

    @Override
    public String partitionKey() {
        return runId;
    }
}
