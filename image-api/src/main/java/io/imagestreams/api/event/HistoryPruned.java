package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Revisions were removed from a stream's history by prune run {@code runId}. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryPruned(String runId, String namespace, String stream, List<HistoryEntry> entries)
        implements EventPayload {

    public HistoryPruned {
        entries = entries == null ? null : List.copyOf(entries);
    }

    @Override
    public String eventType() {
        return EventTypes.HISTORY_PRUNED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
