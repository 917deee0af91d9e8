package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Command: put back the revisions prune run {@code runId} removed from a stream. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreRevisions(String runId, String namespace, String stream, List<HistoryEntry> entries)
        implements EventPayload {

    public RestoreRevisions {
        entries = entries == null ? null : List.copyOf(entries);
    }

    @Override
    public String eventType() {
        return EventTypes.PRUNE_RESTORE;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
