package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * Command: drop these revisions of one tag. The entries are the plan and act as a precondition: if the history
 * changed since, stream-service drops nothing that no longer matches.
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PruneRevisions(String runId, String namespace, String stream, String tag, List<HistoryEntry> entries)
        implements EventPayload {

    public PruneRevisions {
        entries = entries == null ? null : List.copyOf(entries);
    }

    @Override
    public String eventType() {
        return EventTypes.PRUNE_REVISIONS;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
