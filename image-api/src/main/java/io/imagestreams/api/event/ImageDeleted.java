package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * An Image object was deleted. Images are cluster-scoped, so the key is the digest.
 *
 * @param runId the prune run that deleted it, {@code null} for a delete through the API
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageDeleted(String digest, String runId) implements EventPayload {

    @Override
    public String eventType() {
        return EventTypes.IMAGE_DELETED;
    }

    @Override
    public String partitionKey() {
        return digest;
    }
}
