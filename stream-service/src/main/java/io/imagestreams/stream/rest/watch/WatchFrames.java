package io.imagestreams.stream.rest.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.meta.Status;

/**
 * The watch wire format of the API server: one {@code metav1.WatchEvent} JSON object per event, each followed by a
 * newline, so clients can split the stream into lines.
 */
final class WatchFrames {

    static final String ERROR = "ERROR";
    static final String BOOKMARK = "BOOKMARK";
    static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

    private WatchFrames() {
    }

    /** {@code {"type":"<type>","object":<objectJson>}} and a newline; {@code objectJson} is written as is. */
    static String event(String type, String objectJson) {
        return "{\"type\":\"" + type + "\",\"object\":" + objectJson + "}\n";
    }

    /**
     * A BOOKMARK: an object of the watched kind holding only {@code metadata.resourceVersion} (and the
     * initial-events-end annotation after a {@code sendInitialEvents} list), as the API server sends it.
     */
    static String bookmark(long resourceVersion, boolean initialEventsEnd) {
        String annotations = initialEventsEnd ? ",\"annotations\":{\"" + INITIAL_EVENTS_END + "\":\"true\"}" : "";
        return event(BOOKMARK, "{\"kind\":\"" + ImageApi.KIND_IMAGE_STREAM + "\",\"apiVersion\":\"" + ImageApi.API_VERSION
                + "\",\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\",\"creationTimestamp\":null" + annotations + "}}");
    }

    /** An ERROR event: the watch ends with the failure as a {@code Status}, e.g. 410 Expired. */
    static String error(ObjectMapper mapper, Status status) {
        return event(ERROR, json(mapper, status));
    }

    static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
