package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A tag could not be imported; becomes an {@code ImportSuccess=False} condition.
 *
 * @param reason        a Kubernetes status reason such as {@code NotFound} or {@code Unauthorized}
 * @param scheduledFrom for the result of a scheduled check: the pull spec checked (see {@link ImportSucceeded})
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportFailed(String namespace, String stream, String tag, long generation, String reason,
        String message, String scheduledFrom) implements EventPayload {

    /** An answer to ImportRequested. */
    public ImportFailed(String namespace, String stream, String tag, long generation, String reason, String message) {
        this(namespace, stream, tag, generation, reason, message, null);
    }

    @Override
    public String eventType() {
        return EventTypes.IMPORT_FAILED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
