package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/** Revisions removed by prune run {@code runId} were put back into a stream's history. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryRestored(String runId, String namespace, String stream, List<HistoryEntry> entries)
        implements EventPayload {

    public HistoryRestored {
        entries = entries == null ? null : List.copyOf(entries);
    }

    @Override
    public String eventType() {
        return EventTypes.HISTORY_RESTORED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
