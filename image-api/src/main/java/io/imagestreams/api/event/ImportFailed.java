package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A tag could not be imported; becomes an {@code ImportSuccess=False} condition.
 *
 * @param reason a Kubernetes status reason such as {@code NotFound} or {@code Unauthorized}
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportFailed(String namespace, String stream, String tag, long generation, String reason,
        String message) implements EventPayload {

    @Override
    public String eventType() {
        return EventTypes.IMPORT_FAILED;
    }

    @Override
    public String partitionKey() {
        return EventKeys.streamKey(namespace, stream);
    }
}
